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
// file system by URL, parsed once, and fails for any other URL with a
// [*ContextError]. It has no network code; nothing is ever fetched.
//
// A Loader is safe for concurrent use. The documents it returns are shared
// between calls and must not be modified; [Processor] guarantees that the
// JSON-LD processor never does (see [Processor.Expand]).
type Loader struct {
	docs map[string]*ld.RemoteDocument
}

// NewLoader returns a loader for the files of fsys, with index mapping each
// context URL to a file name in fsys. Every file is read and parsed now, so
// a broken bundle fails here rather than while processing a credential.
func NewLoader(fsys fs.FS, index map[string]string) (*Loader, error) {
	parsed := make(map[string]any)
	l := &Loader{docs: make(map[string]*ld.RemoteDocument, len(index))}
	for url, name := range index {
		doc, ok := parsed[name]
		if !ok {
			b, err := fs.ReadFile(fsys, name)
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
			parsed[name] = doc
		}
		l.docs[url] = &ld.RemoteDocument{DocumentURL: url, Document: doc}
	}
	return l, nil
}

var defaultLoader = sync.OnceValues(func() (*Loader, error) {
	idx, err := assets.ContextIndex()
	if err != nil {
		return nil, err
	}
	return NewLoader(assets.Contexts(), idx)
})

// DefaultLoader returns the loader over the contexts bundled in package
// assets, built once.
func DefaultLoader() (*Loader, error) { return defaultLoader() }

// LoadDocument returns the bundled context for url, or a [*ContextError]
// wrapping [ErrUnknownContext]. It implements ld.DocumentLoader.
func (l *Loader) LoadDocument(url string) (*ld.RemoteDocument, error) {
	if rd, ok := l.docs[url]; ok {
		return rd, nil
	}
	return nil, &ContextError{URL: url, Err: ErrUnknownContext}
}

// Has reports whether url is a bundled context.
func (l *Loader) Has(url string) bool {
	_, ok := l.docs[url]
	return ok
}
