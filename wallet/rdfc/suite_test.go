package rdfc_test

import (
	"bytes"
	"context"
	"crypto"
	"encoding/csv"
	"encoding/json"
	"errors"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/satchel-wallet/satchel/internal/fixture"
	"github.com/satchel-wallet/satchel/wallet/rdfc"
)

// suiteDir is the W3C RDFC-1.0 test suite under the shared fixtures
// (../shared/fixtures beside the repository, found by internal/fixture).
const suiteDir = "vectors/rdf-canon/rdfc10-testsuite"

// poisonDeadline is the requirement for refusing a poison graph. In
// practice the refusal takes milliseconds; the bound is generous so that a
// loaded CI machine does not make the test flaky.
const poisonDeadline = slowdown * time.Second

// manifestEntry is one test of manifest.jsonld.
type manifestEntry struct {
	ID            string `json:"id"`
	Type          string `json:"type"`
	Name          string `json:"name"`
	Action        string `json:"action"`
	Result        string `json:"result"`
	HashAlgorithm string `json:"hashAlgorithm"`
}

func readManifest(t testing.TB) []manifestEntry {
	t.Helper()
	var m struct {
		Entries []manifestEntry `json:"entries"`
	}
	if err := json.Unmarshal(fixture.Read(t, suiteDir+"/manifest.jsonld"), &m); err != nil {
		t.Fatalf("manifest.jsonld: %v", err)
	}
	if len(m.Entries) == 0 {
		t.Fatal("manifest.jsonld lists no tests")
	}
	return m.Entries
}

// canonFile parses and canonicalises one suite input.
func canonFile(t testing.TB, rel string, hashAlg string) (*rdfc.Result, error) {
	t.Helper()
	f, err := os.Open(fixture.Path(t, suiteDir+"/"+rel))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ds, err := rdfc.ParseNQuads(f)
	if err != nil {
		t.Fatalf("parse %s: %v", rel, err)
	}
	var opts rdfc.Options
	switch hashAlg {
	case "":
	case "SHA384":
		opts.Hash = crypto.SHA384
	default:
		t.Fatalf("unknown hashAlgorithm %q", hashAlg)
	}
	return rdfc.Canonicalize(context.Background(), ds, opts)
}

// TestW3CSuite runs every test of the W3C RDFC-1.0 suite: eval tests
// compare the canonical N-Quads byte for byte, map tests the issued
// identifiers, and the negative test (the poison graph) must be refused
// with ErrTooComplex within poisonDeadline.
func TestW3CSuite(t *testing.T) {
	entries := readManifest(t)
	ran := map[string]int{}
	for _, e := range entries {
		t.Run(strings.TrimPrefix(e.ID, "#")+" "+e.Name, func(t *testing.T) {
			switch e.Type {
			case "rdfc:RDFC10EvalTest":
				res, err := canonFile(t, e.Action, e.HashAlgorithm)
				if err != nil {
					t.Fatalf("canonicalize: %v", err)
				}
				want := fixture.Read(t, suiteDir+"/"+e.Result)
				if !bytes.Equal(res.NQuads, want) {
					t.Errorf("canonical N-Quads differ\ngot:\n%s\nwant:\n%s", res.NQuads, want)
				}
			case "rdfc:RDFC10MapTest":
				res, err := canonFile(t, e.Action, e.HashAlgorithm)
				if err != nil {
					t.Fatalf("canonicalize: %v", err)
				}
				var want map[string]string
				if err := json.Unmarshal(fixture.Read(t, suiteDir+"/"+e.Result), &want); err != nil {
					t.Fatal(err)
				}
				if !maps.Equal(res.IssuedIdentifiers, want) {
					t.Errorf("issued identifiers = %v, want %v", res.IssuedIdentifiers, want)
				}
			case "rdfc:RDFC10NegativeEvalTest":
				start := time.Now()
				_, err := canonFile(t, e.Action, e.HashAlgorithm)
				elapsed := time.Since(start)
				if !errors.Is(err, rdfc.ErrTooComplex) {
					t.Fatalf("err = %v, want ErrTooComplex", err)
				}
				if elapsed > poisonDeadline {
					t.Errorf("refusal took %v, want under %v", elapsed, poisonDeadline)
				}
				t.Logf("refused in %v: %v", elapsed, err)
			default:
				t.Fatalf("unknown test type %q", e.Type)
			}
		})
		ran[e.Type]++
	}
	t.Logf("W3C RDFC-1.0 suite: %d tests run: %v", len(entries), ran)
}

// TestW3CSuiteComplete checks manifest.jsonld against manifest.csv, so that
// a test dropped from one list cannot go unnoticed: every CSV row has an
// eval (or negative) entry, and a map entry exactly when the CSV says so.
func TestW3CSuiteComplete(t *testing.T) {
	f, err := os.Open(filepath.Join(fixture.Path(t, suiteDir), "manifest.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("manifest.csv: %v", err)
	}
	ids := map[string]bool{}
	for _, e := range readManifest(t) {
		ids[e.ID] = true
	}
	want := 0
	for _, row := range rows[1:] {
		name, eval, mapTest := row[0], row[6], row[7]
		if eval != "FALSE" {
			want++
			if !ids["#"+name+"c"] {
				t.Errorf("manifest.jsonld lacks #%sc", name)
			}
		}
		if mapTest == "TRUE" {
			want++
			if !ids["#"+name+"m"] {
				t.Errorf("manifest.jsonld lacks #%sm", name)
			}
		}
	}
	if len(ids) != want {
		t.Errorf("manifest.jsonld has %d tests, manifest.csv implies %d", len(ids), want)
	}
}
