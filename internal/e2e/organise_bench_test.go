package e2e_test

import (
	"context"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/satchel-wallet/satchel/storage"
	"github.com/satchel-wallet/satchel/wallet"
	"github.com/satchel-wallet/satchel/wallet/credential"
	"github.com/satchel-wallet/satchel/wallet/search"
	"github.com/satchel-wallet/satchel/wallet/stack"
)

// BenchmarkOrganise measures organising a real vault of 10,000 credentials
// from the third-party corpus: building the search index from the vault,
// a search with text, two filters and a sort, and the progress of a
// 500-member stack (read from the vault, and from memory as the app holds
// it).
func BenchmarkOrganise(b *testing.B) {
	b.Setenv(storage.InsecureTestKDFEnv, "1")
	inputs := corpusInputs(b, 10000)
	v, err := storage.Create(filepath.Join(b.TempDir(), "wallet.satchel"), []byte("benchmark passphrase"))
	if err != nil {
		b.Fatal(err)
	}
	defer v.Close()
	w := wallet.New(v)
	if _, err := w.Init(wallet.KeyEd25519); err != nil {
		b.Fatal(err)
	}
	ch, err := w.Checker()
	if err != nil {
		b.Fatal(err)
	}
	res, err := w.Import(context.Background(), ch, inputs, nil)
	if err != nil {
		b.Fatal(err)
	}
	ids := make([]string, 0, 500)
	for _, r := range res[:500] {
		ids = append(ids, r.Credential.ID)
	}
	target := stack.Target{ECTS: ptr(60.0), MinEQF: 6, Fields: []string{"06"}, Outcomes: []string{"data analysis"}}
	if _, err := w.CreateStack(stack.Stack{Name: "Five hundred", Members: ids, Target: target}); err != nil {
		b.Fatal(err)
	}

	b.Run("index-build", func(b *testing.B) {
		var before, after runtime.MemStats
		var ix *search.Index
		for b.Loop() {
			runtime.GC()
			runtime.ReadMemStats(&before)
			ix, err = w.Index("en")
			if err != nil {
				b.Fatal(err)
			}
			runtime.GC()
			runtime.ReadMemStats(&after)
		}
		if ix.Len() != 10000 {
			b.Fatalf("index of %d", ix.Len())
		}
		b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "MiB-index+credentials")
	})
	ix, _ := w.Index("en")
	b.Run("search-text-2-filters-sort", func(b *testing.B) {
		q := search.Query{
			Text: "data", EQF: []int{6, 7}, Verdicts: []credential.Verdict{credential.Verified}, Sort: search.SortECTS,
		}
		n := 0
		for b.Loop() {
			n = ix.Search(q).Total
		}
		if n == 0 {
			b.Fatal("no results")
		}
		b.ReportMetric(float64(n), "results")
	})
	b.Run("stack-progress-500-from-vault", func(b *testing.B) {
		for b.Loop() {
			p, err := w.StackProgress("Five hundred")
			if err != nil || len(p.Members) != 500 {
				b.Fatal(len(p.Members), err)
			}
		}
	})
	b.Run("stack-progress-500-in-memory", func(b *testing.B) {
		s, _ := w.Stack("Five hundred")
		all, _ := w.Credentials()
		var members []*credential.Credential
		in := map[string]bool{}
		for _, id := range ids {
			in[id] = true
		}
		for i := range all {
			if in[all[i].ID] {
				members = append(members, &all[i])
			}
		}
		for b.Loop() {
			if p := stack.Compute(s, members, s.Created); len(p.Members) != 500 {
				b.Fatal(len(p.Members))
			}
		}
	})
}

func ptr[T any](v T) *T { return &v }
