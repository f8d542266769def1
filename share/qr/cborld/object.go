package cborld

import (
	"fmt"
	"slices"
)

// This file is the decoder's walk, cborld's Transformer and Decompressor
// in Go. Two of its details look like mistakes and are kept because term
// ids and codecs depend on them:
//   - an object's embedded @context stays in use for the properties and
//     array elements processed after it (cborld truncates its context
//     stack to the length it had after, not before, the embedded contexts),
//     and a property with a scoped context sees the parent's type-scoped
//     contexts, while one without does not;
//   - types are read ahead, to choose type-scoped contexts, by mapping
//     every element of an array value, even a single URL written as an
//     array; a real decoding happens later.

// item is one entry of a CBOR-LD map: a term id and its value.
type item struct {
	term   string
	plural bool // the id is odd: the value is an array of values
	def    any  // the term's definition; nil for keywords
	value  any
}

// decodeObject rebuilds one JSON-LD object from its CBOR-LD map, with the
// contexts of cs in use.
func (s *state) decodeObject(tm map[any]any, cs *stack, depth int) (map[string]any, error) {
	if depth > s.lim.MaxDepth {
		return nil, s.fail("nesting deeper than %d", s.lim.MaxDepth)
	}
	obj := make(map[string]any, len(tm))
	if err := s.decodeContexts(tm, obj); err != nil {
		return nil, err
	}
	if err := s.push(cs, obj[contextKeyword]); err != nil {
		return nil, err
	}
	child := cs.clone()
	types, err := s.peekTypes(tm, cs.top())
	if err != nil {
		return nil, err
	}
	scopeTop := len(cs.layers)
	for _, t := range types {
		if sc, ok := cs.top().lookup(t, true); ok {
			if err := s.push(cs, sc); err != nil {
				return nil, err
			}
		}
	}
	active := cs.top()
	items, err := s.items(tm, active)
	if err != nil {
		return nil, err
	}
	for _, it := range items {
		var v any
		var err error
		switch {
		case active.isID(it.term):
			v, err = s.decodeID(it.value)
		case active.isType(it.term):
			v, err = s.decodeTypes(it.value, it.plural)
		default:
			v, err = s.decodeProperty(it, active, cs, child, depth)
		}
		if err != nil {
			return nil, err
		}
		if err := s.emit(len(it.term) + 4); err != nil {
			return nil, err
		}
		obj[it.term] = v
	}
	cs.truncate(scopeTop)
	return obj, nil
}

// decodeContexts reads the @context of an object: key 0 for one context,
// key 1 for a list. A number is a context of the registry.
func (s *state) decodeContexts(tm map[any]any, obj map[string]any) error {
	one, list := tm[uint64(contextID)], tm[uint64(contextListID)]
	if truthy(one) {
		if truthy(list) {
			return s.fail("both a @context and a @context list")
		}
		c, err := s.decodeContext(one, true)
		if err != nil {
			return err
		}
		obj[contextKeyword] = c
	}
	if truthy(list) {
		a, ok := list.([]any)
		if !ok {
			return s.fail("a @context list that is a %T", list)
		}
		out := make([]any, len(a))
		for i, c := range a {
			var err error
			if out[i], err = s.decodeContext(c, false); err != nil {
				return err
			}
		}
		obj[contextKeyword] = out
	}
	return nil
}

func (s *state) decodeContext(v any, single bool) (any, error) {
	switch c := v.(type) {
	case uint64:
		u, ok := registry[c]
		if !ok {
			return nil, fmt.Errorf("%w: compressed context %d is not in the registry", ErrUnknownContext, c)
		}
		return u, s.emit(len(u) + 3)
	case string:
		return c, s.emit(len(c) + 3)
	case map[any]any:
		return s.plain(c, true)
	case []any:
		if single { // cborld keeps an array under the singular key, without the registry
			out := make([]any, len(c))
			for i, e := range c {
				if _, isNum := e.(uint64); isNum {
					return nil, s.fail("a context number inside a single @context")
				}
				var err error
				if out[i], err = s.decodeContext(e, false); err != nil {
					return nil, err
				}
			}
			return out, nil
		}
	}
	return nil, s.fail("a context of type %T", v)
}

