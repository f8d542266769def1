package did_test

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"encoding/base64"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/satchel-wallet/satchel/internal/fixture"
	"github.com/satchel-wallet/satchel/wallet/did"
)

// The examples of the did:jwk specification
// (https://github.com/quartzjer/did-jwk/blob/main/spec.md, "Examples").
const (
	specP256DID = "did:jwk:eyJjcnYiOiJQLTI1NiIsImt0eSI6IkVDIiwieCI6ImFjYklRaXVNczNpOF91c3pFakoydHBUdFJNNEVVM3l6OTFQSDZDZEgyVjAiLCJ5IjoiX0tjeUxqOXZXTXB0bm1LdG00NkdxRHo4d2Y3NEk1TEtncmwyR3pIM25TRSJ9"
	specP256X   = "acbIQiuMs3i8_uszEjJ2tpTtRM4EU3yz91PH6CdH2V0"
	specP256Y   = "_KcyLj9vWMptnmKtm46GqDz8wf74I5LKgrl2GzH3nSE"
	specX25519  = "did:jwk:eyJrdHkiOiJPS1AiLCJjcnYiOiJYMjU1MTkiLCJ1c2UiOiJlbmMiLCJ4IjoiM3A3YmZYdDl3YlRUVzJIQzdPUTFOei1EUThoYmVHZE5yZngtRkctSUswOCJ9"
)

func TestJWKSpecExamples(t *testing.T) {
	pub, err := did.ParseJWK(specP256DID)
	if err != nil {
		t.Fatalf("P-256 example: %v", err)
	}
	ec, ok := pub.(*ecdsa.PublicKey)
	if !ok || ec.Curve != elliptic.P256() {
		t.Fatalf("P-256 example decoded to %T", pub)
	}
	b, _ := ec.Bytes()
	if enc(b[1:33]) != specP256X || enc(b[33:]) != specP256Y {
		t.Fatal("P-256 example: coordinates differ from the specification's JWK")
	}
	// The example serialises its JWK in lexicographic order, as NewJWK does.
	again, err := did.NewJWK(pub)
	if err != nil || again != specP256DID {
		t.Fatalf("NewJWK = %s, %v; want the specification's DID", again, err)
	}
	if got := did.JWKKeyID(specP256DID); got != specP256DID+"#0" {
		t.Fatalf("JWKKeyID = %s", got)
	}
	if _, err := did.ParseJWK(specP256DID + "#0"); err != nil {
		t.Fatalf("DID URL #0: %v", err)
	}
	// The X25519 example is a key-agreement key ("use":"enc"): not for
	// signatures.
	if _, err := did.ParseJWK(specX25519); !errors.Is(err, did.ErrUnsupportedKey) {
		t.Fatalf("X25519 example: want ErrUnsupportedKey, got %v", err)
	}
}

func enc(b []byte) string { return base64.RawURLEncoding.EncodeToString(b) }

// vectorKeys returns public keys from the did:key test vectors, which give
// them as JWKs: real keys of every curve and RSA size issuers use.
func vectorKeys(t *testing.T) map[string]json.RawMessage {
	t.Helper()
	out := map[string]json.RawMessage{}
	for _, f := range []string{"nist-curves.json", "rsa.json"} {
		var m map[string]struct {
			PublicKeyJwk       json.RawMessage `json:"publicKeyJwk"`
			VerificationMethod struct {
				PublicKeyJwk json.RawMessage `json:"publicKeyJwk"`
			} `json:"verificationMethod"`
		}
		if err := json.Unmarshal(fixture.Read(t, "vectors/did-key/test-vectors/"+f), &m); err != nil {
			t.Fatal(err)
		}
		for id, v := range m {
			j := v.PublicKeyJwk
			if j == nil {
				j = v.VerificationMethod.PublicKeyJwk
			}
			if j != nil {
				out[id] = j
			}
		}
	}
	if len(out) < 5 {
		t.Fatalf("only %d vector keys", len(out))
	}
	return out
}

func TestJWKRoundTrip(t *testing.T) {
	keys := map[string]crypto.PublicKey{}
	for id, j := range vectorKeys(t) {
		k, err := did.ParsePublicJWK(j)
		if err != nil {
			t.Fatalf("vector %s: %v", id[:24], err)
		}
		// The did:key of the same key must be the vector's identifier.
		if dk, err := did.NewKey(k.Key); err != nil || dk != id {
			t.Fatalf("vector %s: did:key %s, %v", id[:24], dk, err)
		}
		keys[id[:24]] = k.Key
	}
	_, ed, _ := ed25519.GenerateKey(rand.Reader)
	keys["ed25519"] = ed.Public()
	for _, c := range []elliptic.Curve{elliptic.P256(), elliptic.P384(), elliptic.P521()} {
		k, err := ecdsa.GenerateKey(c, rand.Reader)
		if err != nil {
			t.Fatal(err)
		}
		keys[c.Params().Name] = &k.PublicKey
	}
	for name, pub := range keys {
		t.Run(name, func(t *testing.T) {
			id, err := did.NewJWK(pub)
			if err != nil {
				t.Fatal(err)
			}
			got, err := did.ParseJWK(id)
			if err != nil {
				t.Fatalf("ParseJWK(%s): %v", id, err)
			}
			if !got.(interface{ Equal(crypto.PublicKey) bool }).Equal(pub) {
				t.Fatal("round trip changed the key")
			}
			if _, err := did.ParseJWK(did.JWKKeyID(id)); err != nil {
				t.Fatalf("key id: %v", err)
			}
		})
	}
}

