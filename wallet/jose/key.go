package jose

import (
	"context"
	"crypto"
	"crypto/x509"
	"encoding/base64"
	"fmt"
	"strings"

	"github.com/satchel-wallet/satchel/wallet/did"
)

// KeySource says where the key that verified a signature came from, and so
// what the verification proves.
type KeySource int

const (
	// KeyFromDID: the key was resolved from a DID (the header's kid or the
	// issuer) and belongs to the issuer the token names. The signature
	// shows the issuer signed, as far as the DID itself is trusted.
	KeyFromDID KeySource = iota + 1
	// KeyEmbedded: the key came from the token's own header (a jwk, or an
	// x5c certificate without a trust anchor). The signature proves only
	// that the token is intact since someone holding that key signed it;
	// anyone can sign with a key of their own. Callers should say "issuer
	// not confirmed".
	KeyEmbedded
	// KeyProvided: the caller supplied the key ([JWS.VerifyWithKey] and
	// the functions built on it), and decides what it proves.
	KeyProvided
)

// String names the source for logs and technical details: "did",
// "embedded", "provided" (or "none" for the zero value).
func (s KeySource) String() string {
	switch s {
	case KeyFromDID:
		return "did"
	case KeyEmbedded:
		return "embedded"
	case KeyProvided:
		return "provided"
	}
	return "none"
}

// KeyInfo describes the key a signature verified with.
type KeyInfo struct {
	// Source says where the key came from.
	Source KeySource
	// ID is the key id: the DID URL resolved, or the header kid.
	ID string
	// Controller is the DID that controls the key (KeyFromDID only).
	Controller string
	// Alg is the algorithm the signature verified with.
	Alg string
	// Key is the public key.
	Key crypto.PublicKey
	// Certificate is the leaf certificate of an x5c header. Its chain was
	// not validated.
	Certificate *x509.Certificate
}

// KeyResolver finds the public key of a verification method and the DID
// that controls it: did.KeyResolver, which *did.Resolver implements.
type KeyResolver = did.KeyResolver

// Verify checks the signature of j and says which key made it. The key is
// chosen in this order:
//
//  1. kid is a DID URL (or a fragment, "#key-1", relative to a DID
//     issuer): the key is resolved with r, and its controller must be
//     issuer when issuer is not empty;
//  2. issuer is a DID: its one key is resolved with r;
//  3. the header carries a jwk, or an x5c certificate chain: that key, as
//     [KeyEmbedded];
//  4. otherwise [ErrNoKey].
//
// A nil r resolves did:key and did:jwk only. Resolution errors are
// returned wrapped as they are (did.ErrNeedsNetwork for a did:web with no
// fetcher); a token naming a DID never falls back to a key in its header.
// The algorithm is fixed by the key, as in [JWS.VerifyWithKey].
func (j *JWS) Verify(ctx context.Context, r KeyResolver, issuer string) (*KeyInfo, error) {
	if r == nil {
		r = &did.Resolver{}
	}
	kid := j.Header.Kid
	if strings.HasPrefix(kid, "#") && isDID(issuer) {
		kid = issuer + kid
	}
	var info *KeyInfo
	switch {
	case isDID(kid):
		pub, controller, err := r.ResolveKey(ctx, kid)
		if err != nil {
			return nil, fmt.Errorf("key %s: %w", short(kid), err)
		}
		if issuer != "" && controller != issuer {
			return nil, fmt.Errorf("key %s is controlled by %s, not the issuer %s: %w", short(kid), short(controller), short(issuer), ErrIssuerMismatch)
		}
		info = &KeyInfo{Source: KeyFromDID, ID: kid, Controller: controller, Key: pub}
	case isDID(issuer):
		pub, controller, err := r.ResolveKey(ctx, issuer)
		if err != nil {
			return nil, fmt.Errorf("issuer key %s: %w", short(issuer), err)
		}
		info = &KeyInfo{Source: KeyFromDID, ID: issuer, Controller: controller, Key: pub}
	case len(j.Header.JWK) > 0:
		k, err := did.ParsePublicJWK(j.Header.JWK)
		if err != nil {
			return nil, fmt.Errorf("header jwk: %v: %w", err, ErrMalformed)
		}
		if k.Alg != "" && k.Alg != j.Header.Alg {
			return nil, fmt.Errorf("header jwk is for %s, token says %s: %w", k.Alg, j.Header.Alg, ErrAlgorithm)
		}
		info = &KeyInfo{Source: KeyEmbedded, ID: j.Header.Kid, Key: k.Key}
	case len(j.Header.X5C) > 0:
		cert, err := leafCertificate(j.Header.X5C)
		if err != nil {
			return nil, err
		}
		info = &KeyInfo{Source: KeyEmbedded, ID: j.Header.Kid, Key: cert.PublicKey, Certificate: cert}
	default:
		return nil, fmt.Errorf("kid %q is not a DID, issuer %q is not a DID, and the header holds no key: %w", short(j.Header.Kid), short(issuer), ErrNoKey)
	}
	if err := j.VerifyWithKey(info.Key); err != nil {
		return nil, err
	}
	info.Alg = j.Header.Alg
	return info, nil
}

// leafCertificate parses the first certificate of an x5c header
// (standard base64 DER, RFC 7515 §4.1.6).
func leafCertificate(x5c []string) (*x509.Certificate, error) {
	der, err := base64.StdEncoding.Strict().DecodeString(x5c[0])
	if err != nil {
		return nil, fmt.Errorf("header x5c: %v: %w", err, ErrMalformed)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		return nil, fmt.Errorf("header x5c: %v: %w", err, ErrMalformed)
	}
	return cert, nil
}

func isDID(s string) bool { return strings.HasPrefix(s, "did:") }

// short trims an identifier for an error message: did:key and did:jwk ids
// run to hundreds of characters.
func short(s string) string {
	if len(s) > 80 {
		return s[:77] + "..."
	}
	return s
}
