package jsonld

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/piprate/json-gold/ld"

	"github.com/satchel-wallet/satchel/internal/fixture"
	"github.com/satchel-wallet/satchel/wallet/rdfc"
)

// jsonLDFixtures lists the fixtures' JSON-LD credentials and vectors.
func jsonLDFixtures(t testing.TB) []string {
	t.Helper()
	var out []string
	for _, dir := range []string{"vectors/ob3", "vectors/vc-di-eddsa", "vectors/vc-di-ecdsa", "edc/ebsi-vcdm2-elm32", "edc/elm-v3"} {
		root := fixture.Path(t, dir)
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !(strings.HasSuffix(path, ".json") || strings.HasSuffix(path, ".jsonld")) {
				return err
			}
			b, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			if doc, err := ParseObject(b, 1<<22); err == nil && doc["@context"] != nil {
				rel, _ := filepath.Rel(fixture.Root(t), path)
				out = append(out, filepath.ToSlash(rel))
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return out
}

// TestMatchesGold checks the RDF conversion against json-gold's ToRDF
// (through FromGold) on every JSON-LD fixture both accept: the canonical
// N-Quads must be equal.
func TestMatchesGold(t *testing.T) {
	p := testProcessor(t)
	both := 0
	for _, rel := range jsonLDFixtures(t) {
		t.Run(rel, func(t *testing.T) {
			doc, _ := ParseObject(fixture.Read(t, rel), 1<<22)
			mine, err := p.Canonicalize(context.Background(), doc, rdfc.Options{})
			if err != nil {
				t.Logf("satchel refuses: %v", err)
				return
			}
			gds, err := ld.NewJsonLdProcessor().ToRDF(doc, p.opts)
			if err != nil {
				t.Logf("json-gold refuses: %v", err)
				return
			}
			ds, err := FromGold(gds.(*ld.RDFDataset))
			if err != nil {
				t.Fatal(err)
			}
			theirs, err := rdfc.Canonicalize(context.Background(), ds, rdfc.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if string(mine.NQuads) != string(theirs.NQuads) {
				t.Errorf("canonical N-Quads differ:\nsatchel:\n%s\njson-gold:\n%s", mine.NQuads, theirs.NQuads)
			}
			both++
		})
	}
	if both < 100 {
		t.Errorf("only %d fixtures compared", both)
	}
}
