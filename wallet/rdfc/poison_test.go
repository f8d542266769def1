package rdfc_test

import (
	"context"
	"errors"
	"strconv"
	"testing"
	"time"

	"github.com/satchel-wallet/satchel/wallet/rdfc"
)

// Generators of hostile datasets: each is built so that its blank nodes
// look alike to Hash First Degree Quads and Hash N-Degree Quads must
// search.

var p = rdfc.NewIRI("urn:ex:p")

func bn(prefix string, i int) rdfc.Term { return rdfc.NewBlankNode(prefix + strconv.Itoa(i)) }

// clique links n blank nodes each to every other (and itself), the shape
// of W3C test074.
func clique(n int) rdfc.Dataset {
	var ds rdfc.Dataset
	for i := range n {
		for j := range n {
			ds = append(ds, rdfc.Quad{Subject: bn("e", i), Predicate: p, Object: bn("e", j)})
		}
	}
	return ds
}

// bipartite links each of n blank nodes on one side to each of n on the
// other.
func bipartite(n int) rdfc.Dataset {
	var ds rdfc.Dataset
	for i := range n {
		for j := range n {
			ds = append(ds, rdfc.Quad{Subject: bn("l", i), Predicate: p, Object: bn("r", j)})
		}
	}
	return ds
}

// cycles is n disjoint, identical directed cycles of length k.
func cycles(n, k int) rdfc.Dataset {
	var ds rdfc.Dataset
	for c := range n {
		for i := range k {
			ds = append(ds, rdfc.Quad{Subject: bn("c"+strconv.Itoa(c)+"_", i), Predicate: p, Object: bn("c"+strconv.Itoa(c)+"_", (i+1)%k)})
		}
	}
	return ds
}

// chain is a path of n blank nodes with identical values, like an RDF list
// of n equal items.
func chain(n int) rdfc.Dataset {
	var ds rdfc.Dataset
	v := rdfc.NewLiteral("same", "")
	first := rdfc.NewIRI("http://www.w3.org/1999/02/22-rdf-syntax-ns#first")
	rest := rdfc.NewIRI("http://www.w3.org/1999/02/22-rdf-syntax-ns#rest")
	for i := range n {
		ds = append(ds, rdfc.Quad{Subject: bn("l", i), Predicate: first, Object: v})
		if i+1 < n {
			ds = append(ds, rdfc.Quad{Subject: bn("l", i), Predicate: rest, Object: bn("l", i+1)})
		}
	}
	return ds
}

// star is one blank node linked to n blank nodes that look alike.
func star(n int) rdfc.Dataset {
	var ds rdfc.Dataset
	for i := range n {
		ds = append(ds, rdfc.Quad{Subject: rdfc.NewBlankNode("hub"), Predicate: p, Object: bn("leaf", i)})
	}
	return ds
}

// twinStars is two blank nodes, each linked to n blank nodes that look
// alike: calls land on nodes with many neighbours.
func twinStars(n int) rdfc.Dataset {
	var ds rdfc.Dataset
	for h := range 2 {
		for i := range n {
			ds = append(ds, rdfc.Quad{Subject: bn("hub", h), Predicate: p, Object: bn("leaf"+strconv.Itoa(h)+"_", i)})
		}
	}
	return ds
}

// TestHostileDatasetsBounded canonicalises hostile datasets with the
// default options: each must finish or be refused with ErrTooComplex. The
// work budget is what bounds them; the time check only catches a hang, with
// room for a slow, loaded machine under the race detector (the speed of the
// refusal is measured by BenchmarkPoisonGraphRefusal, and test074's one second is held
// by TestPoisonGraphRefusedQuickly).
// hangBound is far above any bounded run and far below a hang.
const hangBound = 30 * time.Second

func TestHostileDatasetsBounded(t *testing.T) {
	tests := []struct {
		name    string
		ds      rdfc.Dataset
		refused bool
	}{
		{"clique 10", clique(10), true},
		{"clique 30", clique(30), true},
		{"clique 100", clique(100), true},
		{"bipartite 6", bipartite(6), true},
		{"bipartite 40", bipartite(40), true},
		{"cycles 200x3", cycles(200, 3), false},
		{"cycles 3000x2", cycles(3000, 2), true},
		{"cycles 2x300", cycles(2, 300), true},
		{"chain 20", chain(20), false},
		{"chain 2000", chain(2000), true},
		{"star 5000", star(5000), false},
		{"twin stars 20000", twinStars(20000), true},
		{"twin stars 50", twinStars(50), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			res, err := rdfc.Canonicalize(context.Background(), tt.ds, rdfc.Options{})
			elapsed := time.Since(start)
			switch {
			case tt.refused && !errors.Is(err, rdfc.ErrTooComplex):
				t.Errorf("err = %v, want ErrTooComplex", err)
			case !tt.refused && err != nil:
				t.Errorf("err = %v", err)
			}
			if elapsed > hangBound {
				t.Errorf("took %v: the budget did not stop it", elapsed)
			}
			if res != nil {
				t.Logf("%d quads: done in %v, work %+v", len(tt.ds), elapsed, res.Work)
			} else {
				t.Logf("%d quads: refused in %v: %v", len(tt.ds), elapsed, err)
			}
		})
	}
}
