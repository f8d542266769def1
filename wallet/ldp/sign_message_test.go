package ldp

import (
	"context"
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha256"
	"errors"
	"testing"
	"time"

	"github.com/satchel-wallet/satchel/wallet/did"
)

// messageSigner signs whole messages, as the wallet's holder signer does:
// Ed25519 as it is, ECDSA as r || s over SHA-256 of the message.
type messageSigner struct{ priv crypto.Signer }

func (m messageSigner) Public() crypto.PublicKey { return m.priv.Public() }

func (m messageSigner) Sign(msg []byte) ([]byte, error) {
	if k, ok := m.priv.(*ecdsa.PrivateKey); ok {
		d := sha256.Sum256(msg)
		r, s, err := ecdsa.Sign(rand.Reader, k, d[:])
		if err != nil {
			return nil, err
		}
		size := (k.Curve.Params().BitSize + 7) / 8
		out := make([]byte, 2*size)
		r.FillBytes(out[:size])
		s.FillBytes(out[size:])
		return out, nil
	}
	return m.priv.Sign(rand.Reader, msg, crypto.Hash(0))
}

// TestSignMessageSigner signs presentations with a MessageSigner (Ed25519
// and P-256, each with its default cryptosuite) and an expiry, and checks
// that they verify and report the expiry; a P-384 message signer, whose
// suite hash is not the one it applies, is refused.
func TestSignMessageSigner(t *testing.T) {
	_, ed, _ := ed25519.GenerateKey(rand.Reader)
	p256, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	p384, _ := ecdsa.GenerateKey(elliptic.P384(), rand.Reader)
	expires := time.Date(2030, 1, 2, 3, 4, 5, 0, time.UTC)
	for _, tc := range []struct {
		name  string
		key   crypto.Signer
		suite string
		want  error
	}{{"Ed25519", ed, EdDSARDFC2022, nil}, {"P-256", p256, ECDSARDFC2019, nil}, {"P-384", p384, "", ErrKeyMismatch}} {
		t.Run(tc.name, func(t *testing.T) {
			holder, err := did.NewKey(tc.key.Public())
			if err != nil {
				t.Fatal(err)
			}
			vp := map[string]any{
				"@context": []any{"https://www.w3.org/ns/credentials/v2"},
				"type":     []any{"VerifiablePresentation"},
				"holder":   holder,
			}
			s := Signer{Message: messageSigner{tc.key}, VerificationMethod: did.KeyID(holder)}
			signed, err := s.Sign(context.Background(), vp, SignOptions{Purpose: PurposeAuthentication, Challenge: "c", Expires: expires})
			if !errors.Is(err, tc.want) || (tc.want == nil && err != nil) {
				t.Fatalf("sign: %v, want %v", err, tc.want)
			}
			if tc.want != nil {
				return
			}
			if got := signed["proof"].(map[string]any)["expires"]; got != "2030-01-02T03:04:05Z" {
				t.Fatalf("proof expires %v", got)
			}
			res, err := (&Verifier{}).Verify(context.Background(), signed, Options{Purpose: PurposeAuthentication, Challenge: "c"})
			if err != nil {
				t.Fatal(err)
			}
			if res[0].Cryptosuite != tc.suite || !res[0].Expires.Equal(expires) || res[0].Controller != holder {
				t.Fatalf("result %+v", res[0])
			}
		})
	}
}
