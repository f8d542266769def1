package ui

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/satchel-wallet/satchel/wallet/credential"
)

// demoApp is an unlocked app with the demo credentials loaded.
func demoApp(t *testing.T) *App {
	t.Helper()
	a := unlocked(t, fixedHolder(t))
	a.loadDemo()
	a.jobs.Wait()
	pinTimes(t, a.wallet.Store())
	a.lib.load()
	a.shell.show(secCredentials)
	return a
}

// openTitled opens the credential whose English title is title.
func openTitled(t *testing.T, a *App, title string) *credential.Credential {
	t.Helper()
	for _, c := range a.lib.creds {
		if c.Title.In("en") == title {
			a.openCredential(c.ID)
			return a.lib.credential(c.ID)
		}
	}
	t.Fatalf("no credential titled %q", title)
	return nil
}

func TestDetailLanguagesAndGuidance(t *testing.T) {
	a := demoApp(t)
	openTitled(t, a, "Introduction to Informatics")
	if !hasText(a, "Introduction to Informatics") {
		t.Fatal("the detail is not in English, the learner's language")
	}
	sel := find(t, a, func(s *widget.Select) bool { return len(s.Options) == 2 && s.Options[0] == "Ελληνικά" })
	if sel.Selected != "English" {
		t.Fatalf("the language switch shows %q", sel.Selected)
	}
	test.AssertRendersToMarkup(t, "detail_demo.xml", a.win.Canvas())
	sel.SetSelected("Ελληνικά")
	if !hasText(a, "Εισαγωγή στην Πληροφορική") || !hasText(a, "Γραπτή εξέταση") {
		t.Fatal("switching to Greek did not show the Greek texts")
	}
	shot(t, a, "detail-greek")

	// Every element's "?" explains it: EQF level.
	tapHelp(t, a, "eqf")
	if !hasText(a, "European Qualifications Framework sorts learning into eight levels") {
		t.Fatal("the EQF explanation did not open")
	}
	test.AssertRendersToMarkup(t, "guide_eqf.xml", a.win.Canvas())
	shot(t, a, "guide-eqf")
	test.Tap(button(t, a, "Close"))

	// The Verification tab: each check with its sentence, a "?" and the
	// technical detail folded away.
	tabs := find(t, a, func(*container.AppTabs) bool { return true })
	tabs.SelectIndex(2)
	for _, want := range []string{"Signature or seal", "Holder", "is not on your trust list", "Note"} {
		if !hasText(a, want) {
			t.Errorf("the verification tab lacks %q", want)
		}
	}
	if len(findAll[*widget.Accordion](a)) == 0 {
		t.Error("no technical detail to unfold")
	}
	test.AssertRendersToMarkup(t, "detail_checks.xml", a.win.Canvas())
	shot(t, a, "detail-checks")
	tabs.SelectIndex(1)
	if !hasText(a, "Σχεδιασμός απλών αλγορίθμων") {
		t.Error("the outcomes tab does not list the outcomes")
	}
	tabs.SelectIndex(3)
	if len(findAll[*widget.TextGrid](a)) != 1 {
		t.Error("the original tab does not show the original")
	}
}

// tapHelp taps the "?" that explains key.
func tapHelp(t *testing.T, a *App, key string) {
	t.Helper()
	test.Tap(find(t, a, func(b *guideButton) bool { return b.key == key }))
}

func TestDetailActions(t *testing.T) {
	a := demoApp(t)
	c := openTitled(t, a, "Machine Learning in Practice")
	id := c.ID

	// Tags.
	entry := find(t, a, func(e *keyEntry) bool { return e.PlaceHolder == "Add a tag" })
	test.Type(entry, "#job-2026")
	test.Tap(button(t, a, "Add"))
	if got := a.lib.credential(id).Tags; len(got) != 1 || got[0] != "job-2026" {
		t.Fatalf("tags after adding: %v", got)
	}
	if !hasText(a, "#job-2026") {
		t.Fatal("the tag is not shown")
	}

	// Collections: make one for this credential from its page.
	test.Tap(button(t, a, "Collections…"))
	test.Tap(button(t, a, "New collection…"))
	test.Type(a.win.Canvas().Focused().(*keyEntry), "Applications")
	test.Tap(button(t, a, "Create"))
	if cols := a.lib.collectionsOf(id); len(cols) != 1 || cols[0].Name != "Applications" {
		t.Fatalf("collections of the credential: %v", cols)
	}
	// Untick it again.
	test.Tap(button(t, a, "Collections…"))
	group := find(t, a, func(g *widget.CheckGroup) bool { return len(g.Options) == 1 && g.Options[0] == "Applications" })
	group.SetSelected(nil)
	test.Tap(button(t, a, "Save"))
	if cols := a.lib.collectionsOf(id); len(cols) != 0 {
		t.Fatalf("still in %v after unticking", cols)
	}

	// Verify again, offline, from the Verification tab.
	a.detail.tabs.SelectIndex(2)
	test.Tap(button(t, a, "Verify again"))
	if !hasText(a, "Verified again just now.") {
		t.Fatal("no word after verifying again")
	}

	// Save the original, byte for byte.
	dir := t.TempDir()
	a.saveHook = func(name string) string { return filepath.Join(dir, name) }
	test.Tap(button(t, a, "Save original…"))
	_, orig, _ := a.wallet.Credential(id)
	saved, err := os.ReadFile(filepath.Join(dir, originalName(a.lib.credential(id))))
	if err != nil || !bytes.Equal(saved, orig) {
		t.Fatalf("the saved original differs (%v)", err)
	}

	// Delete, after confirming.
	test.Tap(button(t, a, "Delete…"))
	if !hasText(a, "This cannot be undone") {
		t.Fatal("no confirmation before deleting")
	}
	test.Tap(button(t, a, "Delete"))
	if a.lib.credential(id) != nil || len(a.lib.creds) != 11 {
		t.Fatal("the credential was not deleted")
	}
	if !hasText(a, "Deleted “Machine Learning in Practice”.") || !strings.Contains(a.shell.note.Text, "Deleted") {
		t.Fatal("no notice after deleting")
	}
}
