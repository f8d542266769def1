package web

import (
	"encoding/json"
	"io/fs"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/satchel-wallet/satchel/share"
	"github.com/satchel-wallet/satchel/verifier/core"
	"github.com/satchel-wallet/satchel/wallet/credential"
)

// messages reads the MESSAGES dictionary of messages.js, whose object is
// strict JSON for this purpose.
func messages(t *testing.T) map[string]map[string]string {
	t.Helper()
	src := read(t, "messages.js")
	const decl = "\nconst MESSAGES ="
	i := strings.Index(src, decl)
	j := strings.LastIndex(src, ";")
	if i < 0 || j < i {
		t.Fatalf("messages.js has no %q ... ; block", decl)
	}
	var m map[string]map[string]string
	if err := json.Unmarshal([]byte(src[i+len(decl):j]), &m); err != nil {
		t.Fatalf("messages.js: the MESSAGES object is not strict JSON: %v", err)
	}
	return m
}

func read(t *testing.T, name string) string {
	t.Helper()
	b, err := fs.ReadFile(Files, name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

var placeholderRE = regexp.MustCompile(`\{(\w+)\}`)

func placeholders(s string) []string {
	var out []string
	for _, m := range placeholderRE.FindAllStringSubmatch(s, -1) {
		out = append(out, m[1])
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// TestMessagesComplete checks that the page speaks the languages the Go
// side translates checks into, and every text in each of them, with the
// same placeholders as the English.
func TestMessagesComplete(t *testing.T) {
	m := messages(t)
	var langs []string
	for l := range m {
		langs = append(langs, l)
	}
	if want := slices.Sorted(slices.Values(core.Languages)); !slices.Equal(slices.Sorted(slices.Values(langs)), want) {
		t.Fatalf("messages.js has languages %v, the checks' sentences %v", langs, want)
	}
	en := m["en"]
	for _, lang := range core.Languages {
		for key, s := range en {
			got, ok := m[lang][key]
			switch {
			case !ok:
				t.Errorf("%s lacks %q (%q)", lang, key, s)
			case strings.TrimSpace(got) == "":
				t.Errorf("%s: %q is empty", lang, key)
			case !slices.Equal(placeholders(got), placeholders(s)):
				t.Errorf("%s: %q has placeholders %v, the English %v", lang, key, placeholders(got), placeholders(s))
			}
		}
		for key := range m[lang] {
			if _, ok := en[key]; !ok {
				t.Errorf("%s has %q, which English lacks", lang, key)
			}
		}
	}
}

// TestMessagesUsed checks that every text the page names exists: in
// index.html's data-i18n attributes, in verifier.js's t("...") calls, and
// the keys it makes from the report (verdicts, statuses, error codes).
func TestMessagesUsed(t *testing.T) {
	en := messages(t)["en"]
	var used []string
	for _, m := range regexp.MustCompile(`data-i18n="([^"]+)"`).FindAllStringSubmatch(read(t, "index.html"), -1) {
		used = append(used, m[1])
	}
	js := read(t, "verifier.js") + read(t, "scan.js")
	for _, m := range regexp.MustCompile(`\bt\("([^"]+)"`).FindAllStringSubmatch(js, -1) {
		if !strings.HasSuffix(m[1], ".") { // a prefix: the keys made from it follow
			used = append(used, m[1])
		}
	}
	if len(used) < 40 {
		t.Fatalf("found only %d texts in use; has the page changed how it names them?", len(used))
	}
	for _, v := range []string{"verified", "not verified", "rejected"} {
		used = append(used, "verdict."+v, "verdictText."+v)
	}
	for _, s := range []string{"ok", "failed", "warning", "skipped"} {
		used = append(used, "status."+s)
	}
	used = append(used, core.ErrorCodes()...)
	for _, n := range append(credential.CheckNames(), share.CheckChallenge, share.CheckDomain, share.CheckCredentials) {
		used = append(used, "check."+string(n))
	}
	for _, k := range used {
		if _, ok := en[k]; !ok {
			t.Errorf("the page uses %q, which messages.js lacks", k)
		}
	}
	// The language switch offers exactly the languages there are.
	var offered []string
	for _, m := range regexp.MustCompile(`<option value="(\w+)"`).FindAllStringSubmatch(read(t, "index.html"), -1) {
		offered = append(offered, m[1])
	}
	if !slices.Equal(offered, core.Languages) {
		t.Errorf("the language switch offers %v, want %v", offered, core.Languages)
	}
}

// TestPolicy checks the page's Content-Security-Policy: nothing but the
// page's own files, no inline script, no other origin.
func TestPolicy(t *testing.T) {
	p, err := Policy([]byte(read(t, "index.html")))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"default-src 'none'", "script-src 'self' 'wasm-unsafe-eval'", "connect-src 'self'", "form-action 'none'", "base-uri 'none'"} {
		if !strings.Contains(p, want) {
			t.Errorf("the policy lacks %q: %s", want, p)
		}
	}
	for _, bad := range []string{"unsafe-inline", "http:", "https:", "*"} {
		if strings.Contains(p, bad) {
			t.Errorf("the policy allows %q: %s", bad, p)
		}
	}
	if _, err := Policy([]byte("<html></html>")); err == nil {
		t.Error("a page without a policy has one")
	}
}
