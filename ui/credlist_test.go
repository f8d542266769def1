package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/satchel-wallet/satchel/wallet/credential"
	"github.com/satchel-wallet/satchel/wallet/search"
)

// listed returns the titles the list shows, in order.
func listed(a *App) []string {
	var out []string
	for _, c := range a.shell.creds.shown {
		out = append(out, credTitle(c, "en"))
	}
	return out
}

func TestCredentialsEmpty(t *testing.T) {
	a := unlocked(t, fixedHolder(t))
	if !hasText(a, "No credentials yet") {
		t.Fatal("an empty wallet does not say so")
	}
	button(t, a, "Load demo credentials")
	test.AssertRendersToMarkup(t, "credentials_empty.xml", a.win.Canvas())
}

func TestCredentialsListSearchFilterSort(t *testing.T) {
	a := unlocked(t, fixedHolder(t))
	importPaths(t, a, corpusPaths(t, 200, 40))
	p := a.shell.creds
	if len(p.shown) != 40 || a.lib.index == nil {
		t.Fatalf("the list shows %d credentials (index built: %v), want 40", len(p.shown), a.lib.index != nil)
	}
	if !hasText(a, "40 credentials") {
		t.Fatal("no count")
	}
	a.win.Resize(fyne.NewSize(1024, 700))
	test.AssertRendersToMarkup(t, "credentials.xml", a.win.Canvas())

	// Ctrl+F focuses the search box; typing filters as it goes.
	typeShortcut(a, shortcutSearch)
	if a.win.Canvas().Focused() != p.search {
		t.Fatal("Ctrl+F did not focus the search box")
	}
	first := listed(a)[0]
	word := strings.Fields(first)[0]
	test.Type(p.search, strings.ToLower(word))
	if len(p.shown) == 0 || len(p.shown) == 40 {
		t.Fatalf("searching %q shows %d", word, len(p.shown))
	}
	for _, c := range p.shown {
		if !strings.Contains(search.Fold(strings.Join(c.Title.Values(), " ")+" "+strings.Join(c.Description.Values(), " ")+c.Issuer.Name.String()), search.Fold(word)) && len(c.LearningOutcomes) == 0 {
			t.Errorf("%q matched %q", word, credTitle(c, "en"))
		}
	}
	if !hasText(a, "of 40 credentials") {
		t.Fatal("the count does not say how many match")
	}
	test.Type(p.search, " zzzqqq")
	if len(p.shown) != 0 || !hasText(a, "Nothing matches") {
		t.Fatal("a search that matches nothing does not say so")
	}
	test.Tap(button(t, a, "Clear search and filters"))
	if len(p.shown) != 40 || p.search.Text != "" {
		t.Fatal("Clear did not show everything again")
	}

	// Sort by title.
	p.sort.SetSelected("Title A–Z")
	titles := listed(a)
	for i := 1; i < len(titles); i++ {
		if search.Fold(titles[i-1]) > search.Fold(titles[i]) {
			t.Fatalf("not sorted by title: %q before %q", titles[i-1], titles[i])
		}
	}

	// Filters: an EQF level from the sidebar.
	side := p.side
	if len(side.eqf.Options) == 0 {
		t.Fatal("no EQF levels in the sidebar")
	}
	level := side.eqfOf[side.eqf.Options[0]]
	side.eqf.SetSelected([]string{side.eqf.Options[0]})
	for _, c := range p.shown {
		if c.EQF != level {
			t.Fatalf("EQF filter %d shows a credential at %d", level, c.EQF)
		}
	}
	side.eqf.SetSelected(nil)
	side.verdict.SetSelected([]string{"Verified"})
	for _, c := range p.shown {
		if c.Verification.Verdict != credential.Verified {
			t.Fatal("the verdict filter lets through a credential that is not verified")
		}
	}
	side.verdict.SetSelected(nil)
	if len(side.issuer.Options) < 2 {
		t.Fatal("no issuers in the sidebar")
	}
	side.issuer.SetSelectedIndex(1)
	if len(p.shown) == 0 || len(p.shown) == 40 {
		t.Fatalf("the issuer filter shows %d", len(p.shown))
	}
	side.issuer.SetSelectedIndex(0)
	if len(p.shown) != 40 {
		t.Fatal("All issuers does not show all")
	}

	// Tapping a card opens its detail; Back returns to the same list.
	test.Type(p.search, strings.ToLower(word))
	n := len(p.shown)
	p.list.Select(0)
	if !hasText(a, "Learner") || !hasText(a, "Awarding body") {
		t.Fatal("the detail did not open")
	}
	test.Tap(button(t, a, "Back"))
	if len(p.shown) != n || p.search.Text != strings.ToLower(word) {
		t.Fatal("Back lost the search")
	}

	// Ctrl+L locks even while the search box has the focus.
	a.win.Canvas().Focus(p.search)
	typeShortcut(a, shortcutLock)
	if a.vault != nil {
		t.Fatal("Ctrl+L in the search box did not lock")
	}
}

func TestCollectionsSidebar(t *testing.T) {
	a := unlocked(t, fixedHolder(t))
	importPaths(t, a, corpusPaths(t, 200, 10))
	ids := []string{a.lib.creds[0].ID, a.lib.creds[1].ID}
	c, err := a.wallet.CreateCollection("Job applications")
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := a.wallet.AddToCollection(c.ID, ids...); err != nil {
		t.Fatal(err)
	}
	a.lib.load()
	side := a.shell.creds.side
	side.coll.SetSelected("Job applications (2)")
	if len(a.shell.creds.shown) != 2 {
		t.Fatalf("the collection shows %d credentials", len(a.shell.creds.shown))
	}
	button(t, a, "Rename")
	test.Tap(button(t, a, "Delete"))
	test.Tap(button(t, a, "Yes"))
	if cols, _ := a.wallet.Collections(); len(cols) != 0 {
		t.Fatal("the collection was not deleted")
	}
	if len(a.shell.creds.shown) != 10 {
		t.Fatal("after deleting the collection shown, the list does not show all")
	}
	test.Tap(button(t, a, "New collection"))
	entry := a.win.Canvas().Focused().(*keyEntry)
	test.Type(entry, "Computing")
	test.Tap(button(t, a, "Create"))
	if cols, _ := a.wallet.Collections(); len(cols) != 1 || cols[0].Name != "Computing" {
		t.Fatalf("collections after New: %v", cols)
	}
	if !hasText(a, "No credentials") && len(a.shell.creds.shown) != 0 {
		t.Fatal("the new, empty collection is not shown")
	}
	_ = widget.NewLabel
}
