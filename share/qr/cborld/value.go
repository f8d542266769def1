package cborld

// decodeProperty decodes the value of a term other than @id and @type:
// with the term's scoped context, if any, put into use for it; each value
// through the codec of the term's type, else as it is, or as objects.
func (s *state) decodeProperty(it item, active *layer, cs, child *stack, depth int) (any, error) {
	if it.def == nil {
		// A keyword other than @context, @id and @type (@value, @graph,
		// ...): cborld fails on it as well, in both directions.
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
		a, ok := it.value.([]any)
		if !ok {
			return nil, s.fail("an array term id with a %T value", it.value)
		}
		values = a
	}
	out := make([]any, len(values))
	for i, v := range values {
		if out[i], err = s.decodeValue(v, tt, propStack, depth); err != nil {
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

// decodeValue decodes one value of a property whose type is tt.
func (s *state) decodeValue(v any, tt string, st *stack, depth int) (any, error) {
	if v == nil {
		return nil, s.emit(4)
	}
	if d, ok, err := s.decodeTyped(v, tt); err != nil || ok {
		return d, s.emitString(d, err)
	}
	switch x := v.(type) {
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			m, ok := e.(map[any]any)
			if !ok {
				return nil, s.fail("an array inside an array holds a %T", e)
			}
			var err error
			if out[i], err = s.decodeObject(m, st, depth+1); err != nil {
				return nil, err
			}
		}
		return out, nil
	case map[any]any:
		return s.decodeObject(x, st, depth+1)
	}
	return s.plain(v, false)
}

// decodeTyped applies the codec of type tt to v, if it has one and it
// applies to a value of v's kind.
func (s *state) decodeTyped(v any, tt string) (string, bool, error) {
	switch tt {
	case typeID:
		if a, ok := v.([]any); ok {
			return s.decodeURI(a)
		}
	case typeVocab:
		switch x := v.(type) {
		case []any:
			return s.decodeURI(x)
		case uint64:
			t, ok := s.idTerm[x]
			return t, ok, nil
		}
	case typeMultibase:
		if b, ok := v.([]byte); ok {
			return decodeMultibase(b)
		}
	case typeDate:
		if _, ok := jsNumber(v); ok {
			d, err := decodeDate(v)
			return d, err == nil, err
		}
	case typeDateTime:
		if _, ok := jsNumber(v); ok {
			d, err := decodeDateTime(v)
			return d, err == nil, err
		}
		if a, ok := v.([]any); ok && len(a) == 2 {
			_, n0 := jsNumber(a[0])
			_, n1 := jsNumber(a[1])
			if n0 || n1 {
				d, err := decodeDateTime(a)
				return d, err == nil, err
			}
		}
	}
	return "", false, nil
}
