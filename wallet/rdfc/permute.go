package rdfc

import (
	"slices"
	"strings"
)

// permuter walks the permutations of a list of blank nodes with the
// Steinhaus–Johnson–Trotter algorithm, starting from the list sorted by
// label, exactly as the reference implementation (digitalbazaar's
// rdf-canonize, whose output the W3C suite records) does.
//
// The order matters only when two permutations yield the same path; then
// the first one found wins and decides which blank node gets which
// canonical identifier. The canonical N-Quads come out the same either way,
// but the issued identifier map would not.
//
// A list can hold one blank node more than once (when it is related by two
// quads in the same way); as in the reference, its copies share one
// direction.
type permuter struct {
	cur    []int32  // the current permutation
	labels []string // blank node number -> label, for ordering
	nodes  []int32  // the distinct blank nodes of cur, sorted by label
	left   []bool   // direction of nodes[i]: looking left
}

func newPermuter(list []int32, labels []string) *permuter {
	byLabel := func(a, b int32) int { return strings.Compare(labels[a], labels[b]) }
	slices.SortFunc(list, byLabel)
	nodes := slices.Compact(slices.Clone(list))
	left := make([]bool, len(nodes))
	for i := range left {
		left[i] = true
	}
	return &permuter{cur: list, labels: labels, nodes: nodes, left: left}
}

// dir returns the index of blank node n in p.left.
func (p *permuter) dir(n int32) int {
	i, _ := slices.BinarySearchFunc(p.nodes, n, func(a, b int32) int {
		return strings.Compare(p.labels[a], p.labels[b])
	})
	return i
}

func (p *permuter) greater(a, b int32) bool { return p.labels[a] > p.labels[b] }

// next moves to the next permutation and reports whether there was one.
func (p *permuter) next() bool {
	cur := p.cur
	// Find the largest mobile element: one greater than the neighbour it
	// is looking at.
	k, pos, found := int32(0), 0, false
	for i, e := range cur {
		if found && !p.greater(e, k) {
			continue
		}
		left := p.left[p.dir(e)]
		if (left && i > 0 && p.greater(e, cur[i-1])) ||
			(!left && i < len(cur)-1 && p.greater(e, cur[i+1])) {
			k, pos, found = e, i, true
		}
	}
	if !found {
		return false
	}
	swap := pos + 1
	if p.left[p.dir(k)] {
		swap = pos - 1
	}
	cur[pos], cur[swap] = cur[swap], k
	// Reverse the direction of every element larger than k, once per
	// occurrence, as the reference does.
	for _, e := range cur {
		if p.greater(e, k) {
			d := p.dir(e)
			p.left[d] = !p.left[d]
		}
	}
	return true
}
