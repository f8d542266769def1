package cborld

import (
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/fxamacker/cbor/v2"
)

// TestDecodeTestdata decodes the payloads kept in testdata (no node
// needed): each gives back its presentation, and encodes to its bytes.
func TestDecodeTestdata(t *testing.T) {
	for _, f := range testdataFixtures(t) {
		t.Run(f.name, func(t *testing.T) {
			want := parse(t, f.vp)
			if got := decodeMap(t, f.data); !reflect.DeepEqual(got, want) {
				t.Fatal("decoded presentation differs from the original")
			}
			enc, err := Encode(want)
			if err != nil || !bytes.Equal(enc, f.data) {
				t.Fatalf("Encode: %v (identical: %v)", err, bytes.Equal(enc, f.data))
			}
		})
	}
}

// cl returns the compressed CBOR-LD of v: the tag, then v in CBOR.
func cl(t testing.TB, v any) []byte {
	t.Helper()
	b, err := cbor.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return append([]byte{0xd9, 0x05, 0x01}, b...)
}

// m builds a CBOR-LD map.
type m = map[any]any

// fooCtx is an inline context whose one term, "foo", gets the first term
// id, 100 (and 101 for arrays), with the type codec typ ("" for none).
func fooCtx(typ string) map[string]any {
	def := map[string]any{"@id": "http://example.org/foo"}
	if typ != "" {
		def["@type"] = typ
	}
	return map[string]any{"foo": def}
}

