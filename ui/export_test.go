package ui

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/satchel-wallet/satchel/wallet/stack"
)

// exportPageOn returns the export page's format choice on screen.
func exportFormOn(t *testing.T, a *App) *widget.RadioGroup {
	t.Helper()
	return find(t, a, func(r *widget.RadioGroup) bool {
		return slices.ContainsFunc(r.Options, func(o string) bool { return strings.HasPrefix(o, "PDF:") })
	})
}

func TestExportFromDetail(t *testing.T) {
	a := demoApp(t)
	openTitled(t, a, "Machine Learning in Practice")
	test.Tap(button(t, a, "Export…"))
	form := exportFormOn(t, a)
	if slices.ContainsFunc(form.Options, func(o string) bool { return strings.HasPrefix(o, "EDC original") }) {
		t.Fatal("the EDC original is offered for a credential that is not an EDC")
	}
	form.SetSelected(form.Options[len(form.Options)-1]) // PDF
	name := find(t, a, func(e *keyEntry) bool { return strings.HasPrefix(e.PlaceHolder, "Your name") })
	name.SetText("Elena Marković") // the demo wallet's profile has no full name
	test.AssertRendersToMarkup(t, "export.xml", a.win.Canvas())
	shot(t, a, "export")

	dir := t.TempDir()
	a.saveHook = func(name string) string { return filepath.Join(dir, name) }
	test.Tap(button(t, a, "Export and save…"))
	a.jobs.Wait()
	pdf, err := os.ReadFile(filepath.Join(dir, "credentials.pdf"))
	if err != nil {
		t.Fatalf("no PDF saved: %v; %v", err, labels(a))
	}
	if !bytes.HasPrefix(pdf, []byte("%PDF")) {
		t.Fatalf("not a PDF: %q", pdf[:min(len(pdf), 16)])
	}
	if log, _ := a.wallet.SharedLog(""); len(log) != 1 || log[0].Via != "pdf" {
		t.Fatalf("the PDF's presentation is not logged: %+v", log)
	}

	form.SetSelected(form.Options[0]) // ELM v3
	if !strings.HasPrefix(form.Selected, "ELM v3") {
		t.Fatalf("first option is %q", form.Selected)
	}
	test.Tap(button(t, a, "Export and save…"))
	a.jobs.Wait()
	ents, _ := os.ReadDir(dir)
	var elm []byte
	for _, e := range ents {
		if e.Name() != "credentials.pdf" {
			elm, err = os.ReadFile(filepath.Join(dir, e.Name()))
		}
	}
	if elm == nil || err != nil {
		t.Fatalf("no ELM file saved: %v; %v", err, labels(a))
	}
	var doc struct {
		Type []string `json:"type"`
	}
	if err := json.Unmarshal(elm, &doc); err != nil {
		t.Fatalf("the ELM export is not JSON: %v", err)
	}
	if !slices.Contains(doc.Type, "EuropeanDigitalCredential") {
		t.Fatalf("the ELM export's type is %v", doc.Type)
	}
	if !hasText(a, "Exported 1 file to") {
		t.Fatalf("no word of the export: %v", labels(a))
	}
	test.Tap(button(t, a, "Back"))
	if !hasButton(a, "Export…") {
		t.Fatal("Back does not return to the credential")
	}
}

// TestExportSeveral exports a stack's members as ELM files into a folder
// and opens the export page from a collection in the sidebar.
func TestExportSeveral(t *testing.T) {
	a := demoApp(t)
	ids := []string{a.lib.creds[0].ID, a.lib.creds[1].ID}
	s, err := a.wallet.CreateStack(stack.Stack{Name: "Computing"})
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := a.wallet.AddToStack(s.ID, ids...); err != nil {
		t.Fatal(err)
	}
	a.openStack(s.ID)
	test.Tap(button(t, a, "Export…"))
	if !hasText(a, "Export the 2 credentials of the stack “Computing”.") {
		t.Fatalf("the stack's export page: %v", labels(a))
	}
	dir := t.TempDir()
	a.saveHook = func(name string) string { return filepath.Join(dir, name) }
	test.Tap(button(t, a, "Export and save…"))
	ents, _ := os.ReadDir(dir)
	if len(ents) != 2 || !hasText(a, "Exported 2 files to") {
		t.Fatalf("%d files exported: %v", len(ents), labels(a))
	}

	c, err := a.wallet.CreateCollection("Job applications")
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := a.wallet.AddToCollection(c.ID, ids[0]); err != nil {
		t.Fatal(err)
	}
	a.shell.show(secCredentials)
	a.lib.load()
	a.shell.creds.side.coll.SetSelected("Job applications (1)")
	test.Tap(button(t, a, "Export…"))
	if !hasText(a, "Export the 1 credential of the collection “Job applications”.") {
		t.Fatalf("the collection's export page: %v", labels(a))
	}
}
