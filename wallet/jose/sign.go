package jose

import (
	"crypto"
	"encoding/base64"
	"encoding/json"
	"fmt"
)

// Signer signs with a holder's private key. It has the method set of
// wallet.Signer, which satisfies it; it is declared here so that package
// wallet can import this package without a cycle. Sign returns signatures
// in JOSE form: Ed25519 as they are, ECDSA as r || s of fixed size.
type Signer interface {
	// DID is the holder's identifier.
	DID() string
	// KeyID is the verification method id: the DID with a fragment.
	KeyID() string
	// Algorithm is the JOSE algorithm name: "EdDSA" or "ES256".
	Algorithm() string
	// Public returns the public key.
	Public() crypto.PublicKey
	// Sign signs msg.
	Sign(msg []byte) ([]byte, error)
}

// signatureSize is the length of a JOSE signature for the algorithms a
// holder signs with; a signer returning anything else is broken (an ECDSA
// signer returning DER, for one) and its output would not verify anywhere.
var signatureSize = map[string]int{EdDSA: 64, Ed25519: 64, ES256: 64, ES384: 96}

// SignCompact signs payload (JSON text, used as it is) and returns the
// compact JWS. The header holds alg (the signer's), then typ and kid when
// they are not empty; callers pass s.KeyID() as kid unless the verifier
// knows the key otherwise (a KB-JWT's key is in the credential). The
// signer's algorithm must be the one its key is for.
func SignCompact(s Signer, typ, kid string, payload []byte) (string, error) {
	alg := s.Algorithm()
	if err := CheckAlgorithm(alg, s.Public()); err != nil {
		return "", fmt.Errorf("signer: %v: %w", err, ErrSigner)
	}
	h, err := headerJSON(alg, typ, kid)
	if err != nil {
		return "", err
	}
	return signEncoded(s, h, payload)
}

// headerJSON writes a protected header with members in a fixed order.
func headerJSON(alg, typ, kid string) ([]byte, error) {
	h := struct {
		Alg string `json:"alg"`
		Typ string `json:"typ,omitempty"`
		Kid string `json:"kid,omitempty"`
	}{alg, typ, kid}
	b, err := json.Marshal(h)
	if err != nil {
		return nil, fmt.Errorf("jws header: %w", err)
	}
	return b, nil
}

// signEncoded builds header.payload, signs it and appends the signature,
// in one buffer sized up front.
func signEncoded(s Signer, header, payload []byte) (string, error) {
	enc := base64.RawURLEncoding
	n := enc.EncodedLen(len(header)) + 1 + enc.EncodedLen(len(payload))
	buf := make([]byte, 0, n+1+enc.EncodedLen(128))
	buf = enc.AppendEncode(buf, header)
	buf = append(buf, '.')
	buf = enc.AppendEncode(buf, payload)
	sig, err := s.Sign(buf)
	if err != nil {
		return "", fmt.Errorf("sign: %w", err)
	}
	if want, ok := signatureSize[s.Algorithm()]; ok && len(sig) != want {
		return "", fmt.Errorf("signer returned %d bytes for %s (want %d): %w", len(sig), s.Algorithm(), want, ErrSigner)
	}
	buf = append(buf, '.')
	buf = enc.AppendEncode(buf, sig)
	return string(buf), nil
}
