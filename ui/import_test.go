package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/satchel-wallet/satchel/internal/fixture"
	"github.com/satchel-wallet/satchel/share"
	"github.com/satchel-wallet/satchel/share/qr"
)

func TestImportPasteJWT(t *testing.T) {
	a := unlocked(t, fixedHolder(t))
	typeShortcut(a, shortcutImport)
	test.Tap(button(t, a, "Paste text…"))
	entry := a.win.Canvas().Focused().(*keyEntry)
	entry.SetText(string(fixture.Read(t, "vectors/ob3/1edtech-validator/clr20/simple.jwt")))
	test.Tap(button(t, a, "Import"))
	a.jobs.Wait()
	if len(a.lib.creds) != 1 || !hasText(a, "1 imported") {
		t.Fatalf("pasting a JWT imported %d credentials", len(a.lib.creds))
	}
	// Pasting it again finds it there.
	a.importText(entry.Text)
	a.jobs.Wait()
	if !hasText(a, "Already in the wallet") || !hasText(a, "0 imported, 1 already in the wallet") {
		t.Fatal("a duplicate is not reported as one")
	}
}

// presentationQR makes a presentation of the wallet's credentials ids
// and returns its QR payload.
func presentationQR(t *testing.T, a *App, ids ...string) *qr.Payload {
	t.Helper()
	data, _, err := share.PresentStored(context.Background(), a.wallet, "", ids, share.Options{Format: share.FormatVPJWTV2})
	if err != nil {
		t.Fatal(err)
	}
	p, err := qr.Encode(data, qr.Options{MaxVersion: 10})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestImportQR(t *testing.T) {
	// A presentation made in one wallet…
	src := demoApp(t)
	p := presentationQR(t, src, src.lib.creds[0].ID, src.lib.creds[1].ID)
	if len(p.Parts) < 2 {
		t.Fatalf("want a multi-part set for the test, got %d part", len(p.Parts))
	}

	// …pasted as text into another, parts out of order.
	a := unlocked(t, fixedHolder(t))
	parts := append([]string{}, p.Parts...)
	parts[0], parts[len(parts)-1] = parts[len(parts)-1], parts[0]
	a.importText(strings.Join(parts, "\n"))
	a.jobs.Wait()
	if len(a.lib.creds) != 2 || !hasText(a, "Presentation") {
		t.Fatalf("pasting QR texts imported %d credentials", len(a.lib.creds))
	}

	// Missing parts are named.
	b := unlocked(t, fixedHolder(t))
	b.importText(strings.Join(p.Parts[1:], "\n"))
	b.jobs.Wait()
	if !hasText(b, "Add the missing ones: [1]") {
		t.Fatalf("a missing part is not named: %v", labels(b))
	}

	// The same as images, one per part, opened together.
	dir := t.TempDir()
	syms, err := p.Symbols()
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for i, s := range syms {
		png, err := s.PNG(4)
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, "part-"+string(rune('a'+i))+".png")
		if err := os.WriteFile(path, png, 0o600); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, path)
	}
	c := unlocked(t, fixedHolder(t))
	c.openHook = func() []string { return paths }
	c.openImport()
	test.Tap(button(t, c, "Open a QR code image…"))
	c.jobs.Wait()
	if len(c.lib.creds) != 2 {
		t.Fatalf("opening QR images imported %d credentials: %v", len(c.lib.creds), labels(c))
	}
}

func TestImportDropFolderAndCancel(t *testing.T) {
	a := unlocked(t, fixedHolder(t))
	dir := t.TempDir()
	for i, p := range corpusPaths(t, 200, 30) {
		data, _ := os.ReadFile(p)
		sub := dir
		if i%2 == 1 {
			sub = filepath.Join(dir, "more")
			os.MkdirAll(sub, 0o755)
		}
		os.WriteFile(filepath.Join(sub, filepath.Base(p)), data, 0o600)
	}
	os.WriteFile(filepath.Join(dir, ".hidden"), []byte("x"), 0o600)

	// Cancel after ten: what was imported stays, and the summary says so.
	a.progressHook = func(done int) {
		if done == 10 && a.running != nil {
			a.running.onCancel()
		}
	}
	a.onDropped(fyne.NewPos(10, 10), []fyne.URI{storage.NewFileURI(dir)})
	a.jobs.Wait()
	if !hasText(a, "The import was cancelled") {
		t.Fatalf("no word of the cancellation: %v", labels(a))
	}
	n := len(a.lib.creds)
	if n < 10 || n >= 30 {
		t.Fatalf("%d credentials after cancelling at 10 of 30", n)
	}
	shot(t, a, "import-cancelled")

	// Dropping the folder again imports the rest; the first are duplicates.
	a.progressHook = nil
	a.onDropped(fyne.NewPos(10, 10), []fyne.URI{storage.NewFileURI(dir)})
	a.jobs.Wait()
	if len(a.lib.creds) != 30 || !hasText(a, "already in the wallet") {
		t.Fatalf("%d credentials after importing the folder again", len(a.lib.creds))
	}
	inputs, probs := gatherInputs([]string{dir}, 1<<20)
	if len(inputs) != 30 || len(probs) != 0 {
		t.Fatalf("gathering the folder: %d inputs, problems %v", len(inputs), probs)
	}
	sub := 0
	for _, in := range inputs {
		if strings.HasPrefix(in.Name, filepath.Join(filepath.Base(dir), "more")+"/") {
			sub++
		}
	}
	if sub != 15 {
		t.Errorf("%d files named with their sub-folder, want 15", sub)
	}
}

func TestFilePicker(t *testing.T) {
	a := unlocked(t, fixedHolder(t))
	// A fixed path, so that the rendered picker is the same every run.
	dir := filepath.Join(os.TempDir(), "satchel-ui-picker-test")
	os.RemoveAll(dir)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	for _, p := range corpusPaths(t, 200, 3) {
		data, _ := os.ReadFile(p)
		os.WriteFile(filepath.Join(dir, filepath.Base(p)), data, 0o600)
	}
	os.Mkdir(filepath.Join(dir, "sub"), 0o755)
	a.fyne.Preferences().SetString(prefLastFolder, dir)
	a.openImport()
	test.Tap(button(t, a, "Choose files or folders…"))
	if !hasText(a, "0 selected") {
		t.Fatal("the file picker did not open")
	}
	test.AssertRendersToMarkup(t, "filepicker.xml", a.win.Canvas())
	shot(t, a, "filepicker")
	checks := findAll[*widget.Check](a)
	var files []*widget.Check
	for _, c := range checks {
		if c.Text == "" { // the picker's; the sidebar's have words
			files = append(files, c)
		}
	}
	if len(files) < 4 { // the folder and three files
		t.Fatalf("the picker lists %d entries", len(files))
	}
	test.Tap(files[1])
	test.Tap(files[2])
	if !hasText(a, "2 selected") {
		t.Fatal("ticking does not count")
	}
	test.Tap(button(t, a, "Import selected"))
	a.jobs.Wait()
	if len(a.lib.creds) != 2 {
		t.Fatalf("the picker imported %d credentials", len(a.lib.creds))
	}
}
