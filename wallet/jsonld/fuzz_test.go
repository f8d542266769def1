package jsonld

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"reflect"
	"testing"
	"time"

	"github.com/satchel-wallet/satchel/internal/fixture"
)

// FuzzParse checks that Parse never panics, accepts only what
// encoding/json accepts, and that what it returns survives a round trip.
func FuzzParse(f *testing.F) {
	for _, rel := range jsonLDFixtures(f) {
		f.Add(fixture.Read(f, rel))
	}
	for _, s := range []string{`{"a":1,"a":2}`, `"\ud800"`, "\"\xff\"", `[[[[[[]]]]]]`, `-0.0e-0`, `1e400`, "\ufeff{}"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		v, err := Parse(data, 1<<20)
		if err != nil {
			var se *SyntaxError
			if !errors.As(err, &se) && !errors.Is(err, ErrTooLarge) {
				t.Fatalf("error %v is neither a SyntaxError nor ErrTooLarge", err)
			}
			return
		}
		if !json.Valid(bytes.TrimPrefix(data, []byte("\ufeff"))) {
			t.Fatalf("Parse accepted what encoding/json rejects: %q", data)
		}
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatalf("marshal: %v", err)
		}
		again, err := Parse(b, 0)
		if err != nil {
			t.Fatalf("re-parse of %s: %v", b, err)
		}
		if !reflect.DeepEqual(v, again) {
			t.Fatalf("round trip changed the value: %#v vs %#v", v, again)
		}
	})
}

// FuzzToRDF processes documents built around fuzzed JSON: an inline context
// term definition and a property value, next to the bundled VC 2.0
// context. Byte-level mutation of whole credentials rarely keeps them JSON;
// this keeps the fuzzer inside the JSON-LD processor. It must never panic
// (json-gold's panics are recovered into ErrInvalid) nor take long.
func FuzzToRDF(f *testing.F) {
	f.Add("name", []byte(`"https://schema.org/name"`), []byte(`"Ada"`))
	f.Add("p", []byte(`{"@id": "urn:p", "@type": "@id", "@context": {"q": "urn:q"}}`), []byte(`{"q": [1, 2.5, true]}`))
	f.Add("L", []byte(`{"@id": "urn:l", "@container": "@list"}`), []byte(`[[1], [], "x"]`))
	f.Add("j", []byte(`{"@id": "urn:j", "@type": "@json"}`), []byte(`{"b": [null, 1e300]}`))
	f.Add("m", []byte(`{"@id": "urn:m", "@container": "@language"}`), []byte(`{"en": "x", "de-AT": ["y"]}`))
	f.Add("T", []byte(`{"@id": "urn:T", "@context": {"@protected": true, "x": "urn:x"}}`), []byte(`"y"`))
	f.Add("g", []byte(`{"@id": "urn:g", "@container": ["@graph", "@id"]}`), []byte(`{"urn:a": {"@id": "urn:b"}}`))
	p := testProcessor(f)
	f.Fuzz(func(t *testing.T, term string, def, value []byte) {
		d, err := Parse(def, 1<<16)
		if err != nil {
			return
		}
		v, err := Parse(value, 1<<16)
		if err != nil {
			return
		}
		doc := map[string]any{
			"@context": []any{"https://www.w3.org/ns/credentials/v2", map[string]any{term: d}},
			"id":       "urn:uuid:1",
			"type":     []any{"VerifiableCredential", term},
			term:       v,
		}
		start := time.Now()
		if _, err := p.ToRDF(context.Background(), doc); err != nil {
			if !errors.Is(err, ErrInvalid) && !errors.Is(err, ErrUnsafe) && !errors.Is(err, ErrUnknownContext) && !errors.Is(err, ErrTooManyContexts) {
				t.Fatalf("unexpected error class: %v", err)
			}
		}
		if d := time.Since(start); d > time.Second {
			t.Fatalf("took %v", d)
		}
	})
}
