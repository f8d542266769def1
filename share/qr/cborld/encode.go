package cborld

import (
	"fmt"
	"math"
	"slices"
	"sync"

	"github.com/fxamacker/cbor/v2"
)

// encMode writes CBOR as cborg does by default: map keys sorted length
// first (RFC 7049 canonical order, cborg's mapSorter), floats in the
// shortest form that keeps their value.
var encMode = sync.OnceValues(func() (cbor.EncMode, error) {
	return cbor.EncOptions{
		Sort:          cbor.SortLengthFirst,
		ShortestFloat: cbor.ShortestFloat16,
		IndefLength:   cbor.IndefLengthForbidden,
		TagsMd:        cbor.TagsForbidden,
	}.EncMode()
})

// Encode returns the compressed CBOR-LD (mode 1, tag included) of a
// JSON-LD document in the generic form of package wallet/jsonld, with the
// bundled contexts. cborld's decoder (vpqr's fromQrCode) reads it back to
// the same JSON. It fails with ErrUnsupported for a document that cannot
// make that trip, and ErrUnknownContext for one whose contexts are not
// bundled.
func Encode(doc any) ([]byte, error) { return Options{}.Encode(doc) }

// Encode is the package's Encode with these options. Only Loader and
// Limits.MaxDepth and MaxContexts apply.
func (o Options) Encode(doc any) ([]byte, error) {
	l, shared, err := o.loaderFor()
	if err != nil {
		return nil, err
	}
	s := newState(l, shared, o.Limits.withDefaults(), ErrUnsupported)
	var body any
	switch d := doc.(type) {
	case map[string]any:
		body, err = s.encodeObject(d, &stack{}, 0)
	case []any:
		maps := make([]any, len(d))
		for i, e := range d {
			m, ok := e.(map[string]any)
			if !ok {
				return nil, s.fail("document %d is a %T, not an object", i, e)
			}
			if maps[i], err = s.encodeObject(m, &stack{}, 0); err != nil {
				return nil, err
			}
		}
		body = maps
	default:
		return nil, s.fail("a document of type %T, not an object", doc)
	}
	if err != nil {
		return nil, err
	}
	em, err := encMode()
	if err != nil {
		return nil, fmt.Errorf("cborld: encoder: %w", err)
	}
	b, err := em.Marshal(body)
	if err != nil {
		return nil, fmt.Errorf("%w: CBOR: %w", ErrUnsupported, err)
	}
	return append([]byte{tagByte0, tagByte1, ModeCompressed}, b...), nil
}

// encodeObject is decodeObject's mirror: the same contexts come into use
// in the same order, so that term ids match.
func (s *state) encodeObject(obj map[string]any, cs *stack, depth int) (map[uint64]any, error) {
	if depth > s.lim.MaxDepth {
		return nil, s.fail("nesting deeper than %d", s.lim.MaxDepth)
	}
	tm := make(map[uint64]any, len(obj))
	if ctx, ok := obj[contextKeyword]; ok {
		if err := s.encodeContexts(ctx, tm); err != nil {
			return nil, err
		}
		if err := s.push(cs, ctx); err != nil {
			return nil, err
		}
	}
	child := cs.clone()
	scopeTop := len(cs.layers)
	for _, t := range objectTypes(obj, cs.top()) {
		if sc, ok := cs.top().lookup(t, true); ok {
			if err := s.push(cs, sc); err != nil {
				return nil, err
			}
		}
	}
	active := cs.top()
	keys := make([]string, 0, len(obj))
	for k := range obj {
		if k == contextKeyword {
			continue
		}
		if _, ok := active.lookup(k, false); !ok && !isKeyword(k) {
			return nil, s.fail("the key %q is not a term of the active context", k)
		}
		keys = append(keys, k)
	}
	slices.SortFunc(keys, compareUTF16)
	for _, k := range keys {
		v := obj[k]
		def, _ := active.lookup(k, false)
		_, plural := v.([]any)
		id := s.termID[k]
		if plural {
			id++
		}
		var enc any
		var err error
		switch {
		case active.isID(k):
			enc, err = s.encodeID(k, v)
		case active.isType(k):
			enc, err = s.encodeTypes(k, v)
		default:
			enc, err = s.encodeProperty(item{term: k, plural: plural, def: def, value: v}, active, cs, child, depth)
		}
		if err != nil {
			return nil, err
		}
		tm[id] = enc
	}
	cs.truncate(scopeTop)
	return tm, nil
}

