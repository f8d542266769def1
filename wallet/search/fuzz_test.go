package search_test

import (
	"fmt"
	"math"
	"slices"
	"sync"
	"testing"

	"github.com/satchel-wallet/satchel/wallet/credential"
	"github.com/satchel-wallet/satchel/wallet/search"
)

// fuzzSetup is the fuzzed index: the hand-made fixture and a slice of the
// synthetic corpus, with the reference over the same credentials.
var fuzzSetup = sync.OnceValues(func() (*search.Index, *reference) {
	docs := append(fixture(), corpus(300, 17)...)
	return search.Build(docs, "en"), newReference(docs, "en")
})

// FuzzSearch runs random query text and filters. The index must not panic,
// must return each credential at most once, and must agree exactly with
// the reference scan, which checks every filter on every credential.
func FuzzSearch(f *testing.F) {
	for _, s := range []string{
		"", "informatik", "ΠΛΗΡΟΦ", `"data science"`, "„data science“", "e-learning", `"unclosed`,
		"Łódź lodz", "http://data.europa.eu/esco/skill/abc-123", "a b c d e f g h i j k l m n o p q r s t u v w x y z 1 2 3 4 5 6 7",
		"\xff\xfe", "ﬁnance", "ＤＡＴＡ", "東京", "science  \t\n fiction", `""`, `"a" "b"`,
	} {
		f.Add(s, "", uint16(0), -1.0, -1.0, uint8(0), "", uint8(0))
	}
	f.Add("science", "lodz", uint16(1<<6|1<<7), 5.0, 30.0, uint8(3), "cv", uint8(0xff))
	f.Add("inf", "did:web:tum.de", uint16(1<<6), 0.0, -1.0, uint8(4), "CV", uint8(0x55))

	f.Fuzz(func(t *testing.T, text, issuer string, eqf uint16, ectsMin, ectsMax float64, sortKey uint8, tag string, flags uint8) {
		ix, ref := fuzzSetup()
		q := search.Query{Text: text, Issuer: issuer, Sort: search.SortKey(sortKey % 6), Reverse: flags&1 != 0}
		for l := range 9 {
			if eqf&(1<<l) != 0 {
				q.EQF = append(q.EQF, l)
			}
		}
		if ectsMin >= 0 && !math.IsInf(ectsMin, 0) {
			q.ECTSMin = &ectsMin
		}
		if ectsMax >= 0 && !math.IsInf(ectsMax, 0) {
			q.ECTSMax = &ectsMax
		}
		if tag != "" {
			q.Tags = []string{tag}
		}
		if flags&2 != 0 {
			q.From = day(2015+int(eqf>>9)%10, 1, 1)
		}
		if flags&4 != 0 {
			q.To = day(2020+int(eqf>>12)%6, 6, 30)
		}
		if flags&8 != 0 {
			q.Verdicts = []credential.Verdict{credential.Verified}
		}
		if flags&16 != 0 {
			q.Formats = []credential.Format{credential.FormatVCLDP, credential.FormatEDC}
		}
		if flags&32 != 0 {
			q.Collections = []string{"c1", fmt.Sprintf("col-%d", eqf%6)}
		}
		if flags&64 != 0 {
			q.Expired, q.Now = new(flags&128 != 0), day(2023, 1, 1)
		}
		if flags&128 != 0 {
			q.Offset, q.Limit = int(eqf>>9), int(eqf>>4)%20
		}

		got := ix.Search(q)
		seen := map[*credential.Credential]bool{}
		for _, c := range got.Credentials {
			if seen[c] {
				t.Fatalf("%+v: %s returned twice", q, c.ID)
			}
			seen[c] = true
		}
		if len(got.Credentials) > got.Total || got.Total > ix.Len() {
			t.Fatalf("%+v: %d results of total %d in %d", q, len(got.Credentials), got.Total, ix.Len())
		}
		want := ref.search(q)
		if got.Total != want.Total || got.Truncated != want.Truncated || !slices.Equal(ids(got.Credentials), ids(want.Credentials)) {
			t.Fatalf("%+v:\n got %d %v truncated %v\nwant %d %v truncated %v", q, got.Total, ids(got.Credentials), got.Truncated, want.Total, ids(want.Credentials), want.Truncated)
		}
		ix.Facets(q)
	})
}