func TestJWKRejects(t *testing.T) {
	var nist map[string]struct {
		VerificationMethod struct {
			PrivateKeyJwk json.RawMessage `json:"privateKeyJwk"`
		} `json:"verificationMethod"`
	}
	if err := json.Unmarshal(fixture.Read(t, "vectors/did-key/test-vectors/nist-curves.json"), &nist); err != nil {
		t.Fatal(err)
	}
	var private json.RawMessage
	for _, v := range nist {
		private = v.VerificationMethod.PrivateKeyJwk
		break
	}
	short := `{"kty":"EC","crv":"P-256","x":"` + enc(make([]byte, 31)) + `","y":"` + specP256Y + `"}`
	offCurve := `{"kty":"EC","crv":"P-256","x":"` + specP256X + `","y":"` + enc(make([]byte, 32)) + `"}`
	cases := []struct {
		name string
		did  string
		want error
	}{
		{"private key from the did:key vectors", jwkDID(string(private)), did.ErrMalformed},
		{"symmetric key", jwkDID(`{"kty":"oct","k":"AAAA"}`), did.ErrMalformed},
		{"encryption key", jwkDID(`{"kty":"OKP","crv":"Ed25519","use":"enc","x":"` + enc(make([]byte, 32)) + `"}`), did.ErrUnsupportedKey},
		{"key_ops without verify", jwkDID(`{"kty":"OKP","crv":"Ed25519","key_ops":["encrypt"],"x":"` + enc(make([]byte, 32)) + `"}`), did.ErrUnsupportedKey},
		{"31-byte coordinate", jwkDID(short), did.ErrMalformed},
		{"point off the curve", jwkDID(offCurve), did.ErrMalformed},
		{"secp256k1", jwkDID(`{"kty":"EC","crv":"secp256k1","x":"` + specP256X + `","y":"` + specP256Y + `"}`), did.ErrUnsupportedKey},
		{"no kty", jwkDID(`{"crv":"Ed25519","x":"` + enc(make([]byte, 32)) + `"}`), did.ErrMalformed},
		{"short Ed25519", jwkDID(`{"kty":"OKP","crv":"Ed25519","x":"` + enc(make([]byte, 31)) + `"}`), did.ErrMalformed},
		{"even RSA exponent", jwkDID(`{"kty":"RSA","n":"` + enc(make([]byte, 256)) + `","e":"AAI"}`), did.ErrMalformed},
		{"not JSON", jwkDID(`{"kty":`), did.ErrMalformed},
		{"not UTF-8", jwkDID("{\"kty\":\"\xff\"}"), did.ErrMalformed},
		{"nested 101 levels", jwkDID(`{"kty":"OKP","ext":` + strings.Repeat("[", 100) + strings.Repeat("]", 100) + `}`), did.ErrMalformed},
		{"padding", specP256DID + "=", did.ErrMalformed},
		{"line break inside", specP256DID[:40] + "\n" + specP256DID[40:], did.ErrMalformed},
		{"standard base64 alphabet", specP256DID[:20] + "+" + specP256DID[21:], did.ErrMalformed},
		{"other fragment", specP256DID + "#1", did.ErrKeyNotFound},
		{"other method", "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp", did.ErrMalformed},
		{"too long", "did:jwk:" + strings.Repeat("A", 30000), did.ErrMalformed},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if _, err := did.ParseJWK(c.did); !errors.Is(err, c.want) {
				t.Fatalf("want %v, got %v", c.want, err)
			}
		})
	}
}

func jwkDID(j string) string { return did.JWKPrefix + enc([]byte(j)) }

func TestMarshalPublicJWKRSA(t *testing.T) {
	k, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	j, err := did.MarshalPublicJWK(&k.PublicKey)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(j), `{"e":"AQAB","kty":"RSA","n":"`) {
		t.Fatalf("RSA JWK not in thumbprint order: %s", j[:40])
	}
	back, err := did.ParsePublicJWK(j)
	if err != nil || !back.Key.(*rsa.PublicKey).Equal(&k.PublicKey) {
		t.Fatalf("round trip: %v", err)
	}
}

func FuzzParseJWK(f *testing.F) {
	f.Add(specP256DID)
	f.Add(specP256DID + "#0")
	f.Add(specX25519)
	f.Add(jwkDID(`{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}`))
	f.Add(jwkDID(`{"kty":"RSA","n":"sbX82NTV6IylxCh7MfV4hlyvaniCajuP97GyOqSvTmoEdBOflFvZ06kR_9D6ctt45Fk6hskfnag2GG69NALVH2o4RCR6tQiLRpKcMRtDYE_thEmfBvDzm_VVkOIYfxu-Ipuo9J_S5XDNDjczx2v-3oDh5-CIHkU46hvFeCvpUS-L8TJSbgX0kjVk_m4eIb9wh63rtmD6Uz_KBtCo5mmR4TEtcLZKYdqMp3wCjN-TlgHiz_4oVXWbHUefCEe8rFnX1iQnpDHU49_SaXQoud1jCaexFn25n-Aa8f8bc5Vm-5SeRwidHa6ErvEhTvf1dz6GoNPp2iRvm-wJ1gxwWJEYPQ","e":"AQAB"}`))
	f.Fuzz(func(t *testing.T, s string) {
		pub, err := did.ParseJWK(s)
		if err != nil {
			if !errors.Is(err, did.ErrMalformed) && !errors.Is(err, did.ErrUnsupportedKey) && !errors.Is(err, did.ErrKeyNotFound) {
				t.Fatalf("error outside the documented sentinels: %v", err)
			}
			return
		}
		again, err := did.NewJWK(pub)
		if err != nil {
			t.Fatalf("parsed key does not encode: %v", err)
		}
		back, err := did.ParseJWK(again)
		if err != nil || !back.(interface{ Equal(crypto.PublicKey) bool }).Equal(pub) {
			t.Fatalf("re-encoded DID does not parse to the same key: %v", err)
		}
	})
}
