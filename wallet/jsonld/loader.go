package jsonld

import (
	"fmt"
	"io/fs"
	"sync"

	"github.com/piprate/json-gold/ld"

	"github.com/satchel-wallet/satchel/assets"
)

// maxContextFileBytes bounds a bundled context file. The largest bundled
// context (the EDC application profile) is about 23 KB; the limit only
// guards against a broken build embedding something that is not a context.
const maxContextFileBytes = 1 << 20

// Loader is an offline JSON-LD document loader: it serves the contexts in a
// file system by URL, each parsed once, and fails for any other URL with a
// [*ContextError]. It has no network code; nothing is ever fetched.
//
// A Loader is safe for concurrent use. The documents it returns are shared
// between calls and must not be modified; [Processor] guarantees that the
// JSON-LD processor never does (see [Processor.Expand]).
type Loader struct {
	fsys  fs.FS
	index map[string]string // context URL -> file name

	mu     sync.Mutex
	docs   map[string]*ld.RemoteDocument // by URL, as parsed so far
	parsed map[string]any                // by file name
}

func newLoader(fsys fs.FS, index map[string]string) *Loader {
	return &Loader{fsys: fsys, index: index, docs: map[string]*ld.RemoteDocument{}, parsed: map[string]any{}}
}

// NewLoader returns a loader for the files of fsys, with index mapping each
// context URL to a file name in fsys. Every file is read and parsed now, so
// a broken bundle fails here rather than while processing a credential.
func NewLoader(fsys fs.FS, index map[string]string) (*Loader, error) {
	l := newLoader(fsys, index)
	if err := l.LoadAll(); err != nil {
		return nil, err
	}
	return l, nil
}

// LoadAll parses every context the loader serves, and returns the first
// that fails.
func (l *Loader) LoadAll() error {
	for url := range l.index {
		if _, err := l.LoadDocument(url); err != nil {
			return err
		}
	}
	return nil
}

var defaultLoader = sync.OnceValues(func() (*Loader, error) {
	idx, err := assets.ContextIndex()
	if err != nil {
		return nil, err
	}
	return newLoader(assets.Contexts(), idx), nil
})

// DefaultLoader returns the loader over the contexts bundled in package
// assets. It parses each context when first asked for it: a verification
// that needs none (a JWT, an XML credential) pays for none, which matters
// most in the browser's verifier page. The bundle is checked whole by the
// tests (LoadAll).
func DefaultLoader() (*Loader, error) { return defaultLoader() }

// LoadDocument returns the bundled context for url, or a [*ContextError]
// wrapping [ErrUnknownContext]. It implements ld.DocumentLoader.
func (l *Loader) LoadDocument(url string) (*ld.RemoteDocument, error) {
	name, ok := l.index[url]
	if !ok {
		return nil, &ContextError{URL: url, Err: ErrUnknownContext}
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if rd, ok := l.docs[url]; ok {
		return rd, nil
	}
	doc, ok := l.parsed[name]
	if !ok {
		b, err := fs.ReadFile(l.fsys, name)
		if err != nil {
			return nil, fmt.Errorf("jsonld: context %s: %w", url, err)
		}
		if doc, err = Parse(b, maxContextFileBytes); err != nil {
			return nil, fmt.Errorf("jsonld: context %s (%s): %w", url, name, err)
		}
		m, isMap := doc.(map[string]any)
		if _, hasCtx := m["@context"]; !isMap || !hasCtx {
			return nil, fmt.Errorf("jsonld: context %s (%s) has no @context: %w", url, name, ErrInvalid)
		}
		l.parsed[name] = doc
	}
	rd := &ld.RemoteDocument{DocumentURL: url, Document: doc}
	l.docs[url] = rd
	return rd, nil
}

// Has reports whether url is a bundled context.
func (l *Loader) Has(url string) bool {
	_, ok := l.index[url]
	return ok
}
