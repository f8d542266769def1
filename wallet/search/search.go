package search

import (
	"math"
	"slices"
	"strings"
	"time"

	"github.com/satchel-wallet/satchel/wallet/credential"
)

// Search returns the credentials that match q, in q's order, from q.Offset
// and at most q.Limit of them, with the total count. An unknown q.Sort
// sorts by SortIssued.
func (ix *Index) Search(q Query) Result {
	m, truncated := ix.match(&q)
	res := Result{Total: m.count(), Truncated: truncated}
	skip := max(q.Offset, 0)
	want := res.Total - skip
	if q.Limit > 0 {
		want = min(want, q.Limit)
	}
	if want <= 0 {
		return res
	}
	res.Credentials = make([]*credential.Credential, 0, want)
	for _, s := range ix.orderOf(q.Sort, q.Reverse) {
		if !m.has(s) {
			continue
		}
		if skip > 0 {
			skip--
			continue
		}
		res.Credentials = append(res.Credentials, ix.docs[s])
		if len(res.Credentials) == want {
			break
		}
	}
	return res
}

func (ix *Index) orderOf(k SortKey, reverse bool) []uint32 {
	if k < 0 || k >= numSortKeys {
		k = SortIssued
	}
	if reverse {
		return ix.order[k][1]
	}
	return ix.order[k][0]
}

// match returns the slots of the credentials that satisfy q, narrowing from
// the cheapest conditions to the dearest: the text's words against the
// vocabulary, the set filters, the per-slot fields, and last the phrases,
// checked in the token streams of the credentials still in.
func (ix *Index) match(q *Query) (bitset, bool) {
	n := len(ix.docs)
	m := newBitset(n)
	m.fill(n)
	terms, truncated := parseText(q.Text)
	scratch := newBitset(n)
	var phrases []phrase
	for _, t := range terms {
		for _, w := range t.words {
			ix.wordSet(w, scratch)
			m.and(scratch)
		}
		if len(t.words) > 1 {
			phrases = append(phrases, ix.phrase(t.words))
		}
		if m.empty() {
			return m, truncated
		}
	}
	if len(q.Collections) > 0 {
		scratch.reset()
		for _, id := range q.Collections {
			scratch.addAll(ix.collections[id])
		}
		m.and(scratch)
	}
	for _, tag := range q.Tags {
		key := Fold(strings.TrimSpace(tag))
		if key == "" {
			continue
		}
		scratch.reset()
		if i := ix.tags.find(key); i >= 0 {
			scratch.addAll(ix.tags.post[i])
		}
		m.and(scratch)
	}
	if m.empty() {
		return m, truncated
	}
	if f := ix.newFilter(q); f.active {
		m.each(func(s uint32) {
			if !f.keep(ix, s) {
				m.clear(s)
			}
		})
	}
	if len(phrases) > 0 {
		m.each(func(s uint32) {
			if !ix.phrases.has(s, phrases) {
				m.clear(s)
			}
		})
	}
	return m, truncated
}

// wordSet sets dst to the slots of the documents with a token w matches.
func (ix *Index) wordSet(w word, dst bitset) {
	dst.reset()
	v := &ix.words
	switch {
	case w.infix:
		v.containing(w.text, func(i int) { dst.addAll(v.postings(i)) })
	case w.prefix:
		lo, hi := v.prefixed(w.text)
		for i := lo; i < hi; i++ {
			dst.addAll(v.postings(i))
		}
	default:
		if i := v.exact(w.text); i >= 0 {
			dst.addAll(v.postings(i))
		}
	}
}

// filter is a Query's per-slot conditions, resolved against the index's
// tables once per query.
type filter struct {
	active    bool
	eqf       []int
	ectsMin   float64
	ectsMax   float64
	hasECTS   bool
	from, to  int64 // Unix seconds: from inclusive, to exclusive
	hasDates  bool
	verdictOK []bool // by verdict index; nil: any
	formatOK  []bool // by format index; nil: any
	partyOK   []bool // by party index; nil: any
	expired   *bool
	now       time.Time
}

func (ix *Index) newFilter(q *Query) filter {
	f := filter{ectsMin: math.Inf(-1), ectsMax: math.Inf(1), from: math.MinInt64 + 1, to: math.MaxInt64}
	if len(q.EQF) > 0 {
		f.eqf = q.EQF
	}
	if q.ECTSMin != nil {
		f.ectsMin, f.hasECTS = *q.ECTSMin, true
	}
	if q.ECTSMax != nil {
		f.ectsMax, f.hasECTS = *q.ECTSMax, true
	}
	if !q.From.IsZero() {
		y, mo, d := q.From.Date()
		f.from, f.hasDates = time.Date(y, mo, d, 0, 0, 0, 0, q.From.Location()).Unix(), true
	}
	if !q.To.IsZero() {
		y, mo, d := q.To.Date()
		f.to, f.hasDates = time.Date(y, mo, d+1, 0, 0, 0, 0, q.To.Location()).Unix(), true
	}
	if len(q.Verdicts) > 0 {
		f.verdictOK = allowed(ix.verdicts, q.Verdicts)
	}
	if len(q.Formats) > 0 {
		f.formatOK = allowed(ix.formats, q.Formats)
	}
	if who := strings.TrimSpace(q.Issuer); who != "" {
		f.partyOK = ix.partiesMatching(who)
	}
	f.expired, f.now = q.Expired, q.Now
	if f.now.IsZero() {
		f.now = time.Now()
	}
	f.active = f.eqf != nil || f.hasECTS || f.hasDates || f.verdictOK != nil ||
		f.formatOK != nil || f.partyOK != nil || f.expired != nil
	return f
}

// allowed marks the entries of table that are among want.
func allowed[T comparable](table, want []T) []bool {
	ok := make([]bool, len(table))
	for i, v := range table {
		ok[i] = slices.Contains(want, v)
	}
	return ok
}

// partiesMatching marks the parties whose id is who, or whose name has,
// for each word of who, a word beginning with it.
func (ix *Index) partiesMatching(who string) []bool {
	words := Tokens(who)
	if len(words) > MaxWords {
		words = words[:MaxWords]
	}
	ok := make([]bool, len(ix.parties))
	for i, p := range ix.parties {
		if p.id == who {
			ok[i] = true
			continue
		}
		if len(words) == 0 {
			continue
		}
		ok[i] = true
		for _, w := range words {
			j, _ := slices.BinarySearch(p.tokens, w)
			if j == len(p.tokens) || !strings.HasPrefix(p.tokens[j], w) {
				ok[i] = false
				break
			}
		}
	}
	return ok
}

func (f *filter) keep(ix *Index, s uint32) bool {
	if f.eqf != nil && !slices.Contains(f.eqf, ix.eqf[s]) {
		return false
	}
	if f.hasECTS {
		e := ix.ects[s]
		if math.IsNaN(e) || e < f.ectsMin || e > f.ectsMax {
			return false
		}
	}
	if f.hasDates {
		d := ix.issued[s]
		if d == noDate || d < f.from || d >= f.to {
			return false
		}
	}
	if f.verdictOK != nil && !f.verdictOK[ix.verdict[s]] {
		return false
	}
	if f.formatOK != nil && !f.formatOK[ix.format[s]] {
		return false
	}
	if f.partyOK != nil && !f.partyOK[ix.issuer[s]] && (ix.awarding[s] < 0 || !f.partyOK[ix.awarding[s]]) {
		return false
	}
	if f.expired != nil && ix.docs[s].Expired(f.now) != *f.expired {
		return false
	}
	return true
}
