package cborld

import "math"

// encodeProperty is decodeProperty's mirror.
func (s *state) encodeProperty(it item, active *layer, cs, child *stack, depth int) (any, error) {
	if it.def == nil {
		return nil, s.fail("the keyword %s, which CBOR-LD cannot carry", it.term)
	}
	propStack, scopeActive := child, active
	top := len(cs.layers)
	sc, scoped := active.lookup(it.term, true)
	if scoped {
		if err := s.push(cs, sc); err != nil {
			return nil, err
		}
		scopeActive, propStack = cs.top(), cs.clone()
	}
	tt, err := s.termType(scopeActive, it.def)
	if err != nil {
		return nil, err
	}
	values := []any{it.value}
	if it.plural {
		values = it.value.([]any)
	}
	out := make([]any, len(values))
	for i, v := range values {
		if out[i], err = s.encodeValue(it.term, v, tt, propStack, depth); err != nil {
			return nil, err
		}
	}
	if scoped {
		cs.truncate(top)
	}
	if it.plural {
		return out, nil
	}
	return out[0], nil
}

// encodeValue writes one value of a property whose type is tt: through the
// type's codec when it gives the text back, else as it is, refusing what
// the decoder would read differently.
func (s *state) encodeValue(term string, v any, tt string, st *stack, depth int) (any, error) {
	switch x := v.(type) {
	case nil:
		return nil, nil
	case string:
		return s.encodeTypedString(x, tt), nil
	case float64:
		switch tt {
		case typeDate, typeDateTime:
			// The decoder reads a number here as a date; cborld's encoder
			// fails on it.
			return nil, s.fail("%s, of type %s, holds a number", term, tt)
		case typeVocab:
			if x >= 0 && x <= maxSafeInteger && x == math.Trunc(x) {
				if _, ok := s.idTerm[uint64(x)]; ok {
					return nil, s.fail("%s holds the number %v, which the decoder would read as a term", term, x)
				}
			}
		}
		return cborNumber(x), nil
	case bool:
		return x, nil
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			m, ok := e.(map[string]any)
			if !ok {
				return nil, s.fail("%s holds an array inside an array", term)
			}
			var err error
			if out[i], err = s.encodeObject(m, st, depth+1); err != nil {
				return nil, err
			}
		}
		return out, nil
	case map[string]any:
		return s.encodeObject(x, st, depth+1)
	}
	return nil, s.fail("%s holds a %T, which is not JSON", term, v)
}

// encodeTypedString applies the codec of type tt to a text value, when it
// has one that gives the same text back.
func (s *state) encodeTypedString(v, tt string) any {
	switch tt {
	case typeID:
		if u, ok := encodeURI(v); ok {
			return u
		}
	case typeVocab:
		return s.encodeVocab(v)
	case typeMultibase:
		if b, ok := encodeMultibase(v); ok {
			return b
		}
	case typeDate:
		if d, ok := encodeDate(v); ok {
			return d
		}
	case typeDateTime:
		if !containsByte(v, 'T') {
			break
		}
		if d, ok := encodeDateTime(v); ok {
			return d
		}
	}
	return v
}
