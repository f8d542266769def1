package cborld

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/satchel-wallet/satchel/wallet/jsonld"
)

// encodeDocs are JSON-LD documents for cborld's corners: @import (which
// cborld numbers as a term), aliases through "id", contexts that leak to
// the next array element, every value codec, compact IRI types, numbers.
var encodeDocs = map[string]string{
	"import":  `{"@context": {"@import": "https://www.w3.org/ns/credentials/v2", "foo": "http://ex.org/foo"}, "foo": "a", "name": "b", "type": "VerifiableCredential"}`,
	"aliases": `{"@context": ["https://www.w3.org/2018/credentials/v1", {"ident": {"id": "@id"}, "kind": "@type"}], "ident": "https://ex.org/1", "kind": ["VerifiableCredential", "https://ex.org/Other"]}`,
	"leak":    `{"@context": {"items": {"@id": "http://ex.org/items"}}, "items": [{"@context": {"foo": "http://ex.org/foo"}, "foo": "a"}, {"foo": "b"}]}`,
	"dates": `{"@context": {"xsd": "http://www.w3.org/2001/XMLSchema#", "d": {"@id": "http://ex.org/d", "@type": "xsd:dateTime"}, "e": {"@id": "http://ex.org/e", "@type": "http://www.w3.org/2001/XMLSchema#date"}},
		"d": ["2024-03-29T15:00:00Z", "2024-03-29T15:00:00.120Z", "2024-03-29T15:00:00+01:00", "+010000-01-01T00:00:00Z", "soon"], "e": ["2024-03-29", "2024-02-30", null]}`,
	"old dates": `{"@context": {"d": {"@id": "http://ex.org/d", "@type": "http://www.w3.org/2001/XMLSchema#dateTime"}, "e": {"@id": "http://ex.org/e", "@type": "http://www.w3.org/2001/XMLSchema#date"}},
		"d": ["1969-12-31T23:59:59Z", "1969-12-31T23:59:59.500Z", "-000001-01-01T00:00:00Z"], "e": "1969-12-31"}`,
	"urls": `{"@context": {"mb": {"@id": "http://ex.org/mb", "@type": "https://w3id.org/security#multibase"}, "u": {"@id": "http://ex.org/u", "@type": "@id"}},
		"mb": ["zABC", "MAQID", "uXYZ", "z", "z0"], "u": ["urn:uuid:8f679bbd-e6a9-47bf-a284-5d4999460c9e", "urn:uuid:X", "did:key:z6Mk#z6Mk", "did:key:abc", "https://a.example/x", "http://a.example:8080/", "did:web:x", 7, true]}`,
	"vocab":   `{"@context": {"v": {"@id": "http://ex.org/v", "@type": "@vocab"}, "Foo": "http://ex.org/Foo"}, "v": ["Foo", "https://ex.org/Bar", "plain", 5000]}`,
	"numbers": `{"@context": {"n": "http://ex.org/n"}, "n": [1, 1.5, -2, 1e300, 0.1, 9007199254740993, -0.5, 65504, 100000.5]}`,
	"scopes": `{"@context": {"type": "@type", "q": "http://ex.org/q", "T": {"@id": "http://ex.org/T", "@context": {"bar": "http://ex.org/bar"}},
		"p": {"@id": "http://ex.org/p", "@context": {"baz": "http://ex.org/baz"}}}, "type": "T", "p": {"bar": "b", "baz": "c"}, "q": {"type": "T", "bar": "d"}}`,
	"several": `[{"@context": {"a": "http://ex.org/a"}, "a": 1}, {"@context": {"b": "http://ex.org/b"}, "b": 2}]`,
}

