package did

import (
	"bytes"
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rsa"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"math/big"
	"strings"
	"unicode/utf8"
)

// JWKPrefix starts every did:jwk.
const JWKPrefix = "did:jwk:"

// JWKFragment is the only fragment a did:jwk DID URL may carry: the method
// puts exactly one key in the document and names it "#0".
const JWKFragment = "0"

// maxJWKSize bounds a public JWK read from a DID, a token header or a cnf
// claim. The largest key Satchel accepts, 8192-bit RSA, is about 1.5 KB of
// JSON; the rest leaves room for the optional members (kid, alg, x5c...).
const maxJWKSize = 16 << 10

// maxRSABits bounds the modulus of RSA keys read from JWKs. Verifying with
// an RSA key costs time that grows with its size; no issuer uses keys above
// 4096 bits, and 8192 leaves room without letting a crafted key stall
// verification.
const maxRSABits = 8192

// PublicJWK is a public key read from a JSON Web Key (RFC 7517), with the
// optional members that restrict how it may be used.
type PublicJWK struct {
	// Key is an ed25519.PublicKey, an *ecdsa.PublicKey (P-256, P-384,
	// P-521) or an *rsa.PublicKey.
	Key crypto.PublicKey
	// Alg is the "alg" member: when set, the only algorithm the key may be
	// used with.
	Alg string
	// Use is the "use" member ("sig" or "enc"); empty when absent.
	Use string
	// Kid is the "kid" member; empty when absent.
	Kid string
}

// jwkFields holds the members of a JWK that Satchel reads. The private
// members are listed only so that a private key can be refused.
type jwkFields struct {
	Kty    string   `json:"kty"`
	Crv    string   `json:"crv"`
	X      string   `json:"x"`
	Y      string   `json:"y"`
	N      string   `json:"n"`
	E      string   `json:"e"`
	Alg    string   `json:"alg"`
	Use    string   `json:"use"`
	KeyOps []string `json:"key_ops"`
	Kid    string   `json:"kid"`
	D      *string  `json:"d"`
	P      *string  `json:"p"`
	K      *string  `json:"k"`
}

// ParsePublicJWK reads a public key from its JWK form: kty "OKP" with crv
// "Ed25519", kty "EC" with crv "P-256", "P-384" or "P-521", or kty "RSA".
// It refuses private keys (a JWK with "d" or another private member), keys
// marked for encryption only ("use":"enc", or key_ops without "verify"),
// EC points that are not on their curve, and coordinates that are not the
// full size RFC 7518 requires. Unknown members are ignored.
func ParsePublicJWK(data []byte) (*PublicJWK, error) {
	if len(data) > maxJWKSize {
		return nil, fmt.Errorf("JWK of %d bytes (limit %d): %w", len(data), maxJWKSize, ErrMalformed)
	}
	if err := checkJSON(data); err != nil {
		return nil, fmt.Errorf("JWK: %w", err)
	}
	var f jwkFields
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, fmt.Errorf("JWK: %v: %w", err, ErrMalformed)
	}
	if f.D != nil || f.P != nil || f.K != nil {
		return nil, fmt.Errorf("JWK holds private or symmetric key material: %w", ErrMalformed)
	}
	if f.Use != "" && f.Use != "sig" {
		return nil, fmt.Errorf("JWK use %q is not for signatures: %w", f.Use, ErrUnsupportedKey)
	}
	if f.KeyOps != nil && !contains(f.KeyOps, "verify") {
		return nil, fmt.Errorf("JWK key_ops %v does not allow verify: %w", f.KeyOps, ErrUnsupportedKey)
	}
	key, err := f.publicKey()
	if err != nil {
		return nil, err
	}
	return &PublicJWK{Key: key, Alg: f.Alg, Use: f.Use, Kid: f.Kid}, nil
}

