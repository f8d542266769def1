package search

import (
	"encoding/binary"
	"slices"
	"strings"
)

// tokenizer numbers the tokens of the documents as it meets them and
// collects their posting lists and the documents' token streams; freeze
// renumbers everything in vocabulary order.
type tokenizer struct {
	ids      map[string]uint32 // token → provisional number
	toks     []string          // by provisional number
	postings [][]uint32        // by provisional number
	stream   []uint32          // provisional numbers, separator between values
	at       []uint32          // where each document's stream begins
	slot     uint32            // the document being read
	buf      []string
}

// separator ends each value in the provisional stream; it is no token
// number.
const separator = ^uint32(0)

// start begins the document in slot.
func (t *tokenizer) start(slot uint32) {
	t.slot = slot
	t.at = append(t.at, uint32(len(t.stream)))
}

// value adds one text of the current document.
func (t *tokenizer) value(v string) {
	t.buf = appendTokens(t.buf[:0], Fold(v))
	for _, tok := range t.buf {
		id, ok := t.ids[tok]
		if !ok {
			// A clone, so the map does not keep the whole folded text alive.
			tok = strings.Clone(tok)
			id = uint32(len(t.toks))
			t.ids[tok] = id
			t.toks = append(t.toks, tok)
			t.postings = append(t.postings, nil)
		}
		if p := t.postings[id]; len(p) == 0 || p[len(p)-1] != t.slot {
			t.postings[id] = append(p, t.slot)
		}
		if len(t.buf) > 1 { // a single word holds no phrase
			t.stream = append(t.stream, id)
		}
	}
	if len(t.buf) > 1 {
		t.stream = append(t.stream, separator)
	}
}

// freeze sorts the vocabulary and encodes the streams in its numbering.
func (t *tokenizer) freeze() (vocab, streams) {
	order := make([]uint32, len(t.toks))
	for i := range order {
		order[i] = uint32(i)
	}
	slices.SortFunc(order, func(a, b uint32) int { return strings.Compare(t.toks[a], t.toks[b]) })
	renumber := make([]uint32, len(order))
	toks := make([]string, len(order))
	postings := make([][]uint32, len(order))
	for final, prov := range order {
		renumber[prov] = uint32(final)
		toks[final] = t.toks[prov]
		postings[final] = t.postings[prov]
	}

	var s streams
	s.at = make([]uint32, len(t.at)+1)
	t.at = append(t.at, uint32(len(t.stream)))
	size := 0
	for _, id := range t.stream {
		size += uvarintLen(encode(id, renumber))
	}
	s.data = make([]byte, 0, size)
	for d := range len(t.at) - 1 {
		s.at[d] = uint32(len(s.data))
		for _, id := range t.stream[t.at[d]:t.at[d+1]] {
			s.data = binary.AppendUvarint(s.data, encode(id, renumber))
		}
	}
	s.at[len(t.at)-1] = uint32(len(s.data))
	return newVocab(toks, postings), s
}

// encode maps a provisional number to its stored form: the final number
// plus one, zero for the separator.
func encode(id uint32, renumber []uint32) uint64 {
	if id == separator {
		return 0
	}
	return uint64(renumber[id]) + 1
}

func uvarintLen(x uint64) int {
	n := 1
	for x >= 0x80 {
		x >>= 7
		n++
	}
	return n
}
