package jsonld

import (
	"context"
	"errors"
	"testing"

	"github.com/satchel-wallet/satchel/internal/fixture"
	"github.com/satchel-wallet/satchel/wallet/rdfc"
)

func testProcessor(t testing.TB) *Processor {
	t.Helper()
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func readObject(t testing.TB, rel string) map[string]any {
	t.Helper()
	doc, err := ParseObject(fixture.Read(t, rel), 1<<22)
	if err != nil {
		t.Fatalf("%s: %v", rel, err)
	}
	return doc
}

// TestSpecVectorCanon checks the official Open Badges 3.0 and CLR 2.0
// eddsa-rdfc-2022 vectors: the canonical N-Quads of the unsigned document
// and of the proof options must match the published files byte for byte.
func TestSpecVectorCanon(t *testing.T) {
	p := testProcessor(t)
	for _, dir := range []string{"vectors/ob3/spec-ldp-testvector", "vectors/ob3/spec-ldp-testvector-clr"} {
		t.Run(dir, func(t *testing.T) {
			doc := readObject(t, dir+"/unsigned.json")
			got, err := p.Canonicalize(context.Background(), doc, rdfc.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if want := fixture.Read(t, dir+"/document-canon.txt"); string(got.NQuads) != string(want) {
				t.Errorf("document canon differs:\ngot:\n%s\nwant:\n%s", got.NQuads, want)
			}
			proof := readObject(t, dir+"/proof.json")
			delete(proof, "proofValue")
			proof["@context"] = doc["@context"]
			got, err = p.Canonicalize(context.Background(), proof, rdfc.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if want := fixture.Read(t, dir+"/proof-canon.txt"); string(got.NQuads) != string(want) {
				t.Errorf("proof canon differs:\ngot:\n%s\nwant:\n%s", got.NQuads, want)
			}
		})
	}
}

// TestUnknownContext checks that a context URL that is not bundled fails
// with an error naming it, whether at the top level or embedded.
func TestUnknownContext(t *testing.T) {
	p := testProcessor(t)
	const url = "https://contexts.example/never-bundled/v1"
	docs := map[string]map[string]any{
		"top": {
			"@context": []any{"https://www.w3.org/ns/credentials/v2", url},
			"type":     "VerifiableCredential",
		},
		"embedded": {
			"@context":          []any{"https://www.w3.org/ns/credentials/v2"},
			"type":              "VerifiableCredential",
			"credentialSubject": map[string]any{"@context": url, "id": "did:example:1"},
		},
		"scoped in an inline context": {
			"@context": []any{"https://www.w3.org/ns/credentials/v2", map[string]any{
				"Thing": map[string]any{"@id": "https://example.org/Thing", "@context": url},
			}},
			"type": []any{"VerifiableCredential", "Thing"},
		},
	}
	for name, doc := range docs {
		t.Run(name, func(t *testing.T) {
			_, err := p.ToRDF(context.Background(), doc)
			var ce *ContextError
			if !errors.As(err, &ce) || ce.URL != url || !errors.Is(err, ErrUnknownContext) {
				t.Fatalf("got %v, want a ContextError for %s", err, url)
			}
		})
	}
}
