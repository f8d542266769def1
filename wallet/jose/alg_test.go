package jose_test

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"testing"

	"github.com/satchel-wallet/satchel/wallet/did"
	"github.com/satchel-wallet/satchel/wallet/jose"
)

// TestAlgorithmFixedByKey signs with each key under its own algorithm and
// under every other one: only the key's own verifies.
func TestAlgorithmFixedByKey(t *testing.T) {
	keys := vectorKeys(t)
	own := map[string][]string{
		"Ed25519":  {jose.EdDSA, jose.Ed25519},
		"P-256":    {jose.ES256},
		"P-384":    {jose.ES384},
		"RSA-2048": {jose.RS256, jose.PS256},
		"RSA-4096": {jose.RS256, jose.PS256},
	}
	all := []string{jose.EdDSA, jose.Ed25519, jose.ES256, jose.ES384, "ES512", jose.RS256, jose.PS256, "RS384", "PS512", "HS256", "none", "ES256K"}
	payload := map[string]any{"iss": "x"}
	for name, algs := range own {
		k := keys[name]
		for _, alg := range all {
			t.Run(name+"/"+alg, func(t *testing.T) {
				tok := token(t, k.priv, map[string]any{"alg": alg}, payload)
				j, err := jose.ParseCompact(tok, jose.Limits{})
				if err != nil {
					t.Fatal(err)
				}
				err = j.VerifyWithKey(k.Public())
				if contains(algs, alg) {
					if err != nil {
						t.Fatalf("own algorithm refused: %v", err)
					}
					return
				}
				if !errors.Is(err, jose.ErrAlgorithm) {
					t.Fatalf("want ErrAlgorithm, got %v", err)
				}
			})
		}
	}
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// TestAlgorithmConfusion covers the classic attacks on JWT libraries.
func TestAlgorithmConfusion(t *testing.T) {
	keys := vectorKeys(t)
	ctx := context.Background()
	ed := keys["Ed25519"]
	rsaKey := keys["RSA-2048"]
	claims := map[string]any{"iss": ed.did, "vc": map[string]any{"type": "VerifiableCredential"}}

	// HS256 with the public key as the HMAC secret.
	pubJWK, _ := did.MarshalPublicJWK(rsaKey.Public())
	h := map[string]any{"alg": "HS256", "kid": did.KeyID(rsaKey.did)}
	hb, _ := json.Marshal(h)
	pb, _ := json.Marshal(map[string]any{"iss": rsaKey.did, "vc": map[string]any{}})
	input := b64(hb) + "." + b64(pb)
	mac := hmac.New(sha256.New, pubJWK)
	mac.Write([]byte(input))
	hs := input + "." + b64(mac.Sum(nil))

	// alg none, with and without a signature.
	none := token(t, ed.priv, map[string]any{"alg": "none"}, claims)
	noneEmpty := none[:len(none)-86]

	// An ES256 signature in DER form instead of r || s.
	p256 := keys["P-256"]
	esClaims := map[string]any{"iss": p256.did, "vc": map[string]any{}}
	es := token(t, p256.priv, map[string]any{"alg": "ES256"}, esClaims)
	j, _ := jose.ParseCompact(es, jose.Limits{})
	der := derSignature(j.Signature)
	esDER := es[:len(es)-86] + b64(der)

	// A token whose header carries the attacker's key while naming the
	// issuer's DID: the DID wins.
	attacker := keys["P-256"]
	jwkHdr, _ := did.MarshalPublicJWK(attacker.Public())
	swapped := token(t, attacker.priv, map[string]any{"alg": "ES256", "kid": did.KeyID(ed.did), "jwk": json.RawMessage(jwkHdr)}, claims)

	// An RSA key below 2048 bits.
	weak, err := rsa.GenerateKey(rand.Reader, 1024)
	if err != nil {
		t.Fatal(err)
	}
	weakTok := token(t, weak, map[string]any{"alg": "RS256"}, claims)

	cases := []struct {
		name string
		tok  string
		key  any // nil: resolve from the token
		want error
	}{
		{"HS256 with the public key as secret", hs, nil, jose.ErrAlgorithm},
		{"alg none", none, nil, jose.ErrAlgorithm},
		{"alg none, no signature", noneEmpty, nil, jose.ErrAlgorithm},
		{"ES256 signature in DER", esDER, nil, jose.ErrSignature},
		{"attacker jwk beside the issuer's kid", swapped, nil, jose.ErrAlgorithm},
		{"RSA 1024", weakTok, &weak.PublicKey, jose.ErrWeakKey},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			j, err := jose.ParseCompact(c.tok, jose.Limits{})
			if err != nil {
				t.Fatal(err)
			}
			if c.key != nil {
				err = j.VerifyWithKey(c.key)
			} else {
				var iss struct {
					Iss string `json:"iss"`
				}
				_ = json.Unmarshal(j.Payload, &iss)
				_, err = j.Verify(ctx, nil, iss.Iss)
			}
			if !errors.Is(err, c.want) {
				t.Fatalf("want %v, got %v", c.want, err)
			}
		})
	}
}

// derSignature encodes r || s as ASN.1 DER.
func derSignature(sig []byte) []byte {
	enc := func(b []byte) []byte {
		for len(b) > 1 && b[0] == 0 {
			b = b[1:]
		}
		if b[0]&0x80 != 0 {
			b = append([]byte{0}, b...)
		}
		return append([]byte{0x02, byte(len(b))}, b...)
	}
	half := len(sig) / 2
	body := append(enc(sig[:half]), enc(sig[half:])...)
	return append([]byte{0x30, byte(len(body))}, body...)
}
