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
	"text/template"

	"github.com/satchel-wallet/satchel/assets"
	"github.com/satchel-wallet/satchel/wallet/credential"
	"github.com/satchel-wallet/satchel/wallet/stack"
)

// uiText is a text the screens translate: its English and whether it
// has plural forms (lang.N, lang.XN).
type uiText struct {
	english string
	plural  bool
}

// uiStrings returns every text the package passes to lang.L, lang.X (its
// fallback, under its key), lang.N and lang.XN, by message id.
func uiStrings(t *testing.T) map[string]uiText {
	t.Helper()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]uiText{}
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
			case "L":
				out[s] = uiText{english: s}
			case "N":
				out[s] = uiText{english: s, plural: true}
			case "X", "XN":
				// A message whose English text cannot be its id: go-i18n
				// reserves some words ("Description") as field names.
				if fb, ok := call.Args[1].(*ast.BasicLit); ok {
					e, _ := strconv.Unquote(fb.Value)
					out[s] = uiText{english: e, plural: sel.Sel.Name == "XN"}
				}
			}
			return true
		})
	}
	return out
}

// languages are the languages Satchel is translated into.
var languages = []string{"en", "de", "fr", "es"}

// translations reads one language's file: each message is a string, or
// its plural forms ("one", "other", and "many" where the language has it).
func translations(t *testing.T, lang string) map[string]any {
	t.Helper()
	data, err := fs.ReadFile(assets.Translations(), "translations/"+lang+".json")
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]any{}
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatalf("%s.json: %v", lang, err)
	}
	return m
}

// pluralForms are the forms a message with a count needs in each
// language, as CLDR (and go-i18n) sort numbers: French and Spanish use
// "many" for a million and more.
var pluralForms = map[string][]string{
	"en": {"one", "other"}, "de": {"one", "other"},
	"fr": {"one", "many", "other"}, "es": {"one", "many", "other"},
}

// forms returns a message's texts: the one string, or each plural form
// by name. It reports what is wrong with the shape, if anything.
func forms(lang string, v any, plural bool) (map[string]string, string) {
	switch v := v.(type) {
	case string:
		if plural {
			return nil, "is one text; it needs the plural forms " + strings.Join(pluralForms[lang], ", ")
		}
		return map[string]string{"": v}, ""
	case map[string]any:
		if !plural {
			return nil, "has plural forms, but the screens do not count with it"
		}
		out := map[string]string{}
		for k, f := range v {
			s, ok := f.(string)
			if !ok {
				return nil, "has a plural form that is not text"
			}
			out[k] = s
		}
		for _, k := range pluralForms[lang] {
			if _, ok := out[k]; !ok {
				return nil, "lacks the plural form " + k
			}
		}
		return out, ""
	}
	return nil, "is neither text nor plural forms"
}

var placeholder = regexp.MustCompile(`\{\{\.[A-Za-z]+\}\}`)

// TestTranslations checks that English, German, French and Spanish
// translate every text of the screens, in the right shape (plural forms
// for the texts that count), keep each {{.Placeholder}}, and hold no text
// the screens no longer use. SATCHEL_MISSING=file writes the missing texts
// as JSON, for translators.
func TestTranslations(t *testing.T) {
	want := uiStrings(t)
	if len(want) < 100 {
		t.Fatalf("found only %d texts; the scan is broken", len(want))
	}
	missingAll := map[string]map[string]string{}
	for _, l := range languages {
		have := translations(t, l)
		var missing []string
		for id, text := range want {
			v, ok := have[id]
			if !ok {
				missing = append(missing, id)
				continue
			}
			fs, problem := forms(l, v, text.plural)
			if problem != "" {
				t.Errorf("%s: %q %s", l, id, problem)
				continue
			}
			for form, tr := range fs {
				a, b := placeholder.FindAllString(text.english, -1), placeholder.FindAllString(tr, -1)
				slices.Sort(a)
				slices.Sort(b)
				a, b = slices.Compact(a), slices.Compact(b)
				if !slices.Equal(a, b) {
					t.Errorf("%s: %q (%s) keeps placeholders %v, want %v", l, tr, form, b, a)
				}
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
				m[id] = want[id].english
			}
			missingAll[l] = m
		}
	}
	if f := os.Getenv("SATCHEL_MISSING"); f != "" && len(missingAll) > 0 {
		data, _ := json.MarshalIndent(missingAll, "", "  ")
		os.WriteFile(f, data, 0o644)
	}
}

// countWithNoun matches a text that writes a count before a plural noun:
// "{{.N}} files", "{{.N}} of {{.Total}} credentials".
var countWithNoun = regexp.MustCompile(`\{\{\.(N|Count|Total|Have)\}\} (of (the )?\{\{\.\w+\}\} )?[a-z]+s\b`)

// TestCountsHavePluralForms finds texts that count with lang.L, which
// would say "1 credentials": they must use lang.N and plural forms.
func TestCountsHavePluralForms(t *testing.T) {
	for id, text := range uiStrings(t) {
		if countWithNoun.MatchString(text.english) && !text.plural {
			t.Errorf("%q counts with lang.L; use lang.N so that one reads in the singular", id)
		}
	}
}

