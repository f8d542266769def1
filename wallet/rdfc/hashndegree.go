package rdfc

import (
	"bytes"
	"slices"
	"strconv"
	"strings"
)

// ndegreeResult is what Hash N-Degree Quads returns: a hash and the issuer
// that records the order in which it reached other blank nodes.
type ndegreeResult struct {
	hash   string
	issuer *issuer
}

// relatedNode is one entry of the hash to related blank nodes map.
type relatedNode struct {
	hash string
	node int32
}

// hashNDegree is Hash N-Degree Quads (section 4.8) for blank node id with
// the temporary issuer is. It tries every order of the blank nodes related
// to id by the same hash, recursing into those not yet named, and keeps the
// lexicographically least path; that search is what a poison graph makes
// explode, so every call, related hash and permutation is charged to the
// budget.
func (c *canonicalizer) hashNDegree(id int32, is *issuer) (ndegreeResult, error) {
	if err := c.spendCall(); err != nil {
		return ndegreeResult{}, err
	}

	// Steps 1–3: hash each related blank node by how it is related.
	var rel []relatedNode
	for _, qi := range c.quadsOf[id] {
		b := &c.bq[qi]
		q := &c.quads[b.src]
		for i, n := range [3]int32{b.s, b.o, b.g} {
			if n == noBlank || n == id {
				continue
			}
			if err := c.spendSteps(1); err != nil {
				return ndegreeResult{}, err
			}
			rel = append(rel, relatedNode{c.hashRelated(n, q, is, "sog"[i]), n})
		}
	}
	slices.SortStableFunc(rel, func(a, b relatedNode) int { return strings.Compare(a.hash, b.hash) })

	// Steps 4–5: for each related hash in order, the least path over all
	// permutations of its blank nodes.
	var data, path, chosen []byte
	var recursion []int32
	for i := 0; i < len(rel); {
		j := i + 1
		for j < len(rel) && rel[j].hash == rel[i].hash {
			j++
		}
		data = append(data, rel[i].hash...)
		list := make([]int32, 0, j-i)
		for _, r := range rel[i:j] {
			list = append(list, r.node)
		}
		i = j

		var chosenIssuer *issuer
		chosen = chosen[:0]
		perm := newPermuter(list, c.labels)
		for {
			if err := c.spendPermutation(len(list) + len(is.order)); err != nil {
				return ndegreeResult{}, err
			}
			cp := is.clone()
			path, recursion = path[:0], recursion[:0]
			worse := false
			for _, r := range perm.cur {
				if n := c.canon[r]; n != noBlank {
					path = append(path, "_:c14n"...)
					path = strconv.AppendInt(path, int64(n), 10)
				} else {
					if cp.id(r) < 0 {
						recursion = append(recursion, r)
					}
					path = append(path, "_:b"...)
					path = strconv.AppendInt(path, int64(cp.issue(r)), 10)
				}
				if chosenIssuer != nil && bytes.Compare(path, chosen) > 0 {
					worse = true
					break
				}
			}
			for k := 0; !worse && k < len(recursion); k++ {
				r := recursion[k]
				res, err := c.hashNDegree(r, cp)
				if err != nil {
					return ndegreeResult{}, err
				}
				path = append(path, "_:b"...)
				path = strconv.AppendInt(path, int64(cp.issue(r)), 10)
				path = append(path, '<')
				path = append(path, res.hash...)
				path = append(path, '>')
				cp = res.issuer
				worse = chosenIssuer != nil && bytes.Compare(path, chosen) > 0
			}
			if !worse && (chosenIssuer == nil || bytes.Compare(path, chosen) < 0) {
				chosen, path = path, chosen
				chosenIssuer = cp
			}
			if !perm.next() {
				break
			}
		}
		data = append(data, chosen...)
		is = chosenIssuer
	}

	// Step 6.
	c.h.Reset()
	c.h.Write(data)
	return ndegreeResult{hash: c.hexSum(), issuer: is}, nil
}

// hashRelated is Hash Related Blank Node (section 4.7): the hash of the
// position ('s', 'o' or 'g'), the predicate unless the position is 'g',
// and the best identifier known for related — canonical, then temporary,
// then its first degree hash.
func (c *canonicalizer) hashRelated(related int32, q *Quad, is *issuer, position byte) string {
	in := append(c.buf[:0], position)
	if position != 'g' {
		in = append(in, '<')
		in = append(in, q.Predicate.Value...)
		in = append(in, '>')
	}
	if n := c.canon[related]; n != noBlank {
		in = append(in, "_:c14n"...)
		in = strconv.AppendInt(in, int64(n), 10)
	} else if n := is.id(related); n >= 0 {
		in = append(in, "_:b"...)
		in = strconv.AppendInt(in, int64(n), 10)
	} else {
		in = append(in, c.first[related]...)
	}
	c.buf = in
	c.h.Reset()
	c.h.Write(in)
	return c.hexSum()
}
