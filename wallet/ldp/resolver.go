package ldp

import (
	"context"
	"crypto"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/satchel-wallet/satchel/wallet/did"
)

// Verification relationships: the proof purposes a controller can authorise
// a key for.
const (
	// PurposeAssertion is the purpose of a credential's proof: the issuer
	// asserts the claims.
	PurposeAssertion = "assertionMethod"
	// PurposeAuthentication is the purpose of a presentation's proof: the
	// holder proves control of the key, bound to a challenge and domain.
	PurposeAuthentication = "authentication"
)

// Key is a public key found for a verification method, with what its
// controller authorises it for.
type Key struct {
	// ID is the verification method's identifier, e.g. "did:key:z6Mk...#z6Mk...".
	ID string
	// Controller is the identifier of the entity that controls the key (for
	// a DID, the DID). Callers compare it with the credential's issuer.
	Controller string
	// PublicKey is an ed25519.PublicKey or an *ecdsa.PublicKey.
	PublicKey crypto.PublicKey
	// Purposes lists the verification relationships the controller's
	// document lists the key under ("assertionMethod", "authentication", ...).
	Purposes []string
}

// Authorizes reports whether the key's controller authorises it for purpose.
func (k *Key) Authorizes(purpose string) bool { return slices.Contains(k.Purposes, purpose) }

// KeyResolver finds the key of a verification method. A resolver that does
// not handle the method (another DID method, a URL it does not know) returns
// an error wrapping [ErrKeyNotResolved]; one that needs the network must only
// use it when the user asked for it.
type KeyResolver interface {
	ResolveKey(ctx context.Context, verificationMethod string) (*Key, error)
}

// DIDKeyResolver resolves did:key verification methods offline: the key is
// in the identifier, and the did:key method authorises it for every purpose.
type DIDKeyResolver struct{}

// didKeyPurposes are the relationships of a did:key document.
var didKeyPurposes = []string{PurposeAuthentication, PurposeAssertion, "capabilityInvocation", "capabilityDelegation"}

// ResolveKey implements [KeyResolver]. The verification method must be the
// did:key's own ("did:key:z...#z..."); a bare did:key is accepted too.
func (DIDKeyResolver) ResolveKey(_ context.Context, vm string) (*Key, error) {
	if !strings.HasPrefix(vm, did.KeyPrefix) {
		return nil, fmt.Errorf("ldp: %s is not a did:key: %w", short(vm), ErrKeyNotResolved)
	}
	base, frag, hasFrag := strings.Cut(vm, "#")
	if hasFrag && vm != did.KeyID(base) {
		return nil, fmt.Errorf("ldp: did:key fragment %q is not the key's own: %w", short(frag), ErrKeyNotResolved)
	}
	pub, err := did.ParseKey(base)
	if err != nil {
		return nil, fmt.Errorf("ldp: %w: %w", ErrKeyNotResolved, err)
	}
	return &Key{ID: did.KeyID(base), Controller: base, PublicKey: pub, Purposes: didKeyPurposes}, nil
}

// DIDJWKResolver resolves did:jwk verification methods offline: the
// identifier is the base64url of a public JWK (Ed25519, P-256 or P-384),
// its one verification method is "#0", and a key whose "use" is not "enc"
// serves every signing purpose.
type DIDJWKResolver struct{}

// maxJWKDIDLength bounds a did:jwk; a P-384 JWK encodes in under 300
// characters.
const maxJWKDIDLength = 2048

// ResolveKey implements [KeyResolver].
func (DIDJWKResolver) ResolveKey(_ context.Context, vm string) (*Key, error) {
	const prefix = "did:jwk:"
	if !strings.HasPrefix(vm, prefix) || len(vm) > maxJWKDIDLength {
		return nil, fmt.Errorf("ldp: %s is not a did:jwk: %w", short(vm), ErrKeyNotResolved)
	}
	base, frag, hasFrag := strings.Cut(vm, "#")
	if hasFrag && frag != "0" {
		return nil, fmt.Errorf("ldp: did:jwk has no verification method #%s: %w", short(frag), ErrKeyNotResolved)
	}
	raw, err := base64.RawURLEncoding.DecodeString(strings.TrimPrefix(base, prefix))
	if err != nil {
		return nil, fmt.Errorf("ldp: did:jwk is not base64url: %w", ErrKeyNotResolved)
	}
	var jwk map[string]any
	if err := json.Unmarshal(raw, &jwk); err != nil {
		return nil, fmt.Errorf("ldp: did:jwk does not hold a JSON object: %w", ErrKeyNotResolved)
	}
	if _, private := jwk["d"]; private {
		return nil, fmt.Errorf("ldp: did:jwk holds a private key: %w", ErrInvalidKey)
	}
	if jwk["use"] == "enc" {
		return nil, fmt.Errorf("ldp: did:jwk key is for encryption: %w", ErrPurposeMismatch)
	}
	pub, err := jwkKey(jwk)
	if err != nil {
		return nil, err
	}
	return &Key{ID: base + "#0", Controller: base, PublicKey: pub, Purposes: didKeyPurposes}, nil
}

// OfflineResolver returns the resolvers that need nothing but the
// identifier: did:key and did:jwk.
func OfflineResolver() KeyResolver { return Resolvers{DIDKeyResolver{}, DIDJWKResolver{}} }

// Resolvers tries each resolver in turn and returns the first key found. A
// resolver's error other than [ErrKeyNotResolved] stops the search.
type Resolvers []KeyResolver

// ResolveKey implements [KeyResolver].
func (rs Resolvers) ResolveKey(ctx context.Context, vm string) (*Key, error) {
	for _, r := range rs {
		k, err := r.ResolveKey(ctx, vm)
		if err == nil {
			return k, nil
		}
		if !errors.Is(err, ErrKeyNotResolved) {
			return nil, err
		}
	}
	return nil, fmt.Errorf("ldp: no resolver knows %s: %w", short(vm), ErrKeyNotResolved)
}

// short trims an identifier for an error message.
func short(s string) string {
	if len(s) > 96 {
		return s[:93] + "..."
	}
	return s
}
