package jsonld

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"strings"
	"sync"

	"github.com/piprate/json-gold/ld"

	"github.com/satchel-wallet/satchel/wallet/rdfc"
)

// DefaultMaxContexts bounds the contexts one document may reference: every
// entry of every @context in it, embedded credentials' included. The
// largest credential in the fixtures, a CLR 2.0 transcript embedding a
// dozen badges, references 27. Each embedded context costs the processor
// up to a millisecond, so a hundred keeps a hostile document to a tenth of
// a second while leaving room for larger transcripts.
const DefaultMaxContexts = 100

// maxCachedContexts bounds the processed top-level contexts kept in memory.
// Real credentials use a handful of @context lists; the bound only stops a
// stream of documents with ever new combinations of bundled URLs from
// growing the cache without end. Past it, contexts are processed afresh.
const maxCachedContexts = 256

// Options configures a [Processor].
type Options struct {
	// Loader serves the contexts; nil means [DefaultLoader].
	Loader *Loader
	// MaxContexts bounds the context references in a document; zero means
	// [DefaultMaxContexts].
	MaxContexts int
}

// Processor expands JSON-LD and turns it into RDF, offline and in safe
// mode. It is safe for concurrent use, and meant to be shared: it keeps the
// contexts it has processed.
type Processor struct {
	loader      *Loader
	maxContexts int
	opts        *ld.JsonLdOptions // read-only after construction

	mu    sync.RWMutex
	cache map[string]*ld.Context // top-level @context URL list -> processed
}

// NewProcessor returns a processor with the given options.
func NewProcessor(o Options) (*Processor, error) {
	l := o.Loader
	if l == nil {
		var err error
		if l, err = DefaultLoader(); err != nil {
			return nil, err
		}
	}
	maxContexts := o.MaxContexts
	if maxContexts <= 0 {
		maxContexts = DefaultMaxContexts
	}
	opts := ld.NewJsonLdOptions("")
	opts.DocumentLoader = l
	opts.ProcessingMode = ld.JsonLd_1_1
	opts.SafeMode = true
	return &Processor{loader: l, maxContexts: maxContexts, opts: opts, cache: make(map[string]*ld.Context)}, nil
}

var defaultProcessor = sync.OnceValues(func() (*Processor, error) { return NewProcessor(Options{}) })

// Default returns a shared processor over the bundled contexts.
func Default() (*Processor, error) { return defaultProcessor() }

// Expand runs JSON-LD 1.1 expansion over doc in safe mode and returns the
// expanded form. doc is not modified.
//
// Before expansion the document is checked: its context references are
// counted against the limit ([ErrTooManyContexts]), and "@import" is
// refused ([ErrInvalid]) because json-gold merges an imported context into
// the loaded document, which would corrupt the contexts shared between
// calls. A context URL that is not bundled fails with a [*ContextError].
//
// The top-level @context, when it is a list of URLs, is processed once and
// kept: processing the W3C and Open Badges contexts takes longer than
// expanding a credential. A panic inside json-gold, which untrusted input
// can provoke, is returned as [ErrInvalid].
func (p *Processor) Expand(ctx context.Context, doc map[string]any) (expanded []any, err error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := p.check(doc); err != nil {
		return nil, err
	}
	defer func() {
		if r := recover(); r != nil {
			expanded, err = nil, fmt.Errorf("jsonld: expansion failed: %v: %w", r, ErrInvalid)
		}
	}()
	opts := p.opts
	input := doc
	if top, ok := doc["@context"]; ok {
		if key, ok := urlList(top); ok {
			active, err := p.topContext(key, top)
			if err != nil {
				return nil, err
			}
			input = maps.Clone(doc)
			delete(input, "@context")
			o := *p.opts
			o.ExpandContext = active // shared: json-gold copies before writing (third_party/json-gold/PATCHES.md)
			opts = &o
		}
	}
	out, err := ld.NewJsonLdProcessor().Expand(input, opts)
	if err != nil {
		return nil, goldError(err)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("jsonld: the document expands to nothing (no term it uses is defined): %w", ErrUnsafe)
	}
	return out, nil
}

// ToRDF expands doc and returns its RDF dataset (see [Processor.Expand]).
// In safe mode, any statement JSON-LD would drop (a relative IRI, a blank
// node predicate) fails with [ErrUnsafe].
func (p *Processor) ToRDF(ctx context.Context, doc map[string]any) (ds rdfc.Dataset, err error) {
	expanded, err := p.Expand(ctx, doc)
	if err != nil {
		return nil, err
	}
	defer func() {
		if r := recover(); r != nil {
			ds, err = nil, fmt.Errorf("jsonld: rdf conversion failed: %v: %w", r, ErrInvalid)
		}
	}()
	return toRDF(expanded)
}

// Canonicalize returns the canonical N-Quads of doc: [Processor.ToRDF]
// followed by RDFC-1.0 with the given options.
func (p *Processor) Canonicalize(ctx context.Context, doc map[string]any, opts rdfc.Options) (*rdfc.Result, error) {
	ds, err := p.ToRDF(ctx, doc)
	if err != nil {
		return nil, err
	}
	return rdfc.Canonicalize(ctx, ds, opts)
}

// topContext returns the processed form of a top-level @context made of
// URLs, from the cache or processed now.
func (p *Processor) topContext(key string, value any) (*ld.Context, error) {
	p.mu.RLock()
	c, ok := p.cache[key]
	p.mu.RUnlock()
	if ok {
		return c, nil
	}
	c, err := ld.NewContext(nil, p.opts).Parse(value)
	if err != nil {
		return nil, goldError(err)
	}
	p.mu.Lock()
	if len(p.cache) < maxCachedContexts {
		p.cache[key] = c
	}
	p.mu.Unlock()
	return c, nil
}

// urlList returns a cache key for a @context that is a URL or a list of
// URLs, the form nearly every credential uses.
func urlList(v any) (string, bool) {
	switch c := v.(type) {
	case string:
		return c, true
	case []any:
		parts := make([]string, len(c))
		for i, e := range c {
			s, ok := e.(string)
			if !ok {
				return "", false
			}
			parts[i] = s
		}
		// A URL cannot hold a space, so a space separates them unambiguously.
		return strings.Join(parts, " "), true
	}
	return "", false
}

// goldError maps an error from json-gold to this package's sentinels,
// keeping its message.
func goldError(err error) error {
	var ce *ContextError
	if errors.As(err, &ce) {
		return ce
	}
	var je *ld.JsonLdError
	if errors.As(err, &je) && je.Code == ld.InvalidProperty {
		return fmt.Errorf("jsonld: %v: %w", err, ErrUnsafe)
	}
	return fmt.Errorf("jsonld: %v: %w", err, ErrInvalid)
}
