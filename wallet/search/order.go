package search

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/satchel-wallet/satchel/wallet/credential"
)

// sortOrders computes the permutation of slots for every sort key.
func (ix *Index) sortOrders() {
	n := len(ix.docs)
	dates := func(get func(*credential.Credential) time.Time) func(a, b uint32) (int, bool, bool) {
		return func(a, b uint32) (int, bool, bool) {
			ta, tb := get(ix.docs[a]), get(ix.docs[b])
			return tb.Compare(ta), !ta.IsZero(), !tb.IsZero() // newest first
		}
	}
	names := func(get func(*credential.Credential) credential.Text) func(a, b uint32) (int, bool, bool) {
		keys := make([]string, n)
		for s, c := range ix.docs {
			keys[s] = strings.Join(Tokens(get(c).In(ix.lang)), " ")
		}
		return func(a, b uint32) (int, bool, bool) {
			return strings.Compare(keys[a], keys[b]), keys[a] != "", keys[b] != ""
		}
	}
	by := [numSortKeys]func(a, b uint32) (int, bool, bool){
		SortIssued: dates(func(c *credential.Credential) time.Time { return c.Issued }),
		SortAdded:  dates(func(c *credential.Credential) time.Time { return c.Added }),
		SortTitle:  names(func(c *credential.Credential) credential.Text { return c.Title }),
		SortIssuer: names(func(c *credential.Credential) credential.Text { return c.Issuer.Name }),
		SortECTS: func(a, b uint32) (int, bool, bool) {
			ea, eb := ix.ects[a], ix.ects[b]
			return cmp.Compare(eb, ea), !math.IsNaN(ea), !math.IsNaN(eb) // largest first
		},
	}
	for k, compare := range by {
		for dir := range 2 {
			perm := make([]uint32, n)
			for i := range perm {
				perm[i] = uint32(i)
			}
			slices.SortFunc(perm, func(a, b uint32) int {
				c, hasA, hasB := compare(a, b)
				switch {
				case hasA != hasB:
					if hasA {
						return -1
					}
					return 1
				case !hasA:
					c = 0
				case dir == 1:
					c = -c
				}
				if c != 0 {
					return c
				}
				return cmp.Compare(a, b)
			})
			ix.order[k][dir] = perm
		}
	}
}
