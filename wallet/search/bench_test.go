package search_test

import (
	"runtime"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/satchel-wallet/satchel/wallet/credential"
	"github.com/satchel-wallet/satchel/wallet/search"
)

// benchDocs is the benchmark corpus: 10,000 credentials, the size the
// desktop app is designed for.
var benchDocs = sync.OnceValue(func() []search.Doc { return corpus(10_000, 42) })

var benchIndex = sync.OnceValue(func() *search.Index { return search.Build(benchDocs(), "en") })

// cpuTime returns the CPU time the process has used. The benchmarks report
// it per operation beside the wall time, which on a shared machine counts
// the time other processes hold the cores.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// loop runs op under b.Loop and reports the CPU time per operation.
func loop(b *testing.B, op func()) {
	start, n := cpuTime(), 0
	for b.Loop() {
		op()
		n++
	}
	b.ReportMetric(float64(cpuTime()-start)/float64(n), "cpu-ns/op")
}

// BenchmarkBuild measures building the index of 10,000 credentials and
// reports the memory the index holds beyond the credentials themselves.
func BenchmarkBuild(b *testing.B) {
	docs := benchDocs()
	loop(b, func() { search.Build(docs, "en") })
	b.StopTimer()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	ix := search.Build(docs, "en")
	runtime.GC()
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.HeapAlloc)-float64(before.HeapAlloc), "index-bytes")
	b.ReportMetric(float64(ix.Len()), "docs")
	tokens, postings, stream := search.IndexStats(ix)
	b.ReportMetric(float64(tokens), "tokens")
	b.ReportMetric(float64(postings), "postings")
	b.ReportMetric(float64(stream), "stream-bytes")
	runtime.KeepAlive(ix)
}

// BenchmarkSearch runs typical queries over 10,000 credentials.
func BenchmarkSearch(b *testing.B) {
	ix := benchIndex()
	verified := []credential.Verdict{credential.Verified}
	cases := []struct {
		name string
		q    search.Query
	}{
		// The target: text, two filters and a sort.
		{"text+2filters+sort", search.Query{Text: "informatik", EQF: []int{5, 6, 7}, ECTSMin: ptr(3), Sort: search.SortTitle}},
		{"text+2filters+sort/page", search.Query{Text: "informatik", EQF: []int{5, 6, 7}, ECTSMin: ptr(3), Sort: search.SortTitle, Limit: 50}},
		{"two-words+filters", search.Query{Text: "machine lern", Formats: []credential.Format{credential.FormatEDC, credential.FormatVCLDP}, Verdicts: verified, Sort: search.SortECTS, Reverse: true}},
		{"first-letter", search.Query{Text: "d"}},
		{"infix-common", search.Query{Text: "tion"}},
		{"greek-prefix", search.Query{Text: "πληροφορ", Sort: search.SortIssuer}},
		{"phrase", search.Query{Text: `"data science"`, Verdicts: verified}},
		{"hyphenated", search.Query{Text: "cloud-computing"}},
		{"filters-only", search.Query{EQF: []int{6}, From: time.Date(2018, 1, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2022, 12, 31, 0, 0, 0, 0, time.UTC), Sort: search.SortIssuer}},
		{"issuer+tags", search.Query{Issuer: "volkshochschule", Tags: []string{"cv"}, Sort: search.SortAdded}},
		{"everything", search.Query{}},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			var n int
			loop(b, func() { n = ix.Search(c.q).Total })
			b.ReportMetric(float64(n), "hits")
		})
	}
}

// BenchmarkFacets counts the sidebar's facets for a text query.
func BenchmarkFacets(b *testing.B) {
	ix := benchIndex()
	loop(b, func() { ix.Facets(search.Query{Text: "data"}) })
}
