package ldp

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"testing"
	"time"

	"github.com/satchel-wallet/satchel/wallet/jsonld"
	"github.com/satchel-wallet/satchel/wallet/rdfc"
)

// vector is the W3C eddsa-rdfc-2022 credential, verified with did:key.
const vector = "vectors/vc-di-eddsa/TestVectors/eddsa-rdfc-2022/signedDataInt.json"

// withProof returns the vector with its proof changed by edit.
func withProof(t *testing.T, edit func(p map[string]any)) map[string]any {
	doc := readDoc(t, vector)
	p := maps.Clone(doc["proof"].(map[string]any))
	edit(p)
	doc["proof"] = p
	return doc
}

// TestErrors checks that each way a proof can fail is reported with its
// sentinel, inside a ProofError.
func TestErrors(t *testing.T) {
	tampered := readDoc(t, vector)
	tampered["name"] = "Another Credential"
	unknownCtx := readDoc(t, vector)
	unknownCtx["@context"] = []any{"https://www.w3.org/ns/credentials/v2", "https://contexts.example/unbundled"}
	undefinedTerm := readDoc(t, vector)
	undefinedTerm["@context"] = []any{"https://www.w3.org/2018/credentials/v1"}
	cases := []struct {
		name string
		doc  map[string]any
		want error
	}{
		{"tampered document", tampered, ErrSignatureMismatch},
		{"tampered proof", withProof(t, func(p map[string]any) { p["created"] = "2024-01-01T00:00:00Z" }), ErrSignatureMismatch},
		{"unknown context", unknownCtx, jsonld.ErrUnknownContext},
		{"safe mode", undefinedTerm, jsonld.ErrUnsafe},
		{"unknown cryptosuite", withProof(t, func(p map[string]any) { p["cryptosuite"] = "bbs-2023" }), ErrUnsupportedSuite},
		{"unknown proof type", withProof(t, func(p map[string]any) { p["type"] = "JsonWebSignature2020" }), ErrUnsupportedSuite},
		{"no cryptosuite", withProof(t, func(p map[string]any) { delete(p, "cryptosuite") }), ErrMalformedProof},
		{"bad proofValue", withProof(t, func(p map[string]any) { p["proofValue"] = "z0OIl" }), ErrMalformedProof},
		{"proofValue not multibase", withProof(t, func(p map[string]any) { p["proofValue"] = "abc" }), ErrMalformedProof},
		{"created not a date", withProof(t, func(p map[string]any) { p["created"] = "yesterday" }), ErrMalformedProof},
		{"type not a string", withProof(t, func(p map[string]any) { p["type"] = 7.0 }), ErrMalformedProof},
		{"purpose", withProof(t, func(p map[string]any) { p["proofPurpose"] = "authentication" }), ErrPurposeMismatch},
		{"did:web offline", withProof(t, func(p map[string]any) { p["verificationMethod"] = "did:web:issuer.example#key-1" }), ErrKeyNotResolved},
		{"foreign did:key fragment", withProof(t, func(p map[string]any) {
			p["verificationMethod"] = "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2#other"
		}), ErrKeyNotResolved},
		{"P-256 key for eddsa", withProof(t, func(p map[string]any) {
			p["verificationMethod"] = "did:key:zDnaepBuvsQ8cpsWrVKw8fbpGpvPeNSjVPTWoq6cRqaYzBKVP#zDnaepBuvsQ8cpsWrVKw8fbpGpvPeNSjVPTWoq6cRqaYzBKVP"
		}), ErrKeyMismatch},
		{"missing previous proof", withProof(t, func(p map[string]any) { p["previousProof"] = "urn:uuid:nowhere" }), ErrPreviousProof},
		{"proof not an object", func() map[string]any { d := readDoc(t, vector); d["proof"] = "x"; return d }(), ErrMalformedProof},
	}
	var v Verifier
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res, err := v.Verify(context.Background(), c.doc, Options{})
			if !errors.Is(err, c.want) {
				t.Fatalf("got %v, want %v", err, c.want)
			}
			var pe *ProofError
			if !errors.As(err, &pe) || len(res) != 1 || res[0].Verified() || !errors.Is(res[0].Err, c.want) {
				t.Fatalf("error %v, results %+v", err, res)
			}
		})
	}
	var ce *jsonld.ContextError
	_, err := v.Verify(context.Background(), unknownCtx, Options{})
	if !errors.As(err, &ce) || ce.URL != "https://contexts.example/unbundled" || !errors.Is(err, ErrCanonicalization) {
		t.Errorf("unknown context: %v does not name the URL", err)
	}
}

