package ldp

import (
	"context"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"encoding/base64"
	"fmt"
	"strings"

	"github.com/mr-tron/base58"

	"github.com/satchel-wallet/satchel/wallet/did"
)

// relationships are the members of a controller document that list keys
// by purpose.
var relationships = []string{PurposeAssertion, PurposeAuthentication, "capabilityInvocation", "capabilityDelegation", "keyAgreement"}

// DocumentResolver resolves verification methods from controller documents
// (DID documents) held in memory: fixtures, a cache, or what a did:web
// resolver fetched. It is read-only after construction and safe for
// concurrent use.
type DocumentResolver struct {
	keys map[string]*Key
}

// NewDocumentResolver indexes the keys of the given controller documents,
// each a parsed JSON object (see jsonld.ParseObject). A key is recorded with
// the purposes under which its document lists it, embedded or by reference.
func NewDocumentResolver(docs ...map[string]any) (*DocumentResolver, error) {
	r := &DocumentResolver{keys: make(map[string]*Key)}
	for _, doc := range docs {
		if err := r.add(doc); err != nil {
			return nil, err
		}
	}
	return r, nil
}

// ResolveKey implements [KeyResolver].
func (r *DocumentResolver) ResolveKey(_ context.Context, vm string) (*Key, error) {
	k, ok := r.keys[vm]
	if !ok {
		return nil, fmt.Errorf("ldp: no document holds %s: %w", short(vm), ErrKeyNotResolved)
	}
	return k, nil
}

func (r *DocumentResolver) add(doc map[string]any) error {
	id, _ := doc["id"].(string)
	if id == "" {
		return fmt.Errorf("ldp: controller document without an id: %w", ErrInvalidKey)
	}
	abs := func(ref string) string {
		if strings.HasPrefix(ref, "#") {
			return id + ref
		}
		return ref
	}
	methods := make(map[string]map[string]any)
	purposes := make(map[string][]string)
	collect := func(v any, purpose string) error {
		list, ok := v.([]any)
		if !ok {
			list = []any{v}
		}
		for _, e := range list {
			switch m := e.(type) {
			case string:
				if purpose != "" {
					purposes[abs(m)] = append(purposes[abs(m)], purpose)
				}
			case map[string]any:
				vmID, _ := m["id"].(string)
				if vmID == "" {
					return fmt.Errorf("ldp: verification method without an id in %s: %w", short(id), ErrInvalidKey)
				}
				methods[abs(vmID)] = m
				if purpose != "" {
					purposes[abs(vmID)] = append(purposes[abs(vmID)], purpose)
				}
			default:
				return fmt.Errorf("ldp: verification method of type %T in %s: %w", e, short(id), ErrInvalidKey)
			}
		}
		return nil
	}
	if v, ok := doc["verificationMethod"]; ok {
		if err := collect(v, ""); err != nil {
			return err
		}
	}
	for _, rel := range relationships {
		if v, ok := doc[rel]; ok {
			if err := collect(v, rel); err != nil {
				return err
			}
		}
	}
	for vmID, m := range methods {
		pub, err := methodKey(m)
		if err != nil {
			return fmt.Errorf("ldp: %s: %w", short(vmID), err)
		}
		controller, _ := m["controller"].(string)
		if controller == "" {
			controller = id
		}
		r.keys[vmID] = &Key{ID: vmID, Controller: controller, PublicKey: pub, Purposes: purposes[vmID]}
	}
	return nil
}

// methodKey reads the public key of a verification method object: Multikey
// and Ed25519VerificationKey2020 (publicKeyMultibase),
// Ed25519VerificationKey2018 (publicKeyBase58) and JsonWebKey2020
// (publicKeyJwk, OKP Ed25519 or EC P-256/P-384).
func methodKey(m map[string]any) (any, error) {
	if mb, ok := m["publicKeyMultibase"].(string); ok {
		typ, _ := m["type"].(string)
		if typ == "Ed25519VerificationKey2018" {
			return nil, fmt.Errorf("publicKeyMultibase on an Ed25519VerificationKey2018: %w", ErrInvalidKey)
		}
		pub, err := did.ParseMultibase(mb)
		if err != nil {
			return nil, fmt.Errorf("%w: %w", ErrInvalidKey, err)
		}
		return pub, nil
	}
	if b58, ok := m["publicKeyBase58"].(string); ok {
		raw, err := base58.Decode(b58)
		if err != nil || len(raw) != ed25519.PublicKeySize {
			return nil, fmt.Errorf("publicKeyBase58 is not a 32-byte Ed25519 key: %w", ErrInvalidKey)
		}
		return ed25519.PublicKey(raw), nil
	}
	if jwk, ok := m["publicKeyJwk"].(map[string]any); ok {
		return jwkKey(jwk)
	}
	return nil, fmt.Errorf("no supported public key member: %w", ErrInvalidKey)
}

// jwkKey reads a public JWK (RFC 7517/8037) with the standard library.
func jwkKey(jwk map[string]any) (any, error) {
	str := func(k string) []byte {
		s, _ := jwk[k].(string)
		b, err := base64.RawURLEncoding.DecodeString(s)
		if err != nil {
			return nil
		}
		return b
	}
	kty, _ := jwk["kty"].(string)
	crv, _ := jwk["crv"].(string)
	switch {
	case kty == "OKP" && crv == "Ed25519":
		x := str("x")
		if len(x) != ed25519.PublicKeySize {
			return nil, fmt.Errorf("ed25519 jwk with a %d-byte x: %w", len(x), ErrInvalidKey)
		}
		return ed25519.PublicKey(x), nil
	case kty == "EC" && (crv == "P-256" || crv == "P-384"):
		c := elliptic.P256()
		if crv == "P-384" {
			c = elliptic.P384()
		}
		size := (c.Params().BitSize + 7) / 8
		x, y := str("x"), str("y")
		if len(x) != size || len(y) != size {
			return nil, fmt.Errorf("%s jwk coordinates of the wrong size: %w", crv, ErrInvalidKey)
		}
		raw := append(append([]byte{4}, x...), y...)
		k, err := ecdsa.ParseUncompressedPublicKey(c, raw)
		if err != nil {
			return nil, fmt.Errorf("%s jwk: %v: %w", crv, err, ErrInvalidKey)
		}
		return k, nil
	}
	return nil, fmt.Errorf("jwk kty %q crv %q: %w", kty, crv, ErrInvalidKey)
}
