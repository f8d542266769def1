package search

import (
	"sort"
	"strings"
)

// vocab is the sorted vocabulary of folded tokens with their posting lists.
// The tokens live in one string, each preceded by a NUL byte, so that a
// substring scan for infix matching is a handful of strings.Index calls
// over contiguous memory rather than a loop over tens of thousands of
// separate strings; NUL never occurs in a token, so no match spans two.
// The posting lists are one flat slice of slots with offsets, which saves a
// slice header (24 bytes) per token.
type vocab struct {
	blob   string   // "\x00tok0\x00tok1...\x00tokN-1\x00"
	start  []uint32 // start[i] is where token i begins in blob; start[N] = len(blob)
	post   []uint32 // every posting list, concatenated
	postAt []uint32 // token i's slots are post[postAt[i]:postAt[i+1]], ascending
}

// newVocab freezes the vocabulary toks, sorted, with posting[i] the
// ascending slots of the documents holding toks[i].
func newVocab(toks []string, postings [][]uint32) vocab {
	size, npost := 1, 0
	for i, t := range toks {
		size += len(t) + 1
		npost += len(postings[i])
	}
	var b strings.Builder
	b.Grow(size)
	v := vocab{
		start:  make([]uint32, len(toks)+1),
		post:   make([]uint32, 0, npost),
		postAt: make([]uint32, len(toks)+1),
	}
	b.WriteByte(0)
	for i, t := range toks {
		v.start[i] = uint32(b.Len())
		b.WriteString(t)
		b.WriteByte(0)
		v.postAt[i] = uint32(len(v.post))
		v.post = append(v.post, postings[i]...)
	}
	v.blob = b.String()
	v.start[len(toks)] = uint32(len(v.blob))
	v.postAt[len(toks)] = uint32(len(v.post))
	return v
}

func (v *vocab) len() int { return len(v.start) - 1 }

func (v *vocab) token(i int) string { return v.blob[v.start[i] : v.start[i+1]-1] }

func (v *vocab) postings(i int) []uint32 { return v.post[v.postAt[i]:v.postAt[i+1]] }

// lowerBound returns the first token not less than w.
func (v *vocab) lowerBound(w string) int {
	return sort.Search(v.len(), func(i int) bool { return v.token(i) >= w })
}

// exact returns the index of token w, or -1.
func (v *vocab) exact(w string) int {
	if i := v.lowerBound(w); i < v.len() && v.token(i) == w {
		return i
	}
	return -1
}

// prefixed returns the range [lo, hi) of the tokens w is a prefix of: in a
// sorted vocabulary they are contiguous.
func (v *vocab) prefixed(w string) (lo, hi int) {
	lo = v.lowerBound(w)
	hi = lo + sort.Search(v.len()-lo, func(i int) bool {
		return !strings.HasPrefix(v.token(lo+i), w)
	})
	return lo, hi
}

// containing calls fn with the index of every token that contains w, in
// vocabulary order, each once.
func (v *vocab) containing(w string, fn func(i int)) {
	if w == "" {
		return
	}
	pos := 0
	for {
		j := strings.Index(v.blob[pos:], w)
		if j < 0 {
			return
		}
		h := uint32(pos + j)
		// The token holding the hit is the last one starting at or before it.
		i := sort.Search(v.len(), func(i int) bool { return v.start[i] > h }) - 1
		fn(i)
		pos = int(v.start[i+1])
	}
}
