package search

import (
	"bytes"
	"encoding/binary"
)

// streams holds, for each document, the token numbers of its texts of two
// words or more, in order, each value ended by a separator, so that a
// phrase is checked by comparing numbers rather than re-reading and
// re-folding the credential. The numbers are stored plus one (zero is the
// separator) as uvarints: with a vocabulary of tens of thousands of words
// most take two bytes, half of a uint32.
type streams struct {
	data []byte
	at   []uint32 // document d's stream is data[at[d]:at[d+1]]
}

// span is the range [lo, hi) of token numbers a phrase word matches: one
// token, or the tokens it is a prefix of, which are contiguous in the
// sorted vocabulary.
type span struct{ lo, hi uint32 }

// phrase is a phrase of the query resolved against the vocabulary.
type phrase struct {
	spans []span
	// first is the stored form of the first word when it matches a single
	// token, as it always does unless it was cut: a byte pattern to look
	// for in a stream with bytes.Index, which is much faster than decoding
	// the stream.
	first []byte
}

func (ix *Index) phrase(words []word) phrase {
	p := phrase{spans: make([]span, len(words))}
	for i, w := range words {
		if w.prefix {
			lo, hi := ix.words.prefixed(w.text)
			p.spans[i] = span{uint32(lo), uint32(hi)}
		} else if j := ix.words.exact(w.text); j >= 0 {
			p.spans[i] = span{uint32(j), uint32(j + 1)}
		}
	}
	if s := p.spans[0]; s.hi == s.lo+1 {
		p.first = binary.AppendUvarint(nil, uint64(s.lo)+1)
	}
	return p
}

// has reports whether document d has every phrase, each within one value.
func (s *streams) has(d uint32, phrases []phrase) bool {
	b := s.data[s.at[d]:s.at[d+1]]
	for _, p := range phrases {
		if !p.in(b) {
			return false
		}
	}
	return true
}

// in reports whether the stream b has a run of consecutive tokens, one in
// each span of p. The separator lies in no span, so no run crosses values.
func (p *phrase) in(b []byte) bool {
	if p.first != nil {
		for off := 0; ; {
			j := bytes.Index(b[off:], p.first)
			if j < 0 {
				return false
			}
			i := off + j
			// A hit counts where a number begins: after a final byte.
			if (i == 0 || b[i-1] < 0x80) && follows(b[i+len(p.first):], p.spans[1:]) {
				return true
			}
			off = i + 1
		}
	}
	for i := 0; i < len(b); {
		x, n := uvarint(b[i:])
		if p.spans[0].lo <= x && x < p.spans[0].hi && follows(b[i+n:], p.spans[1:]) {
			return true
		}
		i += n
	}
	return false
}

// follows reports whether b begins with tokens in spans, one each.
func follows(b []byte, spans []span) bool {
	for _, s := range spans {
		if len(b) == 0 {
			return false
		}
		x, n := uvarint(b)
		if x < s.lo || x >= s.hi {
			return false
		}
		b = b[n:]
	}
	return true
}

// uvarint decodes the token number at the start of b (the separator as
// ^0) and its length. The streams are written by this package, so b always
// holds a whole number.
func uvarint(b []byte) (uint32, int) {
	if b[0] < 0x80 {
		return uint32(b[0]) - 1, 1
	}
	x, n := binary.Uvarint(b)
	return uint32(x) - 1, n
}
