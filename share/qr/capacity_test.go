package qr

import (
	"errors"
	"strings"
	"testing"
)

// TestCapacityMatchesEncoder checks the encoder's sizing against the
// symbols NewSymbol draws: the longest text that fits by the count, with
// and without a URL prefix, makes a symbol of that version, and one
// character more does not.
func TestCapacityMatchesEncoder(t *testing.T) {
	const prefix = "https://verifier.example/v#"
	for _, v := range []int{1, 9, 10, 25, 26, 27, 40} {
		for l := LevelL; l <= LevelH; l++ {
			n := 0
			for fits(0, n+1, v, l) {
				n++
			}
			opt := Options{Level: l, MaxVersion: v}
			text := strings.Repeat("SAT1.R1:A9 $", n/12+1)
			if s, err := NewSymbol(text[:n], opt); err != nil || s.Version != v {
				t.Fatalf("v%d-%s: %d characters: %v", v, l, n, err)
			}
			if _, err := NewSymbol(text[:n]+"A", opt); !errors.Is(err, ErrTooLarge) {
				t.Fatalf("v%d-%s: %d characters fit, the table says they do not", v, l, n+1)
			}
			m := 0
			for fits(len(prefix), m+1, v, l) {
				m++
			}
			if m > 0 {
				if s, err := NewSymbol(prefix+text[:m], opt); err != nil || s.Version != v {
					t.Fatalf("v%d-%s: prefix and %d characters: %v", v, l, m, err)
				}
				if _, err := NewSymbol(prefix+text[:m]+"A", opt); !errors.Is(err, ErrTooLarge) {
					t.Fatalf("v%d-%s: prefix and %d characters fit, the count says they do not", v, l, m+1)
				}
			}
		}
	}
}
