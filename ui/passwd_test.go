package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// passwordEntry returns the password entry of the dialog whose place
// holder is placeholder.
func passwordEntry(t *testing.T, a *App, placeholder string) *widget.Entry {
	t.Helper()
	return find(t, a, func(e *widget.Entry) bool { return e.Password && e.PlaceHolder == placeholder })
}

func TestChangePassphrase(t *testing.T) {
	m := fixedHolder(t)
	a := unlocked(t, m)
	settingsTab(t, a, "Wallet")
	test.AssertRendersToMarkup(t, "settings_wallet.xml", a.win.Canvas())
	shot(t, a, "settings-wallet")
	test.Tap(button(t, a, "Change the passphrase…"))
	current := passwordEntry(t, a, "The passphrase you unlock with now")
	next := passwordEntry(t, a, "New passphrase")
	again := passwordEntry(t, a, "The same passphrase again")
	change := dialogButton(t, a, "Change passphrase")
	if a.win.Canvas().Focused() != current {
		t.Fatal("the current passphrase does not have the focus")
	}

	// Too short, then different: Change stays disabled, and says why.
	test.Type(next, "short")
	if !change.Disabled() || !hasText(a, "Too short") {
		t.Fatal("a short passphrase is accepted")
	}
	const newPass = "lantern orchard velvet compass"
	next.SetText(newPass)
	test.Type(again, "lantern orchard")
	if !change.Disabled() || !hasText(a, "not the same yet") {
		t.Fatal("two different passphrases are accepted")
	}
	if !hasText(a, "Strong") && !hasText(a, "Very strong") && !hasText(a, "Fair") {
		t.Fatal("no strength hint in words")
	}
	test.Type(again, " velvet compass")
	if change.Disabled() {
		t.Fatal("Change stays disabled for a good new passphrase")
	}
	test.AssertRendersToMarkup(t, "passphrase.xml", a.win.Canvas())
	shot(t, a, "passphrase")

	// A wrong current passphrase changes nothing.
	test.Type(current, "not my passphrase")
	test.Tap(change)
	a.jobs.Wait()
	if m.changed != 0 || !hasText(a, "That is not the passphrase the wallet has now") || current.Text != "" {
		t.Fatalf("a wrong current passphrase: %d changes", m.changed)
	}

	// The right one changes it; the dialog closes and the page says so.
	test.Type(current, goodPass)
	test.Tap(change)
	a.jobs.Wait()
	if m.changed != 1 || string(m.pass) != newPass {
		t.Fatal("the passphrase was not changed")
	}
	if len(a.win.Canvas().Overlays().List()) != 0 || !strings.HasPrefix(status(a), "The passphrase is changed") {
		t.Fatalf("after the change: %d dialogs, %q", len(a.win.Canvas().Overlays().List()), status(a))
	}

	// Locked, the wallet opens with the new passphrase only.
	a.Lock()
	test.Type(a.win.Canvas().Focused().(*widget.Entry), goodPass)
	test.Tap(button(t, a, "Unlock"))
	a.jobs.Wait()
	if a.wallet != nil {
		t.Fatal("the old passphrase still unlocks")
	}
	a.win.Canvas().Focused().(*widget.Entry).SetText(newPass)
	test.Tap(button(t, a, "Unlock"))
	a.jobs.Wait()
	if a.wallet == nil {
		t.Fatal("the new passphrase does not unlock")
	}
}
