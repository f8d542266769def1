package rdfc_test

import (
	"bytes"
	"context"
	"math/rand/v2"
	"testing"

	"github.com/satchel-wallet/satchel/internal/fixture"
	"github.com/satchel-wallet/satchel/wallet/rdfc"
)

// benchInputs returns the datasets the benchmarks canonicalise, with their
// blank nodes relabelled and quads shuffled as a JSON-LD processor's output
// would be.
func benchInputs(b *testing.B) []struct {
	name string
	ds   rdfc.Dataset
} {
	rng := rand.New(rand.NewPCG(5, 6))
	load := func(rel string) rdfc.Dataset { return relabel(mustParse(b, fixture.Read(b, rel)), rng) }
	// A larger credential: both 1EdTech credentials and both proofs in one
	// dataset, about 75 quads and 20 blank nodes.
	var combined rdfc.Dataset
	for i, rel := range ob3Canonical {
		for _, q := range load(rel) {
			for _, t := range []*rdfc.Term{&q.Subject, &q.Object, &q.Graph} {
				if t.IsBlank() {
					t.Value += string(rune('0' + i))
				}
			}
			combined = append(combined, q)
		}
	}
	return []struct {
		name string
		ds   rdfc.Dataset
	}{
		{"ob3-credential-16q", load(ob3Canonical[0])},
		{"clr-credential-49q", load(ob3Canonical[2])},
		{"ob3-proof-5q", load(ob3Canonical[1])},
		{"combined-75q", combined},
		{"w3c-test060-escaping-43q", load(suiteDir + "/rdfc10/test060-in.nq")},
		{"w3c-test044-evil-36q", load(suiteDir + "/rdfc10/test044-in.nq")},
	}
}

func BenchmarkCanonicalize(b *testing.B) {
	ctx := context.Background()
	for _, in := range benchInputs(b) {
		b.Run(in.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := rdfc.Canonicalize(ctx, in.ds, rdfc.Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkPoisonGraphRefusal measures how long W3C test074 takes to be
// refused with the default budget.
func BenchmarkPoisonGraphRefusal(b *testing.B) {
	ds := mustParse(b, fixture.Read(b, suiteDir+"/rdfc10/test074-in.nq"))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := rdfc.Canonicalize(context.Background(), ds, rdfc.Options{}); err == nil {
			b.Fatal("test074 was not refused")
		}
	}
}

func BenchmarkParseNQuads(b *testing.B) {
	in := fixture.Read(b, ob3Canonical[2])
	b.ReportAllocs()
	b.SetBytes(int64(len(in)))
	for b.Loop() {
		if _, err := rdfc.ParseNQuads(bytes.NewReader(in)); err != nil {
			b.Fatal(err)
		}
	}
}
