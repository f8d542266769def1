package ob2

import (
	"context"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rsa"
	"encoding/base64"
	"fmt"
	"strings"

	"github.com/lestrrat-go/jwx/v3/jwa"
	"github.com/lestrrat-go/jwx/v3/jwk"
	"github.com/lestrrat-go/jwx/v3/jws"
)

// signed is a compact JWS whose payload is an assertion.
type signed struct {
	token     string
	alg       string
	payload   []byte
	signature []byte
}

// isCompact reports whether s has the form of a compact JWS: three
// base64url segments, the first two non-empty.
func isCompact(s string) bool {
	parts := strings.Split(s, ".")
	if len(parts) != 3 || parts[0] == "" || parts[1] == "" {
		return false
	}
	for _, p := range parts {
		for i := 0; i < len(p); i++ {
			c := p[i]
			if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
				return false
			}
		}
	}
	return true
}

// parseSigned splits and decodes a compact JWS, strictly: unpadded
// base64url, a header that is a JSON object with an alg, a payload that is
// JSON (checked by the caller).
func parseSigned(token string) (*signed, error) {
	if !isCompact(token) {
		return nil, fmt.Errorf("not a compact JWS: %w", ErrMalformed)
	}
	parts := strings.Split(token, ".")
	dec := base64.RawURLEncoding.Strict()
	header, err := dec.DecodeString(parts[0])
	if err != nil {
		return nil, fmt.Errorf("JWS header: %v: %w", err, ErrMalformed)
	}
	h, err := decodeJSON(header)
	if err != nil {
		return nil, fmt.Errorf("JWS header: %w", err)
	}
	s := &signed{token: token, alg: str(h, "alg")}
	if s.alg == "" {
		return nil, fmt.Errorf("JWS header without alg: %w", ErrMalformed)
	}
	if s.payload, err = dec.DecodeString(parts[1]); err != nil {
		return nil, fmt.Errorf("JWS payload: %v: %w", err, ErrMalformed)
	}
	if s.signature, err = dec.DecodeString(parts[2]); err != nil {
		return nil, fmt.Errorf("JWS signature: %v: %w", err, ErrMalformed)
	}
	return s, nil
}

// keyResult is what checking a signed badge's signature established.
type keyResult struct {
	status  proofStatus
	problem string // in words, for failed or skipped
	detail  string
	owner   string // the key document's owner (the issuer's profile)
}

type proofStatus int

const (
	proofOK proofStatus = iota
	proofChanged
	proofInvalid
	proofNoNetwork
	proofNoKey
)

// verify checks the signature of s with the key at creator, fetched
// through keys. The algorithm is fixed by the key (RS256 for RSA, ES256
// and ES384 for P-256 and P-384, EdDSA for Ed25519); the token's alg must
// be that one, so "none", HMAC or a weaker choice never get a say.
func (s *signed) verify(ctx context.Context, creator string, keys KeyFetcher) keyResult {
	if keys == nil {
		return keyResult{status: proofNoNetwork, detail: "no key fetcher: offline"}
	}
	doc, err := keys.FetchKey(ctx, creator)
	if err != nil {
		return keyResult{status: proofNoKey, detail: err.Error()}
	}
	raw, owner, err := parseKey(doc, creator)
	if err != nil {
		return keyResult{status: proofInvalid, problem: err.Error(), detail: err.Error()}
	}
	alg, err := algorithmFor(raw)
	if err != nil {
		return keyResult{status: proofInvalid, problem: err.Error(), detail: err.Error()}
	}
	if s.alg != alg.String() {
		p := fmt.Sprintf("the badge says it is signed with %q, but its key signs with %s", s.alg, alg)
		return keyResult{status: proofInvalid, problem: p, detail: p}
	}
	if _, err := jws.Verify([]byte(s.token), jws.WithKey(alg, raw), jws.WithCompact()); err != nil {
		return keyResult{status: proofChanged, detail: fmt.Sprintf("%s with the key at %s: %v", alg, creator, err)}
	}
	return keyResult{status: proofOK, owner: owner, detail: fmt.Sprintf("%s signature verified with the key published at %s", alg, creator)}
}

// parseKey reads a key document: an Open Badges CryptographicKey (its
// publicKeyPem), a JWK, or PEM. A CryptographicKey that names itself must
// name the address it was fetched from.
func parseKey(doc []byte, creator string) (any, string, error) {
	pem, owner := doc, ""
	if m, err := decodeJSON(doc); err == nil {
		if id := str(m, "id"); id != "" && id != creator && str(m, "kty") == "" {
			return nil, "", fmt.Errorf("the key published at %s says it is %s", creator, id)
		}
		owner = str(m, "owner")
		if p := str(m, "publicKeyPem"); p != "" {
			pem = []byte(p)
		} else if str(m, "kty") != "" {
			pem = nil
		}
	}
	var k jwk.Key
	var err error
	if pem == nil {
		k, err = jwk.ParseKey(doc)
	} else {
		k, err = jwk.ParseKey(pem, jwk.WithPEM(true))
	}
	if err != nil {
		return nil, "", fmt.Errorf("the key published at %s cannot be read (%v)", creator, err)
	}
	if k, err = jwk.PublicKeyOf(k); err != nil { // a private key published by mistake
		return nil, "", fmt.Errorf("the key published at %s is not a public key (%v)", creator, err)
	}
	var raw any
	if err := jwk.Export(k, &raw); err != nil {
		return nil, "", fmt.Errorf("the key published at %s cannot be used (%v)", creator, err)
	}
	return raw, owner, nil
}

// minRSABits is the smallest RSA key trusted: NIST SP 800-131A has
// disallowed smaller keys for signatures since 2013.
const minRSABits = 2048

// algorithmFor returns the one algorithm a key verifies.
func algorithmFor(key any) (jwa.SignatureAlgorithm, error) {
	switch k := key.(type) {
	case *rsa.PublicKey:
		if k.N.BitLen() < minRSABits {
			return jwa.SignatureAlgorithm{}, fmt.Errorf("its RSA key has %d bits, fewer than the %d Satchel trusts", k.N.BitLen(), minRSABits)
		}
		return jwa.RS256(), nil
	case *ecdsa.PublicKey:
		switch k.Curve {
		case elliptic.P256():
			return jwa.ES256(), nil
		case elliptic.P384():
			return jwa.ES384(), nil
		}
	case ed25519.PublicKey:
		return jwa.EdDSA(), nil
	}
	return jwa.SignatureAlgorithm{}, fmt.Errorf("its key (%T) is of a kind Satchel does not verify", key)
}
