package sdjwt

import (
	"bytes"
	"crypto"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/satchel-wallet/satchel/wallet/did"
	"github.com/satchel-wallet/satchel/wallet/jose"
)

// The typ values of SD-JWT VCs: "dc+sd-jwt" since draft 09 of SD-JWT VC,
// "vc+sd-jwt" before.
const (
	TypeDC = "dc+sd-jwt"
	TypeVC = "vc+sd-jwt"
)

// Token is a parsed SD-JWT: the issuer-signed JWT, its Disclosures (every
// digest checked), the payload they reconstruct, and the Key Binding JWT
// when there is one. Signatures are checked by [Token.VerifyIssuer] and
// [Token.VerifyKeyBinding].
type Token struct {
	// JWS is the issuer-signed JWT.
	JWS *jose.JWS
	// Disclosures are all the Disclosures, in the order given, each with
	// its place in the payload: what the learner can later choose from.
	Disclosures []*Disclosure
	// KeyBinding is the Key Binding JWT, or nil.
	KeyBinding *jose.JWS
	// HashAlg is the digest algorithm ("_sd_alg", default "sha-256").
	HashAlg string
	// Payload is the processed payload: the issuer-signed claims with
	// every Disclosure put in place and "_sd", "_sd_alg" and undisclosed
	// digests removed.
	Payload json.RawMessage
	// Claims are the registered claims of the processed payload.
	Claims jose.Claims
	// Issuer is iss, or the issuer of a W3C credential payload.
	Issuer string
	// VCT is the SD-JWT VC type ("vct"), if any.
	VCT string
	// HolderKey is the key in cnf.jwk, to which presentations are bound;
	// nil when the SD-JWT has none.
	HolderKey crypto.PublicKey
	// Validity is the period the credential claims to be valid in (nbf to
	// exp, narrowed by validFrom/validUntil in W3C payloads).
	Validity jose.Validity
	// Key is the issuer key the signature verified with; nil until
	// VerifyIssuer succeeds.
	Key *jose.KeyInfo

	hash   crypto.Hash
	issued string // the input up to and including the last "~"
}

// IsVC reports whether the SD-JWT declares itself an SD-JWT VC (typ
// "dc+sd-jwt" or the older "vc+sd-jwt").
func (t *Token) IsVC() bool {
	typ := strings.TrimPrefix(strings.ToLower(t.JWS.Header.Typ), "application/")
	return typ == TypeDC || typ == TypeVC
}

// Parse reads an SD-JWT in its compact form,
// <issuer JWT>~<Disclosure>~...~<Disclosure>~[<KB-JWT>], and checks
// everything that needs no key: the form and limits, every Disclosure and
// every digest. Following RFC 9901 §7.1 it rejects duplicate Disclosures
// ([ErrDuplicateDisclosure]), digests that appear twice
// ([ErrDuplicateDigest]), Disclosures no digest references
// ([ErrUnreferenced]) and disclosed names that clash ([ErrClaimClash]),
// and reconstructs the processed payload. Malformed input wraps
// [ErrMalformed] (and jose.ErrMalformed where the JWS is at fault).
func Parse(s string, lim Limits) (*Token, error) {
	if err := lim.jose().CheckSize(len(s)); err != nil {
		return nil, fmt.Errorf("sd-jwt: %w", wrapJose(err))
	}
	s = strings.Trim(s, " \t\r\n")
	n := strings.Count(s, "~")
	if n == 0 {
		return nil, fmt.Errorf("no \"~\" (an SD-JWT is JWT~Disclosures~[KB-JWT]): %w", ErrMalformed)
	}
	if n-1 > lim.maxDisclosures() {
		return nil, fmt.Errorf("%d Disclosures (limit %d): %w", n-1, lim.maxDisclosures(), ErrTooLarge)
	}
	parts := strings.Split(s, "~")
	last := parts[len(parts)-1]
	t := &Token{issued: s[:strings.LastIndexByte(s, '~')+1]}
	var err error
	if t.JWS, err = jose.ParseCompact(parts[0], lim.jose()); err != nil {
		return nil, fmt.Errorf("issuer JWT: %w", wrapJose(err))
	}
	payload, err := decodeObject(t.JWS.Payload)
	if err != nil {
		return nil, fmt.Errorf("issuer JWT payload: %w", err)
	}
	if err := t.hashAlg(payload); err != nil {
		return nil, err
	}
	byDigest := make(map[string]*Disclosure, len(parts)-2)
	for i, raw := range parts[1 : len(parts)-1] {
		if strings.Count(raw, ".") == 2 {
			return nil, fmt.Errorf("part %d is a JWT, not a Disclosure (a KB-JWT comes last, with no \"~\" after it): %w", i+1, ErrMalformed)
		}
		d, err := decodeDisclosure(raw, t.hash, lim.jose().Depth())
		if err != nil {
			return nil, fmt.Errorf("Disclosure %d: %w", i+1, err)
		}
		if _, dup := byDigest[d.Digest]; dup {
			return nil, fmt.Errorf("Disclosure %d appears twice: %w", i+1, ErrDuplicateDisclosure)
		}
		byDigest[d.Digest] = d
		t.Disclosures = append(t.Disclosures, d)
	}
	p := processor{byDigest: byDigest, seen: map[string]bool{}, maxDepth: lim.jose().Depth()}
	processed, err := p.object(payload, "", "", 1)
	if err != nil {
		return nil, err
	}
	for i, d := range t.Disclosures {
		if !d.used {
			return nil, fmt.Errorf("Disclosure %d (digest %s): %w", i+1, d.Digest, ErrUnreferenced)
		}
	}
	delete(processed, "_sd_alg")
	if err := t.read(processed); err != nil {
		return nil, err
	}
	if last != "" {
		if t.KeyBinding, err = jose.ParseCompact(last, lim.jose()); err != nil {
			return nil, fmt.Errorf("key binding JWT (or a disclosure without its closing \"~\"): %w", wrapJose(err))
		}
	}
	return t, nil
}

