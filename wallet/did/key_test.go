package did_test

import (
	"bytes"
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/rsa"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/lestrrat-go/jwx/v3/jwk"
	"github.com/mr-tron/base58"

	"github.com/satchel-wallet/satchel/internal/fixture"
	"github.com/satchel-wallet/satchel/wallet/did"
)

// vector is one entry of the did:key test vectors: the key is given either
// as a JWK or in base58, in one of two layouts.
type vector struct {
	VerificationMethod  *vectorKey `json:"verificationMethod"`
	VerificationKeyPair *vectorKey `json:"verificationKeyPair"`
	PublicKeyJwk        json.RawMessage
	DIDDocument         struct {
		VerificationMethod []struct {
			ID string `json:"id"`
		} `json:"verificationMethod"`
	} `json:"didDocument"`
}

type vectorKey struct {
	PublicKeyJwk    json.RawMessage `json:"publicKeyJwk"`
	PublicKeyBase58 string          `json:"publicKeyBase58"`
}

func loadVectors(t *testing.T, name string) map[string]vector {
	t.Helper()
	var m map[string]vector
	if err := json.Unmarshal(fixture.Read(t, "vectors/did-key/test-vectors/"+name), &m); err != nil {
		t.Fatal(err)
	}
	return m
}

// expectedKey returns the vector's public key in the form Go uses.
func expectedKey(t *testing.T, v vector) crypto.PublicKey {
	t.Helper()
	k := v.VerificationMethod
	if k == nil {
		k = v.VerificationKeyPair
	}
	raw := v.PublicKeyJwk
	if k != nil && k.PublicKeyJwk != nil {
		raw = k.PublicKeyJwk
	}
	if raw != nil {
		key, err := jwk.ParseKey(raw)
		if err != nil {
			t.Fatalf("vector JWK: %v", err)
		}
		var pub any
		if err := jwk.Export(key, &pub); err != nil {
			t.Fatalf("vector JWK export: %v", err)
		}
		return pub
	}
	if k == nil || k.PublicKeyBase58 == "" {
		t.Fatal("vector has no public key")
	}
	b, err := base58.Decode(k.PublicKeyBase58)
	if err != nil {
		t.Fatal(err)
	}
	if len(b) == ed25519.PublicKeySize {
		return ed25519.PublicKey(b)
	}
	return b // a compressed EC point, compared below
}

func TestKeyVectors(t *testing.T) {
	files := []string{"ed25519-x25519.json", "nist-curves.json", "rsa.json"}
	n := 0
	for _, f := range files {
		for id, v := range loadVectors(t, f) {
			t.Run(f+"/"+id[:24], func(t *testing.T) {
				n++
				got, err := did.ParseKey(id)
				if err != nil {
					t.Fatalf("ParseKey: %v", err)
				}
				want := expectedKey(t, v)
				switch w := want.(type) {
				case []byte: // compressed point from publicKeyBase58
					mb, err := did.Multibase(got)
					if err != nil {
						t.Fatal(err)
					}
					if !strings.HasPrefix(id, did.KeyPrefix+mb) {
						t.Fatalf("re-encoded as %s", mb)
					}
					ec := got.(*ecdsa.PublicKey)
					b, _ := ec.Bytes()
					if string(b[1:33]) != string(w[1:]) {
						t.Fatal("x coordinate differs from the vector")
					}
				default:
					if !keysEqual(got, want) {
						t.Fatalf("decoded key differs from the vector's")
					}
				}
				again, err := did.NewKey(got)
				if err != nil {
					t.Fatalf("NewKey: %v", err)
				}
				if again != id {
					t.Fatalf("round trip: got %s", again)
				}
				if len(v.DIDDocument.VerificationMethod) > 0 && did.KeyID(id) != v.DIDDocument.VerificationMethod[0].ID {
					t.Fatalf("KeyID = %s, vector says %s", did.KeyID(id), v.DIDDocument.VerificationMethod[0].ID)
				}
			})
		}
	}
	if n < 10 {
		t.Fatalf("only %d vectors ran", n)
	}
}

