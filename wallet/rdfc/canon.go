package rdfc

import (
	"context"
	"fmt"
	"hash"
	"math"
	"slices"
	"strconv"
	"strings"
)

// noBlank marks a quad position that does not hold a blank node.
const noBlank = -1

// bquad is a quad with at least one blank node, by index into the input,
// with the blank node numbers of its subject, object and graph name.
type bquad struct {
	src     int32
	s, o, g int32
}

// canonicalizer holds the state of one run of RDFC-1.0.
type canonicalizer struct {
	ctx    context.Context
	h      hash.Hash
	sum    []byte
	quads  Dataset
	ground []int32 // input indices of quads without blank nodes, duplicates too
	bq     []bquad // distinct quads with blank nodes

	labels  []string  // blank node number -> input label
	quadsOf [][]int32 // blank node number -> indices into bq
	first   []string  // blank node number -> Hash First Degree Quads, hex

	canon     []int32 // blank node number -> canonical number, or noBlank
	nextCanon int32

	maxCalls, maxSteps int
	work               Work

	buf   []byte // scratch for serialised lines
	spans []span
}

// Canonicalize runs RDFC-1.0 over ds and returns its canonical N-Quads and
// the identifiers issued to its blank nodes. Duplicate quads count once.
//
// The work is bounded by opts (see [Options]); a dataset that needs more
// is refused with an error matching [ErrTooComplex]. Cancelling ctx stops
// the work with an error matching ctx.Err(). A term that RDF does not
// allow where it stands is refused with [ErrInvalidTerm].
func Canonicalize(ctx context.Context, ds Dataset, opts Options) (*Result, error) {
	h, err := opts.newHash()
	if err != nil {
		return nil, err
	}
	if maxQuads := limit(opts.MaxQuads, DefaultMaxQuads); len(ds) > maxQuads {
		return nil, fmt.Errorf("rdfc: dataset has %d quads, more than %d: %w", len(ds), maxQuads, ErrTooLarge)
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("rdfc: canonicalization not started: %w", err)
	}
	c := &canonicalizer{
		ctx:      ctx,
		h:        h,
		quads:    ds,
		maxCalls: limit(opts.MaxHashNDegreeCalls, DefaultMaxHashNDegreeCalls),
		maxSteps: limit(opts.MaxSteps, DefaultMaxSteps),
	}
	if err := c.index(); err != nil {
		return nil, err
	}
	// Each blank node earns one call (see DefaultMaxHashNDegreeCalls).
	if c.maxCalls < math.MaxInt-len(c.labels) {
		c.maxCalls += len(c.labels)
	}
	if err := c.issueIdentifiers(); err != nil {
		return nil, err
	}
	return &Result{NQuads: c.output(), IssuedIdentifiers: c.issuedMap(), Work: c.work}, nil
}

