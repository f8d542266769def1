package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/satchel-wallet/satchel/internal/fixture"
	"github.com/satchel-wallet/satchel/wallet"
	"github.com/satchel-wallet/satchel/wallet/credential"
)

func TestSettings(t *testing.T) {
	a := unlocked(t, fixedHolder(t))
	test.Tap(button(t, a, "Settings"))
	test.AssertRendersToMarkup(t, "settings.xml", a.win.Canvas())
	shot(t, a, "settings")

	// Auto-lock.
	lock := find(t, a, func(s *widget.Select) bool { return s.Selected == "After 10 minutes" })
	if lock.Options[0] != "After 1 minute" {
		t.Fatalf("the first auto-lock choice reads %q", lock.Options[0])
	}
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
		return c.Text == "Offer checks that use the network"
	})
	if online.Checked || a.onlineAllowed() {
		t.Fatal("online checks are allowed by default")
	}
	test.Tap(online)
	if !a.onlineAllowed() {
		t.Fatal("ticking did not allow online checks")
	}

	// The import size limit: 4 MB by default, and what import and
	// verification read with.
	limit := find(t, a, func(s *widget.Select) bool { return s.Selected == "4 MB per file" })
	if a.maxImportBytes() != wallet.DefaultMaxBytes {
		t.Fatalf("default import limit %d", a.maxImportBytes())
	}
	limit.SetSelected("1 MB per file")
	if a.maxImportBytes() != 1<<20 {
		t.Fatalf("import limit %d after choosing 1 MB", a.maxImportBytes())
	}
	if ch, err := a.checker(); err != nil || ch.MaxBytes != 1<<20 {
		t.Fatalf("the checker reads up to %d bytes (%v)", ch.MaxBytes, err)
	}
}

// TestImportLimit imports a file over the limit set in Settings: it is
// refused, and imported once the limit allows it.
func TestImportLimit(t *testing.T) {
	a := unlocked(t, fixedHolder(t))
	big := filepath.Join(t.TempDir(), "big.json")
	pad := strings.Repeat(" ", 1<<20) // a valid credential padded past 1 MiB
	orig, err := os.ReadFile(fixture.Path(t, "vectors/ob3/spec-ldp-testvector/signed.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(big, append(orig, pad...), 0o600); err != nil {
		t.Fatal(err)
	}
	a.fyne.Preferences().SetInt(prefImportMiB, 1)
	a.importFiles([]string{big})
	a.jobs.Wait()
	if a.lib.count() != 0 {
		t.Fatal("a file over the 1 MB limit was imported")
	}
	a.fyne.Preferences().SetInt(prefImportMiB, 2)
	a.importFiles([]string{big})
	a.jobs.Wait()
	if a.lib.count() != 1 {
		t.Fatalf("%d credentials after importing under a 2 MB limit", a.lib.count())
	}
}

// settingsTab shows the settings tab called name.
func settingsTab(t *testing.T, a *App, name string) {
	t.Helper()
	test.Tap(button(t, a, "Settings"))
	tabs := find(t, a, func(*container.AppTabs) bool { return true })
	for i, it := range tabs.Items {
		if it.Text == name {
			tabs.SelectIndex(i)
			return
		}
	}
	t.Fatalf("no settings tab %q", name)
}

// dialogButton returns the button labelled text in the dialogs over the
// window, not on the page beneath.
func dialogButton(t *testing.T, a *App, text string) *widget.Button {
	t.Helper()
	for _, b := range findAll[*widget.Button](a) {
		if b.Text == text && inOverlay(a, b) {
			return b
		}
	}
	t.Fatalf("no button %q in a dialog", text)
	return nil
}

// inOverlay reports whether o is inside one of the window's overlays.
func inOverlay(a *App, o fyne.CanvasObject) bool {
	found := false
	var walk func(c fyne.CanvasObject)
	walk = func(c fyne.CanvasObject) {
		if c == nil || found {
			return
		}
		if c == o {
			found = true
			return
		}
		switch c := c.(type) {
		case *fyne.Container:
			for _, child := range c.Objects {
				walk(child)
			}
		case fyne.Widget:
			for _, child := range test.WidgetRenderer(c).Objects() {
				walk(child)
			}
		}
	}
	for _, ov := range a.win.Canvas().Overlays().List() {
		walk(ov)
	}
	return found
}

// status is the text under the settings tabs.
func status(a *App) string {
	if a.shell == nil || a.shell.settings == nil || !a.shell.settings.status.Visible() {
		return ""
	}
	return a.shell.settings.status.Text
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

// TestSettingsFitsSmallWindow checks that every settings tab, in every
// language, fits the smallest window Satchel is made for, 800 by 600: a
// tab wider than that would make the window grow.
func TestSettingsFitsSmallWindow(t *testing.T) {
	a := unlocked(t, fixedHolder(t))
	t.Cleanup(func() { a.setLanguage("") })
	a.win.Resize(fyne.NewSize(800, 600))
	for _, l := range []string{"en", "de", "fr", "es"} {
		a.setLanguage(l)
		a.rebuild(secSettings)
		// The tabs are as wide as the widest of them, so the page is
		// too wide if any tab is.
		if w := a.win.Content().MinSize().Width; w > 800 {
			tabs := find(t, a, func(*container.AppTabs) bool { return true })
			var widths []string
			for _, it := range tabs.Items {
				widths = append(widths, fmt.Sprintf("%s %.0f", it.Text, it.Content.MinSize().Width))
			}
			t.Errorf("%s: the settings page needs %.0f wide; its tabs: %s", l, w, strings.Join(widths, ", "))
		}
	}
}