func keysEqual(a, b crypto.PublicKey) bool {
	type equaler interface{ Equal(crypto.PublicKey) bool }
	e, ok := a.(equaler)
	return ok && e.Equal(b)
}

func TestUnsupportedKeys(t *testing.T) {
	for _, f := range []string{"secp256k1.json", "bls12381.json", "x25519.json"} {
		var top map[string]json.RawMessage
		if err := json.Unmarshal(fixture.Read(t, "vectors/did-key/test-vectors/"+f), &top); err != nil {
			t.Fatal(err)
		}
		ids := []string{}
		for k, v := range top {
			if k != "didDocument" {
				ids = append(ids, k)
				continue
			}
			var nested map[string]json.RawMessage
			if err := json.Unmarshal(v, &nested); err != nil {
				t.Fatal(err)
			}
			for id := range nested {
				ids = append(ids, id)
			}
		}
		if len(ids) == 0 {
			t.Fatalf("%s: no DIDs found", f)
		}
		for _, id := range ids {
			_, err := did.ParseKey(id)
			if !errors.Is(err, did.ErrUnsupportedKey) {
				t.Errorf("%s %s: want ErrUnsupportedKey, got %v", f, id[:24], err)
			}
		}
	}
}

func TestMalformed(t *testing.T) {
	cases := map[string]string{
		"not a did":       "hello",
		"other method":    "did:web:example.com",
		"not base58btc":   "did:key:fed01",
		"bad base58":      "did:key:z0OIl",
		"empty":           "did:key:z",
		"short ed25519":   "did:key:" + mustMB(t, append([]byte{0xed, 0x01}, make([]byte, 31)...)),
		"off-curve P-256": "did:key:" + mustMB(t, append([]byte{0x80, 0x24, 0x02}, bytes.Repeat([]byte{0xff}, 32)...)),
		"P-256 bad tag":   "did:key:" + mustMB(t, append([]byte{0x80, 0x24, 0x05}, make([]byte, 32)...)),
		"bad RSA":         "did:key:" + mustMB(t, []byte{0x85, 0x24, 0x30, 0x00}),
		"too long":        "did:key:z" + strings.Repeat("1", 3000),
	}
	for name, in := range cases {
		t.Run(name, func(t *testing.T) {
			if _, err := did.ParseKey(in); !errors.Is(err, did.ErrMalformed) {
				t.Fatalf("want ErrMalformed, got %v", err)
			}
		})
	}
}

func mustMB(t *testing.T, b []byte) string {
	t.Helper()
	return "z" + base58.Encode(b)
}

func TestKeyDocument(t *testing.T) {
	pub, _, _ := ed25519.GenerateKey(nil)
	id, err := did.NewKey(pub)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := did.KeyDocument(id)
	if err != nil {
		t.Fatal(err)
	}
	if doc.ID != id || len(doc.VerificationMethod) != 1 || doc.VerificationMethod[0].ID != did.KeyID(id) {
		t.Fatalf("document: %+v", doc)
	}
	if doc.AssertionMethod[0] != did.KeyID(id) || doc.Authentication[0] != did.KeyID(id) {
		t.Fatal("key not listed for assertion and authentication")
	}
	_ = rsa.PublicKey{}
}

func FuzzParseKey(f *testing.F) {
	f.Add("did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp")
	f.Add("did:key:zDnaerx9CtbPJ1q36T5Ln5wYt3MQYeGRG5ehnPAmxcf5mDZpv")
	f.Add("did:key:z82Lm1MpAkeJcix9K8TMiLd5NMAhnwkjjCBeWHXyu3U4oT2MVJJK#x")
	f.Fuzz(func(t *testing.T, s string) {
		pub, err := did.ParseKey(s)
		if err != nil {
			return
		}
		again, err := did.NewKey(pub)
		if err != nil {
			t.Fatalf("parsed key does not encode: %v", err)
		}
		back, err := did.ParseKey(again)
		if err != nil || !keysEqual(back, pub) {
			t.Fatalf("re-encoded DID does not parse to the same key: %v", err)
		}
	})
}
