package rdfc

import (
	"bytes"
	"encoding/hex"
	"slices"
	"strconv"
)

// span is one serialised line in a scratch buffer.
type span struct{ start, end int }

// labelMode says how appendBQuad writes blank nodes.
type labelMode uint8

const (
	// firstDegree writes the reference blank node as _:a and any other as
	// _:z (Hash First Degree Quads, step 3).
	firstDegree labelMode = iota
	// canonical writes each blank node with its canonical identifier.
	canonical
)

// appendBQuad appends quad b as canonical N-Quads with its blank nodes
// written as mode says; ref is the reference blank node for firstDegree.
func (c *canonicalizer) appendBQuad(dst []byte, b *bquad, mode labelMode, ref int32) []byte {
	q := &c.quads[b.src]
	dst = c.appendNode(dst, q.Subject, b.s, mode, ref)
	dst = append(dst, ' ')
	dst = appendIRI(dst, q.Predicate.Value)
	dst = append(dst, ' ')
	dst = c.appendNode(dst, q.Object, b.o, mode, ref)
	if q.Graph.Kind != DefaultGraph {
		dst = append(dst, ' ')
		dst = c.appendNode(dst, q.Graph, b.g, mode, ref)
	}
	return append(dst, " .\n"...)
}

func (c *canonicalizer) appendNode(dst []byte, t Term, n int32, mode labelMode, ref int32) []byte {
	switch {
	case n == noBlank:
		return appendTerm(dst, t)
	case mode == canonical:
		dst = append(dst, "_:c14n"...)
		return strconv.AppendInt(dst, int64(c.canon[n]), 10)
	case n == ref:
		return append(dst, "_:a"...)
	}
	return append(dst, "_:z"...)
}

// sortSpans sorts the lines in c.spans by code point (UTF-8 byte order is
// code point order).
func (c *canonicalizer) sortSpans() {
	buf := c.buf
	slices.SortFunc(c.spans, func(a, b span) int {
		return bytes.Compare(buf[a.start:a.end], buf[b.start:b.end])
	})
}

// hashFirstDegree is Hash First Degree Quads (section 4.6): the hash of the
// sorted lines of the quads blank node n is in, with n as _:a and other
// blank nodes as _:z. As the specification's errata note, canonical
// identifiers already issued are not used here.
func (c *canonicalizer) hashFirstDegree(n int32) string {
	c.buf, c.spans = c.buf[:0], c.spans[:0]
	for _, qi := range c.quadsOf[n] {
		start := len(c.buf)
		c.buf = c.appendBQuad(c.buf, &c.bq[qi], firstDegree, n)
		c.spans = append(c.spans, span{start, len(c.buf)})
	}
	c.sortSpans()
	c.h.Reset()
	for _, s := range c.spans {
		c.h.Write(c.buf[s.start:s.end])
	}
	return c.hexSum()
}

// hexSum returns the lower-case hex of the hash state and resets it.
func (c *canonicalizer) hexSum() string {
	c.sum = c.h.Sum(c.sum[:0])
	c.h.Reset()
	return hex.EncodeToString(c.sum)
}

// output serialises every quad with canonical identifiers, sorts the lines
// and joins them, dropping duplicate lines: step 7 of the algorithm.
func (c *canonicalizer) output() []byte {
	c.buf, c.spans = c.buf[:0], c.spans[:0]
	for _, i := range c.ground {
		start := len(c.buf)
		c.buf = AppendQuad(c.buf, c.quads[i])
		c.spans = append(c.spans, span{start, len(c.buf)})
	}
	for i := range c.bq {
		start := len(c.buf)
		c.buf = c.appendBQuad(c.buf, &c.bq[i], canonical, noBlank)
		c.spans = append(c.spans, span{start, len(c.buf)})
	}
	c.sortSpans()
	out := make([]byte, 0, len(c.buf))
	var prev []byte
	for _, s := range c.spans {
		line := c.buf[s.start:s.end]
		if bytes.Equal(line, prev) {
			continue
		}
		out = append(out, line...)
		prev = line
	}
	return out
}
