package wallet

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha256"
	"encoding/asn1"
	"encoding/json"
	"fmt"
	"math/big"

	"github.com/lestrrat-go/jwx/v3/jwk"

	"github.com/satchel-wallet/satchel/wallet/did"
)

// KeyType names the kind of key a holder profile signs with.
type KeyType string

// The holder key types Satchel creates and imports.
const (
	// KeyEd25519 is the default: small keys and signatures, deterministic,
	// and accepted by every presentation format Satchel produces.
	KeyEd25519 KeyType = "ed25519"
	// KeyP256 (ECDSA on NIST P-256) is for ecosystems that require it, such
	// as verifiers restricted to ES256.
	KeyP256 KeyType = "p256"
)

// ParseKeyType reads a key type as the command line and settings spell it.
func ParseKeyType(s string) (KeyType, error) {
	switch s {
	case "ed25519", "Ed25519", "":
		return KeyEd25519, nil
	case "p256", "P-256", "p-256", "es256":
		return KeyP256, nil
	}
	return "", fmt.Errorf("key type %q (want ed25519 or p256): %w", s, ErrInvalid)
}

// Signer signs with a holder's private key. Signatures are in the form JOSE
// and Data Integrity use: Ed25519 signatures as they are, ECDSA signatures as
// r || s of fixed size over the SHA-256 digest of msg.
type Signer interface {
	// DID is the holder's identifier.
	DID() string
	// KeyID is the verification method id, the DID with a fragment.
	KeyID() string
	// Algorithm is the JOSE algorithm name: "EdDSA" or "ES256".
	Algorithm() string
	// Public returns the public key.
	Public() crypto.PublicKey
	// Sign signs msg.
	Sign(msg []byte) ([]byte, error)
}

// keySigner implements Signer over an in-memory private key.
type keySigner struct {
	did  string
	priv crypto.Signer
}

func (s *keySigner) DID() string              { return s.did }
func (s *keySigner) KeyID() string            { return did.KeyID(s.did) }
func (s *keySigner) Public() crypto.PublicKey { return s.priv.Public() }

func (s *keySigner) Algorithm() string {
	if _, ok := s.priv.(*ecdsa.PrivateKey); ok {
		return "ES256"
	}
	return "EdDSA"
}

func (s *keySigner) Sign(msg []byte) ([]byte, error) {
	switch k := s.priv.(type) {
	case ed25519.PrivateKey:
		return ed25519.Sign(k, msg), nil
	case *ecdsa.PrivateKey:
		digest := sha256.Sum256(msg)
		der, err := ecdsa.SignASN1(rand.Reader, k, digest[:])
		if err != nil {
			return nil, fmt.Errorf("sign: %w", err)
		}
		return derToP1363(der, 32)
	}
	return nil, fmt.Errorf("sign with %T: %w", s.priv, ErrInvalid)
}

// generateKey makes a new private key of the given type.
func generateKey(kt KeyType) (crypto.Signer, error) {
	switch kt {
	case KeyEd25519:
		_, priv, err := ed25519.GenerateKey(rand.Reader)
		return priv, err
	case KeyP256:
		return ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	}
	return nil, fmt.Errorf("key type %q: %w", kt, ErrInvalid)
}

// keyTypeOf tells which holder key type a private key is, refusing any other.
func keyTypeOf(priv crypto.Signer) (KeyType, error) {
	switch k := priv.(type) {
	case ed25519.PrivateKey:
		return KeyEd25519, nil
	case *ecdsa.PrivateKey:
		if k.Curve == elliptic.P256() {
			return KeyP256, nil
		}
		return "", fmt.Errorf("ECDSA key on %s (holder keys are Ed25519 or P-256): %w", k.Curve.Params().Name, ErrInvalid)
	}
	return "", fmt.Errorf("a %T key (holder keys are Ed25519 or P-256): %w", priv, ErrInvalid)
}

// maxJWKSize bounds an imported key file; a private EC or OKP JWK is a few
// hundred bytes.
const maxJWKSize = 16 << 10

// parsePrivateJWK reads a private Ed25519 or P-256 key from a JWK.
func parsePrivateJWK(data []byte) (crypto.Signer, error) {
	if len(data) > maxJWKSize {
		return nil, fmt.Errorf("key file of %d bytes is larger than a JWK can be: %w", len(data), ErrInvalid)
	}
	key, err := jwk.ParseKey(data)
	if err != nil {
		return nil, fmt.Errorf("not a JWK (%v): %w", err, ErrInvalid)
	}
	var raw any
	if err := jwk.Export(key, &raw); err != nil {
		return nil, fmt.Errorf("JWK: %v: %w", err, ErrInvalid)
	}
	var priv crypto.Signer
	switch k := raw.(type) {
	case ed25519.PrivateKey:
		priv = k
	case *ecdsa.PrivateKey:
		priv = k
	case ed25519.PublicKey, *ecdsa.PublicKey:
		return nil, fmt.Errorf("the JWK holds only a public key; a holder needs the private key (\"d\"): %w", ErrInvalid)
	default:
		return nil, fmt.Errorf("a %T key (holder keys are Ed25519 or P-256): %w", raw, ErrInvalid)
	}
	if _, err := keyTypeOf(priv); err != nil {
		return nil, err
	}
	return priv, nil
}

// marshalJWK encodes a key (private or public) as a JWK.
func marshalJWK(raw any) ([]byte, error) {
	key, err := jwk.Import(raw)
	if err != nil {
		return nil, fmt.Errorf("encode JWK: %w", err)
	}
	return json.Marshal(key)
}

// derToP1363 turns an ASN.1 DER ECDSA signature (SEQUENCE { r, s }) into
// r || s, each left-padded to size bytes, as JOSE and Data Integrity require.
func derToP1363(der []byte, size int) ([]byte, error) {
	var sig struct{ R, S *big.Int }
	rest, err := asn1.Unmarshal(der, &sig)
	if err != nil || len(rest) != 0 || sig.R.Sign() <= 0 || sig.S.Sign() <= 0 {
		return nil, fmt.Errorf("ecdsa signature encoding: %v", err)
	}
	out := make([]byte, 2*size)
	sig.R.FillBytes(out[:size])
	sig.S.FillBytes(out[size:])
	return out, nil
}
