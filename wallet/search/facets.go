package search

import (
	"cmp"
	"slices"
	"strings"
)

// Facets counts, over the credentials a query matches, the values a
// sidebar offers as filters.
type Facets struct {
	// Issuers are the issuers and awarding bodies, most credentials first,
	// then by folded name.
	Issuers []IssuerCount
	// Tags are the learner's tags, most credentials first, then by folded
	// tag.
	Tags []TagCount
	// EQF are the EQF levels, in increasing order; level 0 counts the
	// credentials that state none.
	EQF []LevelCount
}

// IssuerCount is an issuer or awarding body and how many credentials it
// issued or awarded. A credential both issued and awarded by one party
// counts once.
type IssuerCount struct {
	// Key selects the party as Query.Issuer: its id, or its name when it
	// has no id.
	Key string
	// Name is its name in the index's language, or its id.
	Name  string
	Count int
}

// TagCount is a tag and how many credentials carry it. Tags that fold
// alike are one; the tag is spelled as the first credential of the index
// (in ID order) carrying it spells it.
type TagCount struct {
	Tag   string
	Count int
}

// LevelCount is an EQF level and how many credentials are at it.
type LevelCount struct {
	Level int
	Count int
}

// Facets returns the facets of the credentials that match q; q's sort and
// paging do not matter. Facets(Query{}) describes the whole index.
func (ix *Index) Facets(q Query) Facets {
	m, _ := ix.match(&q)
	var f Facets

	byGroup := make([]int, len(ix.groups))
	levels := map[int]int{}
	m.each(func(s uint32) {
		g := ix.parties[ix.issuer[s]].group
		byGroup[g]++
		if a := ix.awarding[s]; a >= 0 {
			if ga := ix.parties[a].group; ga != g {
				byGroup[ga]++
			}
		}
		levels[ix.eqf[s]]++
	})
	var gs []int
	for g, n := range byGroup {
		if n > 0 && ix.groups[g].key != "" {
			gs = append(gs, g)
		}
	}
	slices.SortFunc(gs, func(a, b int) int {
		return cmp.Or(cmp.Compare(byGroup[b], byGroup[a]),
			strings.Compare(ix.groups[a].folded, ix.groups[b].folded),
			strings.Compare(ix.groups[a].key, ix.groups[b].key))
	})
	for _, g := range gs {
		f.Issuers = append(f.Issuers, IssuerCount{Key: ix.groups[g].key, Name: ix.groups[g].name, Count: byGroup[g]})
	}

	for i, post := range ix.tags.post {
		n := 0
		for _, s := range post {
			if m.has(s) {
				n++
			}
		}
		if n > 0 {
			f.Tags = append(f.Tags, TagCount{Tag: ix.tags.display[i], Count: n})
		}
	}
	// Tags are already in folded order; a stable sort keeps it among equal counts.
	slices.SortStableFunc(f.Tags, func(a, b TagCount) int { return cmp.Compare(b.Count, a.Count) })

	for l, n := range levels {
		f.EQF = append(f.EQF, LevelCount{Level: l, Count: n})
	}
	slices.SortFunc(f.EQF, func(a, b LevelCount) int { return cmp.Compare(a.Level, b.Level) })
	return f
}
