package rdfc

import (
	"slices"
	"strings"
)

// dropDuplicates removes the quads of c.bq equal to an earlier one. It
// sorts an index rather than hashing, which costs no allocation beyond the
// index.
func (c *canonicalizer) dropDuplicates() {
	if len(c.bq) < 2 {
		return
	}
	idx := make([]int32, len(c.bq))
	for i := range idx {
		idx[i] = int32(i)
	}
	cmp := func(a, b int32) int { return compareQuads(&c.quads[c.bq[a].src], &c.quads[c.bq[b].src]) }
	// Stable, so that of equal quads the first in the input sorts first.
	slices.SortStableFunc(idx, cmp)
	dups := 0
	// Downwards, so that a quad is compared before it is marked.
	for k := len(idx) - 1; k > 0; k-- {
		if cmp(idx[k-1], idx[k]) == 0 {
			c.bq[idx[k]].src = noBlank
			dups++
		}
	}
	if dups > 0 {
		c.bq = slices.DeleteFunc(c.bq, func(b bquad) bool { return b.src == noBlank })
	}
}

// compareQuads orders quads, treating as equal those that differ only in
// fields that do not change their meaning.
func compareQuads(a, b *Quad) int {
	if c := compareNodes(a.Subject, b.Subject); c != 0 {
		return c
	}
	if c := strings.Compare(a.Predicate.Value, b.Predicate.Value); c != 0 {
		return c
	}
	if c := compareNodes(a.Graph, b.Graph); c != 0 {
		return c
	}
	if c := compareNodes(a.Object, b.Object); c != 0 || a.Object.Kind != Literal {
		return c
	}
	ao, bo := a.Object, b.Object
	if c := strings.Compare(ao.Language, bo.Language); c != 0 {
		return c
	}
	if ao.Language != "" {
		return strings.Compare(ao.Direction, bo.Direction)
	}
	return strings.Compare(plainDatatype(ao.Datatype), plainDatatype(bo.Datatype))
}

func compareNodes(a, b Term) int {
	if a.Kind != b.Kind {
		return int(a.Kind) - int(b.Kind)
	}
	return strings.Compare(a.Value, b.Value)
}

// plainDatatype returns "" for xsd:string, which is written as no datatype.
func plainDatatype(dt string) string {
	if dt == XSDString {
		return ""
	}
	return dt
}
