package qr

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"math/rand/v2"
	"strings"
	"testing"
)

// TestDictionaryPinned keeps dictionary 1 byte for byte: payloads made with
// it must decode forever. A new dictionary is a new version.
func TestDictionaryPinned(t *testing.T) {
	const want = "d33c2fe44dc533c79d78681776bfdde231463308cb7508b4c473093a58ee157b"
	sum := sha256.Sum256(dictV1)
	if got := hex.EncodeToString(sum[:]); got != want {
		t.Fatalf("dictionary v1 changed: sha256 %s, want %s; add a v2 instead", got, want)
	}
	if len(dictV1) > 32<<10 {
		t.Fatalf("dictionary of %d bytes: DEFLATE sees only the last 32 KiB", len(dictV1))
	}
}

// everyNth returns every nth sample.
func everyNth(ss []sample, n int) []sample {
	var out []sample
	for i := 0; i < len(ss); i += n {
		out = append(out, ss[i])
	}
	return out
}

func roundTrip(t *testing.T, data []byte, opt Options, rng *rand.Rand) *Payload {
	t.Helper()
	p, err := Encode(data, opt)
	if err != nil {
		t.Fatalf("Encode: %v", err)
	}
	for _, s := range p.Parts {
		if opt.URLPrefix != "" && !strings.HasPrefix(s, opt.URLPrefix) {
			t.Fatalf("part %q lacks the URL prefix", s[:20])
		}
		if !fits(len(p.Options.URLPrefix), len(s)-len(p.Options.URLPrefix), p.Options.MaxVersion, p.Options.Level) {
			t.Fatalf("a part of %d characters does not fit version %d", len(s), p.Options.MaxVersion)
		}
	}
	parts := append([]string(nil), p.Parts...)
	rng.Shuffle(len(parts), func(i, j int) { parts[i], parts[j] = parts[j], parts[i] })
	got, err := Decode(parts...)
	if err != nil {
		t.Fatalf("Decode of %d shuffled parts: %v", len(parts), err)
	}
	if !bytes.Equal(got, data) {
		t.Fatalf("round trip changed the presentation (%d bytes, got %d)", len(data), len(got))
	}
	return p
}

// TestRoundTripRealInputs encodes a sample of every kind of input in the
// harness corpus, the harness's presentations and the OB3 fixtures, with
// and without a URL prefix, and decodes the parts in shuffled order.
func TestRoundTripRealInputs(t *testing.T) {
	var all []sample
	for _, ss := range corpusFiles(t) {
		all = append(all, everyNth(ss, 8)...)
	}
	all = append(all, presentations(t)...)
	all = append(all, ob3Fixtures(t)...)
	rng := rand.New(rand.NewPCG(1, 2))
	for _, s := range all {
		t.Run(s.name, func(t *testing.T) {
			roundTrip(t, s.data, Options{}, rng)
			roundTrip(t, s.data, Options{URLPrefix: "https://verifier.example/v#"}, rng)
			roundTrip(t, s.data, Options{Level: LevelH, MaxVersion: 10}, rng)
		})
	}
}

// noise returns n bytes that DEFLATE cannot shrink.
func noise(n int, seed uint64) []byte {
	rng := rand.New(rand.NewPCG(seed, seed))
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(rng.Uint32())
	}
	return b
}

