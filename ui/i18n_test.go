package ui

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/satchel-wallet/satchel/assets"
)

// uiStrings returns every text the package passes to lang.L, lang.X (its
// fallback, under its key) and lang.N, by message id.
func uiStrings(t *testing.T) map[string]string {
	t.Helper()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	fset := token.NewFileSet()
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(file, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok || len(call.Args) == 0 {
				return true
			}
			if id, ok := sel.X.(*ast.Ident); !ok || id.Name != "lang" {
				return true
			}
			lit, ok := call.Args[0].(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true // a key made at run time: check and stack codes
			}
			s, _ := strconv.Unquote(lit.Value)
			switch sel.Sel.Name {
			case "L", "N":
				out[s] = s
			case "X":
				// A message whose English text cannot be its id: go-i18n
				// reserves some words ("Description") as field names.
				if fb, ok := call.Args[1].(*ast.BasicLit); ok {
					out[s], _ = strconv.Unquote(fb.Value)
				}
			}
			return true
		})
	}
	return out
}

// translations reads one language's file.
func translations(t *testing.T, lang string) map[string]string {
	t.Helper()
	data, err := fs.ReadFile(assets.Translations(), "translations/"+lang+".json")
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]string{}
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatalf("%s.json: %v", lang, err)
	}
	return m
}

var placeholder = regexp.MustCompile(`\{\{\.[A-Za-z]+\}\}`)

// TestTranslations checks that German, French and Spanish translate every
// text of the screens, keep each {{.Placeholder}}, and hold no text the
// screens no longer use. SATCHEL_MISSING=file writes the missing texts as
// JSON, for translators.
func TestTranslations(t *testing.T) {
	want := uiStrings(t)
	if len(want) < 100 {
		t.Fatalf("found only %d texts; the scan is broken", len(want))
	}
	missingAll := map[string]map[string]string{}
	for _, l := range []string{"de", "fr", "es"} {
		have := translations(t, l)
		var missing []string
		for id := range want {
			tr, ok := have[id]
			if !ok {
				missing = append(missing, id)
				continue
			}
			a, b := placeholder.FindAllString(id, -1), placeholder.FindAllString(tr, -1)
			slices.Sort(a)
			slices.Sort(b)
			if !slices.Equal(a, b) {
				t.Errorf("%s: %q keeps placeholders %v, want %v", l, tr, b, a)
			}
		}
		for id := range have {
			if _, ok := want[id]; !ok && !strings.HasPrefix(id, "check.") && !strings.HasPrefix(id, "stack.") {
				t.Errorf("%s: %q is not used by the screens", l, id)
			}
		}
		sort.Strings(missing)
		if len(missing) > 0 {
			t.Errorf("%s: %d texts are not translated, e.g. %q", l, len(missing), missing[0])
			m := map[string]string{}
			for _, id := range missing {
				m[id] = id
			}
			missingAll[l] = m
		}
	}
	if f := os.Getenv("SATCHEL_MISSING"); f != "" && len(missingAll) > 0 {
		data, _ := json.MarshalIndent(missingAll, "", "  ")
		os.WriteFile(f, data, 0o644)
	}
}