func (f *jwkFields) publicKey() (crypto.PublicKey, error) {
	switch f.Kty {
	case "OKP":
		if f.Crv != "Ed25519" {
			return nil, fmt.Errorf("OKP curve %q (only Ed25519 signs): %w", f.Crv, ErrUnsupportedKey)
		}
		x, err := decodeMember("x", f.X)
		if err != nil {
			return nil, err
		}
		if len(x) != ed25519.PublicKeySize {
			return nil, fmt.Errorf("Ed25519 key of %d bytes: %w", len(x), ErrMalformed)
		}
		return ed25519.PublicKey(x), nil
	case "EC":
		c, err := jwkCurve(f.Crv)
		if err != nil {
			return nil, err
		}
		size := (c.Params().BitSize + 7) / 8
		x, err := decodeMember("x", f.X)
		if err != nil {
			return nil, err
		}
		y, err := decodeMember("y", f.Y)
		if err != nil {
			return nil, err
		}
		if len(x) != size || len(y) != size {
			return nil, fmt.Errorf("%s coordinates of %d and %d bytes, want %d: %w", f.Crv, len(x), len(y), size, ErrMalformed)
		}
		point := append(append([]byte{4}, x...), y...)
		k, err := ecdsa.ParseUncompressedPublicKey(c, point)
		if err != nil {
			return nil, fmt.Errorf("%s key: %v: %w", f.Crv, err, ErrMalformed)
		}
		return k, nil
	case "RSA":
		n, err := decodeMember("n", f.N)
		if err != nil {
			return nil, err
		}
		e, err := decodeMember("e", f.E)
		if err != nil {
			return nil, err
		}
		n = bytes.TrimLeft(n, "\x00")
		if len(n)*8 > maxRSABits {
			return nil, fmt.Errorf("RSA modulus of %d bits (limit %d): %w", len(n)*8, maxRSABits, ErrUnsupportedKey)
		}
		// Exponents above 2^31-1 are not used in practice and crypto/rsa
		// refuses them; 3 is the smallest valid one.
		if len(e) == 0 || len(e) > 4 {
			return nil, fmt.Errorf("RSA exponent of %d bytes: %w", len(e), ErrMalformed)
		}
		exp := new(big.Int).SetBytes(e)
		if !exp.IsInt64() || exp.Int64() < 3 || exp.Int64() > 1<<31-1 || exp.Bit(0) == 0 {
			return nil, fmt.Errorf("RSA exponent %s: %w", exp, ErrMalformed)
		}
		mod := new(big.Int).SetBytes(n)
		if mod.BitLen() < 512 || mod.Bit(0) == 0 {
			return nil, fmt.Errorf("RSA modulus of %d bits: %w", mod.BitLen(), ErrMalformed)
		}
		return &rsa.PublicKey{N: mod, E: int(exp.Int64())}, nil
	case "":
		return nil, fmt.Errorf("JWK has no kty: %w", ErrMalformed)
	}
	return nil, fmt.Errorf("JWK kty %q: %w", f.Kty, ErrUnsupportedKey)
}

// MarshalPublicJWK encodes a public key as a JWK holding only the members
// RFC 7638 lists for its key type, in lexicographic order (the form of a
// JWK thumbprint's input, and of the did:jwk examples). It accepts what
// [ParsePublicJWK] returns.
func MarshalPublicJWK(pub crypto.PublicKey) ([]byte, error) {
	enc := base64.RawURLEncoding.EncodeToString
	var s string
	switch k := pub.(type) {
	case ed25519.PublicKey:
		if len(k) != ed25519.PublicKeySize {
			return nil, fmt.Errorf("ed25519 key of %d bytes: %w", len(k), ErrMalformed)
		}
		s = `{"crv":"Ed25519","kty":"OKP","x":"` + enc(k) + `"}`
	case *ecdsa.PublicKey:
		name, err := jwkCurveName(k.Curve)
		if err != nil {
			return nil, err
		}
		b, err := k.Bytes()
		if err != nil {
			return nil, fmt.Errorf("encode ecdsa key: %w", err)
		}
		size := (len(b) - 1) / 2
		s = `{"crv":"` + name + `","kty":"EC","x":"` + enc(b[1:1+size]) + `","y":"` + enc(b[1+size:]) + `"}`
	case *rsa.PublicKey:
		e := big.NewInt(int64(k.E)).Bytes()
		s = `{"e":"` + enc(e) + `","kty":"RSA","n":"` + enc(k.N.Bytes()) + `"}`
	default:
		return nil, fmt.Errorf("public key of type %T: %w", pub, ErrUnsupportedKey)
	}
	return []byte(s), nil
}

// NewJWK returns the did:jwk of a public key: "did:jwk:" and the base64url
// form of the key's JWK as [MarshalPublicJWK] writes it. The same key can
// have other did:jwk identifiers (the JWK may be serialised differently);
// this one is deterministic.
func NewJWK(pub crypto.PublicKey) (string, error) {
	j, err := MarshalPublicJWK(pub)
	if err != nil {
		return "", err
	}
	return JWKPrefix + base64.RawURLEncoding.EncodeToString(j), nil
}

