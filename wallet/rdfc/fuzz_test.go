package rdfc_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/satchel-wallet/satchel/internal/fixture"
	"github.com/satchel-wallet/satchel/wallet/rdfc"
)

// fuzzLimits keep each fuzz input small and each run fast; the properties
// checked do not depend on size.
var fuzzLimits = rdfc.ParseOptions{MaxInputBytes: 64 << 10, MaxLineBytes: 8 << 10, MaxQuads: 2000}

// addSeeds adds every N-Quads file of the W3C suite and the Open Badges
// vectors to the corpus.
func addSeeds(f *testing.F) {
	f.Helper()
	files, err := filepath.Glob(filepath.Join(fixture.Path(f, suiteDir), "rdfc10", "*.nq"))
	if err != nil || len(files) == 0 {
		f.Fatalf("no suite files: %v", err)
	}
	for _, rel := range ob3Canonical {
		files = append(files, fixture.Path(f, rel))
	}
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
}

// FuzzParseNQuads checks that the parser never panics, and that whatever it
// accepts, written back out, reads back as the same quads.
func FuzzParseNQuads(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, in []byte) {
		ds, err := fuzzLimits.Parse(bytes.NewReader(in))
		if err != nil {
			if !errors.Is(err, rdfc.ErrSyntax) && !errors.Is(err, rdfc.ErrTooLarge) {
				t.Fatalf("unexpected error kind: %v", err)
			}
			return
		}
		var out bytes.Buffer
		if err := rdfc.WriteNQuads(&out, ds); err != nil {
			t.Fatal(err)
		}
		again, err := rdfc.ParseNQuads(bytes.NewReader(out.Bytes()))
		if err != nil {
			t.Fatalf("output does not parse: %v\n%s", err, out.Bytes())
		}
		if len(again) != len(ds) {
			t.Fatalf("%d quads became %d", len(ds), len(again))
		}
		for i := range ds {
			if a, b := ds[i].String(), again[i].String(); a != b {
				t.Fatalf("quad %d: %q became %q", i, a, b)
			}
		}
	})
}

// FuzzCanonicalize checks that canonicalisation never panics or runs
// unbounded, fails only for the documented reasons, and is idempotent: the
// canonical form of canonical output is itself.
func FuzzCanonicalize(f *testing.F) {
	addSeeds(f)
	// A smaller budget keeps hostile inputs from slowing the fuzzer down.
	opts := rdfc.Options{MaxHashNDegreeCalls: 500, MaxSteps: 20_000}
	f.Fuzz(func(t *testing.T, in []byte) {
		ds, err := fuzzLimits.Parse(bytes.NewReader(in))
		if err != nil {
			return
		}
		res, err := rdfc.Canonicalize(context.Background(), ds, opts)
		if err != nil {
			if !errors.Is(err, rdfc.ErrTooComplex) && !errors.Is(err, rdfc.ErrInvalidTerm) {
				t.Fatalf("unexpected error kind: %v", err)
			}
			return
		}
		lines := bytes.SplitAfter(res.NQuads, []byte("\n"))
		if last := lines[len(lines)-1]; len(last) != 0 {
			t.Fatalf("output does not end in a newline: %q", last)
		}
		lines = lines[:len(lines)-1]
		if !slices.IsSortedFunc(lines, bytes.Compare) || len(slices.CompactFunc(slices.Clone(lines), bytes.Equal)) != len(lines) {
			t.Fatalf("output lines not sorted and distinct:\n%s", res.NQuads)
		}
		blanks := map[string]bool{}
		for _, q := range ds {
			for _, term := range []rdfc.Term{q.Subject, q.Object, q.Graph} {
				if term.IsBlank() {
					blanks[term.Value] = true
				}
			}
		}
		if len(blanks) != len(res.IssuedIdentifiers) {
			t.Fatalf("%d blank nodes, %d issued identifiers", len(blanks), len(res.IssuedIdentifiers))
		}

		canon, err := rdfc.ParseNQuads(bytes.NewReader(res.NQuads))
		if err != nil {
			t.Fatalf("canonical output does not parse: %v\n%s", err, res.NQuads)
		}
		// Relabelled input can take a different amount of work, so the
		// second run gets a larger budget, and running out is inconclusive.
		again, err := rdfc.Canonicalize(context.Background(), canon, rdfc.Options{MaxHashNDegreeCalls: 10 * opts.MaxHashNDegreeCalls, MaxSteps: 10 * opts.MaxSteps})
		if errors.Is(err, rdfc.ErrTooComplex) {
			return
		}
		if err != nil {
			t.Fatalf("canonical output does not canonicalize: %v\n%s", err, res.NQuads)
		}
		if !bytes.Equal(again.NQuads, res.NQuads) {
			t.Fatalf("not idempotent\nfirst:\n%s\nsecond:\n%s", res.NQuads, again.NQuads)
		}
	})
}
