package jsonld

import (
	"errors"
	goparser "go/parser"
	"go/token"
	"os"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
)

// TestNoNetworkCode checks that no file of this package imports a network
// package: contexts come only from the bundle.
func TestNoNetworkCode(t *testing.T) {
	entries, err := os.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".go") || strings.HasSuffix(e.Name(), "_test.go") {
			continue
		}
		f, err := goparser.ParseFile(fset, e.Name(), nil, goparser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range f.Imports {
			path, _ := strconv.Unquote(imp.Path.Value)
			if path == "net" || strings.HasPrefix(path, "net/") {
				t.Errorf("%s imports %s", e.Name(), path)
			}
		}
	}
}

func TestLoader(t *testing.T) {
	l, err := DefaultLoader()
	if err != nil {
		t.Fatal(err)
	}
	if err := l.LoadAll(); err != nil {
		t.Fatalf("the bundled contexts: %v", err)
	}
	for _, url := range []string{"https://www.w3.org/ns/credentials/v2", "http://data.europa.eu/snb/model/context/edc-ap"} {
		if rd, err := l.LoadDocument(url); err != nil || rd.DocumentURL != url {
			t.Errorf("%s: %v", url, err)
		}
	}
	// A near miss is not the same URL: nothing is normalised or guessed.
	for _, url := range []string{"https://www.w3.org/ns/credentials/v2/", "http://www.w3.org/ns/credentials/v2", "https://w3id.org/dcc/v1"} {
		_, err := l.LoadDocument(url)
		var ce *ContextError
		if !errors.As(err, &ce) || ce.URL != url || !strings.Contains(err.Error(), url) {
			t.Errorf("%s: got %v", url, err)
		}
	}
	bad := fstest.MapFS{"x.json": {Data: []byte(`{"no": "context"}`)}, "y.json": {Data: []byte(`{`)}}
	for name := range bad {
		if _, err := NewLoader(bad, map[string]string{"https://x.example": name}); err == nil {
			t.Errorf("%s: broken context accepted", name)
		}
	}
}