// hashAlg reads "_sd_alg" from the issuer-signed payload.
func (t *Token) hashAlg(payload map[string]any) error {
	t.HashAlg = HashSHA256
	if v, ok := payload["_sd_alg"]; ok {
		s, ok := v.(string)
		if !ok {
			return fmt.Errorf("_sd_alg is not a string: %w", ErrMalformed)
		}
		t.HashAlg = s
	}
	h, ok := hashes[t.HashAlg]
	if !ok {
		return fmt.Errorf("_sd_alg %q: %w", t.HashAlg, ErrUnsupportedHash)
	}
	t.hash = h
	return nil
}

// read fills the fields taken from the processed payload.
func (t *Token) read(processed map[string]any) error {
	var err error
	if t.Claims, err = jose.ReadClaims(processed); err != nil {
		return fmt.Errorf("claims: %w", wrapJose(err))
	}
	if v, ok := processed["vct"]; ok {
		if t.VCT, ok = v.(string); !ok {
			return fmt.Errorf("vct is not a string: %w", ErrMalformed)
		}
	}
	t.Issuer = t.Claims.Issuer
	if t.Issuer == "" {
		switch iss := processed["issuer"].(type) {
		case string:
			t.Issuer = iss
		case map[string]any:
			t.Issuer, _ = iss["id"].(string)
		}
	}
	if cnf, ok := processed["cnf"]; ok {
		m, ok := cnf.(map[string]any)
		if !ok {
			return fmt.Errorf("cnf is not an object: %w", ErrMalformed)
		}
		if jwk, ok := m["jwk"]; ok {
			raw, err := json.Marshal(jwk)
			if err != nil {
				return fmt.Errorf("cnf.jwk: %v: %w", err, ErrMalformed)
			}
			k, err := did.ParsePublicJWK(raw)
			if err != nil {
				return fmt.Errorf("cnf.jwk: %v: %w", err, ErrMalformed)
			}
			t.HolderKey = k.Key
		}
	}
	if t.Validity, err = jose.ValidityOf(processed); err != nil {
		return fmt.Errorf("validity: %w", wrapJose(err))
	}
	if t.Payload, err = marshal(processed); err != nil {
		return fmt.Errorf("processed payload: %v: %w", err, ErrMalformed)
	}
	return nil
}

// Issued returns the SD-JWT with every Disclosure and no Key Binding JWT:
// the form to store, from which presentations are made.
func (t *Token) Issued() string {
	var b strings.Builder
	b.WriteString(t.JWS.Raw())
	b.WriteByte('~')
	for _, d := range t.Disclosures {
		b.WriteString(d.Raw)
		b.WriteByte('~')
	}
	return b.String()
}

// decodeObject decodes a JSON object keeping numbers exact.
func decodeObject(data []byte) (map[string]any, error) {
	d := json.NewDecoder(bytes.NewReader(data))
	d.UseNumber()
	var m map[string]any
	if err := d.Decode(&m); err != nil || m == nil {
		return nil, fmt.Errorf("not a JSON object: %w", ErrMalformed)
	}
	return m, nil
}

// marshal writes JSON without escaping <, > and &.
func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	e := json.NewEncoder(&b)
	e.SetEscapeHTML(false)
	if err := e.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

// wrapJose adds this package's sentinel to an error of package jose, so
// that errors.Is(err, sdjwt.ErrMalformed) holds for every malformed input.
func wrapJose(err error) error {
	switch {
	case errors.Is(err, jose.ErrTooLarge):
		return fmt.Errorf("%w: %w", ErrTooLarge, err)
	case errors.Is(err, jose.ErrMalformed):
		return fmt.Errorf("%w: %w", ErrMalformed, err)
	}
	return err
}
