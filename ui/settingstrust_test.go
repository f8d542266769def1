package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// trustExample is the trust list example of package trust: four issuers.
const trustExample = "../wallet/trust/testdata/example.json"

func TestSettingsTrustList(t *testing.T) {
	a := unlocked(t, fixedHolder(t))
	settingsTab(t, a, "Trust list")
	if !hasText(a, "Your trust list is empty") {
		t.Fatal("an empty trust list does not say so")
	}

	// Add from a file: every entry.
	a.openHook = func() []string { return []string{trustExample} }
	test.Tap(button(t, a, "Add from a file…"))
	l, err := a.wallet.TrustList()
	if err != nil || l.Len() < 2 {
		t.Fatalf("after adding the example list: %v, %d entries", err, l.Len())
	}
	n := l.Len()
	if !strings.Contains(status(a), "Added") || !hasText(a, "Universidad de Ejemplo") || !hasText(a, "Source: my university's list · added 1 March 2026") {
		t.Fatalf("the entries are not shown: %q", status(a))
	}
	test.AssertRendersToMarkup(t, "settings_trust.xml", a.win.Canvas())
	shot(t, a, "settings-trust")
	if ch, err := a.checker(); err != nil || ch.Trust.Len() != n {
		t.Fatal("imports and verification do not consult the new trust list")
	}

	// The same file again: every entry is a duplicate; nothing changes,
	// and the page says why.
	test.Tap(button(t, a, "Add from a file…"))
	if l, _ := a.wallet.TrustList(); l.Len() != n || !strings.HasPrefix(status(a), "Nothing was added") {
		t.Fatalf("adding duplicates: %d entries, %q", l.Len(), status(a))
	}

	// Remove one, after a confirmation.
	test.Tap(button(t, a, "Remove"))
	test.Tap(dialogButton(t, a, "Remove"))
	l, _ = a.wallet.TrustList()
	if l.Len() != n-1 || hasText(a, "my university's list") {
		t.Fatalf("after removing the first entry: %d entries", l.Len())
	}

	// Add an issuer by hand; a wrong identifier is refused in words.
	add := func(name, kind, id string) {
		test.Tap(button(t, a, "Add an issuer…"))
		test.Type(find(t, a, func(e *keyEntry) bool { return e.PlaceHolder == "For example: Universidad de Ejemplo" }), name)
		find(t, a, func(s *widget.Select) bool { return len(s.Options) == 4 && s.Options[0] == "DID" }).SetSelected(kind)
		test.Type(find(t, a, func(e *keyEntry) bool { return strings.HasPrefix(e.PlaceHolder, "For example: did:web") }), id)
		test.Tap(dialogButton(t, a, "Add"))
	}
	add("Example College", "Web domain", "college.example")
	l, _ = a.wallet.TrustList()
	last := l.Entries()[l.Len()-1]
	if l.Len() != n || last.Name != "Example College" || len(last.Domains) != 1 || last.Source != "added by me" || last.Added != "2026-03-02" {
		t.Fatalf("the issuer added by hand: %+v", last)
	}
	add("Nowhere", "Web domain", "not a domain")
	if l, _ := a.wallet.TrustList(); l.Len() != n || !strings.HasPrefix(status(a), "That entry cannot go on the list") {
		t.Fatalf("a wrong domain: %d entries, %q", l.Len(), status(a))
	}

	// A file that is not a trust list.
	a.openHook = func() []string { return []string{fixturePaths(t)[0]} }
	test.Tap(button(t, a, "Add from a file…"))
	if !strings.HasPrefix(status(a), "That file is not a trust list") {
		t.Fatalf("a credential as a trust list: %q", status(a))
	}
}