// TestDocumentResolver checks the key formats of controller documents and
// that purposes come from the verification relationships.
func TestDocumentResolver(t *testing.T) {
	doc := map[string]any{
		"id": "did:web:issuer.example",
		"verificationMethod": []any{
			map[string]any{"id": "#jwk-p256", "type": "JsonWebKey2020", "publicKeyJwk": map[string]any{
				"kty": "EC", "crv": "P-256",
				"x": "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU", "y": "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0",
			}},
			map[string]any{
				"id": "did:web:issuer.example#b58", "type": "Ed25519VerificationKey2018",
				"publicKeyBase58": "H3C2AVvLMv6gmMNam3uVAjZpfkcJCwDwnZn6z3wXmqPV",
			},
		},
		"assertionMethod": []any{"#jwk-p256"},
		"authentication":  []any{"did:web:issuer.example#b58"},
	}
	r, err := NewDocumentResolver(doc)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		vm, purpose string
	}{
		{"did:web:issuer.example#jwk-p256", PurposeAssertion},
		{"did:web:issuer.example#b58", PurposeAuthentication},
	}
	for _, c := range cases {
		t.Run(c.vm, func(t *testing.T) {
			k, err := r.ResolveKey(context.Background(), c.vm)
			if err != nil {
				t.Fatal(err)
			}
			if !k.Authorizes(c.purpose) || len(k.Purposes) != 1 || k.Controller != "did:web:issuer.example" {
				t.Errorf("key %+v", k)
			}
		})
	}
	if _, err := r.ResolveKey(context.Background(), "did:web:issuer.example#nope"); !errors.Is(err, ErrKeyNotResolved) {
		t.Errorf("unknown key: %v", err)
	}
	bad := map[string]any{"id": "did:web:x", "verificationMethod": []any{map[string]any{"id": "#k", "publicKeyJwk": map[string]any{"kty": "RSA"}}}}
	if _, err := NewDocumentResolver(bad); !errors.Is(err, ErrInvalidKey) {
		t.Errorf("RSA jwk: %v", err)
	}
}

// TestDIDJWK signs with a P-256 key named by a did:jwk and verifies with
// the default resolvers.
func TestDIDJWK(t *testing.T) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := key.PublicKey.Bytes()
	jwk, _ := json.Marshal(map[string]string{
		"kty": "EC", "crv": "P-256",
		"x": base64.RawURLEncoding.EncodeToString(b[1:33]), "y": base64.RawURLEncoding.EncodeToString(b[33:]),
	})
	id := "did:jwk:" + base64.RawURLEncoding.EncodeToString(jwk)
	doc := readDoc(t, "vectors/vc-di-ecdsa/TestVectors/unsigned.json")
	doc["issuer"] = id
	signed, err := (&Signer{Key: key, VerificationMethod: id + "#0"}).Sign(context.Background(), doc, SignOptions{})
	if err != nil {
		t.Fatal(err)
	}
	res, err := (&Verifier{}).Verify(context.Background(), signed, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res[0].Controller != id || res[0].Cryptosuite != ECDSARDFC2019 {
		t.Errorf("result %+v", res[0])
	}
	if _, err := (DIDJWKResolver{}).ResolveKey(context.Background(), id+"#1"); !errors.Is(err, ErrKeyNotResolved) {
		t.Errorf("#1: %v", err)
	}
}

// TestPoisonGraph checks that a credential whose RDF is the "poison graph"
// of the RDFC-1.0 test suite (ten blank nodes, each linked to all others)
// is refused within a second, as too complex to canonicalise.
func TestPoisonGraph(t *testing.T) {
	doc := readDoc(t, vector)
	var nodes []any
	for i := range 10 {
		var links []any
		for j := range 10 {
			if i != j {
				links = append(links, map[string]any{"@id": fmt.Sprintf("_:n%d", j)})
			}
		}
		nodes = append(nodes, map[string]any{"@id": fmt.Sprintf("_:n%d", i), "p": links})
	}
	doc["@context"] = append(doc["@context"].([]any), map[string]any{"p": map[string]any{"@id": "urn:example:p", "@type": "@id"}})
	doc["credentialSubject"] = map[string]any{"p": nodes}
	start := time.Now()
	_, err := (&Verifier{}).Verify(context.Background(), doc, Options{})
	if !errors.Is(err, ErrCanonicalization) || !errors.Is(err, rdfc.ErrTooComplex) {
		t.Fatalf("got %v, want a canonicalization error wrapping rdfc.ErrTooComplex", err)
	}
	// The work budget bounds the refusal; this only catches a hang, with
	// room for the race detector on a loaded machine. The one-second
	// requirement is held on the canonicaliser itself (package rdfc).
	if d := time.Since(start); d > 30*time.Second {
		t.Errorf("refusing the poison graph took %v: the budget did not stop it", d)
	}
}
