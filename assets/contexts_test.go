package assets

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"path"
	"reflect"
	"testing"

	"github.com/satchel-wallet/satchel/internal/fixture"
)

// TestContextIndex checks that every URL maps to a file holding a JSON
// object with an @context, and that every file is accounted for in
// SOURCES.txt.
func TestContextIndex(t *testing.T) {
	idx, err := ContextIndex()
	if err != nil {
		t.Fatal(err)
	}
	if len(idx) < 35 {
		t.Fatalf("index has %d URLs, want the fixtures' 34 and the EDC context", len(idx))
	}
	for u, name := range idx {
		t.Run(u, func(t *testing.T) {
			b, err := fs.ReadFile(Contexts(), name)
			if err != nil {
				t.Fatal(err)
			}
			var doc map[string]any
			if err := json.Unmarshal(b, &doc); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if _, ok := doc["@context"]; !ok {
				t.Fatalf("%s has no @context", name)
			}
		})
	}
	sources, err := fs.ReadFile(Contexts(), "SOURCES.txt")
	if err != nil {
		t.Fatal(err)
	}
	files, err := fs.ReadDir(Contexts(), ".")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if f.Name() == "SOURCES.txt" || f.Name() == contextIndexFile {
			continue
		}
		if !bytes.Contains(sources, []byte("\n"+f.Name()+"\t")) {
			t.Errorf("%s is not listed in SOURCES.txt", f.Name())
		}
	}
}

// TestContextIndexIsACopy checks that callers cannot change the index.
func TestContextIndexIsACopy(t *testing.T) {
	a, _ := ContextIndex()
	for u := range a {
		delete(a, u)
	}
	b, _ := ContextIndex()
	if len(b) == 0 {
		t.Fatal("deleting from one index emptied the next")
	}
}

// TestContextsMatchFixtures checks that the bundled files are the fixtures'
// files byte for byte, and that the fixtures' URLs all map as they did.
func TestContextsMatchFixtures(t *testing.T) {
	var want map[string]string
	if err := json.Unmarshal(fixture.Read(t, "vectors/contexts/index.json"), &want); err != nil {
		t.Fatal(err)
	}
	idx, _ := ContextIndex()
	for u, name := range want {
		if idx[u] != name {
			t.Errorf("%s maps to %q, the fixtures map it to %q", u, idx[u], name)
		}
	}
	if got := idx["http://data.europa.eu/snb/model/context/edc-ap"]; got != "edc-ap-context.jsonld" {
		t.Errorf("EDC context URL maps to %q", got)
	}
	for _, dir := range []string{"vectors/contexts", "vectors/ob3/contexts"} {
		entries, err := fs.ReadDir(fsOf(t, dir), ".")
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			name := e.Name()
			if name == "SOURCES.txt" || name == contextIndexFile {
				continue
			}
			t.Run(name, func(t *testing.T) {
				got, err := fs.ReadFile(Contexts(), name)
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(got, fixture.Read(t, path.Join(dir, name))) {
					t.Errorf("%s differs from the fixture", name)
				}
			})
		}
	}
	got, _ := fs.ReadFile(Contexts(), "edc-ap-context.jsonld")
	if !bytes.Equal(got, fixture.Read(t, "edc/schema/edc-ap-context.jsonld")) {
		t.Error("edc-ap-context.jsonld differs from the fixture")
	}
}

// TestOB303Superset backs the choice in SOURCES.txt: the validator's copy of
// the OB 3.0.3 context, which the URL maps to, defines every term of the
// specification repository's copy identically.
func TestOB303Superset(t *testing.T) {
	spec := topContext(t, "ob-context-3.0.3.json")
	mapped := topContext(t, "ob-v3p0-3.0.3.json")
	var extra []string
	for term, def := range spec {
		if !reflect.DeepEqual(mapped[term], def) {
			t.Errorf("term %q differs between the two copies", term)
		}
	}
	for term := range mapped {
		if _, ok := spec[term]; !ok {
			extra = append(extra, term)
		}
	}
	if len(extra) == 0 {
		t.Error("the copies are identical; SOURCES.txt says otherwise")
	}
}

func topContext(t *testing.T, name string) map[string]any {
	t.Helper()
	b, err := fs.ReadFile(Contexts(), name)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Context map[string]any `json:"@context"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	return doc.Context
}

func fsOf(t *testing.T, dir string) fs.FS {
	t.Helper()
	return os.DirFS(fixture.Path(t, dir))
}