func parseAny(t testing.TB, s string) any {
	t.Helper()
	v, err := jsonld.Parse([]byte(s), 0)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// TestEncodeRoundTrip encodes encodeDocs and decodes them back.
func TestEncodeRoundTrip(t *testing.T) {
	for name, src := range encodeDocs {
		t.Run(name, func(t *testing.T) {
			doc := parseAny(t, src)
			enc, err := Encode(doc)
			if err != nil {
				t.Fatal(err)
			}
			got, err := Decode(enc)
			if err != nil || !reflect.DeepEqual(got, doc) {
				t.Fatalf("Decode(Encode) = %v, %v", got, err)
			}
		})
	}
}

// TestEncodeDifferential encodes encodeDocs here and with cborld: the same
// bytes, except where cborld loses data and Encode does not (it then must
// decode back to the original in cborld).
func TestEncodeDifferential(t *testing.T) {
	harness(t)
	dir := t.TempDir()
	var files []string
	names := map[string]string{}
	for name, src := range encodeDocs {
		f := filepath.Join(dir, name+".json")
		if err := os.WriteFile(f, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
		names[f] = name
	}
	ref := reference(t, "encode", files...)
	var ours []string
	for _, f := range files {
		enc, err := Encode(parseAny(t, encodeDocs[names[f]]))
		if err != nil {
			t.Fatal(err)
		}
		r := ref[f]
		switch {
		case r.Error != "":
			t.Logf("%s: cborld fails (%s); Encode does not", names[f], r.Error)
		case !bytes.Equal(enc, hexBytes(t, r.Hex)):
			t.Logf("%s: Encode writes other bytes than cborld", names[f])
		}
		out := strings.TrimSuffix(f, ".json") + ".cborld"
		if err := os.WriteFile(out, enc, 0o644); err != nil {
			t.Fatal(err)
		}
		ours = append(ours, out)
	}
	back := reference(t, "decode", ours...)
	for _, f := range ours {
		name := strings.TrimSuffix(filepath.Base(f), ".cborld")
		r := back[f]
		if r.Error != "" {
			t.Errorf("%s: cborld cannot decode what Encode wrote: %s", name, r.Error)
			continue
		}
		if got := parseAny(t, string(r.Doc)); !reflect.DeepEqual(got, parseAny(t, encodeDocs[name])) {
			t.Errorf("%s: cborld decodes what Encode wrote to\n%s", name, r.Doc)
		}
	}
}

func TestEncodeErrors(t *testing.T) {
	v1 := `"@context": "https://www.w3.org/2018/credentials/v1"`
	typed := `"@context": {"d": {"@id": "http://ex.org/d", "@type": "http://www.w3.org/2001/XMLSchema#dateTime"}, "v": {"@id": "http://ex.org/v", "@type": "@vocab"}, "n": "http://ex.org/n"}`
	for _, c := range []struct {
		doc  string
		want error
		msg  string
	}{
		{`{` + v1 + `, "unknownTerm": 1}`, ErrUnsupported, `"unknownTerm" is not a term`},
		{`{` + v1 + `, "@value": 1}`, ErrUnsupported, "keyword @value"},
		{`{"@context": null}`, ErrUnsupported, "@context entry"},
		{`{"@context": ""}`, ErrUnsupported, "empty context"},
		{`{"@context": [5]}`, ErrUnsupported, "@context entry"},
		{`{"@context": "https://example.org/unknown"}`, ErrUnknownContext, "example.org"},
		{`{` + typed + `, "n": [[1]]}`, ErrUnsupported, "array inside an array"},
		{`{` + typed + `, "d": 1711724400}`, ErrUnsupported, "holds a number"},
		{`{` + typed + `, "v": 100}`, ErrUnsupported, "read as a term"},
		{`{` + v1 + `, "id": 5}`, ErrUnsupported, "not a URL"},
		{`{` + v1 + `, "type": [5]}`, ErrUnsupported, "not a type name"},
		{`"text"`, ErrUnsupported, "not an object"},
		{`[5]`, ErrUnsupported, "not an object"},
	} {
		if _, err := Encode(parseAny(t, c.doc)); !errors.Is(err, c.want) || !strings.Contains(err.Error(), c.msg) {
			t.Errorf("Encode(%.60s): %v; want %v with %q", c.doc, err, c.want, c.msg)
		}
	}
}
