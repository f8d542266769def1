package cborld

import (
	"math"
	"unicode/utf8"
)

// This file holds the few JavaScript semantics that cborld's output
// depends on, so that Satchel reads and writes exactly what it does.

// truthy reports whether a JSON value is truthy in JavaScript: cborld skips
// falsy term definitions and falsy @context values.
func truthy(v any) bool {
	switch x := v.(type) {
	case nil:
		return false
	case bool:
		return x
	case float64:
		return x != 0 && !math.IsNaN(x)
	case uint64:
		return x != 0
	case int64:
		return x != 0
	case string:
		return x != ""
	default:
		return true
	}
}

// lessUTF16 orders strings as JavaScript's sort and < do: by UTF-16 code
// units. It differs from Go's byte order only between characters U+E000 to
// U+FFFF and those above U+FFFF (surrogate pairs sort first). Term ids are
// assigned in this order, so it must be exact.
func lessUTF16(a, b string) bool {
	for a != "" && b != "" {
		ra, na := utf8.DecodeRuneInString(a)
		rb, nb := utf8.DecodeRuneInString(b)
		if ra != rb {
			ua, ub := firstUnit(ra), firstUnit(rb)
			if ua != ub {
				return ua < ub
			}
			return ra < rb // same high surrogate: the low ones follow code point order
		}
		a, b = a[na:], b[nb:]
	}
	return a == "" && b != ""
}

// compareUTF16 is lessUTF16 as a three-way comparison, for slices.SortFunc.
func compareUTF16(a, b string) int {
	switch {
	case a == b:
		return 0
	case lessUTF16(a, b):
		return -1
	}
	return 1
}

// firstUnit returns the first UTF-16 code unit of r.
func firstUnit(r rune) rune {
	if r >= 0x10000 {
		return 0xD800 + (r-0x10000)>>10
	}
	return r
}

// maxSafeInteger is JavaScript's Number.MAX_SAFE_INTEGER, 2^53-1: the
// largest integer cborg decodes to a number (larger ones become BigInts,
// which JSON cannot hold) and encodes as a CBOR integer.
const maxSafeInteger = 1<<53 - 1

// isKeyword reports whether s is one of cborld's keywords.
func isKeyword(s string) bool {
	_, ok := keywords[s]
	return ok
}