// peekTypes returns the types of an object as cborld reads them ahead, to
// apply their type-scoped contexts: the values of @type and its aliases,
// terms for term ids, in sorted order without repeats. Only text matters:
// type-scoped contexts are found by term.
func (s *state) peekTypes(tm map[any]any, active *layer) ([]string, error) {
	var out []string
	for _, term := range append([]string{typeKeyword}, active.typeAliases()...) {
		id, ok := s.termID[term]
		if !ok {
			continue
		}
		v, ok := tm[id]
		if !ok {
			if v, ok = tm[id+1]; !ok {
				continue
			}
		}
		vals := []any{v}
		if a, isArray := v.([]any); isArray {
			vals = a
		}
		for _, e := range vals {
			str, err := s.peekType(e)
			if err != nil {
				return nil, err
			}
			if str != "" && !slices.Contains(out, str) {
				out = append(out, str)
			}
		}
	}
	slices.SortFunc(out, compareUTF16)
	return out, nil
}

// peekType is decodeVocab for peekTypes: it returns only text, and counts
// nothing against MaxOutput.
func (s *state) peekType(v any) (string, error) {
	switch x := v.(type) {
	case []any:
		u, _, err := s.decodeURI(x)
		return u, err
	case uint64:
		return s.idTerm[x], nil
	case string:
		return x, nil
	}
	return "", nil
}

// items returns the entries of a map other than @context, sorted by term,
// as cborld processes them (term ids are assigned in this order).
func (s *state) items(tm map[any]any, active *layer) ([]item, error) {
	items := make([]item, 0, len(tm))
	for k, v := range tm {
		id, ok := k.(uint64)
		if !ok {
			return nil, s.fail("a map key %v that is not a term id", k)
		}
		if id == contextID || id == contextListID {
			continue
		}
		term, ok := s.idTerm[id&^1]
		if !ok {
			return nil, s.fail("unknown term id %d", id)
		}
		def, ok := active.lookup(term, false)
		if !ok && !isKeyword(term) {
			return nil, s.fail("term %q (id %d) is not defined by the active context", term, id)
		}
		items = append(items, item{term: term, plural: id&1 == 1, def: def, value: v})
	}
	slices.SortFunc(items, func(a, b item) int { return compareUTF16(a.term, b.term) })
	for i := 1; i < len(items); i++ {
		if items[i].term == items[i-1].term {
			// cborld lets the later one win; an encoder never writes both.
			return nil, s.fail("term %q appears both as a value and as an array", items[i].term)
		}
	}
	return items, nil
}

// decodeID decodes the value of @id or an alias: a URL codec, else the
// value as it is.
func (s *state) decodeID(v any) (any, error) {
	if v == nil {
		return nil, s.fail("a null @id") // cborld fails on it too
	}
	if a, ok := v.([]any); ok {
		u, ok, err := s.decodeURI(a)
		if err != nil || ok {
			return u, s.emitString(u, err)
		}
	}
	return s.plain(v, false)
}

// decodeTypes decodes the value of @type or an alias.
func (s *state) decodeTypes(v any, plural bool) (any, error) {
	if !plural {
		return s.decodeVocab(v)
	}
	a, ok := v.([]any)
	if !ok {
		return nil, s.fail("an array term id with a %T value", v)
	}
	out := make([]any, len(a))
	for i, e := range a {
		var err error
		if out[i], err = s.decodeVocab(e); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// decodeVocab decodes a value of @vocab type: a term id, a URL codec, else
// the value as it is.
func (s *state) decodeVocab(v any) (any, error) {
	switch x := v.(type) {
	case []any:
		u, ok, err := s.decodeURI(x)
		if err != nil || ok {
			return u, s.emitString(u, err)
		}
	case uint64:
		if t, ok := s.idTerm[x]; ok {
			return t, s.emit(len(t) + 2)
		}
	}
	return s.plain(v, false)
}

func (s *state) emitString(str string, err error) error {
	if err != nil {
		return err
	}
	return s.emit(len(str) + 2)
}
