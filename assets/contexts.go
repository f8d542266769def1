// Package assets holds the files Satchel embeds: JSON-LD contexts, and in
// time icons, demo credentials and translations, so that the binary works
// offline and on its own.
//
// # JSON-LD contexts
//
// [Contexts] is the folder of JSON-LD contexts that credentials reference,
// and [ContextIndex] maps each context URL to its file there. Satchel never
// fetches a context from the network: a credential whose context is not in
// the index cannot be processed (see package wallet/jsonld). The folder's
// SOURCES.txt names the upstream repository, path and commit of every file.
package assets

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"maps"
	"sync"
)

//go:embed contexts
var contexts embed.FS

// contextIndexFile is the name, inside [Contexts], of the JSON object that
// maps context URLs to file names.
const contextIndexFile = "index.json"

// Contexts returns the bundled JSON-LD context files, at the root of the
// returned file system (e.g. "w3c-credentials-v2.jsonld").
func Contexts() fs.FS {
	sub, err := fs.Sub(contexts, "contexts")
	if err != nil {
		// fs.Sub fails only for an invalid path name, and "contexts" is valid.
		panic(err)
	}
	return sub
}

var contextIndex = sync.OnceValues(func() (map[string]string, error) {
	b, err := fs.ReadFile(Contexts(), contextIndexFile)
	if err != nil {
		return nil, fmt.Errorf("assets: read context index: %w", err)
	}
	var idx map[string]string
	if err := json.Unmarshal(b, &idx); err != nil {
		return nil, fmt.Errorf("assets: parse context index: %w", err)
	}
	return idx, nil
})

// ContextIndex returns a fresh copy of the map from context URL to the name
// of its file in [Contexts]. Several URLs may share a file.
func ContextIndex() (map[string]string, error) {
	idx, err := contextIndex()
	if err != nil {
		return nil, err
	}
	return maps.Clone(idx), nil
}
