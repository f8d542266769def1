package search_test

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/satchel-wallet/satchel/wallet/credential"
	"github.com/satchel-wallet/satchel/wallet/search"
)

// randomWord returns a word of some text of a random credential, as it is
// written there (with its case and accents) or as a prefix of it.
func randomWord(r *rand.Rand, docs []search.Doc) string {
	for {
		texts := refTexts(docs[r.IntN(len(docs))].Credential)
		fields := strings.Fields(pick(r, texts))
		if len(fields) == 0 {
			continue
		}
		w := []rune(pick(r, fields))
		switch r.IntN(4) {
		case 0:
			w = w[:1+r.IntN(len(w))]
		case 1:
			w = []rune(strings.ToUpper(string(w)))
		case 2: // from inside the word, to exercise infix matching
			if len(w) > 5 {
				w = w[2:]
			}
		}
		return string(w)
	}
}

// randomPhrase returns a few consecutive words of a random text.
func randomPhrase(r *rand.Rand, docs []search.Doc) string {
	for {
		fields := strings.Fields(pick(r, refTexts(docs[r.IntN(len(docs))].Credential)))
		if len(fields) < 2 {
			continue
		}
		i := r.IntN(len(fields) - 1)
		j := min(len(fields), i+2+r.IntN(2))
		return `"` + strings.Join(fields[i:j], " ") + `"`
	}
}

// randomQuery builds a query from the corpus's own words and values, so
// that most queries match something.
func randomQuery(r *rand.Rand, docs []search.Doc) search.Query {
	var q search.Query
	var words []string
	for range r.IntN(4) {
		switch r.IntN(10) {
		case 0:
			words = append(words, randomPhrase(r, docs))
		case 1:
			words = append(words, pick(r, []string{"e-learning", "zzqx", "Łódź", "ΠΛΗΡΟΦΟΡΙΚΗ", "informatik", "cloud-computing", "ß", "a"}))
		default:
			words = append(words, randomWord(r, docs))
		}
	}
	q.Text = strings.Join(words, " ")
	c := docs[r.IntN(len(docs))].Credential
	if r.IntN(6) == 0 {
		q.Issuer = pick(r, []string{c.Issuer.ID, c.Issuer.Name.In("en"), randomWord(r, docs), "Volkshochschule"})
	}
	if r.IntN(4) == 0 {
		q.EQF = []int{r.IntN(9), r.IntN(9)}
	}
	if r.IntN(4) == 0 {
		q.ECTSMin = ptr(float64(r.IntN(8)))
	}
	if r.IntN(5) == 0 {
		q.ECTSMax = ptr(float64(2 + r.IntN(20)))
	}
	if r.IntN(4) == 0 {
		q.From = time.Date(2012+r.IntN(14), time.Month(1+r.IntN(12)), 1+r.IntN(28), 15, 0, 0, 0, time.UTC)
	}
	if r.IntN(4) == 0 {
		q.To = c.Issued // the end of that day: c itself matches
	}
	if r.IntN(5) == 0 {
		q.Verdicts = []credential.Verdict{pick(r, []credential.Verdict{credential.Verified, credential.NotVerified, credential.Rejected})}
	}
	if r.IntN(5) == 0 {
		q.Formats = []credential.Format{pick(r, credential.Formats()), pick(r, credential.Formats())}
	}
	if r.IntN(5) == 0 {
		q.Collections = []string{fmt.Sprintf("col-%d", r.IntN(7))}
	}
	if r.IntN(5) == 0 {
		q.Tags = []string{pick(r, tagPool)}
	}
	if r.IntN(5) == 0 {
		q.Expired = new(r.IntN(2) == 0)
		q.Now = time.Date(2020+r.IntN(8), 6, 1, 0, 0, 0, 0, time.UTC)
	}
	q.Sort = search.SortKey(r.IntN(5))
	q.Reverse = r.IntN(2) == 0
	if r.IntN(3) == 0 {
		q.Offset, q.Limit = r.IntN(20), r.IntN(30)
	}
	return q
}

func ids(cs []*credential.Credential) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.ID
	}
	return out
}

// TestAgreesWithReference checks the index against the linear scan on many
// random queries over the synthetic corpus: the same credentials in the
// same order.
func TestAgreesWithReference(t *testing.T) {
	n, queries := 2000, 800
	if testing.Short() {
		n, queries = 800, 300
	}
	docs := corpus(n, 7)
	ix := search.Build(docs, "de")
	ref := newReference(docs, "de")
	r := rand.New(rand.NewPCG(11, 13))
	nonEmpty := 0
	for i := range queries {
		q := randomQuery(r, docs)
		got, want := ix.Search(q), ref.search(q)
		if want.Total > 0 {
			nonEmpty++
		}
		if got.Total != want.Total || got.Truncated != want.Truncated || !slices.Equal(ids(got.Credentials), ids(want.Credentials)) {
			t.Fatalf("query %d %+v:\n got %d %v\nwant %d %v", i, q, got.Total, ids(got.Credentials), want.Total, ids(want.Credentials))
		}
	}
	// The comparison means little if the queries found nothing.
	if nonEmpty < queries/3 {
		t.Errorf("only %d of %d queries matched anything", nonEmpty, queries)
	}
}

// TestFacetsAgree counts the facets by brute force.
func TestFacetsAgree(t *testing.T) {
	docs := corpus(1500, 3)
	ix := search.Build(docs, "en")
	ref := newReference(docs, "en")
	r := rand.New(rand.NewPCG(5, 8))
	for i := range 60 {
		q := randomQuery(r, docs)
		if i == 0 {
			q = search.Query{}
		}
		q.Offset, q.Limit = 0, 0
		matched := ref.search(q).Credentials
		f := ix.Facets(q)

		levels := map[int]int{}
		tags := map[string]int{}
		for _, c := range matched {
			levels[c.EQF]++
			seen := map[string]bool{}
			for _, tag := range c.Tags {
				if k := search.Fold(tag); !seen[k] {
					seen[k] = true
					tags[k]++
				}
			}
		}
		for _, l := range f.EQF {
			if levels[l.Level] != l.Count {
				t.Fatalf("query %+v: EQF %d counted %d, want %d", q, l.Level, l.Count, levels[l.Level])
			}
			delete(levels, l.Level)
		}
		for _, tc := range f.Tags {
			if k := search.Fold(tc.Tag); tags[k] != tc.Count {
				t.Fatalf("query %+v: tag %q counted %d, want %d", q, tc.Tag, tc.Count, tags[k])
			}
			delete(tags, search.Fold(tc.Tag))
		}
		if len(levels) > 0 || len(tags) > 0 {
			t.Fatalf("query %+v: facets miss levels %v, tags %v", q, levels, tags)
		}
		total := 0
		for _, is := range f.Issuers {
			n := 0
			for _, c := range matched {
				if refKey(&c.Issuer, "en") == is.Key || c.AwardingBody != nil && refKey(c.AwardingBody, "en") == is.Key && refKey(&c.Issuer, "en") != is.Key {
					n++
				}
			}
			if n != is.Count {
				t.Fatalf("query %+v: issuer %q counted %d, want %d", q, is.Key, is.Count, n)
			}
			total += n
		}
		if total < len(matched)*9/10 {
			t.Errorf("query %+v: issuer facets cover %d of %d credentials", q, total, len(matched))
		}
	}
}

func refKey(p *credential.Party, lang string) string {
	if p.ID != "" {
		return p.ID
	}
	return p.Name.In(lang)
}
