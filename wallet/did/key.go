package did

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rsa"
	"crypto/x509"
	"encoding/binary"
	"errors"
	"fmt"
	"strings"

	"github.com/mr-tron/base58"
)

// Errors returned when a DID cannot be used.
var (
	// ErrMalformed means the text is not a well-formed DID of the method.
	ErrMalformed = errors.New("malformed DID")
	// ErrUnsupportedKey means the DID is well formed but carries a key type
	// Satchel cannot verify with.
	ErrUnsupportedKey = errors.New("unsupported key type")
)

// KeyPrefix starts every did:key.
const KeyPrefix = "did:key:"

// Multicodec codes of public keys (https://github.com/multiformats/multicodec).
const (
	codecEd25519   = 0xed
	codecX25519    = 0xec
	codecSecp256k1 = 0xe7
	codecBLS12G2   = 0xeb
	codecP256      = 0x1200
	codecP384      = 0x1201
	codecP521      = 0x1202
	codecRSA       = 0x1205
)

// maxKeyDIDLength bounds the identifiers ParseKey accepts. A 4096-bit RSA
// key, the largest key issuers use, encodes in about 750 characters.
const maxKeyDIDLength = 2048

// NewKey returns the did:key of a public key: an ed25519.PublicKey, an
// *ecdsa.PublicKey on P-256, P-384 or P-521, or an *rsa.PublicKey.
func NewKey(pub crypto.PublicKey) (string, error) {
	mb, err := Multibase(pub)
	if err != nil {
		return "", err
	}
	return KeyPrefix + mb, nil
}

// Multibase returns the multibase (base58btc) multicodec form of a public
// key, the part of a did:key after "did:key:" and the value of a Multikey's
// publicKeyMultibase.
func Multibase(pub crypto.PublicKey) (string, error) {
	var codec uint64
	var raw []byte
	switch k := pub.(type) {
	case ed25519.PublicKey:
		if len(k) != ed25519.PublicKeySize {
			return "", fmt.Errorf("ed25519 key of %d bytes: %w", len(k), ErrMalformed)
		}
		codec, raw = codecEd25519, k
	case *ecdsa.PublicKey:
		c, err := curveCodec(k.Curve)
		if err != nil {
			return "", err
		}
		b, err := k.Bytes()
		if err != nil {
			return "", fmt.Errorf("encode ecdsa key: %w", err)
		}
		codec, raw = c, compress(b)
	case *rsa.PublicKey:
		codec, raw = codecRSA, x509.MarshalPKCS1PublicKey(k)
	default:
		return "", fmt.Errorf("public key of type %T: %w", pub, ErrUnsupportedKey)
	}
	buf := binary.AppendUvarint(nil, codec)
	return "z" + base58.Encode(append(buf, raw...)), nil
}

// ParseKey returns the public key a did:key carries. It accepts a DID URL
// with a fragment (the verification method id) and ignores the fragment.
func ParseKey(did string) (crypto.PublicKey, error) {
	if len(did) > maxKeyDIDLength {
		return nil, fmt.Errorf("did:key of %d characters: %w", len(did), ErrMalformed)
	}
	if !strings.HasPrefix(did, KeyPrefix) {
		return nil, fmt.Errorf("%q is not a did:key: %w", shorten(did), ErrMalformed)
	}
	id, _, _ := strings.Cut(strings.TrimPrefix(did, KeyPrefix), "#")
	return ParseMultibase(id)
}

// ParseMultibase decodes a base58btc multibase multicodec public key, as
// found after "did:key:" and in publicKeyMultibase.
func ParseMultibase(mb string) (crypto.PublicKey, error) {
	if !strings.HasPrefix(mb, "z") {
		return nil, fmt.Errorf("multibase %q is not base58btc: %w", shorten(mb), ErrMalformed)
	}
	data, err := base58.Decode(mb[1:])
	if err != nil {
		return nil, fmt.Errorf("base58: %v: %w", err, ErrMalformed)
	}
	codec, n := binary.Uvarint(data)
	if n <= 0 {
		return nil, fmt.Errorf("no multicodec prefix: %w", ErrMalformed)
	}
	raw := data[n:]
	switch codec {
	case codecEd25519:
		if len(raw) != ed25519.PublicKeySize {
			return nil, fmt.Errorf("ed25519 key of %d bytes: %w", len(raw), ErrMalformed)
		}
		return ed25519.PublicKey(raw), nil
	case codecP256:
		return parseEC(elliptic.P256(), raw)
	case codecP384:
		return parseEC(elliptic.P384(), raw)
	case codecP521:
		return parseEC(elliptic.P521(), raw)
	case codecRSA:
		k, err := x509.ParsePKCS1PublicKey(raw)
		if err != nil {
			return nil, fmt.Errorf("rsa key: %v: %w", err, ErrMalformed)
		}
		return k, nil
	case codecSecp256k1:
		return nil, fmt.Errorf("secp256k1: %w", ErrUnsupportedKey)
	case codecBLS12G2:
		return nil, fmt.Errorf("bls12-381: %w", ErrUnsupportedKey)
	case codecX25519:
		return nil, fmt.Errorf("x25519 is for key agreement, not signatures: %w", ErrUnsupportedKey)
	default:
		return nil, fmt.Errorf("multicodec 0x%x: %w", codec, ErrUnsupportedKey)
	}
}

// KeyID returns the id of a did:key's verification method: the DID, "#",
// and the multibase key.
func KeyID(did string) string {
	base, _, _ := strings.Cut(did, "#")
	return base + "#" + strings.TrimPrefix(base, KeyPrefix)
}

func curveCodec(c elliptic.Curve) (uint64, error) {
	switch c {
	case elliptic.P256():
		return codecP256, nil
	case elliptic.P384():
		return codecP384, nil
	case elliptic.P521():
		return codecP521, nil
	}
	return 0, fmt.Errorf("curve %s: %w", c.Params().Name, ErrUnsupportedKey)
}

// compress turns an uncompressed SEC 1 point (0x04 || X || Y) into its
// compressed form (0x02 or 0x03 by the parity of Y, then X), as did:key
// requires.
func compress(uncompressed []byte) []byte {
	size := (len(uncompressed) - 1) / 2
	x, y := uncompressed[1:1+size], uncompressed[1+size:]
	out := make([]byte, 1+size)
	out[0] = 0x02 | y[size-1]&1
	copy(out[1:], x)
	return out
}

func parseEC(c elliptic.Curve, raw []byte) (*ecdsa.PublicKey, error) {
	name := c.Params().Name
	var x, y []byte
	size := (c.Params().BitSize + 7) / 8
	switch {
	case len(raw) == 1+size && (raw[0] == 2 || raw[0] == 3):
		bx, by := elliptic.UnmarshalCompressed(c, raw)
		if bx == nil {
			return nil, fmt.Errorf("%s point is not on the curve: %w", name, ErrMalformed)
		}
		x, y = bx.FillBytes(make([]byte, size)), by.FillBytes(make([]byte, size))
	case len(raw) == 1+2*size && raw[0] == 4:
		x, y = raw[1:1+size], raw[1+size:]
	default:
		return nil, fmt.Errorf("%s key of %d bytes: %w", name, len(raw), ErrMalformed)
	}
	k, err := ecdsa.ParseUncompressedPublicKey(c, append(append([]byte{4}, x...), y...))
	if err != nil {
		return nil, fmt.Errorf("%s key: %v: %w", name, err, ErrMalformed)
	}
	return k, nil
}

func shorten(s string) string {
	if len(s) > 64 {
		return s[:61] + "..."
	}
	return s
}
