package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/satchel-wallet/satchel/wallet/credential"
)

func TestSettings(t *testing.T) {
	a := unlocked(t, fixedHolder(t))
	test.Tap(button(t, a, "Settings"))
	test.AssertRendersToMarkup(t, "settings.xml", a.win.Canvas())
	shot(t, a, "settings")

	// Auto-lock.
	lock := find(t, a, func(s *widget.Select) bool { return s.Selected == "After 10 minutes" })
	lock.SetSelected("After 30 minutes")
	if a.autoLock() != 30*time.Minute {
		t.Fatalf("auto-lock is %v", a.autoLock())
	}
	lock.SetSelected("Never")
	if a.autoLock() != 0 {
		t.Fatal("Never did not turn auto-lock off")
	}

	// Theme.
	theme := find(t, a, func(r *widget.RadioGroup) bool { return len(r.Options) == 3 })
	theme.SetSelected("Dark")
	if got := a.fyne.Preferences().String(prefTheme); got != "dark" {
		t.Fatalf("theme preference %q", got)
	}
	if _, ok := a.fyne.Settings().Theme().(fixedVariant); !ok {
		t.Fatal("the dark theme was not applied")
	}
	theme.SetSelected("Follow the system")

	// Online checks: off by default; on, "Check online" can be ticked.
	online := find(t, a, func(c *widget.Check) bool {
		return c.Text == "Offer checks that use the network (revocation lists, web keys)"
	})
	if online.Checked || a.onlineAllowed() {
		t.Fatal("online checks are allowed by default")
	}
	test.Tap(online)
	if !a.onlineAllowed() {
		t.Fatal("ticking did not allow online checks")
	}

	// Profiles: copy the DID, add one, make it the default.
	test.Tap(button(t, a, "Copy DID"))
	if got := a.fyne.Clipboard().Content(); got != fixedDID {
		t.Fatalf("clipboard holds %q", got)
	}
	test.Tap(button(t, a, "Add a profile…"))
	test.Type(find(t, a, func(e *keyEntry) bool { return e.Visible() && e.Text == "" }), "Work")
	test.Tap(button(t, a, "Create"))
	hs, _ := a.wallet.Holders()
	if len(hs) != 2 {
		t.Fatalf("%d profiles after adding one", len(hs))
	}
	test.Tap(button(t, a, "Make default"))
	if h, _ := a.wallet.Holder(""); h.Name != "Work" || a.shell.holder.Text != "Work" {
		t.Fatalf("the default profile is %q", h.Name)
	}
}

func TestLanguageSetting(t *testing.T) {
	a := unlocked(t, fixedHolder(t))
	t.Cleanup(func() { a.setLanguage("") })
	test.Tap(button(t, a, "Settings"))
	find(t, a, func(s *widget.Select) bool { return len(s.Options) == 5 }).SetSelected("Deutsch")
	if a.language() != "de" {
		t.Fatalf("language %q after choosing German", a.language())
	}
	for _, want := range []string{"Einstellungen", "Nachweise"} {
		if !hasText(a, want) && !hasButton(a, want) {
			t.Errorf("no %q after choosing German", want)
		}
	}
	shot(t, a, "settings-de")
	// Check sentences are translated from their codes, with their values.
	c := credential.NewCheck(credential.CheckValidity, credential.OK, "validity.ok-until", map[string]string{"Until": "1 Mai 2030"}, "")
	if got := sentence(c); got != "Der Nachweis ist gültig bis 1 Mai 2030." {
		t.Errorf("the check sentence in German: %q", got)
	}
	find(t, a, func(s *widget.Select) bool { return len(s.Options) == 5 }).SetSelectedIndex(0)
	if !hasButton(a, "Settings") {
		t.Error("back to the system's language, the app is not in English")
	}
}

func hasButton(a *App, text string) bool {
	for _, b := range findAll[*widget.Button](a) {
		if b.Text == text {
			return true
		}
	}
	return false
}

func TestHistoryEmpty(t *testing.T) {
	a := unlocked(t, fixedHolder(t))
	test.Tap(button(t, a, "History"))
	if !hasText(a, "Nothing shared yet.") {
		t.Fatal("an empty history does not say so")
	}
}
