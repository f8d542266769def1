package search

import "math/bits"

// bitset is a set of document slots, one bit each: 10,000 documents take
// 1.25 KB, so a query can afford a few of them and combine them a word at a
// time.
type bitset []uint64

func newBitset(n int) bitset { return make(bitset, (n+63)/64) }

// fill sets the first n bits.
func (b bitset) fill(n int) {
	for i := range b {
		b[i] = ^uint64(0)
	}
	if r := n % 64; r != 0 {
		b[len(b)-1] = 1<<r - 1
	}
}

func (b bitset) clear(i uint32)    { b[i/64] &^= 1 << (i % 64) }
func (b bitset) has(i uint32) bool { return b[i/64]&(1<<(i%64)) != 0 }

// and keeps in b only the slots also in o.
func (b bitset) and(o bitset) {
	for i := range b {
		b[i] &= o[i]
	}
}

// addAll adds every slot of a posting list.
func (b bitset) addAll(slots []uint32) {
	for _, s := range slots {
		b[s/64] |= 1 << (s % 64)
	}
}

func (b bitset) reset() {
	for i := range b {
		b[i] = 0
	}
}

func (b bitset) count() int {
	n := 0
	for _, w := range b {
		n += bits.OnesCount64(w)
	}
	return n
}

func (b bitset) empty() bool {
	for _, w := range b {
		if w != 0 {
			return false
		}
	}
	return true
}

// each calls fn with every slot in b, in increasing order.
func (b bitset) each(fn func(slot uint32)) {
	for i, w := range b {
		for w != 0 {
			fn(uint32(i*64 + bits.TrailingZeros64(w)))
			w &= w - 1
		}
	}
}