// sizeForParts returns the smallest noise size that needs n parts.
func sizeForParts(t *testing.T, n int, opt Options) int {
	t.Helper()
	lo, hi := 1, 64<<10
	for lo < hi {
		mid := (lo + hi) / 2
		p, err := Encode(noise(mid, 7), opt)
		if err != nil {
			t.Fatal(err)
		}
		if len(p.Parts) >= n {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo
}

// TestSyntheticParts makes presentations that need exactly 1, 2 and 5
// symbols, at the edge where one byte more needs another, and reads them in
// shuffled order, with duplicates.
func TestSyntheticParts(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, opt := range []Options{{}, {URLPrefix: "https://verifier.example/v#"}} {
		for _, n := range []int{1, 2, 5} {
			size := sizeForParts(t, n, opt)
			if n == 1 {
				size = sizeForParts(t, 2, opt) - 1
			}
			p := roundTrip(t, noise(size, 7), opt, rng)
			if len(p.Parts) != n {
				t.Fatalf("%d bytes: %d parts, want %d", size, len(p.Parts), n)
			}
			// Every part is read twice, in any order: still one result.
			twice := append(append([]string(nil), p.Parts...), p.Parts...)
			rng.Shuffle(len(twice), func(i, j int) { twice[i], twice[j] = twice[j], twice[i] })
			if got, err := Decode(twice...); err != nil || !bytes.Equal(got, noise(size, 7)) {
				t.Fatalf("%d parts read twice: %v", n, err)
			}
			t.Logf("prefix %q: %d bytes of noise -> %d parts of %d characters", opt.URLPrefix, size, n, len(p.Parts[0]))
		}
	}
}

func TestPartHeader(t *testing.T) {
	p, err := Encode(noise(3000, 9), Options{URLPrefix: "https://verifier.example/v#"})
	if err != nil {
		t.Fatal(err)
	}
	for i, s := range p.Parts {
		pt, err := ParsePart(s)
		if err != nil {
			t.Fatal(err)
		}
		if pt.Index != i+1 || pt.Total != len(p.Parts) || len(pt.SetID) != setIDLen || pt.Encoding != EncodingBase32 || pt.DictVersion != 1 {
			t.Fatalf("part %d parsed as %+v", i+1, pt)
		}
		// Every character after the '#' is one QR's alphanumeric mode
		// carries and a URL fragment keeps as it is.
		frag := s[strings.IndexByte(s, '#')+1:]
		if strings.Trim(frag, "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ./:") != "" {
			t.Fatalf("fragment %q has characters outside the URL-safe alphanumeric set", frag)
		}
	}
	single, err := Encode([]byte(`{"hello":"world"}`), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(single.Parts[0], "SAT1.R1:") || len(single.Parts) != 1 {
		t.Fatalf("single payload %q", single.Parts)
	}
}

func TestTransforms(t *testing.T) {
	jws := "eyJhbGciOiJFZERTQSJ9.eyJpc3MiOiJkaWQ6a2V5Ono2TWsifQ.c2lnbmF0dXJl"
	for _, in := range []string{
		jws,
		jws + "~WyJzYWx0IiwibmFtZSIsIkVsZW5hIl0~" + jws,
		`{"verifiableCredential":["` + jws + `"],"x":"\u0000"}`,
		"a\x00b\x00\x00c",
		"eyJhIjoxfR", // stray bits: strict decoding refuses it, so it stays text
		"eyJ9",       // '{' and a stray byte: expanded, given back exactly
		"",
	} {
		tr, _ := expand(nil, []byte(in), 0)
		out, err := contract(nil, tr, 0, 1<<20)
		if err != nil || string(out) != in {
			t.Errorf("expand/contract %q: %q, %v", in, out, err)
		}
	}
	for _, in := range []string{
		"{\n  \"a\": [\n    1,\n    {}\n  ],\n  \"b\": \"x: ,{\\\"\"\n}\n",
		"{\n    \"a\": []\n}",
		"[\n\t{\n\t\t\"a\": null\n\t}\n]",
	} {
		compact, layout, ok := compactLayout([]byte(in))
		if !ok {
			t.Errorf("compactLayout(%q) refused", in)
			continue
		}
		out, err := indent(nil, compact, layout, 1<<20)
		if err != nil || string(out) != in {
			t.Errorf("layout of %q: %q, %v", in, out, err)
		}
	}
	for _, in := range []string{`{"a":1}`, "{\n  \"a\":1}", "{ \"a\": 1 }", "not json"} {
		if _, _, ok := compactLayout([]byte(in)); ok {
			t.Errorf("compactLayout(%q) accepted a layout it cannot reproduce", in)
		}
	}
}
