package jose_test

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"
	"testing"

	"github.com/lestrrat-go/jwx/v3/jwk"

	"github.com/satchel-wallet/satchel/internal/fixture"
	"github.com/satchel-wallet/satchel/wallet/did"
	"github.com/satchel-wallet/satchel/wallet/jose"
)

// testKey is a private key from the did:key test vectors, which publish
// them, with its did:key.
type testKey struct {
	name string
	priv crypto.Signer
	did  string
	alg  string // the algorithm the key signs with in tests
}

// jose.Signer for holder keys (Ed25519, P-256, P-384).
func (k *testKey) DID() string              { return k.did }
func (k *testKey) KeyID() string            { return did.KeyID(k.did) }
func (k *testKey) Algorithm() string        { return k.alg }
func (k *testKey) Public() crypto.PublicKey { return k.priv.Public() }
func (k *testKey) Sign(msg []byte) ([]byte, error) {
	return rawSign(k.alg, k.priv, msg)
}

var _ jose.Signer = (*testKey)(nil)

// rawSign signs msg as alg with priv, whatever alg says: tests use it to
// make tokens whose alg does not fit the key.
func rawSign(alg string, priv crypto.Signer, msg []byte) ([]byte, error) {
	switch k := priv.(type) {
	case ed25519.PrivateKey:
		return ed25519.Sign(k, msg), nil
	case *ecdsa.PrivateKey:
		var d []byte
		if k.Curve == elliptic.P384() {
			h := sha512.Sum384(msg)
			d = h[:]
		} else {
			h := sha256.Sum256(msg)
			d = h[:]
		}
		r, s, err := ecdsa.Sign(rand.Reader, k, d)
		if err != nil {
			return nil, err
		}
		size := (k.Curve.Params().BitSize + 7) / 8
		out := make([]byte, 2*size)
		r.FillBytes(out[:size])
		s.FillBytes(out[size:])
		return out, nil
	case *rsa.PrivateKey:
		h := sha256.Sum256(msg)
		if alg == jose.PS256 {
			return rsa.SignPSS(rand.Reader, k, crypto.SHA256, h[:], &rsa.PSSOptions{SaltLength: rsa.PSSSaltLengthEqualsHash})
		}
		return rsa.SignPKCS1v15(rand.Reader, k, crypto.SHA256, h[:])
	}
	return nil, fmt.Errorf("key %T", priv)
}

// vectorKeys loads one key of each kind from the did:key test vectors.
func vectorKeys(t testing.TB) map[string]*testKey {
	t.Helper()
	out := map[string]*testKey{}
	var ed map[string]struct {
		Seed string `json:"seed"`
	}
	if err := json.Unmarshal(fixture.Read(t, "vectors/did-key/test-vectors/ed25519-x25519.json"), &ed); err != nil {
		t.Fatal(err)
	}
	for _, id := range sorted(ed) {
		v := ed[id]
		seed, err := hex.DecodeString(v.Seed)
		if err != nil || len(seed) != ed25519.SeedSize {
			continue
		}
		priv := ed25519.NewKeyFromSeed(seed)
		if got, _ := did.NewKey(priv.Public()); got == id && out["Ed25519"] == nil {
			out["Ed25519"] = &testKey{name: "Ed25519", priv: priv, did: id, alg: jose.EdDSA}
		}
	}
	for _, f := range []string{"nist-curves.json", "rsa.json"} {
		var m map[string]struct {
			PrivateKeyJwk      json.RawMessage `json:"privateKeyJwk"`
			VerificationMethod struct {
				PrivateKeyJwk json.RawMessage `json:"privateKeyJwk"`
			} `json:"verificationMethod"`
		}
		if err := json.Unmarshal(fixture.Read(t, "vectors/did-key/test-vectors/"+f), &m); err != nil {
			t.Fatal(err)
		}
		for _, id := range sorted(m) {
			v := m[id]
			j := v.PrivateKeyJwk
			if j == nil {
				j = v.VerificationMethod.PrivateKeyJwk
			}
			if j == nil {
				continue
			}
			priv := privateFromJWK(t, j)
			name, alg := "", ""
			switch k := priv.(type) {
			case *ecdsa.PrivateKey:
				name = k.Curve.Params().Name
				alg = map[string]string{"P-256": jose.ES256, "P-384": jose.ES384, "P-521": "ES512"}[name]
			case *rsa.PrivateKey:
				name, alg = fmt.Sprintf("RSA-%d", k.N.BitLen()), jose.RS256
			}
			if out[name] == nil {
				out[name] = &testKey{name: name, priv: priv, did: id, alg: alg}
			}
		}
	}
	for _, n := range []string{"Ed25519", "P-256", "P-384", "P-521", "RSA-2048", "RSA-4096"} {
		if out[n] == nil {
			t.Fatalf("no %s key in the did:key vectors", n)
		}
	}
	return out
}

func privateFromJWK(t testing.TB, j []byte) crypto.Signer {
	t.Helper()
	k, err := jwk.ParseKey(j)
	if err != nil {
		t.Fatal(err)
	}
	var raw any
	if err := jwk.Export(k, &raw); err != nil {
		t.Fatal(err)
	}
	return raw.(crypto.Signer)
}

func b64(b []byte) string { return base64.RawURLEncoding.EncodeToString(b) }

// token signs header and payload (any JSON values) with priv as alg says.
func token(t testing.TB, priv crypto.Signer, header, payload any) string {
	t.Helper()
	h, err := json.Marshal(header)
	if err != nil {
		t.Fatal(err)
	}
	p, ok := payload.([]byte)
	if !ok {
		if p, err = json.Marshal(payload); err != nil {
			t.Fatal(err)
		}
	}
	input := b64(h) + "." + b64(p)
	alg, _ := header.(map[string]any)["alg"].(string)
	sig, err := rawSign(alg, priv, []byte(input))
	if err != nil {
		t.Fatal(err)
	}
	return input + "." + b64(sig)
}

// sorted returns the keys of m in order, so that tests pick the same
// vector every run.
func sorted[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
