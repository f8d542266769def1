package search

import (
	"math"
	"slices"
	"strings"

	"github.com/satchel-wallet/satchel/wallet/credential"
)

// Doc is a credential to index with the ids of the collections holding it.
type Doc struct {
	Credential  *credential.Credential
	Collections []string
}

// Index is an immutable search index over a set of credentials. It is safe
// for concurrent use; to reflect a change in the wallet, build a new one.
type Index struct {
	lang string
	// docs holds the credentials by slot: slots follow credential IDs, so
	// walking slots in order breaks every tie by ID.
	docs  []*credential.Credential
	words vocab
	// phrases holds each document's texts as token numbers, for phrase
	// matching (see tokenizer).
	phrases streams

	// Per-slot fields the filters read, so that a filter is a pass over a
	// few small arrays rather than over the credentials.
	eqf      []int
	ects     []float64 // NaN: not stated
	issued   []int64   // Unix seconds; noDate when not stated
	verdict  []int32   // index into verdicts
	format   []int32   // index into formats
	issuer   []int32   // index into parties
	awarding []int32   // index into parties; -1 for none

	verdicts    []credential.Verdict
	formats     []credential.Format
	parties     []party
	groups      []group // issuer facets
	tags        tagIndex
	collections map[string][]uint32

	// order holds, for each sort key, the slots in the key's natural
	// direction and reversed; in both, slots without the key come last and
	// ties keep ID order.
	order [numSortKeys][2][]uint32
}

// noDate marks a slot without a date of issuing. Unix seconds of real dates
// (year 1 to 9999) never reach it.
const noDate = math.MinInt64

// party is a distinct issuer or awarding body, as the credentials name it.
type party struct {
	id     string
	tokens []string // the folded words of its name in every language, sorted, distinct
	group  int32    // its facet
}

// group is one entry of the issuer facet: the parties with one id, or
// without an id, with one name.
type group struct {
	key    string // the id, or the name when there is none
	name   string // the name in the index's language, or the id
	folded string // name, folded, to sort by
}

// tagIndex maps folded tags to the slots that carry them.
type tagIndex struct {
	keys    []string // folded, sorted
	display []string // as the first credential (by ID) spells it
	post    [][]uint32
}

func (t *tagIndex) find(folded string) int {
	if i, ok := slices.BinarySearch(t.keys, folded); ok {
		return i
	}
	return -1
}

// Build indexes docs; lang is the learner's language, in which titles and
// issuer names are sorted and facets named. Docs without a credential are
// skipped. The index keeps the credentials, not copies: do not modify them
// while it is in use.
func Build(docs []Doc, lang string) *Index {
	sorted := make([]Doc, 0, len(docs))
	for _, d := range docs {
		if d.Credential != nil {
			sorted = append(sorted, d)
		}
	}
	slices.SortStableFunc(sorted, func(a, b Doc) int {
		return strings.Compare(a.Credential.ID, b.Credential.ID)
	})
	n := len(sorted)
	ix := &Index{
		lang:        lang,
		docs:        make([]*credential.Credential, n),
		eqf:         make([]int, n),
		ects:        make([]float64, n),
		issued:      make([]int64, n),
		verdict:     make([]int32, n),
		format:      make([]int32, n),
		issuer:      make([]int32, n),
		awarding:    make([]int32, n),
		collections: map[string][]uint32{},
	}
	b := builder{
		ix: ix, parties: map[string]int32{}, groups: map[string]int32{}, tags: map[string]int{},
		verdicts: map[credential.Verdict]int32{}, formats: map[credential.Format]int32{},
	}
	t := tokenizer{ids: map[string]uint32{}}
	for slot, d := range sorted {
		ix.docs[slot] = d.Credential
		t.start(uint32(slot))
		eachValue(d.Credential, t.value)
		b.fields(uint32(slot), d)
	}
	ix.words, ix.phrases = t.freeze()
	b.freezeTags()
	ix.sortOrders()
	return ix
}

// Len returns the number of credentials in the index.
func (ix *Index) Len() int { return len(ix.docs) }