func TestPluralWording(t *testing.T) {
	t.Cleanup(func() { loadTranslations("") })
	for _, tc := range []struct {
		lang string
		got  func() string
		want string
	}{
		{"en", func() string { return countOf(1) }, "1 credential"},
		{"en", func() string { return countOf(2) }, "2 credentials"},
		{"en", func() string { return countOf(0) }, "0 credentials"},
		{"en", func() string { return autoLockLabel(1) }, "After 1 minute"},
		{"en", func() string { return autoLockLabel(5) }, "After 5 minutes"},
		{"en", func() string {
			return flagSentence(stack.Flag{Code: stack.FlagDuplicate, Args: map[string]string{"Same": "credential", "Count": "1"}})
		}, "The same credential is in the stack 1 more time; this is the one that counts."},
		{"en", func() string {
			return flagSentence(stack.Flag{Code: stack.FlagDuplicate, Args: map[string]string{"Same": "credential", "Count": "2"}})
		}, "The same credential is in the stack 2 more times; this is the one that counts."},
		{"de", func() string { return countOf(1) }, "1 Nachweis"},
		{"de", func() string { return countOf(3) }, "3 Nachweise"},
		{"fr", func() string { return countOf(0) }, "0 certificat"},
		{"fr", func() string { return countOf(1) }, "1 certificat"},
		{"fr", func() string { return countOf(2) }, "2 certificats"},
		{"fr", func() string { return countOf(1000000) }, "1000000 certificats"},
		{"es", func() string { return countOf(1) }, "1 credencial"},
		{"es", func() string { return countOf(7) }, "7 credenciales"},
		{"es", func() string { return autoLockLabel(1) }, "Tras 1 minuto"},
	} {
		loadTranslations(tc.lang)
		if got := tc.got(); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.lang, got, tc.want)
		}
	}
}

// templateField matches a field a message's template reads.
var templateField = regexp.MustCompile(`\{\{[^}]*\}\}`)

// fieldsOf returns the fields a template reads: .Name, .Count, ...
func fieldsOf(s string) []string {
	var out []string
	for _, action := range templateField.FindAllString(s, -1) {
		out = append(out, regexp.MustCompile(`\.[A-Z][A-Za-z]*`).FindAllString(action, -1)...)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// TestMessageTranslations checks the sentences the wallet writes for
// checks, stack flags, requirements and suggestions: German, French and
// Spanish translate every one (check.CODE, or the stack.* code itself),
// each reads the same fields as the English, parses as a template, and a
// sentence that counts (.Count) has plural forms in all four languages.
func TestMessageTranslations(t *testing.T) {
	msgs := credential.Messages()
	if len(msgs) < 100 {
		t.Fatalf("only %d messages registered; the scan is broken", len(msgs))
	}
	for _, l := range languages {
		have := translations(t, l)
		var missing []string
		for code, english := range msgs {
			key := code
			if !strings.HasPrefix(code, "stack.") {
				key = "check." + code
			}
			plural := slices.Contains(fieldsOf(english), ".Count")
			v, ok := have[key]
			if !ok {
				if l != "en" || plural { // English comes from the wallet
					missing = append(missing, key)
				}
				continue
			}
			fs, problem := forms(l, v, plural)
			if problem != "" {
				t.Errorf("%s: %s %s", l, key, problem)
				continue
			}
			for form, tr := range fs {
				if got, want := fieldsOf(tr), fieldsOf(english); !slices.Equal(got, want) {
					t.Errorf("%s: %s (%s) reads %v, want %v", l, key, form, got, want)
				}
				if _, err := template.New(key).Parse(tr); err != nil {
					t.Errorf("%s: %s (%s): %v", l, key, form, err)
				}
			}
		}
		for key := range have {
			code, isCheck := strings.CutPrefix(key, "check.")
			if !isCheck && !strings.HasPrefix(key, "stack.") {
				continue
			}
			if !isCheck {
				code = key
			}
			if _, ok := msgs[code]; !ok {
				t.Errorf("%s: %s is not a message the wallet writes", l, key)
			}
		}
		sort.Strings(missing)
		if len(missing) > 0 {
			t.Errorf("%s: %d sentences are not translated, e.g. %s", l, len(missing), missing[0])
		}
	}
}

// TestStackSentencesTranslated renders a stack's requirement, flag and
// suggestion the way the stack page does, in German.
func TestStackSentencesTranslated(t *testing.T) {
	t.Cleanup(func() { loadTranslations("") })
	loadTranslations("de")
	for _, tc := range []struct{ got, want string }{
		{requirementSentence(stack.Requirement{Code: "stack.req-eqf", Args: map[string]string{"Level": "6"}}), "Jedes Mitglied auf EQR-Niveau 6 oder höher."},
		{flagSentence(stack.Flag{Code: stack.FlagExpired, Args: map[string]string{"Date": "2025-01-31"}}), "Abgelaufen am 2025-01-31."},
		{flagSentence(stack.Flag{Code: stack.FlagNotVerified, Args: map[string]string{"Verdict": "rejected"}}), "Nicht verifiziert (Abgelehnt): Eine aufnehmende Einrichtung kann sich nicht darauf verlassen."},
		{flagSentence(stack.Flag{Code: stack.FlagOverlap, Args: map[string]string{"Count": "1", "Outcomes": "“SQL”"}}), "1 Lernergebnis wiederholt sich in anderen Mitgliedern: “SQL”."},
		{reasonSentence(stack.Reason{Code: "stack.suggest-fits", Args: map[string]string{"ECTS": "5"}}), "Passt zum Ziel und bringt 5 ECTS."},
	} {
		if tc.got != tc.want {
			t.Errorf("%q, want %q", tc.got, tc.want)
		}
	}
}
