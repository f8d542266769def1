package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/satchel-wallet/satchel/share"
	"github.com/satchel-wallet/satchel/share/qr"
)

func TestVerifyPresentation(t *testing.T) {
	// The holder makes a presentation for a verifier…
	holder := demoApp(t)
	ids := []string{holder.lib.creds[0].ID, holder.lib.creds[1].ID}
	data, _, err := share.PresentStored(context.Background(), holder.wallet, "", ids,
		share.Options{Format: share.FormatVPJWTV2, Challenge: "c-123", Domain: "jobs.example", Now: holder.now})
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "presentation.jwt")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}

	// …which the verifier opens in their own Satchel.
	a := unlocked(t, fixedHolder(t))
	test.Tap(button(t, a, "Verify"))
	find(t, a, func(e *keyEntry) bool { return strings.HasPrefix(e.PlaceHolder, "The challenge you gave") }).SetText("c-123")
	find(t, a, func(e *keyEntry) bool { return strings.HasPrefix(e.PlaceHolder, "Your domain") }).SetText("jobs.example")
	a.openHook = func() []string { return []string{path} }
	test.Tap(button(t, a, "Open a file or QR images…"))
	a.jobs.Wait()
	for _, want := range []string{"Result", "Verified", "Presented by did:key:", "Challenge", "Credentials inside", titleOf(holder, ids[0])} {
		if !hasText(a, want) {
			t.Errorf("the result lacks %q", want)
		}
	}
	test.AssertRendersToMarkup(t, "verify.xml", a.win.Canvas())
	shot(t, a, "verify")
	if len(a.lib.creds) != 0 {
		t.Fatal("verifying stored something")
	}

	// The same as QR texts, pasted, with the wrong challenge.
	p, err := qrTexts(data)
	if err != nil {
		t.Fatal(err)
	}
	find(t, a, func(e *keyEntry) bool { return strings.HasPrefix(e.PlaceHolder, "The challenge you gave") }).SetText("other")
	find(t, a, func(e *keyEntry) bool { return e.MultiLine }).SetText(strings.Join(p, "\n"))
	test.Tap(button(t, a, "Verify pasted text"))
	a.jobs.Wait()
	if !hasText(a, "Not verified") || !hasText(a, "Failed") {
		t.Fatalf("a wrong challenge passed: %v", labels(a))
	}

	// Something that is no presentation at all.
	a.shell.show(secVerify)
	find(t, a, func(e *keyEntry) bool { return e.MultiLine }).SetText("hello")
	test.Tap(button(t, a, "Verify pasted text"))
	a.jobs.Wait()
	if !hasText(a, "Rejected") {
		t.Fatalf("plain text was not rejected: %v", labels(a))
	}
}

// titleOf is the English title of credential id in a's wallet.
func titleOf(a *App, id string) string { return credTitle(a.lib.credential(id), "en") }

// qrTexts returns the QR payload texts of a presentation.
func qrTexts(data []byte) ([]string, error) {
	p, err := qr.Encode(data, qr.Options{})
	if err != nil {
		return nil, err
	}
	return p.Parts, nil
}