// encodeContexts writes an object's @context: registry numbers for the
// registered URLs, other URLs as text, inline contexts as maps.
func (s *state) encodeContexts(ctx any, tm map[uint64]any) error {
	one := func(c any) (any, error) {
		switch x := c.(type) {
		case string:
			if x == "" {
				return nil, s.fail("an empty context URL")
			}
			if id, ok := registryIDs[x]; ok {
				return id, nil
			}
			return x, nil
		case map[string]any:
			return s.plainCBOR(x, 0)
		}
		// null resets the context in JSON-LD; cborld drops or chokes on it.
		return nil, s.fail("a @context entry of type %T", c)
	}
	if list, ok := ctx.([]any); ok {
		out := make([]any, len(list))
		for i, c := range list {
			var err error
			if out[i], err = one(c); err != nil {
				return err
			}
		}
		tm[contextListID] = out
		return nil
	}
	c, err := one(ctx)
	if err != nil {
		return err
	}
	tm[contextID] = c
	return nil
}

// objectTypes returns the text values of @type and its aliases, sorted,
// without repeats: the types whose scoped contexts apply.
func objectTypes(obj map[string]any, active *layer) []string {
	var out []string
	for _, term := range append([]string{typeKeyword}, active.typeAliases()...) {
		vals := []any{obj[term]}
		if a, ok := obj[term].([]any); ok {
			vals = a
		}
		for _, v := range vals {
			if str, ok := v.(string); ok && !slices.Contains(out, str) {
				out = append(out, str)
			}
		}
	}
	slices.SortFunc(out, compareUTF16)
	return out
}

// encodeID writes the value of @id or an alias: a URL codec, else text.
func (s *state) encodeID(term string, v any) (any, error) {
	str, ok := v.(string)
	if !ok {
		return nil, s.fail("%s holds a %T, not a URL", term, v)
	}
	if u, ok := encodeURI(str); ok {
		return u, nil
	}
	return str, nil
}

// encodeTypes writes the value of @type or an alias: term ids, URL codecs,
// else text.
func (s *state) encodeTypes(term string, v any) (any, error) {
	one := func(v any) (any, error) {
		str, ok := v.(string)
		if !ok {
			return nil, s.fail("%s holds a %T, not a type name", term, v)
		}
		return s.encodeVocab(str), nil
	}
	a, plural := v.([]any)
	if !plural {
		return one(v)
	}
	out := make([]any, len(a))
	for i, e := range a {
		var err error
		if out[i], err = one(e); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func (s *state) encodeVocab(str string) any {
	if id, ok := s.termID[str]; ok {
		return id
	}
	if u, ok := encodeURI(str); ok {
		return u
	}
	return str
}

// plainCBOR converts JSON to the CBOR cborg writes for it: integers that
// JavaScript holds exactly as integers, other numbers as floats.
func (s *state) plainCBOR(v any, depth int) (any, error) {
	if depth > s.lim.MaxDepth {
		return nil, s.fail("nesting deeper than %d", s.lim.MaxDepth)
	}
	switch x := v.(type) {
	case nil, bool, string:
		return x, nil
	case float64:
		return cborNumber(x), nil
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			var err error
			if out[i], err = s.plainCBOR(e, depth+1); err != nil {
				return nil, err
			}
		}
		return out, nil
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			var err error
			if out[k], err = s.plainCBOR(e, depth+1); err != nil {
				return nil, err
			}
		}
		return out, nil
	}
	return nil, s.fail("a value of type %T, which is not JSON", v)
}

// cborNumber returns the CBOR form of a JSON number: a safe integer as an
// integer, anything else as a float.
func cborNumber(f float64) any {
	if f == math.Trunc(f) && math.Abs(f) <= maxSafeInteger {
		return int64(f)
	}
	return f
}