// builder holds the lookup tables used only while building.
type builder struct {
	ix       *Index
	parties  map[string]int32 // party signature → index
	groups   map[string]int32 // group key → index
	verdicts map[credential.Verdict]int32
	formats  map[credential.Format]int32
	tags     map[string]int // folded tag → index into tagList
	tagList  []tagEntry
	tokenBuf []string
}

type tagEntry struct {
	key, display string
	post         []uint32
}

// fields fills the per-slot filter fields of slot.
func (b *builder) fields(s uint32, d Doc) {
	ix, c := b.ix, d.Credential
	ix.eqf[s] = c.EQF
	ix.ects[s] = math.NaN()
	if c.ECTS != nil {
		ix.ects[s] = *c.ECTS
	}
	ix.issued[s] = noDate
	if !c.Issued.IsZero() {
		ix.issued[s] = c.Issued.Unix()
	}
	ix.verdict[s] = intern(b.verdicts, &ix.verdicts, c.Verification.Verdict)
	ix.format[s] = intern(b.formats, &ix.formats, c.Format)
	ix.issuer[s] = b.party(&c.Issuer)
	ix.awarding[s] = -1
	if c.AwardingBody != nil {
		ix.awarding[s] = b.party(c.AwardingBody)
	}
	for _, id := range d.Collections {
		p := ix.collections[id]
		if len(p) == 0 || p[len(p)-1] != s {
			ix.collections[id] = append(p, s)
		}
	}
	for _, t := range c.Tags {
		key := Fold(strings.TrimSpace(t))
		if key == "" {
			continue
		}
		i, ok := b.tags[key]
		if !ok {
			i = len(b.tagList)
			b.tags[key] = i
			b.tagList = append(b.tagList, tagEntry{key: strings.Clone(key), display: strings.TrimSpace(t)})
		}
		e := &b.tagList[i]
		if len(e.post) == 0 || e.post[len(e.post)-1] != s {
			e.post = append(e.post, s)
		}
	}
}

// intern returns the index of v in list, adding it if new.
func intern[T comparable](m map[T]int32, list *[]T, v T) int32 {
	i, ok := m[v]
	if !ok {
		i = int32(len(*list))
		m[v] = i
		*list = append(*list, v)
	}
	return i
}

// party returns the index of p among the distinct parties.
func (b *builder) party(p *credential.Party) int32 {
	var sig strings.Builder
	sig.WriteString(p.ID)
	for _, l := range append([]string{""}, p.Name.Languages()...) {
		if v := p.Name.Get(l); v != "" {
			sig.WriteString("\x00" + l + "\x00" + v)
		}
	}
	if i, ok := b.parties[sig.String()]; ok {
		return i
	}
	ix := b.ix
	b.tokenBuf = b.tokenBuf[:0]
	for _, v := range p.Name.Values() {
		b.tokenBuf = appendTokens(b.tokenBuf, Fold(v))
	}
	toks := slices.Compact(slices.Sorted(slices.Values(b.tokenBuf)))
	for i := range toks {
		toks[i] = strings.Clone(toks[i])
	}
	key, name := p.ID, p.Name.In(ix.lang)
	if key == "" {
		key = name
	}
	if name == "" {
		name = p.ID
	}
	g, ok := b.groups[key]
	if !ok {
		g = int32(len(ix.groups))
		b.groups[key] = g
		ix.groups = append(ix.groups, group{key: key, name: name, folded: Fold(name)})
	}
	i := int32(len(ix.parties))
	ix.parties = append(ix.parties, party{id: p.ID, tokens: toks, group: g})
	b.parties[sig.String()] = i
	return i
}

// freezeTags sorts the tags into the index.
func (b *builder) freezeTags() {
	slices.SortFunc(b.tagList, func(x, y tagEntry) int { return strings.Compare(x.key, y.key) })
	t := &b.ix.tags
	for _, e := range b.tagList {
		t.keys = append(t.keys, e.key)
		t.display = append(t.display, e.display)
		t.post = append(t.post, e.post)
	}
}
