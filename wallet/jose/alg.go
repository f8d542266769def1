package jose

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/sha512"
	"fmt"
	"math/big"
)

// The signature algorithms Satchel verifies (RFC 7518, RFC 8037). Each is
// bound to one key type: the key decides, the header only has to agree.
const (
	// EdDSA is Ed25519 (RFC 8037), the algorithm of Satchel's own keys.
	EdDSA = "EdDSA"
	// Ed25519 is the fully-specified name of the same algorithm (RFC 9864),
	// which some libraries write instead of EdDSA.
	Ed25519 = "Ed25519"
	// ES256 is ECDSA on P-256 with SHA-256.
	ES256 = "ES256"
	// ES384 is ECDSA on P-384 with SHA-384.
	ES384 = "ES384"
	// RS256 is RSASSA-PKCS1-v1_5 with SHA-256.
	RS256 = "RS256"
	// PS256 is RSASSA-PSS with SHA-256 and a 32-byte salt.
	PS256 = "PS256"
)

// minRSABits is the smallest RSA modulus trusted: NIST SP 800-131A has
// disallowed smaller keys for signatures since 2013.
const minRSABits = 2048

// Algorithms returns the algorithms a public key may verify: EdDSA (and
// its alias Ed25519) for an Ed25519 key, ES256 for P-256, ES384 for P-384,
// RS256 and PS256 for RSA. Other keys (P-521, secp256k1, symmetric) get an
// error wrapping [ErrAlgorithm], and RSA keys under 2048 bits one wrapping
// [ErrWeakKey].
func Algorithms(pub crypto.PublicKey) ([]string, error) {
	switch k := pub.(type) {
	case ed25519.PublicKey:
		return []string{EdDSA, Ed25519}, nil
	case *ecdsa.PublicKey:
		switch k.Curve {
		case elliptic.P256():
			return []string{ES256}, nil
		case elliptic.P384():
			return []string{ES384}, nil
		}
		return nil, fmt.Errorf("ECDSA on %s: %w", k.Curve.Params().Name, ErrAlgorithm)
	case *rsa.PublicKey:
		if k.N.BitLen() < minRSABits {
			return nil, fmt.Errorf("RSA key of %d bits (minimum %d): %w", k.N.BitLen(), minRSABits, ErrWeakKey)
		}
		return []string{RS256, PS256}, nil
	}
	return nil, fmt.Errorf("key of type %T: %w", pub, ErrAlgorithm)
}

// CheckAlgorithm returns nil if alg is one the key may verify, and an
// error wrapping [ErrAlgorithm] (or [ErrWeakKey]) otherwise. "none" is
// never allowed.
func CheckAlgorithm(alg string, pub crypto.PublicKey) error {
	if alg == "none" || alg == "" {
		return fmt.Errorf("alg %q (an unsecured token): %w", alg, ErrAlgorithm)
	}
	algs, err := Algorithms(pub)
	if err != nil {
		return err
	}
	for _, a := range algs {
		if a == alg {
			return nil
		}
	}
	return fmt.Errorf("alg %q with a key for %v: %w", alg, algs, ErrAlgorithm)
}

// VerifyWithKey checks the signature of j with pub. The algorithm is fixed
// by the key (see [Algorithms]); the header's alg must be that algorithm,
// so a token cannot pick a weaker or different one (no "none", no HMAC
// with a public key as secret, no RSA for an EC key). It returns an error
// wrapping [ErrAlgorithm], [ErrWeakKey] or [ErrSignature].
func (j *JWS) VerifyWithKey(pub crypto.PublicKey) error {
	alg := j.Header.Alg
	if err := CheckAlgorithm(alg, pub); err != nil {
		return err
	}
	return verify(alg, pub, []byte(j.SigningInput()), j.Signature)
}

// verify checks sig over msg; alg has been checked against the key type.
func verify(alg string, pub crypto.PublicKey, msg, sig []byte) error {
	ok := false
	switch alg {
	case EdDSA, Ed25519:
		k := pub.(ed25519.PublicKey)
		ok = len(sig) == ed25519.SignatureSize && ed25519.Verify(k, msg, sig)
	case ES256:
		d := sha256.Sum256(msg)
		ok = verifyECDSA(pub.(*ecdsa.PublicKey), d[:], sig, 32)
	case ES384:
		d := sha512.Sum384(msg)
		ok = verifyECDSA(pub.(*ecdsa.PublicKey), d[:], sig, 48)
	case RS256:
		d := sha256.Sum256(msg)
		ok = rsa.VerifyPKCS1v15(pub.(*rsa.PublicKey), crypto.SHA256, d[:], sig) == nil
	case PS256:
		d := sha256.Sum256(msg)
		opts := &rsa.PSSOptions{SaltLength: rsa.PSSSaltLengthEqualsHash, Hash: crypto.SHA256}
		ok = rsa.VerifyPSS(pub.(*rsa.PublicKey), crypto.SHA256, d[:], sig, opts) == nil
	default:
		return fmt.Errorf("alg %q: %w", alg, ErrAlgorithm)
	}
	if !ok {
		return fmt.Errorf("%s: %w", alg, ErrSignature)
	}
	return nil
}

// verifyECDSA checks a JOSE ECDSA signature: r || s, each exactly size
// bytes (RFC 7518 §3.4). DER-encoded signatures are refused.
func verifyECDSA(pub *ecdsa.PublicKey, digest, sig []byte, size int) bool {
	if len(sig) != 2*size {
		return false
	}
	r := new(big.Int).SetBytes(sig[:size])
	s := new(big.Int).SetBytes(sig[size:])
	return ecdsa.Verify(pub, digest, r, s)
}
