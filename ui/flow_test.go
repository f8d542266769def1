package ui

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/satchel-wallet/satchel/internal/interop"
	"github.com/satchel-wallet/satchel/share"
	"github.com/satchel-wallet/satchel/share/qr"
	"github.com/satchel-wallet/satchel/wallet/credential"
)

// TestLearnerFlow walks the path a new learner takes: create a wallet,
// import the shared fixtures and a folder of 200 third-party credentials,
// search, open a credential, add it to a new stack, and share the stack as
// a QR code, which must decode and verify.
func TestLearnerFlow(t *testing.T) {
	m := &memVaults{}
	a := newTestApp(t, m)
	entries := findAll[*widget.Entry](a)
	test.Type(entries[0], goodPass)
	test.Type(entries[1], goodPass)
	test.Tap(button(t, a, "Create wallet"))
	a.jobs.Wait()
	if a.shell == nil {
		t.Fatal("no main screen after creating the wallet")
	}
	shot(t, a, "flow-01-empty")

	// Import: Ctrl+O, then files and a whole folder.
	corpus := interop.Corpus(t, 200)
	a.openHook = func() []string { return append(fixturePaths(t), corpus) }
	typeShortcut(a, shortcutImport)
	test.Tap(button(t, a, "Choose files or folders…"))
	a.jobs.Wait()
	pinTimes(t, a.wallet.Store())
	a.lib.load()
	if !hasText(a, "Import finished") {
		t.Fatal("no import summary")
	}
	sum := label(t, a, " imported, ").Text
	for _, want := range []string{"226 imported", "24 not verified", "8 rejected"} {
		if !strings.Contains(sum, want) {
			t.Errorf("summary %q lacks %q", sum, want)
		}
	}
	if strings.Contains(sum, " 0 rejected") || strings.Contains(sum, " 0 not verified") {
		t.Errorf("summary %q: the negative cases should be rejected or not verified", sum)
	}
	test.AssertRendersToMarkup(t, "flow_import_summary.xml", a.win.Canvas())
	shot(t, a, "flow-02-summary")
	test.Tap(button(t, a, "Show my credentials"))
	if n := len(a.lib.creds); n != 226 {
		t.Fatalf("%d credentials in the wallet after import", n)
	}

	// Search as you type.
	p := a.shell.creds
	typeShortcut(a, shortcutSearch)
	test.Type(p.search, "gdpr smes")
	if len(p.shown) == 0 {
		t.Fatal("searching “gdpr smes” found nothing")
	}
	for _, c := range p.shown {
		if !strings.Contains(credTitle(c, "en"), "GDPR") {
			t.Errorf("“gdpr smes” found %q", credTitle(c, "en"))
		}
	}
	test.AssertRendersToMarkup(t, "flow_search.xml", a.win.Canvas())
	shot(t, a, "flow-03-search")

	// Open the first result.
	chosen := p.shown[0]
	p.list.Select(0)
	for _, want := range []string{"Data Protection (GDPR) for SMEs", "Awarding body", "EQF level", "ECTS"} {
		if !hasText(a, want) {
			t.Errorf("the detail does not show %q", want)
		}
	}
	test.AssertRendersToMarkup(t, "flow_detail.xml", a.win.Canvas())
	shot(t, a, "flow-04-detail")

	// Add it to a new stack.
	test.Tap(button(t, a, "Add to stack…"))
	test.Tap(button(t, a, "New stack…"))
	name := a.win.Canvas().Focused().(*keyEntry)
	test.Type(name, "Digital skills towards a diploma")
	ectsEntry := find(t, a, func(e *keyEntry) bool { return e.PlaceHolder == "for example 30" })
	test.Type(ectsEntry, "30")
	test.Tap(button(t, a, "Create"))
	stacks, err := a.wallet.Stacks()
	if err != nil || len(stacks) != 1 || len(stacks[0].Members) != 1 || stacks[0].Members[0] != chosen.ID {
		t.Fatalf("stacks after Create: %+v, %v", stacks, err)
	}
	if !hasText(a, "Digital skills towards a diploma") || !hasText(a, "Members (1)") {
		t.Fatal("the new stack is not shown with its member")
	}
	test.AssertRendersToMarkup(t, "flow_stack.xml", a.win.Canvas())
	shot(t, a, "flow-05-stack")

	// Share the stack as a QR code.
	test.Tap(button(t, a, "Share"))
	if p := find(t, a, func(s *widget.Select) bool { return s.Selected == "Digital skills towards a diploma" }); p == nil {
		t.Fatal("the share page does not have the stack chosen")
	}
	test.Tap(button(t, a, "Sign and share"))
	a.jobs.Wait()
	if !hasText(a, "Show this QR code to the verifier") {
		t.Fatalf("no QR code; the page says %v", labels(a))
	}
	test.AssertRendersToMarkup(t, "flow_qr.xml", a.win.Canvas())
	shot(t, a, "flow-06-qr")
	page := find(t, a, func(*widget.Button) bool { return true }) // any: the page is on screen
	_ = page

	log, err := a.wallet.SharedLog("")
	if err != nil || len(log) != 1 || log[0].Via != "qr" || log[0].Stack == "" {
		t.Fatalf("the log after showing the QR code: %+v, %v", log, err)
	}
	test.Tap(button(t, a, "Copy text"))
	text := a.fyne.Clipboard().Content()
	data, err := qr.Decode(strings.Split(text, "\n")...)
	if err != nil {
		t.Fatalf("the copied QR texts do not decode: %v", err)
	}
	res, err := share.VerifyPresentation(context.Background(), data, share.VerifyOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if proof, _ := res.Find(credential.CheckProof); proof.Status != credential.OK || res.Summary == nil || res.Summary.Name != "Digital skills towards a diploma" {
		t.Fatalf("the shared presentation: proof %v, summary %+v", proof, res.Summary)
	}
	if log, _ := a.wallet.SharedLog(""); len(log) != 2 {
		t.Fatalf("copying was not logged: %d entries", len(log))
	}

	// History shows both.
	test.Tap(button(t, a, "History"))
	if !hasText(a, "shown as a QR code") || !hasText(a, "copied") {
		t.Fatal("History does not list what was shared")
	}
	shot(t, a, "flow-07-history")
	_ = filepath.Join
}

// labels returns the texts of every label in the window, for messages.
func labels(a *App) []string {
	var out []string
	for _, l := range findAll[*widget.Label](a) {
		if l.Text != "" {
			out = append(out, l.Text)
		}
	}
	return out
}
