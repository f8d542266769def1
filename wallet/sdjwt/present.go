package sdjwt

import (
	"crypto"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/satchel-wallet/satchel/wallet/jose"
)

// PresentOptions are the verifier's parameters for a presentation.
type PresentOptions struct {
	// Audience is the verifier's identifier, the KB-JWT's aud. Required.
	Audience string
	// Nonce is the verifier's challenge, the KB-JWT's nonce. Required.
	Nonce string
	// IssuedAt is the KB-JWT's iat; zero means now.
	IssuedAt time.Time
	// Expires is the KB-JWT's exp, after which verifiers refuse the
	// presentation; zero leaves it out (RFC 9901 allows further claims in
	// a KB-JWT, and JWT libraries check exp where it is present).
	Expires time.Time
}

// Present makes an SD-JWT+KB presentation: the issuer-signed JWT, the
// Disclosures named by digest (with the parents they sit in, which must
// be revealed for them to mean anything), in their issued order, and a
// Key Binding JWT {typ kb+jwt; iat, aud, nonce, sd_hash} signed by s. The
// signer's key must be the credential's cnf.jwk.
func (t *Token) Present(s jose.Signer, disclose []string, opts PresentOptions) (string, error) {
	if opts.Audience == "" || opts.Nonce == "" {
		return "", fmt.Errorf("a presentation needs the verifier's audience and nonce: %w", ErrKeyBinding)
	}
	if t.HolderKey == nil {
		return "", ErrNoHolderKey
	}
	type equaler interface{ Equal(crypto.PublicKey) bool }
	if k, ok := s.Public().(equaler); !ok || !k.Equal(t.HolderKey) {
		return "", ErrHolderKeyMismatch
	}
	presented, err := t.Disclose(disclose)
	if err != nil {
		return "", err
	}
	iat := opts.IssuedAt
	if iat.IsZero() {
		iat = time.Now()
	}
	payload := make([]byte, 0, 256)
	payload = append(payload, `{"iat":`...)
	payload = strconv.AppendInt(payload, iat.Unix(), 10)
	payload = append(payload, `,"aud":`...)
	aud, err := marshal(opts.Audience)
	if err != nil {
		return "", err
	}
	nonce, err := marshal(opts.Nonce)
	if err != nil {
		return "", err
	}
	payload = append(payload, aud...)
	payload = append(payload, `,"nonce":`...)
	payload = append(payload, nonce...)
	if !opts.Expires.IsZero() {
		payload = append(payload, `,"exp":`...)
		payload = strconv.AppendInt(payload, opts.Expires.Unix(), 10)
	}
	payload = append(payload, `,"sd_hash":"`...)
	payload = append(payload, digest(t.hash, presented)...)
	payload = append(payload, `"}`...)
	kb, err := jose.SignCompact(s, TypeKB, "", payload)
	if err != nil {
		return "", fmt.Errorf("KB-JWT: %w", err)
	}
	return presented + kb, nil
}

// Disclose returns the SD-JWT with only the Disclosures named by digest
// (and the parents they sit in), in their issued order, ending with "~"
// and no Key Binding JWT: a presentation for verifiers that do not ask
// for key binding. Use [Token.Present] when they do.
func (t *Token) Disclose(disclose []string) (string, error) {
	byDigest := make(map[string]*Disclosure, len(t.Disclosures))
	for _, d := range t.Disclosures {
		byDigest[d.Digest] = d
	}
	chosen := make(map[string]bool, len(disclose))
	for _, dg := range disclose {
		d, ok := byDigest[dg]
		if !ok {
			return "", fmt.Errorf("digest %s: %w", dg, ErrNotDisclosable)
		}
		for ; d != nil && !chosen[d.Digest]; d = byDigest[d.Parent] {
			chosen[d.Digest] = true
		}
	}
	var b strings.Builder
	b.WriteString(t.JWS.Raw())
	b.WriteByte('~')
	for _, d := range t.Disclosures {
		if chosen[d.Digest] {
			b.WriteString(d.Raw)
			b.WriteByte('~')
		}
	}
	return b.String(), nil
}
