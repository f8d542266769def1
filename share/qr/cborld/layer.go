package cborld

// A layer is one context in use, on top of those before it: cborld's
// "active context" after that context. Its terms are the context's own,
// then those of the layers below that it neither redefines nor sets to
// null; likewise its scoped contexts (a term redefined without a scoped
// context keeps the older one: cborld does it so, and so must we). Aliases
// of @id and @type are kept per layer; they are few.
type layer struct {
	parent *layer
	e      *entry
	inline map[string]any // the context, when given as an object: its null terms hide older ones
	ids    []string
	types  []string

	// flat layers hold their complete term and scoped maps, so that a
	// lookup stops at the first flat layer it meets; hops counts the
	// layers down to it.
	flat          bool
	terms, scoped map[string]any
	hops          int
}

// flattenEvery bounds the layers a lookup walks. cborld never takes an
// embedded context out of use for the objects that follow it (see
// object.go), so a hostile document can stack thousands; walking them all
// on every lookup would cost their number times the document's keys, and
// copying all terms into every layer would cost the number of terms per
// layer. A flat layer every 8 keeps both small.
const flattenEvery = 8

func newLayer(parent *layer, e *entry, inline map[string]any) *layer {
	l := &layer{parent: parent, e: e, inline: inline}
	l.ids = mergeAliases(e.ids, parent.idAliases(), l)
	l.types = mergeAliases(e.types, parent.typeAliases(), l)
	if parent != nil {
		l.hops = parent.hops + 1
	}
	if l.hops >= flattenEvery {
		l.flatten()
	}
	return l
}

// mergeAliases returns the context's own aliases, then the older ones that
// the context neither redefines nor sets to null.
func mergeAliases(own, older []string, l *layer) []string {
	out := append([]string(nil), own...)
	for _, a := range older {
		if _, redefined := l.e.terms[a]; redefined || l.hides(a) {
			continue
		}
		if !contains(out, a) {
			out = append(out, a)
		}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// hides reports whether the layer's context sets term t to null.
func (l *layer) hides(t string) bool {
	v, ok := l.inline[t]
	return ok && v == nil
}

// lookup returns the definition of term t, or with scoped its scoped
// context, in the active context this layer makes. A nil layer is the
// empty context.
func (l *layer) lookup(t string, scoped bool) (any, bool) {
	for ; l != nil; l = l.parent {
		if l.flat {
			m := l.terms
			if scoped {
				m = l.scoped
			}
			v, ok := m[t]
			return v, ok
		}
		m := l.e.terms
		if scoped {
			m = l.e.scoped
		}
		if v, ok := m[t]; ok {
			return v, true
		}
		if l.hides(t) {
			return nil, false
		}
	}
	return nil, false
}

// flatten computes the complete maps of l from the nearest flat layer
// below it.
func (l *layer) flatten() {
	var chain []*layer
	base := l
	for ; base != nil && !base.flat; base = base.parent {
		chain = append(chain, base)
	}
	terms, scoped := map[string]any{}, map[string]any{}
	if base != nil {
		terms = make(map[string]any, len(base.terms))
		for k, v := range base.terms {
			terms[k] = v
		}
		for k, v := range base.scoped {
			scoped[k] = v
		}
	}
	for i := len(chain) - 1; i >= 0; i-- {
		c := chain[i]
		for k, v := range c.inline {
			if v == nil {
				delete(terms, k)
				delete(scoped, k)
			}
		}
		for k, v := range c.e.terms {
			terms[k] = v
		}
		for k, v := range c.e.scoped {
			scoped[k] = v
		}
	}
	l.flat, l.terms, l.scoped, l.hops = true, terms, scoped, 0
}

func (l *layer) idAliases() []string {
	if l == nil {
		return nil
	}
	return l.ids
}

func (l *layer) typeAliases() []string {
	if l == nil {
		return nil
	}
	return l.types
}

// isID reports whether term t is "@id" or an alias of it.
func (l *layer) isID(t string) bool { return t == idKeyword || contains(l.idAliases(), t) }

// isType reports whether term t is "@type" or an alias of it.
func (l *layer) isType(t string) bool { return t == typeKeyword || contains(l.typeAliases(), t) }

// stack is cborld's context stack: shared, not copied, between the
// properties of an object and the elements of an array, which is why
// contexts leak from one to the next (see object.go).
type stack struct{ layers []*layer }

func (st *stack) top() *layer {
	if len(st.layers) == 0 {
		return nil
	}
	return st.layers[len(st.layers)-1]
}

func (st *stack) clone() *stack { return &stack{layers: append([]*layer(nil), st.layers...)} }

func (st *stack) truncate(n int) { st.layers = st.layers[:n] }
