package qr

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

// fuzzLimits keep each fuzz input cheap: the decoder's limits are what a
// hostile text meets, only smaller.
var fuzzLimits = Limits{MaxSize: 1 << 20, MaxParts: 16}

// seedPayloads returns real payload texts: a sample of the corpus and the
// harness's presentations, single and in parts, with and without a URL
// prefix.
func seedPayloads(f *testing.F) []*Payload {
	var in []sample
	for _, ss := range corpusFiles(f) {
		in = append(in, ss[0])
	}
	in = append(in, presentations(f)...)
	var out []*Payload
	for _, s := range in {
		for _, opt := range []Options{{}, {URLPrefix: "https://verifier.example/v#"}} {
			p, err := Encode(s.data, opt)
			if err != nil {
				f.Fatal(err)
			}
			out = append(out, p)
		}
	}
	return out
}

// FuzzDecode feeds one text to the decoder: it must never panic, and
// whatever it accepts must decode again to the same presentation.
func FuzzDecode(f *testing.F) {
	for _, p := range seedPayloads(f) {
		for _, s := range p.Parts {
			f.Add(s)
		}
	}
	f.Add("SAT1.R1:")
	f.Add("https://v.example/#SAT1.B1.1/2.AAAAAAAA:AE")
	f.Fuzz(func(t *testing.T, text string) {
		got, err := DecodeLimits(fuzzLimits, text)
		if err != nil {
			if errors.Is(err, ErrMissingParts) {
				return
			}
			for _, e := range []error{ErrPrefix, ErrVersion, ErrMalformed, ErrChecksum, ErrTooLarge} {
				if errors.Is(err, e) {
					return
				}
			}
			t.Fatalf("error without a sentinel: %v", err)
		}
		if len(got) > fuzzLimits.MaxSize {
			t.Fatalf("%d bytes decoded past the limit", len(got))
		}
		again, err := DecodeLimits(fuzzLimits, text)
		if err != nil || !bytes.Equal(again, got) {
			t.Fatalf("second decode: %v", err)
		}
	})
}

// FuzzAssemble feeds a set of parts, one per line, in the fuzzer's order
// and with its changes, to an Assembler: it must never panic, its progress
// must stay consistent, and a set it completes must be one the checksum
// accepts or a clear error.
func FuzzAssemble(f *testing.F) {
	ps := seedPayloads(f)
	for i, p := range ps {
		f.Add(strings.Join(p.Parts, "\n"))
		if len(p.Parts) > 1 {
			f.Add(strings.Join(p.Parts[1:], "\n") + "\n" + p.Parts[0])
			f.Add(p.Parts[0] + "\n" + ps[(i+2)%len(ps)].Parts[0]) // mixed sets
		}
	}
	f.Fuzz(func(t *testing.T, joined string) {
		a := NewAssembler(fuzzLimits)
		for _, line := range strings.Split(joined, "\n") {
			_ = a.Add(line) // errors leave the assembler as it was
			if a.Have() > a.Total() || a.Total() > fuzzLimits.MaxParts {
				t.Fatalf("progress %d of %d", a.Have(), a.Total())
			}
		}
		got, err := a.Presentation()
		if err == nil {
			if !a.Complete() || len(got) > fuzzLimits.MaxSize {
				t.Fatalf("a presentation of %d bytes from an incomplete or oversized set", len(got))
			}
			return
		}
		var mp *MissingPartsError
		if errors.As(err, &mp) && (a.Complete() || mp.Have+len(mp.Missing) != mp.Total) {
			t.Fatalf("missing-parts error %v from a complete set", err)
		}
	})
}

// FuzzTransforms checks that both reversible transforms, and the whole
// message, give back any input exactly. The seeds are the one-credential
// presentations: the fuzzer minimises every input that finds new coverage,
// and minimising the 20 KB three-credential VP through four DEFLATE runs
// an execution took most of a minute.
func FuzzTransforms(f *testing.F) {
	for _, p := range presentations(f) {
		if len(p.data) < 10000 {
			f.Add(p.data)
		}
	}
	f.Add([]byte("eyJ9.eyJ9\x00"))
	f.Fuzz(func(t *testing.T, in []byte) {
		tr, _ := expand(nil, in, 0)
		out, err := contract(nil, tr, 0, 4*len(in)+16)
		if err != nil || !bytes.Equal(out, in) {
			t.Fatalf("expand/contract: %v", err)
		}
		if compact, layout, ok := compactLayout(in); ok {
			out, err := indent(nil, compact, layout, len(in))
			if err != nil || !bytes.Equal(out, in) {
				t.Fatalf("layout: %v", err)
			}
		}
		msg, _ := pack(in, dictV1)
		if len(in) > 0 {
			got, err := unpack(msg, dictV1, Limits{MaxSize: len(in) + 1, MaxRatio: 1 << 20}.withDefaults())
			if err != nil || !bytes.Equal(got, in) {
				t.Fatalf("pack/unpack: %v", err)
			}
		}
	})
}
