package core

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/satchel-wallet/satchel/wallet/credential"
)

// pageCode says whether a registered check code can reach the page: every
// check of a credential or a presentation can; a stack's flags and
// suggestions are the app's, not checks.
func pageCode(code string) bool { return !strings.HasPrefix(code, "stack.") }

var fieldRE = regexp.MustCompile(`\{\{[^}]*?\.(\w+)`)

// fields returns the args a template uses, sorted.
func fields(tmpl string) []string {
	var out []string
	for _, m := range fieldRE.FindAllStringSubmatch(tmpl, -1) {
		if !slices.Contains(out, m[1]) {
			out = append(out, m[1])
		}
	}
	slices.Sort(out)
	return out
}

// TestTranslations checks that every check code a verification can give
// has its sentence in every language of the page, using the same args as
// the English one, and that no translation is left for a code that no
// longer exists.
func TestTranslations(t *testing.T) {
	all := map[string]*catalog{}
	for _, lang := range Languages {
		c, err := catalogOf(lang)
		if err != nil {
			t.Fatal(err)
		}
		all[lang] = c
	}
	english := credential.Messages()
	for _, lang := range Languages {
		for code := range all[lang].texts {
			tmpl, err := all[lang].template(code)
			if err != nil {
				t.Fatalf("%s.json: %v", lang, err)
			}
			en, ok := english[code]
			if !ok || !pageCode(code) {
				t.Errorf("%s.json: %s is not a check code the page shows", lang, code)
				continue
			}
			if got, want := fields(tmpl.Root.String()), fields(en); !slices.Equal(got, want) {
				t.Errorf("%s.json: %s uses args %v, the English sentence %v", lang, code, got, want)
			}
		}
		if lang == "en" {
			if len(all[lang].args) > 0 {
				t.Errorf("en.json translates args: %v", all[lang].args)
			}
			continue // the wallet's sentences are the English ones
		}
		// Every language translates the same English args.
		for w := range all["de"].args {
			if _, ok := all[lang].args[w]; !ok {
				t.Errorf("%s.json lacks %s%q", lang, argPrefix, w)
			}
		}
		if len(all[lang].args) != len(all["de"].args) {
			t.Errorf("%s.json translates %d args, de.json %d", lang, len(all[lang].args), len(all["de"].args))
		}
		for code := range english {
			if _, ok := all[lang].texts[code]; pageCode(code) && !ok {
				t.Errorf("%s.json lacks %s: %q", lang, code, english[code])
			}
		}
	}
}

func TestSentence(t *testing.T) {
	args := map[string]string{"Until": "1 March 2026, 09:30 UTC"}
	for _, tc := range []struct {
		langs []string
		want  string
	}{
		{[]string{"de-DE", "en"}, "Die Präsentation ist am 1. März 2026, 09:30 UTC abgelaufen; bitten Sie die Inhaberin oder den Inhaber um eine neue."},
		{[]string{"fr-CA"}, "La présentation a expiré le 1er mars 2026, 09:30 UTC ; demandez-en une nouvelle à son titulaire."},
		{[]string{"it", "es"}, "La presentación caducó el 1 de marzo de 2026, 09:30 UTC; pida una nueva a su titular."},
		{[]string{"it"}, "English"},
		{nil, "English"},
	} {
		if got := sentence(language(tc.langs), "vp.expired", args, "English"); got != tc.want {
			t.Errorf("%v: %q, want %q", tc.langs, got, tc.want)
		}
	}
	why := map[string]string{"Reason": "the key binding, which covers them, did not verify"}
	if got, want := sentence("de", "vp.unchecked", why, ""), "Nicht geprüft: Die Schlüsselbindung, die sie abdeckt, ist ungültig."; got != want {
		t.Errorf("a translated reason: %q, want %q", got, want)
	}
	if got, want := sentence("en", "vp.unchecked", why, ""), "Not checked, because the key binding, which covers them, did not verify."; got != want {
		t.Errorf("the page's English: %q, want %q", got, want)
	}
	if got := sentence("de", "no.such-code", nil, "English"); got != "English" {
		t.Errorf("an unknown code: %q, want the English sentence", got)
	}
}
