package cborld

import (
	"errors"
	"reflect"
	"slices"
	"testing"
)

// The expected texts below were printed by Node.js 20 (new Date(...)
// .toISOString(), as cborld's codecs call it).
func TestDateTimeCodec(t *testing.T) {
	cases := []struct {
		in   any
		want string
	}{
		{uint64(1711724400), "2024-03-29T15:00:00Z"},
		{[]any{uint64(1711724400), uint64(123)}, "2024-03-29T15:00:00.123Z"},
		{1.5, "1970-01-01T00:00:01.500Z"},
		{int64(-1), "1969-12-31T23:59:59Z"},
		{[]any{int64(-1), uint64(500)}, "1969-12-31T23:59:59.500Z"},
		{uint64(253402300800), "+010000-01-01T00:00:00Z"},
		{int64(-62198755200), "-000001-01-01T00:00:00Z"},
		{int64(-62167219200), "0000-01-01T00:00:00Z"},
		{uint64(8.64e12), "+275760-09-13T00:00:00Z"},
		{[]any{uint64(0), uint64(0)}, "1970-01-01T00:00:00.000Z"},
	}
	for _, c := range cases {
		got, err := decodeDateTime(c.in)
		if err != nil || got != c.want {
			t.Errorf("decodeDateTime(%v) = %q, %v; want %q", c.in, got, err, c.want)
			continue
		}
		enc, ok := encodeDateTime(c.want)
		if _, isFloat := c.in.(float64); isFloat {
			continue // 1.5 s reads back as [1, 500]
		}
		if !ok {
			t.Errorf("encodeDateTime(%q) refused", c.want)
			continue
		}
		if back, err := decodeDateTime(jsValue(enc)); err != nil || back != c.want {
			t.Errorf("encodeDateTime(%q) = %v, which reads back as %q", c.want, enc, back)
		}
	}
	for _, bad := range []any{uint64(8.64e12 + 1), []any{uint64(1), "2"}, []any{true, uint64(2)}} {
		if _, err := decodeDateTime(bad); !errors.Is(err, ErrMalformed) {
			t.Errorf("decodeDateTime(%v): %v", bad, err)
		}
	}
	for _, s := range []string{
		"2024-03-29T15:00:00+00:00", "2024-03-29T15:00:00.12Z", "2024-02-30T00:00:00Z",
		"-000000-01-01T00:00:00Z", "2024-03-29t15:00:00Z", "2024-03-29T15:00Z", "2024-03-29T15:00:00.000+01:00",
		"+275760-09-13T00:00:00.001Z", "２024-03-29T15:00:00Z",
	} {
		if v, ok := encodeDateTime(s); ok {
			t.Errorf("encodeDateTime(%q) = %v, want it kept as text", s, v)
		}
	}
}

func TestDateCodec(t *testing.T) {
	for _, c := range []struct {
		sec  any
		want string
	}{
		{uint64(1711670400), "2024-03-29"},
		{int64(-86400), "1969-12-31"},
		{uint64(1711724400), "2024-03-29"}, // a time of day is dropped
		{uint64(8.64e12), "+275760-09-13"},
	} {
		if got, err := decodeDate(c.sec); err != nil || got != c.want {
			t.Errorf("decodeDate(%v) = %q, %v; want %q", c.sec, got, err, c.want)
		}
	}
	for s, want := range map[string]any{"2024-03-29": int64(1711670400), "-000001-01-01": int64(-62198755200), "+010000-01-01": int64(253402300800)} {
		if got, ok := encodeDate(s); !ok || got != want {
			t.Errorf("encodeDate(%q) = %v, %v; want %v", s, got, ok, want)
		}
	}
	for _, s := range []string{"2024-02-30", "2024-3-29", "-000000-01-01", "2024-03-29Z", "20240329"} {
		if v, ok := encodeDate(s); ok {
			t.Errorf("encodeDate(%q) = %v, want it kept as text", s, v)
		}
	}
}

// jsValue turns an encoder's value into what the CBOR decoder gives back.
func jsValue(v any) any {
	switch x := v.(type) {
	case int64:
		if x >= 0 {
			return uint64(x)
		}
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = jsValue(e)
		}
		return out
	}
	return v
}

