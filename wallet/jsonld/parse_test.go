package jsonld

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestParse(t *testing.T) {
	cases := []struct {
		name string
		in   string
		want any
		err  error
	}{
		{"object", `{"a": [1, -2.5e3, true, false, null, "x"]}`, map[string]any{"a": []any{1.0, -2500.0, true, false, nil, "x"}}, nil},
		{"escapes", `"\u00e9\ud83d\ude00\n\"\\\/"`, "é😀\n\"\\/", nil},
		{"bom", "\ufeff{}", map[string]any{}, nil},
		{"utf-8 text", `"Gödel – 学位"`, "Gödel – 学位", nil},
		{"duplicate key", `{"id": "a", "id": "b"}`, nil, ErrDuplicateKey},
		{"invalid utf-8", "\"\xff\"", nil, ErrInvalidUTF8},
		{"overlong utf-8", "\"\xc0\xaf\"", nil, ErrInvalidUTF8},
		{"lone high surrogate", `"\ud800"`, nil, ErrInvalidUTF8},
		{"lone low surrogate", `"\udc00"`, nil, ErrInvalidUTF8},
		{"control character", "\"a\x01\"", nil, ErrSyntax},
		{"trailing comma", `[1,]`, nil, ErrSyntax},
		{"leading zero", `01`, nil, ErrSyntax},
		{"number overflow", `1e400`, nil, ErrSyntax},
		{"trailing data", `{} {}`, nil, ErrSyntax},
		{"bad escape", `"\x"`, nil, ErrSyntax},
		{"empty", ``, nil, ErrSyntax},
		{"single quotes", `{'a': 1}`, nil, ErrSyntax},
		{"nan", `NaN`, nil, ErrSyntax},
		{"depth 100", strings.Repeat("[", 100) + strings.Repeat("]", 100), nil, nil},
		{"depth 101", strings.Repeat("[", 101) + strings.Repeat("]", 101), nil, ErrTooDeep},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := Parse([]byte(c.in), 1<<20)
			if !errors.Is(err, c.err) || (c.err == nil && err != nil) {
				t.Fatalf("error %v, want %v", err, c.err)
			}
			if c.err != nil {
				var se *SyntaxError
				if !errors.As(err, &se) {
					t.Errorf("error %T is not a *SyntaxError", err)
				}
				return
			}
			if c.want != nil && !reflect.DeepEqual(got, c.want) {
				t.Errorf("got %#v, want %#v", got, c.want)
			}
		})
	}
}

// TestParseLimits checks that a 10,000-deep document and an oversized one
// are refused at once.
func TestParseLimits(t *testing.T) {
	deep := []byte(strings.Repeat(`{"a":`, 10_000) + "1" + strings.Repeat("}", 10_000))
	start := time.Now()
	if _, err := Parse(deep, 1<<20); !errors.Is(err, ErrTooDeep) {
		t.Fatalf("10,000-deep: got %v", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("refusing the 10,000-deep document took %v", d)
	}
	deepArrays := []byte(strings.Repeat("[", 10_000))
	if _, err := Parse(deepArrays, 1<<20); !errors.Is(err, ErrTooDeep) {
		t.Fatalf("10,000 open brackets: got %v", err)
	}
	huge := []byte(`{"a": "` + strings.Repeat("x", 5<<20) + `"}`)
	start = time.Now()
	if _, err := Parse(huge, 4<<20); !errors.Is(err, ErrTooLarge) {
		t.Fatalf("5 MiB with a 4 MiB limit: got %v", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("refusing by size took %v; it must not read the input", d)
	}
	if _, err := ParseObject([]byte(`[]`), 10); !errors.Is(err, ErrSyntax) {
		t.Errorf("array as document: got %v", err)
	}
}