// ParseJWK returns the public key a did:jwk carries. It accepts the DID
// and the DID URL of its one verification method (with fragment "#0"),
// and refuses any other fragment, a query or path, padding or characters
// outside base64url, a private key, and a key for encryption only.
func ParseJWK(did string) (crypto.PublicKey, error) {
	k, err := ParseJWKDetail(did)
	if err != nil {
		return nil, err
	}
	return k.Key, nil
}

// ParseJWKDetail is [ParseJWK] returning the JWK's alg, use and kid as well,
// so that a verifier can hold the key to the algorithm its JWK names.
func ParseJWKDetail(did string) (*PublicJWK, error) {
	// The base64url form of the largest JWK accepted, plus the prefix.
	if len(did) > len(JWKPrefix)+base64.RawURLEncoding.EncodedLen(maxJWKSize)+len("#"+JWKFragment) {
		return nil, fmt.Errorf("did:jwk of %d characters: %w", len(did), ErrMalformed)
	}
	if !strings.HasPrefix(did, JWKPrefix) {
		return nil, fmt.Errorf("%q is not a did:jwk: %w", shorten(did), ErrMalformed)
	}
	id, frag, hasFrag := strings.Cut(strings.TrimPrefix(did, JWKPrefix), "#")
	if hasFrag && frag != JWKFragment {
		return nil, fmt.Errorf("did:jwk fragment %q (only #%s exists): %w", shorten(frag), JWKFragment, ErrKeyNotFound)
	}
	data, err := decodeB64URL(id)
	if err != nil {
		return nil, fmt.Errorf("did:jwk: %w", err)
	}
	return ParsePublicJWK(data)
}

// JWKKeyID returns the id of a did:jwk's one verification method: the DID
// followed by "#0".
func JWKKeyID(did string) string {
	base, _, _ := strings.Cut(did, "#")
	return base + "#" + JWKFragment
}

func jwkCurve(name string) (elliptic.Curve, error) {
	switch name {
	case "P-256":
		return elliptic.P256(), nil
	case "P-384":
		return elliptic.P384(), nil
	case "P-521":
		return elliptic.P521(), nil
	}
	return nil, fmt.Errorf("EC curve %q: %w", name, ErrUnsupportedKey)
}

func jwkCurveName(c elliptic.Curve) (string, error) {
	switch c {
	case elliptic.P256():
		return "P-256", nil
	case elliptic.P384():
		return "P-384", nil
	case elliptic.P521():
		return "P-521", nil
	}
	return "", fmt.Errorf("curve %s: %w", c.Params().Name, ErrUnsupportedKey)
}

func decodeMember(name, v string) ([]byte, error) {
	if v == "" {
		return nil, fmt.Errorf("JWK member %q missing: %w", name, ErrMalformed)
	}
	b, err := decodeB64URL(v)
	if err != nil {
		return nil, fmt.Errorf("JWK member %q: %w", name, err)
	}
	return b, nil
}

// decodeB64URL decodes unpadded base64url strictly: only the 64 characters
// of the URL-safe alphabet (no padding, no line breaks, which the standard
// decoder would skip) and zero bits after the last full byte.
func decodeB64URL(s string) ([]byte, error) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-' || c == '_') {
			return nil, fmt.Errorf("character %q at %d is not base64url: %w", c, i, ErrMalformed)
		}
	}
	b, err := base64.RawURLEncoding.Strict().DecodeString(s)
	if err != nil {
		return nil, fmt.Errorf("base64url: %v: %w", err, ErrMalformed)
	}
	return b, nil
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// maxDepth bounds the nesting of the JSON read here (JWKs, DID
// documents), as for every parser of untrusted input in Satchel: real
// documents nest four or five levels.
const maxDepth = 100

// checkJSON refuses text that is not UTF-8 (encoding/json would replace
// bad bytes silently) or nests deeper than maxDepth.
func checkJSON(data []byte) error {
	if !utf8.Valid(data) {
		return fmt.Errorf("not UTF-8: %w", ErrMalformed)
	}
	depth, inString := 0, false
	for i := 0; i < len(data); i++ {
		switch c := data[i]; {
		case inString && c == '\\':
			i++
		case c == '"':
			inString = !inString
		case inString:
		case c == '{' || c == '[':
			if depth++; depth > maxDepth {
				return fmt.Errorf("JSON nested over %d levels: %w", maxDepth, ErrMalformed)
			}
		case c == '}' || c == ']':
			depth--
		}
	}
	return nil
}
