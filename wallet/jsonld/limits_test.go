package jsonld

import (
	"context"
	"errors"
	"testing"
	"time"
)

// TestContextBomb checks that documents referencing too many contexts are
// refused before any processing: one long @context list, and many embedded
// objects each with their own.
func TestContextBomb(t *testing.T) {
	p := testProcessor(t)
	long := make([]any, 10_000)
	for i := range long {
		long[i] = "https://www.w3.org/ns/credentials/v2"
	}
	nested := make([]any, 1_000)
	for i := range nested {
		nested[i] = map[string]any{"@context": []any{"https://www.w3.org/ns/credentials/v2"}, "id": "urn:x"}
	}
	inline := make([]any, 500)
	for i := range inline {
		inline[i] = map[string]any{"@version": 1.1}
	}
	docs := map[string]map[string]any{
		"long list":       {"@context": long, "type": "VerifiableCredential"},
		"nested contexts": {"@context": "https://www.w3.org/ns/credentials/v2", "type": "VerifiableCredential", "credentialSubject": nested},
		"inline contexts": {"@context": inline},
	}
	for name, doc := range docs {
		t.Run(name, func(t *testing.T) {
			start := time.Now()
			_, err := p.Expand(context.Background(), doc)
			if !errors.Is(err, ErrTooManyContexts) {
				t.Fatalf("got %v, want ErrTooManyContexts", err)
			}
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("refusing took %v", d)
			}
		})
	}
	small, err := NewProcessor(Options{MaxContexts: 1})
	if err != nil {
		t.Fatal(err)
	}
	two := map[string]any{"@context": []any{"https://www.w3.org/ns/credentials/v2", "https://www.w3.org/ns/credentials/examples/v2"}}
	if _, err := small.Expand(context.Background(), two); !errors.Is(err, ErrTooManyContexts) {
		t.Errorf("MaxContexts 1, two contexts: got %v", err)
	}
}

// TestSafeMode checks that data JSON-LD would drop makes processing fail.
func TestSafeMode(t *testing.T) {
	p := testProcessor(t)
	v1 := []any{"https://www.w3.org/2018/credentials/v1"}
	cases := map[string]map[string]any{
		"undefined term":         {"@context": v1, "type": "VerifiableCredential", "undefinedTerm": "x"},
		"keyword-like key":       {"@context": v1, "type": "VerifiableCredential", "@foo": "x"},
		"undefined type":         {"@context": v1, "type": []any{"VerifiableCredential", "NoSuchType"}},
		"relative id":            {"@context": v1, "id": "relative/path", "type": "VerifiableCredential"},
		"relative object id":     {"@context": v1, "type": "VerifiableCredential", "issuer": "not-an-iri"},
		"iri with a space":       {"@context": v1, "type": "VerifiableCredential", "issuer": "https://exa mple.org"},
		"blank node predicate":   {"@context": []any{map[string]any{"p": "_:b"}}, "@id": "urn:x", "p": "v"},
		"relative datatype":      {"@context": []any{map[string]any{"p": map[string]any{"@id": "urn:p", "@type": "dt"}}}, "@id": "urn:x", "p": "v"},
		"expands to nothing":     {"@context": []any{map[string]any{"@version": 1.1}}},
		"@import in a context":   {"@context": []any{map[string]any{"@import": "https://www.w3.org/ns/credentials/v2"}}, "@id": "urn:x"},
		"protected redefinition": {"@context": []any{"https://www.w3.org/ns/credentials/v2", map[string]any{"id": "urn:other"}}, "id": "urn:x"},
	}
	for name, doc := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := p.ToRDF(context.Background(), doc)
			if !errors.Is(err, ErrUnsafe) && !errors.Is(err, ErrInvalid) {
				t.Fatalf("got %v, want a safe mode or JSON-LD error", err)
			}
		})
	}
}

// TestPanicRecovered checks that json-gold's panics on malformed contexts
// come back as errors.
func TestPanicRecovered(t *testing.T) {
	p := testProcessor(t)
	doc := map[string]any{"@context": map[string]any{"@protected": "yes", "a": "urn:a"}, "a": "x"}
	if _, err := p.ToRDF(context.Background(), doc); !errors.Is(err, ErrInvalid) {
		t.Fatalf("got %v, want ErrInvalid", err)
	}
}
