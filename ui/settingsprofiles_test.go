package ui

import (
	"crypto/ed25519"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

// ed25519JWK writes a new Ed25519 private key as a JWK file.
func ed25519JWK(t *testing.T) string {
	t.Helper()
	pub, priv, err := ed25519.GenerateKey(nil)
	if err != nil {
		t.Fatal(err)
	}
	b64 := base64.RawURLEncoding.EncodeToString
	jwk := fmt.Sprintf(`{"kty":"OKP","crv":"Ed25519","x":%q,"d":%q}`, b64(pub), b64(priv.Seed()))
	path := filepath.Join(t.TempDir(), "key.jwk")
	if err := os.WriteFile(path, []byte(jwk), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestSettingsProfiles(t *testing.T) {
	a := unlocked(t, fixedHolder(t))
	settingsTab(t, a, "Profiles")
	test.AssertRendersToMarkup(t, "settings_profiles.xml", a.win.Canvas())
	shot(t, a, "settings-profiles")

	// Copy the DID.
	test.Tap(button(t, a, "Copy DID"))
	if got := a.fyne.Clipboard().Content(); got != fixedDID {
		t.Fatalf("clipboard holds %q", got)
	}

	// Export the public DID document: nothing secret in it.
	dir := t.TempDir()
	a.saveHook = func(name string) string { return filepath.Join(dir, name) }
	exportElena := button(t, a, "Export…") // the one profile's
	test.Tap(exportElena)
	shot(t, a, "profile-export")
	test.Tap(dialogButton(t, a, "DID document"))
	doc, err := os.ReadFile(filepath.Join(dir, "Elena.did.json"))
	if err != nil {
		t.Fatal(err)
	}
	var d map[string]any
	if err := json.Unmarshal(doc, &d); err != nil || d["id"] != fixedDID || strings.Contains(string(doc), `"d"`) {
		t.Fatalf("the DID document: %v\n%s", err, doc)
	}

	// The private key leaves only after a confirmation that says what it
	// means; Cancel writes nothing.
	private := filepath.Join(dir, "Elena.private.jwk")
	test.Tap(exportElena)
	test.Tap(dialogButton(t, a, "Private key…"))
	if !hasText(a, "Anyone with this file can present credentials as “Elena”") {
		t.Fatal("no warning before exporting the private key")
	}
	shot(t, a, "profile-private")
	test.Tap(dialogButton(t, a, "Cancel"))
	if _, err := os.Stat(private); !os.IsNotExist(err) {
		t.Fatal("the private key was written without a confirmation")
	}
	test.Tap(exportElena)
	test.Tap(dialogButton(t, a, "Private key…"))
	test.Tap(dialogButton(t, a, "Export the private key"))
	st, err := os.Stat(private)
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("the private key file: %v, mode %v", err, st)
	}
	data, _ := os.ReadFile(private)
	if !strings.Contains(string(data), `"d"`) {
		t.Fatalf("the private key file holds no private key: %s", data)
	}

	// Add a profile, make it the default.
	test.Tap(button(t, a, "Add a profile…"))
	test.Type(find(t, a, func(e *keyEntry) bool { return e.Visible() && e.Text == "" }), "Work")
	test.Tap(button(t, a, "Create"))
	hs, _ := a.wallet.Holders()
	if len(hs) != 2 || !strings.Contains(status(a), "Work") {
		t.Fatalf("%d profiles after adding one; the page says %q", len(hs), status(a))
	}
	test.Tap(button(t, a, "Make default"))
	if h, _ := a.wallet.Holder(""); h.Name != "Work" || a.shell.holder.Text != "Work" {
		t.Fatalf("the default profile is %q", h.Name)
	}
	if a.shell.settingsTab != tabProfiles {
		t.Fatal("the page left the Profiles tab")
	}

	// Import a key from a JWK file; importing it again is refused, in
	// words that say what to do.
	key := ed25519JWK(t)
	a.openHook = func() []string { return []string{key} }
	importKey := func(name string) {
		test.Tap(button(t, a, "Import a key…"))
		test.Type(find(t, a, func(e *keyEntry) bool { return e.PlaceHolder == "For example: my university wallet" }), name)
		test.Tap(button(t, a, "Choose the key file…"))
		shot(t, a, "profile-import")
		if !hasText(a, key) {
			t.Fatal("the chosen key file is not shown")
		}
		test.Tap(dialogButton(t, a, "Import"))
	}
	importKey("Old wallet")
	hs, _ = a.wallet.Holders()
	if len(hs) != 3 || !hs[2].Imported || !strings.HasPrefix(hs[2].DID, "did:key:z6Mk") {
		t.Fatalf("after importing a key: %+v", hs)
	}
	if !hasText(a, "Ed25519 key, imported") || !strings.Contains(status(a), hs[2].DID) {
		t.Fatalf("the imported profile is not shown: %q", status(a))
	}
	importKey("Again")
	if hs, _ := a.wallet.Holders(); len(hs) != 3 || !strings.HasPrefix(status(a), "You already have that") {
		t.Fatalf("importing a key twice: %d profiles, %q", len(hs), status(a))
	}
}
