package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/satchel-wallet/satchel/share/qr"
)

// TestQRDefaultsUsedByShare sets the QR defaults in Settings and makes a
// QR code on the Share screen: its symbols follow them.
func TestQRDefaultsUsedByShare(t *testing.T) {
	a := demoApp(t)
	settingsTab(t, a, "Sharing")
	if o := a.qrOptions(); o.Level != qr.LevelDefault || o.MaxVersion != qr.DefaultMaxVersion || o.URLPrefix != "" {
		t.Fatalf("the QR defaults before any choice: %+v", o)
	}
	if !hasText(a, "None: the QR codes hold only the presentation") {
		t.Fatal("the empty verifier address is not explained")
	}
	test.AssertRendersToMarkup(t, "settings_sharing.xml", a.win.Canvas())
	shot(t, a, "settings-sharing")

	find(t, a, func(s *widget.Select) bool { return strings.HasPrefix(s.Selected, "Medium") }).SetSelected("High: survives 30% damage, for printing")
	find(t, a, func(s *widget.Select) bool { return strings.HasPrefix(s.Selected, "Version 25") }).SetSelected("Version 15: up to 77×77 modules")
	url := find(t, a, func(e *keyEntry) bool { return e.PlaceHolder == "http://127.0.0.1:8787/#" })

	// An address without its '#' is not kept, and the page says what to do.
	test.Type(url, "http://127.0.0.1:8787/")
	if a.fyne.Preferences().String(prefQRURL) != "" || !hasText(a, "must end with #") {
		t.Fatal("an address without # was kept, or not explained")
	}
	test.Type(url, "#")
	if got := a.fyne.Preferences().String(prefQRURL); got != "http://127.0.0.1:8787/#" {
		t.Fatalf("the verifier address kept is %q", got)
	}
	o := a.qrOptions()
	if o.Level != qr.LevelH || o.MaxVersion != 15 || o.URLPrefix != "http://127.0.0.1:8787/#" {
		t.Fatalf("the QR options after choosing: %+v", o)
	}

	// The Share screen makes its QR codes with them.
	p := newSharePage(a, []string{a.lib.creds[0].ID}, "")
	a.shell.open(secShare, p.content())
	test.Tap(p.makeB)
	a.jobs.Wait()
	r := a.shared
	if r == nil || r.payload == nil {
		t.Fatalf("no QR code made: %q", p.problem.Text)
	}
	for i, s := range r.symbols {
		if s.Level != qr.LevelH || s.Version > 15 || !strings.HasPrefix(s.Text, "http://127.0.0.1:8787/#SAT") {
			t.Fatalf("symbol %d: level %v, version %d, text %.40q", i, s.Level, s.Version, s.Text)
		}
	}
	// What it carries still reads, the address and all.
	if _, err := qr.DecodeSets(r.payload.Parts); err != nil {
		t.Fatalf("the QR codes with an address do not read back: %v", err)
	}
}

func TestVerifierURLCheck(t *testing.T) {
	for _, tc := range []struct {
		url string
		ok  bool
	}{
		{"", true},
		{"http://127.0.0.1:8787/#", true},
		{"https://verifier.example/v#", true},
		{"https://verifier.example/v", false},
		{"https://verifier.example/#a#", false},
		{"verifier.example/#", false},
		{"https://verifier example/#", false},
		{"https://verifier.example/ü#", false},
	} {
		if err := checkVerifierURL(tc.url); (err == nil) != tc.ok {
			t.Errorf("%q: %v", tc.url, err)
		} else if err != nil && verifierURLProblem(tc.url) == "" {
			t.Errorf("%q: no explanation", tc.url)
		}
	}
}
