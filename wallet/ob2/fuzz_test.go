package ob2

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/satchel-wallet/satchel/internal/fixture"
)

// maxFuzzInput bounds the inputs fuzzed: the engine minimises every new
// interesting input byte by byte, which stalls it on large ones; the
// seeds are all smaller.
const maxFuzzInput = 16 << 10

// documented reports whether err is one of the errors Read documents.
func documented(err error) bool {
	for _, e := range []error{ErrNotOB2, ErrNotBaked, ErrNotAssertion, ErrMalformed, ErrTooLarge, ErrDTD, ErrRemote} {
		if errors.Is(err, e) {
			return true
		}
	}
	return false
}

// seed adds the files of a fixture folder matching pattern and no larger
// than maxFuzzInput.
func seed(f *testing.F, pattern string) {
	files, _ := filepath.Glob(filepath.Join(fixture.Root(f), pattern))
	for _, p := range files {
		if b, err := os.ReadFile(p); err == nil && len(b) <= maxFuzzInput {
			f.Add(b)
		}
	}
}

// check is the property every fuzz target checks: Read does not panic or
// hang, fails only with documented errors, and a reading has checks and
// an identity.
func check(t *testing.T, data []byte, opts Options) {
	r, err := Read(context.Background(), data, opts)
	if err != nil {
		if !documented(err) {
			t.Fatalf("undocumented error: %v", err)
		}
		return
	}
	if len(r.Checks) < 2 || len(r.Identity) == 0 {
		t.Fatalf("reading without checks or identity: %+v", r)
	}
}

// staticKeys serves the validator's key1.json for every URL, so that
// fuzzed signed badges reach the signature check.
type staticKeys []byte

func (k staticKeys) FetchKey(context.Context, string) ([]byte, error) { return k, nil }

// FuzzPNGChunks fuzzes the PNG chunk reader, seeded with the baked and
// unbaked PNGs of the fixtures and small crafted ones (compressed iTXt,
// tEXt, zTXt, an Open Badges 3.0 keyword).
func FuzzPNGChunks(f *testing.F) {
	seed(f, "vectors/ob2-baked/*/*/*.png")
	seed(f, "vectors/ob2-baked/*/*/*/*.png")
	assertion := []byte(`{"@context":"https://w3id.org/openbadges/v2","type":"Assertion","recipient":{"identity":"a@b.c"},"badge":"https://b.example","issuedOn":"2020-01-01"}`)
	for _, c := range []pngChunk{
		{"iTXt", append([]byte("openbadges\x00\x01\x00\x00\x00"), zlibOf(assertion)...)},
		{"iTXt", append([]byte("openbadgecredential\x00\x00\x00en\x00\x00"), `{"@context":[]}`...)},
		{"tEXt", append([]byte("openbadges\x00"), assertion...)},
		{"zTXt", append([]byte("openbadges\x00\x00"), zlibOf(assertion)...)},
	} {
		f.Add(pngOf(c))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > maxFuzzInput {
			return
		}
		check(t, data, Options{MaxImagePixels: 1 << 20})
		if bytes.HasPrefix(data, pngSignature) {
			if b, err := readPNG(data, Options{}); err == nil && b.text == "" && !b.ob3 && len(data) < 20 {
				t.Fatalf("a badge from %d bytes", len(data))
			}
		}
	})
}

// FuzzSVG fuzzes the SVG reader, seeded with the baked SVGs of the
// fixtures and hostile variants.
func FuzzSVG(f *testing.F) {
	seed(f, "vectors/ob2-baked/mozilla-openbadges-bakery/*.svg")
	seed(f, "vectors/ob3/1edtech-validator/ob30/*.svg")
	f.Add([]byte(`<!DOCTYPE svg [<!ENTITY a "b">]><svg xmlns="http://www.w3.org/2000/svg"/>`))
	f.Add([]byte(`<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org"><openbadges:assertion verify="a.b.c"/></svg>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > maxFuzzInput {
			return
		}
		check(t, data, Options{})
	})
}

// FuzzOB2 fuzzes the assertion reader: JSON and compact JWS, the signed
// ones checked with the validator's key.
func FuzzOB2(f *testing.F) {
	seed(f, "vectors/ob2-baked/1edtech-validator/ob20/*.json")
	seed(f, "vectors/ob2-baked/1edtech-validator/ob20/*.jwt")
	f.Add([]byte(`{"uid":"x","recipient":"a@b.c","badge":{"name":"n","issuer":{"name":"i"}},"verify":{"type":"hosted","url":"https://x"},"issuedOn":1}`))
	keys := staticKeys(fixture.Read(f, "vectors/ob2-baked/1edtech-validator/ob20/assets/key1.json"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > maxFuzzInput {
			return
		}
		check(t, data, Options{Keys: keys})
	})
}
