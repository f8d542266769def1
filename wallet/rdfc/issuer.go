package rdfc

// linearMax is the size up to which an issuer is searched linearly. The
// issuers of real datasets hold a handful of blank nodes, where a scan beats
// a map; past this size a map keeps hostile inputs from turning every
// lookup into a long scan.
const linearMax = 32

// issuer is a temporary identifier issuer of Hash N-Degree Quads (section
// 4.5): it hands out _:b0, _:b1, ... to blank nodes in the order it meets
// them. The canonical issuer, which only ever grows, lives in
// canonicalizer.canon instead.
type issuer struct {
	order []int32         // blank node numbers; the identifier is the position
	index map[int32]int32 // blank node number -> position, once order is long
}

// id returns the identifier number issued to blank node b, or -1.
func (is *issuer) id(b int32) int {
	if len(is.order) <= linearMax {
		for i, x := range is.order {
			if x == b {
				return i
			}
		}
		return -1
	}
	if is.index == nil {
		is.index = make(map[int32]int32, len(is.order))
		for i, x := range is.order {
			is.index[x] = int32(i)
		}
	}
	if i, ok := is.index[b]; ok {
		return int(i)
	}
	return -1
}

// issue returns the identifier number of blank node b, issuing the next one
// if b has none.
func (is *issuer) issue(b int32) int {
	if i := is.id(b); i >= 0 {
		return i
	}
	is.order = append(is.order, b)
	if is.index != nil {
		is.index[b] = int32(len(is.order) - 1)
	}
	return len(is.order) - 1
}

// clone returns an independent copy of is. Issuers are copied for every
// permutation tried; the copy builds its own index only if it needs one.
func (is *issuer) clone() *issuer {
	order := make([]int32, len(is.order), len(is.order)+4)
	copy(order, is.order)
	return &issuer{order: order}
}
