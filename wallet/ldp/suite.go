package ldp

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/sha256"
	"crypto/sha512"
	"fmt"
	"hash"
	"math/big"
)

// Proof types.
const (
	// TypeDataIntegrity is the proof type of every current cryptosuite.
	TypeDataIntegrity = "DataIntegrityProof"
	// TypeEd25519Signature2020 is the legacy Ed25519 proof type that Open
	// Badges 3.0 issuers still use.
	TypeEd25519Signature2020 = "Ed25519Signature2020"
)

// Cryptosuites Satchel verifies and signs with.
const (
	// EdDSARDFC2022 is eddsa-rdfc-2022: Ed25519 over RDFC-1.0 N-Quads.
	EdDSARDFC2022 = "eddsa-rdfc-2022"
	// EdDSA2022 is eddsa-2022, the draft name of eddsa-rdfc-2022, which some
	// issuers still write; it is verified the same way.
	EdDSA2022 = "eddsa-2022"
	// ECDSARDFC2019 is ecdsa-rdfc-2019: ECDSA P-256 (SHA-256) or P-384
	// (SHA-384) over RDFC-1.0 N-Quads.
	ECDSARDFC2019 = "ecdsa-rdfc-2019"
	// EdDSAJCS2022 is eddsa-jcs-2022: Ed25519 over JSON Canonicalization
	// Scheme (RFC 8785) text, with no JSON-LD processing.
	EdDSAJCS2022 = "eddsa-jcs-2022"
	// ECDSAJCS2019 is ecdsa-jcs-2019: ECDSA P-256 or P-384 over JCS text.
	ECDSAJCS2019 = "ecdsa-jcs-2019"
)

// suite describes how a proof is computed.
type suite struct {
	// name is the cryptosuite, or the proof type for legacy proofs.
	name string
	// jcs selects JCS instead of RDFC-1.0 canonicalisation.
	jcs bool
	// ecdsa selects ECDSA instead of Ed25519.
	ecdsa bool
}

// lookupSuite returns the suite for a proof type and cryptosuite.
func lookupSuite(typ, cryptosuite string) (suite, error) {
	switch typ {
	case TypeEd25519Signature2020:
		return suite{name: TypeEd25519Signature2020}, nil
	case TypeDataIntegrity:
		switch cryptosuite {
		case EdDSARDFC2022, EdDSA2022:
			return suite{name: cryptosuite}, nil
		case ECDSARDFC2019:
			return suite{name: cryptosuite, ecdsa: true}, nil
		case EdDSAJCS2022:
			return suite{name: cryptosuite, jcs: true}, nil
		case ECDSAJCS2019:
			return suite{name: cryptosuite, jcs: true, ecdsa: true}, nil
		case "":
			return suite{}, fmt.Errorf("ldp: DataIntegrityProof without a cryptosuite: %w", ErrMalformedProof)
		}
		return suite{}, fmt.Errorf("ldp: cryptosuite %q: %w", cryptosuite, ErrUnsupportedSuite)
	case "":
		return suite{}, fmt.Errorf("ldp: proof without a type: %w", ErrMalformedProof)
	}
	return suite{}, fmt.Errorf("ldp: proof type %q: %w", typ, ErrUnsupportedSuite)
}

// hashFor returns the hash function the suite uses with key: SHA-384 for
// ECDSA P-384 (the vc-di-ecdsa specification pairs each curve with the hash
// of its security level), SHA-256 otherwise.
func (s suite) hashFor(key crypto.PublicKey) (crypto.Hash, error) {
	switch k := key.(type) {
	case ed25519.PublicKey:
		if s.ecdsa {
			return 0, fmt.Errorf("ldp: Ed25519 key for %s: %w", s.name, ErrKeyMismatch)
		}
		return crypto.SHA256, nil
	case *ecdsa.PublicKey:
		if !s.ecdsa {
			return 0, fmt.Errorf("ldp: ECDSA key for %s: %w", s.name, ErrKeyMismatch)
		}
		switch k.Curve {
		case elliptic.P256():
			return crypto.SHA256, nil
		case elliptic.P384():
			return crypto.SHA384, nil
		}
		return 0, fmt.Errorf("ldp: ECDSA key on %s for %s: %w", k.Curve.Params().Name, s.name, ErrKeyMismatch)
	}
	return 0, fmt.Errorf("ldp: %T key for %s: %w", key, s.name, ErrKeyMismatch)
}

func newHash(h crypto.Hash) hash.Hash {
	if h == crypto.SHA384 {
		return sha512.New384()
	}
	return sha256.New()
}

// hashData is what every suite signs: hash(proof options) || hash(document).
func hashData(h crypto.Hash, proofCanon, docCanon []byte) []byte {
	a, b := newHash(h), newHash(h)
	a.Write(proofCanon)
	b.Write(docCanon)
	return b.Sum(a.Sum(nil))
}

// verifySignature checks sig over data with key. ECDSA signatures are the
// fixed-size r || s form (IEEE P1363) the suites prescribe, over a digest
// of data with the suite's hash.
func verifySignature(key crypto.PublicKey, h crypto.Hash, data, sig []byte) bool {
	switch k := key.(type) {
	case ed25519.PublicKey:
		return ed25519.Verify(k, data, sig)
	case *ecdsa.PublicKey:
		size := (k.Curve.Params().BitSize + 7) / 8
		if len(sig) != 2*size {
			return false
		}
		d := newHash(h)
		d.Write(data)
		r := new(big.Int).SetBytes(sig[:size])
		s := new(big.Int).SetBytes(sig[size:])
		return ecdsa.Verify(k, d.Sum(nil), r, s)
	}
	return false
}