func TestDecodeErrors(t *testing.T) {
	deep := append([]byte{0xd9, 0x05, 0x01}, bytes.Repeat([]byte{0x81}, 200)...)
	many := make([]any, 5000)
	for i := range many {
		many[i] = m{}
	}
	contexts := make([]any, 1100)
	for i := range contexts {
		contexts[i] = map[string]any{}
	}
	uuidBytes := bytes.Repeat([]byte{1}, 16) // version 0: no RFC 4122 UUID
	cases := []struct {
		name string
		data []byte
		want error
		msg  string
	}{
		{"empty", nil, ErrNotCBORLD, "tag"},
		{"tag only", []byte{0xd9, 0x05}, ErrNotCBORLD, "tag"},
		{"mode 2", []byte{0xd9, 0x05, 0x02, 0xa0}, ErrNotCBORLD, "mode"},
		{"no tag", []byte{0xa0, 0x05, 0x01, 0xa0}, ErrNotCBORLD, "tag"},
		{"no body", []byte{0xd9, 0x05, 0x01}, ErrMalformed, "CBOR"},
		{"trailing byte", append(cl(t, m{}), 0), ErrMalformed, "CBOR"},
		{"a tag inside", []byte{0xd9, 0x05, 0x01, 0xc1, 0x00}, ErrMalformed, "CBOR"},
		{"duplicate key", []byte{0xd9, 0x05, 0x01, 0xa2, 0x00, 0x11, 0x00, 0x11}, ErrMalformed, "CBOR"},
		{"invalid UTF-8", []byte{0xd9, 0x05, 0x01, 0xa1, 0x00, 0x62, 0xff, 0xfe}, ErrMalformed, "CBOR"},
		{"not a map", cl(t, 5), ErrMalformed, "not a map"},
		{"array of non-maps", cl(t, []any{5}), ErrMalformed, "not a map"},
		{"unknown term id", cl(t, m{uint64(100): "x"}), ErrMalformed, "unknown term id 100"},
		{"text key", cl(t, m{"name": "x"}), ErrMalformed, "not a term id"},
		{"negative key", cl(t, m{-2: "x"}), ErrMalformed, "not a term id"},
		{"term out of scope", cl(t, []any{m{uint64(0): fooCtx("")}, m{uint64(100): "x"}}), ErrMalformed, `"foo" (id 100) is not defined`},
		{"registered, not bundled", cl(t, m{uint64(0): uint64(0x15)}), ErrUnknownContext, "https://w3id.org/cit/v1"},
		{"not registered", cl(t, m{uint64(0): uint64(0x40)}), ErrUnknownContext, "not in the registry"},
		{"not bundled", cl(t, m{uint64(0): "https://example.org/ctx"}), ErrUnknownContext, "example.org"},
		{"two contexts", cl(t, m{uint64(0): uint64(0x11), uint64(1): []any{uint64(0x11)}}), ErrMalformed, "both"},
		{"context list no array", cl(t, m{uint64(1): uint64(0x11)}), ErrMalformed, "list"},
		{"context of bytes", cl(t, m{uint64(1): []any{[]byte{1}}}), ErrMalformed, "type []uint8"},
		{"@value", cl(t, m{uint64(6): "x"}), ErrMalformed, "@value"},
		{"null @id", cl(t, m{uint64(4): nil}), ErrMalformed, "null @id"},
		{"bytes as a value", cl(t, m{uint64(0): fooCtx(""), uint64(100): []byte{1}}), ErrMalformed, "JSON cannot hold"},
		{"map in @id", cl(t, m{uint64(4): m{}}), ErrMalformed, "a map"},
		{"beyond 2^53", cl(t, m{uint64(0): fooCtx(""), uint64(100): uint64(1) << 60}), ErrMalformed, "exact range"},
		{"bad UUID bytes", cl(t, m{uint64(0): fooCtx("@id"), uint64(100): []any{uint64(3), uuidBytes}}), ErrMalformed, "UUID"},
		{"dateTime pair with text", cl(t, m{uint64(0): fooCtx(typeDateTime), uint64(100): []any{uint64(1), "x"}}), ErrMalformed, "dateTime"},
		{"dateTime out of range", cl(t, m{uint64(0): fooCtx(typeDateTime), uint64(100): uint64(1) << 50}), ErrMalformed, "range"},
		{"array id, no array", cl(t, m{uint64(0): fooCtx(""), uint64(101): "x"}), ErrMalformed, "array term id"},
		{"array in array", cl(t, m{uint64(0): fooCtx(""), uint64(101): []any{[]any{uint64(1)}}}), ErrMalformed, "array inside an array"},
		{"both forms of a term", cl(t, m{uint64(0): fooCtx(""), uint64(100): "x", uint64(101): []any{"y"}}), ErrMalformed, "both"},
		{"too deep", deep, ErrTooLarge, "nested"},
		{"too many items", cl(t, many), ErrTooLarge, "exceeded max number of elements"},
		{"too large", append([]byte{0xd9, 0x05, 0x01}, make([]byte, 70<<10)...), ErrTooLarge, "bytes of CBOR-LD"},
		{"too many contexts", cl(t, m{uint64(1): contexts}), ErrTooLarge, "contexts"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Decode(c.data)
			if !errors.Is(err, c.want) || !strings.Contains(err.Error(), c.msg) {
				t.Fatalf("Decode: %v; want %v with %q", err, c.want, c.msg)
			}
		})
	}
}

// TestDecodeMaxOutput checks the output limit on a real payload.
func TestDecodeMaxOutput(t *testing.T) {
	f := testdataFixtures(t)[0]
	_, err := Options{Limits: Limits{MaxOutput: 1000}}.Decode(f.data)
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "exceeds 1000 bytes") {
		t.Fatalf("Decode: %v", err)
	}
}

// TestDecodeUncompressed reads mode 0, plain CBOR of the JSON-LD.
func TestDecodeUncompressed(t *testing.T) {
	doc := map[string]any{"@context": "https://www.w3.org/ns/credentials/v2", "type": []any{"VerifiablePresentation"}, "n": 1.5}
	b, err := cbor.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	got, err := Decode(append([]byte{0xd9, 0x05, 0x00}, b...))
	if err != nil || !reflect.DeepEqual(got, doc) {
		t.Fatalf("Decode = %v, %v", got, err)
	}
	if _, err := Decode(append([]byte{0xd9, 0x05, 0x00}, 0xa1, 0x01, 0x02)); !errors.Is(err, ErrMalformed) {
		t.Fatalf("a number key in mode 0: %v", err)
	}
}