// index validates the quads, drops duplicates among those with blank nodes,
// numbers the blank nodes in order of first appearance (subject, object,
// graph name) and lists the quads each appears in: steps 1 and 2 of the
// algorithm.
func (c *canonicalizer) index() error {
	numbers := make(map[string]int32)
	number := func(t Term) int32 {
		if t.Kind != BlankNode {
			return noBlank
		}
		n, ok := numbers[t.Value]
		if !ok {
			n = int32(len(c.labels))
			numbers[t.Value] = n
			c.labels = append(c.labels, t.Value)
		}
		return n
	}
	size := 0
	for i := range c.quads {
		q := &c.quads[i]
		if err := checkQuad(q); err != nil {
			return fmt.Errorf("rdfc: quad %d: %w", i, err)
		}
		size += quadSizeHint(q)
		if !q.Subject.IsBlank() && !q.Object.IsBlank() && !q.Graph.IsBlank() {
			// Duplicates of these are dropped when the sorted output is
			// written: they serialise to identical lines.
			c.ground = append(c.ground, int32(i))
			continue
		}
		// A duplicate comes after its original, so numbering blank nodes
		// before dropping duplicates gives the same numbers.
		c.bq = append(c.bq, bquad{src: int32(i), s: number(q.Subject), o: number(q.Object), g: number(q.Graph)})
	}
	c.buf = make([]byte, 0, size)
	c.spans = make([]span, 0, len(c.quads))
	c.dropDuplicates()

	// Quads per blank node, in one flat slice. A blank node in two
	// positions of one quad lists the quad once.
	n := len(c.labels)
	counts := make([]int32, n+1)
	each := func(b *bquad, f func(n int32)) {
		f(b.s)
		if b.o != b.s {
			f(b.o)
		}
		if b.g != b.s && b.g != b.o {
			f(b.g)
		}
	}
	for i := range c.bq {
		each(&c.bq[i], func(n int32) {
			if n != noBlank {
				counts[n+1]++
			}
		})
	}
	for i := 1; i <= n; i++ {
		counts[i] += counts[i-1]
	}
	flat := make([]int32, counts[n])
	c.quadsOf = make([][]int32, n)
	for i := range n {
		c.quadsOf[i] = flat[counts[i]:counts[i]:counts[i+1]]
	}
	for i := range c.bq {
		each(&c.bq[i], func(n int32) {
			if n != noBlank {
				c.quadsOf[n] = append(c.quadsOf[n], int32(i))
			}
		})
	}
	return nil
}

// quadSizeHint estimates the length of q as a line of N-Quads.
func quadSizeHint(q *Quad) int {
	return len(q.Subject.Value) + len(q.Predicate.Value) + len(q.Object.Value) +
		len(q.Object.Datatype) + len(q.Object.Language) + len(q.Graph.Value) + 16
}

// issueIdentifiers gives every blank node its canonical identifier: steps 3
// to 6 of the algorithm.
func (c *canonicalizer) issueIdentifiers() error {
	n := len(c.labels)
	c.canon = make([]int32, n)
	c.first = make([]string, n)
	order := make([]int32, n)
	for i := range n {
		c.canon[i] = noBlank
		c.first[i] = c.hashFirstDegree(int32(i))
		order[i] = int32(i)
	}
	// Hashes in code point order; blank nodes with equal hashes stay in
	// order of first appearance, as the reference implementation has them.
	slices.SortStableFunc(order, func(a, b int32) int { return strings.Compare(c.first[a], c.first[b]) })

	// Step 5: a blank node whose hash is unique gets its identifier now.
	var shared [][]int32
	for i := 0; i < n; {
		j := i + 1
		for j < n && c.first[order[j]] == c.first[order[i]] {
			j++
		}
		if j-i == 1 {
			c.issueCanonical(order[i])
		} else {
			shared = append(shared, order[i:j])
		}
		i = j
	}

	// Step 6: the others are told apart by Hash N-Degree Quads.
	for _, group := range shared {
		var results []ndegreeResult
		for _, b := range group {
			if c.canon[b] != noBlank {
				continue
			}
			is := &issuer{}
			is.issue(b)
			res, err := c.hashNDegree(b, is)
			if err != nil {
				return err
			}
			results = append(results, res)
		}
		slices.SortStableFunc(results, func(a, b ndegreeResult) int { return strings.Compare(a.hash, b.hash) })
		for _, res := range results {
			for _, b := range res.issuer.order {
				c.issueCanonical(b)
			}
		}
	}
	return nil
}

// issueCanonical issues the next canonical identifier to blank node b,
// unless it has one.
func (c *canonicalizer) issueCanonical(b int32) {
	if c.canon[b] == noBlank {
		c.canon[b] = c.nextCanon
		c.nextCanon++
	}
}

// issuedMap returns the input label to canonical label map.
func (c *canonicalizer) issuedMap() map[string]string {
	m := make(map[string]string, len(c.labels))
	for i, l := range c.labels {
		m[l] = "c14n" + strconv.Itoa(int(c.canon[i]))
	}
	return m
}