func TestURICodec(t *testing.T) {
	s := newState(nil, &processedContexts{}, defaultLimits, ErrMalformed)
	for _, c := range []struct {
		url  string
		want any // nil: kept as text
	}{
		{"https://tdsa.example.ee/achievements/python-data", []any{uint64(2), "tdsa.example.ee/achievements/python-data"}},
		{"http://example.org/", []any{uint64(1), "example.org/"}},
		{"https://example.org:8443/x", nil}, // cborld takes the scheme to be all before the last colon
		{"https:example.org", nil},
		{"urn:uuid:8f679bbd-e6a9-47bf-a284-5d4999460c9e", []any{uint64(3), []byte{0x8f, 0x67, 0x9b, 0xbd, 0xe6, 0xa9, 0x47, 0xbf, 0xa2, 0x84, 0x5d, 0x49, 0x99, 0x46, 0x0c, 0x9e}}},
		{"urn:uuid:8F679BBD-E6A9-47BF-A284-5D4999460C9E", []any{uint64(3), "8F679BBD-E6A9-47BF-A284-5D4999460C9E"}},
		{"urn:uuid:not-a-uuid", []any{uint64(3), "not-a-uuid"}},
		{"did:key:z6MkkaDm9ooGUU8G7SxbQf7zZu3zL52PKh2BnSQhi5Asj65F", []any{uint64(1025), mustBase58(t, "6MkkaDm9ooGUU8G7SxbQf7zZu3zL52PKh2BnSQhi5Asj65F")}},
		{"did:key:z6MkkaDm9ooGUU8G7SxbQf7zZu3zL52PKh2BnSQhi5Asj65F#z6MkkaDm9ooGUU8G7SxbQf7zZu3zL52PKh2BnSQhi5Asj65F", []any{uint64(1025), mustBase58(t, "6MkkaDm9ooGUU8G7SxbQf7zZu3zL52PKh2BnSQhi5Asj65F"), mustBase58(t, "6MkkaDm9ooGUU8G7SxbQf7zZu3zL52PKh2BnSQhi5Asj65F")}},
		{"did:key:abc#key-1", []any{uint64(1025), "abc", "key-1"}},
		{"did:key:z0OIl", []any{uint64(1025), "z0OIl"}}, // not base58
		{"did:key:z", []any{uint64(1025), []byte{}}},
		{"did:key:zA#", []any{uint64(1025), mustBase58(t, "A"), ""}},
		{"did:key:a#b#c", nil}, // cborld would drop "#c"
		{"did:v1:nym:z6MkkaDm9ooGUU8G7SxbQf7z", []any{uint64(1024), mustBase58(t, "6MkkaDm9ooGUU8G7SxbQf7z")}},
		{"did:web:example.org", nil},
		{"mailto:someone@example.org", nil},
	} {
		enc, ok := encodeURI(c.url)
		if c.want == nil {
			if ok {
				t.Errorf("encodeURI(%q) = %v, want text", c.url, enc)
			}
			continue
		}
		if !ok || !reflect.DeepEqual(enc, c.want) {
			t.Errorf("encodeURI(%q) = %#v, want %#v", c.url, enc, c.want)
			continue
		}
		back, ok, err := s.decodeURI(enc.([]any))
		if err != nil || !ok || back != c.url {
			t.Errorf("decodeURI(encodeURI(%q)) = %q, %v, %v", c.url, back, ok, err)
		}
	}
	// Arrays that are no URL are kept as they are; broken ones fail.
	for _, a := range [][]any{{}, {uint64(2)}, {uint64(2), uint64(3)}, {uint64(9), "x"}, {"x", "y"}, {uint64(1025)}, {uint64(1025), "a", "b", "c"}} {
		if u, ok, err := s.decodeURI(a); ok || err != nil {
			t.Errorf("decodeURI(%v) = %q, %v, %v; want it kept", a, u, ok, err)
		}
	}
	for _, a := range [][]any{{uint64(3), make([]byte, 15)}, {uint64(3), make([]byte, 16)[:0]}, {uint64(3), []byte("0123456789abcdef")}, {uint64(1025), uint64(5)}, {uint64(1025), make([]byte, maxBase58Bytes+1)}} {
		if u, _, err := s.decodeURI(a); err == nil {
			t.Errorf("decodeURI(%v) = %q, want an error", a, u)
		}
	}
}

func TestMultibaseCodec(t *testing.T) {
	for _, s := range []string{"z", "z1", "z11abc", "z41ZoxfesvKgzveH3Aj6Sp6LU3HPY78WSWjF6Lh2Ged9vQajTGS9gG5wsdTcbxTM7rqAHGAXHR38R52NZsjkVJJyk", "M", "MAA==", "MAQID"} {
		b, ok := encodeMultibase(s)
		if !ok {
			t.Errorf("encodeMultibase(%q) refused", s)
			continue
		}
		back, ok, err := decodeMultibase(b)
		if err != nil || !ok || back != s {
			t.Errorf("multibase %q reads back as %q, %v, %v", s, back, ok, err)
		}
	}
	for _, s := range []string{"", "u123", "z0", "z 1", "MAA", "MAQ=D", "MA-_"} {
		if b, ok := encodeMultibase(s); ok {
			t.Errorf("encodeMultibase(%q) = %x, want text", s, b)
		}
	}
	if _, ok, _ := decodeMultibase([]byte("u123")); ok {
		t.Error("decodeMultibase read a 'u' multibase, which cborld does not")
	}
}

func TestUTF16Order(t *testing.T) {
	// U+FF5E (a UTF-16 unit above the surrogates) sorts after U+1F600 in
	// JavaScript, before it in Go's byte order.
	got := []string{"b", "\uff5e", "\U0001F600", "a", "ab", "", "B"}
	slices.SortFunc(got, compareUTF16)
	want := []string{"", "B", "a", "ab", "b", "\U0001F600", "\uff5e"}
	if !slices.Equal(got, want) {
		t.Fatalf("sorted %q, want %q", got, want)
	}
}
