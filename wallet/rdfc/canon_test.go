package rdfc_test

import (
	"bytes"
	"context"
	"crypto"
	"errors"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/satchel-wallet/satchel/internal/fixture"
	"github.com/satchel-wallet/satchel/wallet/rdfc"
)

// ob3Canonical lists canonical N-Quads of Open Badges 3.0 and CLR 2.0
// credentials and their proofs, from the 1EdTech specification's test
// vectors. Canonicalising them must give them back unchanged.
var ob3Canonical = []string{
	"vectors/ob3/spec-ldp-testvector/document-canon.txt",
	"vectors/ob3/spec-ldp-testvector/proof-canon.txt",
	"vectors/ob3/spec-ldp-testvector-clr/document-canon.txt",
	"vectors/ob3/spec-ldp-testvector-clr/proof-canon.txt",
}

func mustParse(t testing.TB, b []byte) rdfc.Dataset {
	t.Helper()
	ds, err := rdfc.ParseNQuads(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	return ds
}

// relabel returns a copy of ds in a shuffled order, with every blank node
// renamed, as another JSON-LD processor might produce it.
func relabel(ds rdfc.Dataset, rng *rand.Rand) rdfc.Dataset {
	names := map[string]string{}
	rename := func(t rdfc.Term) rdfc.Term {
		if t.Kind != rdfc.BlankNode {
			return t
		}
		n, ok := names[t.Value]
		if !ok {
			n = "x" + string(rune('a'+rng.IntN(26))) + strings.Repeat("z", len(names))
			names[t.Value] = n
		}
		return rdfc.NewBlankNode(n)
	}
	out := make(rdfc.Dataset, len(ds))
	for i, j := range rng.Perm(len(ds)) {
		q := ds[j]
		out[i] = rdfc.Quad{Subject: rename(q.Subject), Predicate: q.Predicate, Object: rename(q.Object), Graph: rename(q.Graph)}
	}
	return out
}

func TestCanonicalizeCredentials(t *testing.T) {
	for _, rel := range ob3Canonical {
		t.Run(rel, func(t *testing.T) {
			want := fixture.Read(t, rel)
			ds := mustParse(t, want)
			rng := rand.New(rand.NewPCG(1, 2))
			for round := range 5 {
				in := ds
				if round > 0 {
					in = relabel(ds, rng)
				}
				res, err := rdfc.Canonicalize(context.Background(), in, rdfc.Options{})
				if err != nil {
					t.Fatalf("round %d: %v", round, err)
				}
				if !bytes.Equal(res.NQuads, want) {
					t.Fatalf("round %d: canonical form differs\ngot:\n%s\nwant:\n%s", round, res.NQuads, want)
				}
				// Credentials must stay far from the work budget.
				if res.Work.HashNDegreeCalls > rdfc.DefaultMaxHashNDegreeCalls/100 || res.Work.Steps > rdfc.DefaultMaxSteps/100 {
					t.Errorf("round %d: work %+v is within 100x of the default budget", round, res.Work)
				}
			}
		})
	}
}

// TestCanonicalizeInvariant checks the point of canonicalisation on every
// suite input: the order of the quads and the labels of the blank nodes do
// not change the result.
func TestCanonicalizeInvariant(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, e := range readManifest(t) {
		if e.Type != "rdfc:RDFC10EvalTest" {
			continue
		}
		t.Run(strings.TrimPrefix(e.ID, "#"), func(t *testing.T) {
			ds := mustParse(t, fixture.Read(t, suiteDir+"/"+e.Action))
			want := fixture.Read(t, suiteDir+"/"+e.Result)
			opts := rdfc.Options{}
			if e.HashAlgorithm == "SHA384" {
				opts.Hash = crypto.SHA384
			}
			for round := range 3 {
				res, err := rdfc.Canonicalize(context.Background(), relabel(ds, rng), opts)
				if err != nil {
					t.Fatalf("round %d: %v", round, err)
				}
				if !bytes.Equal(res.NQuads, want) {
					t.Fatalf("round %d: canonical form differs\ngot:\n%s\nwant:\n%s", round, res.NQuads, want)
				}
			}
		})
	}
}

func TestCanonicalizeDuplicates(t *testing.T) {
	in := `_:a <urn:ex:p> "v" .
_:a <urn:ex:p> "v"^^<http://www.w3.org/2001/XMLSchema#string> .
_:a <urn:ex:p> "v"@en .
_:a <urn:ex:p> "v"@en .
<urn:ex:s> <urn:ex:p> "w" .
<urn:ex:s> <urn:ex:p> "w"^^<http://www.w3.org/2001/XMLSchema#string> .
`
	want := `<urn:ex:s> <urn:ex:p> "w" .
_:c14n0 <urn:ex:p> "v" .
_:c14n0 <urn:ex:p> "v"@en .
`
	res, err := rdfc.Canonicalize(context.Background(), mustParse(t, []byte(in)), rdfc.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if string(res.NQuads) != want {
		t.Errorf("got:\n%s\nwant:\n%s", res.NQuads, want)
	}
}

func TestCanonicalizeEmpty(t *testing.T) {
	res, err := rdfc.Canonicalize(context.Background(), nil, rdfc.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.NQuads) != 0 || len(res.IssuedIdentifiers) != 0 {
		t.Errorf("got %q, %v; want nothing", res.NQuads, res.IssuedIdentifiers)
	}
}

func TestCanonicalizeInvalidTerms(t *testing.T) {
	iri, bnode := rdfc.NewIRI("urn:ex:x"), rdfc.NewBlankNode("b")
	lit := rdfc.NewLiteral("v", "")
	tests := []struct {
		name string
		q    rdfc.Quad
	}{
		{"literal subject", rdfc.Quad{Subject: lit, Predicate: iri, Object: iri}},
		{"default graph subject", rdfc.Quad{Predicate: iri, Object: iri}},
		{"blank predicate", rdfc.Quad{Subject: iri, Predicate: bnode, Object: iri}},
		{"missing object", rdfc.Quad{Subject: iri, Predicate: iri}},
		{"literal graph", rdfc.Quad{Subject: iri, Predicate: iri, Object: iri, Graph: lit}},
		{"empty label", rdfc.Quad{Subject: rdfc.NewBlankNode(""), Predicate: iri, Object: iri}},
		{"IRI not UTF-8", rdfc.Quad{Subject: rdfc.NewIRI("urn:\xff"), Predicate: iri, Object: iri}},
		{"literal not UTF-8", rdfc.Quad{Subject: iri, Predicate: iri, Object: rdfc.NewLiteral("\xc3", "")}},
		{"langString without language", rdfc.Quad{Subject: iri, Predicate: iri, Object: rdfc.NewLiteral("v", rdfc.RDFLangString)}},
		{"direction without language", rdfc.Quad{Subject: iri, Predicate: iri, Object: rdfc.Term{Kind: rdfc.Literal, Value: "v", Direction: "ltr"}}},
		{"bad direction", rdfc.Quad{Subject: iri, Predicate: iri, Object: rdfc.Term{Kind: rdfc.Literal, Value: "v", Language: "en", Direction: "up"}}},
		{"bad language", rdfc.Quad{Subject: iri, Predicate: iri, Object: rdfc.NewLangLiteral("v", "en US")}},
		{"empty language part", rdfc.Quad{Subject: iri, Predicate: iri, Object: rdfc.NewLangLiteral("v", "en-")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ds := rdfc.Dataset{{Subject: iri, Predicate: iri, Object: iri}, tt.q}
			_, err := rdfc.Canonicalize(context.Background(), ds, rdfc.Options{})
			if !errors.Is(err, rdfc.ErrInvalidTerm) {
				t.Fatalf("err = %v, want ErrInvalidTerm", err)
			}
			if !strings.Contains(err.Error(), "quad 1") {
				t.Errorf("error %q does not name quad 1", err)
			}
		})
	}
}

func TestCanonicalizeOptions(t *testing.T) {
	evil := mustParse(t, fixture.Read(t, suiteDir+"/rdfc10/test044-in.nq"))
	cred := mustParse(t, fixture.Read(t, ob3Canonical[2]))
	tests := []struct {
		name string
		ds   rdfc.Dataset
		opts rdfc.Options
		want error
	}{
		{"SHA-256 by name", cred, rdfc.Options{Hash: crypto.SHA256}, nil},
		{"SHA-384", cred, rdfc.Options{Hash: crypto.SHA384}, nil},
		{"SHA-512 refused", cred, rdfc.Options{Hash: crypto.SHA512}, rdfc.ErrUnsupportedHash},
		{"MD5 refused", cred, rdfc.Options{Hash: crypto.MD5}, rdfc.ErrUnsupportedHash},
		{"quads limit", cred, rdfc.Options{MaxQuads: 10}, rdfc.ErrTooLarge},
		{"quads unlimited", cred, rdfc.Options{MaxQuads: -1}, nil},
		{"evil within defaults", evil, rdfc.Options{}, nil},
		{"evil over call budget", evil, rdfc.Options{MaxHashNDegreeCalls: 100}, rdfc.ErrTooComplex},
		{"evil over step budget", evil, rdfc.Options{MaxSteps: 1000}, rdfc.ErrTooComplex},
		{"evil unlimited", evil, rdfc.Options{MaxHashNDegreeCalls: -1, MaxSteps: -1}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := rdfc.Canonicalize(context.Background(), tt.ds, tt.opts)
			if !errors.Is(err, tt.want) {
				t.Errorf("err = %v, want %v", err, tt.want)
			}
		})
	}
}

func TestCanonicalizeContext(t *testing.T) {
	poison := mustParse(t, fixture.Read(t, suiteDir+"/rdfc10/test074-in.nq"))
	unlimited := rdfc.Options{MaxHashNDegreeCalls: -1, MaxSteps: -1}

	t.Run("cancelled before", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		_, err := rdfc.Canonicalize(ctx, poison, unlimited)
		if !errors.Is(err, context.Canceled) {
			t.Errorf("err = %v, want context.Canceled", err)
		}
	})
	t.Run("deadline during", func(t *testing.T) {
		const deadline = 50 * time.Millisecond
		ctx, cancel := context.WithTimeout(context.Background(), deadline)
		defer cancel()
		start := time.Now()
		_, err := rdfc.Canonicalize(ctx, poison, unlimited)
		elapsed := time.Since(start)
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Fatalf("err = %v, want context.DeadlineExceeded", err)
		}
		if elapsed > deadline+poisonDeadline {
			t.Errorf("stopped after %v, deadline was %v", elapsed, deadline)
		}
	})
}

// TestPoisonGraphRefusedQuickly is the requirement for W3C test074 with the
// default options: refused as too complex, in under a second.
func TestPoisonGraphRefusedQuickly(t *testing.T) {
	b, err := os.ReadFile(fixture.Path(t, suiteDir+"/rdfc10/test074-in.nq"))
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	ds := mustParse(t, b)
	_, err = rdfc.Canonicalize(context.Background(), ds, rdfc.Options{})
	elapsed := time.Since(start)
	if !errors.Is(err, rdfc.ErrTooComplex) {
		t.Fatalf("err = %v, want ErrTooComplex", err)
	}
	if elapsed > poisonDeadline {
		t.Fatalf("refused after %v, want under %v", elapsed, poisonDeadline)
	}
	t.Logf("test074 refused in %v: %v", elapsed, err)
}
