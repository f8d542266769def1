package cborld

import (
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/satchel-wallet/satchel/wallet/jsonld"
)

// state is what CBOR-LD builds while walking one document. Term ids are
// not fixed: each term of a context gets the next id (from 100, in steps
// of 2) the first time the context comes into use, so encoder and decoder
// must load contexts in the same order, and a state serves one document.
type state struct {
	loader *jsonld.Loader
	lim    Limits
	// bad is the sentinel for a document that breaks the format:
	// ErrMalformed when decoding, ErrUnsupported when encoding.
	bad error

	termID map[string]uint64
	idTerm map[uint64]string
	next   uint64

	byURL  map[string]*entry
	byMap  map[uintptr]*entry // contexts given as objects, by identity
	shared *processedContexts // the bundled contexts, processed once

	activations int // contexts put into use so far
	out         int // bytes of decoded output so far
}

func newState(l *jsonld.Loader, shared *processedContexts, lim Limits, bad error) *state {
	s := &state{
		loader: l, lim: lim, bad: bad, shared: shared,
		termID: make(map[string]uint64, 256),
		idTerm: make(map[uint64]string, 256),
		next:   firstTermID,
		byURL:  make(map[string]*entry),
		byMap:  make(map[uintptr]*entry),
	}
	for k, id := range keywords {
		s.termID[k] = id
		s.idTerm[id] = k
	}
	return s
}

// fail returns an error wrapping the state's sentinel.
func (s *state) fail(format string, args ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{s.bad}, args...)...)
}

// entry is one processed context: its terms and what cborld derives from
// them.
type entry struct {
	ctx    map[string]any // the context object, an @import merged in
	order  []string       // the terms in sorted order, as ids are given
	terms  map[string]any // term -> definition (string or object)
	scoped map[string]any // term -> the @context of its definition
	ids    []string       // aliases of @id
	types  []string       // aliases of @type
}

// contextByURL returns the entry of the context at url, loading and
// processing it the first time.
func (s *state) contextByURL(url string, imported bool) (*entry, error) {
	if e, ok := s.byURL[url]; ok {
		return e, nil
	}
	if e, ok := s.shared.byURL[url]; ok {
		s.assign(e)
		s.byURL[url] = e
		return e, nil
	}
	ctx, err := s.loadContext(url)
	if err != nil {
		return nil, err
	}
	e, err := s.addContext(ctx, imported)
	if err != nil {
		return nil, fmt.Errorf("context %s: %w", url, err)
	}
	s.byURL[url] = e
	return e, nil
}

// addContext puts a context value into the state: processed (see process)
// and its terms given ids in order. An array is read the way JavaScript's
// Object.keys reads it, by index; a number or boolean has no keys.
func (s *state) addContext(ctx any, imported bool) (*entry, error) {
	var m map[string]any
	switch c := ctx.(type) {
	case map[string]any:
		key := reflect.ValueOf(c).Pointer()
		e, ok := s.byMap[key]
		if !ok {
			e, ok = s.shared.byMap[key]
		}
		if ok {
			s.assign(e)
			s.byMap[key] = e
			return e, nil
		}
		m = c
	case []any:
		m = make(map[string]any, len(c))
		for i, v := range c {
			m[fmt.Sprint(i)] = v
		}
	case nil:
		return nil, s.fail("a null context")
	case string:
		// A context document whose @context is a URL: cborld would number
		// the characters of the URL. No real context does this.
		return nil, s.fail("a context that is a string, %q", c)
	}
	if imp := m[importKeyword]; truthy(imp) {
		u, ok := imp.(string)
		if !ok || imported {
			return nil, s.fail("an @import that is not a URL, or nested")
		}
		ie, err := s.contextByURL(u, true)
		if err != nil {
			return nil, err
		}
		merged := make(map[string]any, len(ie.ctx)+len(m))
		for k, v := range ie.ctx {
			merged[k] = v
		}
		for k, v := range m {
			merged[k] = v
		}
		m = merged
	}
	e := process(m)
	s.assign(e)
	if c, ok := ctx.(map[string]any); ok {
		s.byMap[reflect.ValueOf(c).Pointer()] = e
	}
	return e, nil
}

// process derives from a context object what cborld does: its keys in
// sorted order, every truthy definition that is not a keyword becoming a
// term ("@import" included), the scoped contexts of the definitions, and
// the aliases of @id and @type. It depends on the context alone; the ids
// come after (assign).
func process(m map[string]any) *entry {
	e := &entry{ctx: m, terms: make(map[string]any, len(m)), scoped: make(map[string]any)}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, compareUTF16)
	for _, k := range keys {
		def := m[k]
		if !truthy(def) {
			continue
		}
		switch {
		case aliasOf(def, idKeyword):
			e.ids = append(e.ids, k)
		case aliasOf(def, typeKeyword):
			e.types = append(e.types, k)
		}
		if isKeyword(k) {
			continue
		}
		e.order = append(e.order, k)
		e.terms[k] = def
		if dm, ok := def.(map[string]any); ok && truthy(dm[scopedKeyword]) {
			e.scoped[k] = dm[scopedKeyword]
		}
	}
	return e
}

// assign gives the terms of e that have none the next ids.
func (s *state) assign(e *entry) {
	for _, k := range e.order {
		if _, ok := s.termID[k]; !ok {
			s.termID[k] = s.next
			s.idTerm[s.next] = k
			s.next += 2
		}
	}
}

// aliasOf reports whether a term definition makes its term an alias of
// keyword kw. cborld looks at a definition object's "id" member, not
// "@id", so {"@id": "@id"} is no alias to it; that is matched here.
func aliasOf(def any, kw string) bool {
	switch d := def.(type) {
	case string:
		return d == kw
	case map[string]any:
		id, _ := d[aliasDefIDField].(string)
		return id == kw
	}
	return false
}

// push puts contexts (one, or a list) into use on top of st, as cborld's
// _updateContextStack does.
func (s *state) push(st *stack, contexts any) error {
	if !truthy(contexts) {
		return nil
	}
	list, ok := contexts.([]any)
	if !ok {
		list = []any{contexts}
	}
	for _, c := range list {
		s.activations++
		if s.activations > s.lim.MaxContexts {
			return fmt.Errorf("%w: more than %d contexts put into use", ErrTooLarge, s.lim.MaxContexts)
		}
		var e *entry
		var err error
		if u, ok := c.(string); ok {
			e, err = s.contextByURL(u, false)
		} else {
			e, err = s.addContext(c, false)
		}
		if err != nil {
			return err
		}
		inline, _ := c.(map[string]any)
		st.layers = append(st.layers, newLayer(st.top(), e, inline))
	}
	return nil
}

// termType returns the @type of a term definition, a compact IRI expanded
// by the active context as cborld does it: only the part before the first
// colon is looked up, as a term.
func (s *state) termType(active *layer, def any) (string, error) {
	m, ok := def.(map[string]any)
	if !ok || !truthy(m[typeDefKeyword]) {
		return "", nil
	}
	t, ok := m[typeDefKeyword].(string)
	if !ok {
		return "", s.fail("a term definition whose @type is not a string")
	}
	prefix, suffix, _ := strings.Cut(t, ":")
	pd, ok := active.lookup(prefix, false)
	if !ok {
		return t, nil
	}
	switch p := pd.(type) {
	case string:
		return p + suffix, nil
	case map[string]any:
		if id, ok := p["@id"].(string); ok {
			return id + suffix, nil
		}
	}
	return "", s.fail("the definition of %q is neither a string nor an object with @id", prefix)
}
