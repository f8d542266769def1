package ui

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/satchel-wallet/satchel/wallet"
)

func TestCreateWallet(t *testing.T) {
	m := &memVaults{}
	a := newTestApp(t, m)
	test.AssertRendersToMarkup(t, "create.xml", a.win.Canvas())
	create := button(t, a, "Create wallet")
	entries := findAll[*widget.Entry](a)
	if len(entries) != 2 {
		t.Fatalf("%d entries on the create screen, want 2", len(entries))
	}
	pass, again := entries[0], entries[1]
	if a.win.Canvas().Focused() != pass {
		t.Fatal("the passphrase entry is not focused at start")
	}

	test.Type(pass, "short")
	if !create.Disabled() || !hasText(a, "Too short") {
		t.Fatal("a short passphrase is accepted")
	}
	test.Type(pass, " but now long enough")
	test.Type(again, "something else")
	if !create.Disabled() || !hasText(a, "not the same") {
		t.Fatal("different passphrases are accepted")
	}
	again.SetText("")
	test.Type(again, "short but now long enough")
	if create.Disabled() {
		t.Fatal("Create stays disabled for a good passphrase")
	}
	if !hasText(a, "Weak") && !hasText(a, "Fair") && !hasText(a, "Strong") && !hasText(a, "Very strong") {
		t.Fatal("no strength hint in words")
	}
	test.Tap(create)
	a.jobs.Wait()
	if a.wallet == nil {
		t.Fatal("no wallet after Create")
	}
	h, err := a.wallet.Holder("")
	if err != nil {
		t.Fatal(err)
	}
	if a.shell == nil || !strings.HasPrefix(h.DID, "did:key:z6Mk") {
		t.Fatalf("no main screen, or an unexpected holder DID %s", h.DID)
	}
	if !bytes.Equal(m.pass, []byte("short but now long enough")) {
		t.Fatal("the wallet was created with another passphrase")
	}
}

func TestUnlockAndLock(t *testing.T) {
	m := fixedHolder(t)
	a := newTestApp(t, m)
	test.AssertRendersToMarkup(t, "unlock.xml", a.win.Canvas())
	pass := a.win.Canvas().Focused().(*widget.Entry)

	test.Type(pass, "not it")
	test.Tap(button(t, a, "Unlock"))
	a.jobs.Wait()
	if a.vault != nil || !hasText(a, "does not open this wallet") || pass.Text != "" {
		t.Fatal("a wrong passphrase did not give the one clear message")
	}

	test.Type(pass, goodPass)
	pass.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	a.jobs.Wait()
	if a.vault == nil || a.shell == nil || !hasText(a, "Elena") {
		t.Fatal("the right passphrase did not unlock")
	}

	test.Tap(button(t, a, "Lock"))
	if a.vault != nil || m.isOpen() || !hasText(a, "Satchel locked the wallet") {
		t.Fatal("Lock did not close the vault and return to the unlock screen")
	}

	// Ctrl+L locks too.
	pass = a.win.Canvas().Focused().(*widget.Entry)
	test.Type(pass, goodPass)
	test.Tap(button(t, a, "Unlock"))
	a.jobs.Wait()
	if a.vault == nil {
		t.Fatal("second unlock failed")
	}
	a.win.Canvas().(interface{ TypedShortcut(fyne.Shortcut) }).TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyL, Modifier: fyne.KeyModifierShortcutDefault})
	if a.vault != nil || m.isOpen() {
		t.Fatal("Ctrl+L did not lock")
	}
}

func TestWalletInUse(t *testing.T) {
	m := fixedHolder(t)
	held, err := m.Open([]byte(goodPass))
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	a := newTestApp(t, m)
	test.Type(a.win.Canvas().Focused().(*widget.Entry), goodPass)
	test.Tap(button(t, a, "Unlock"))
	a.jobs.Wait()
	if a.vault != nil || !hasText(a, "open in another Satchel window") {
		t.Fatal("no clear message for a wallet open elsewhere")
	}
}

func TestIdleLock(t *testing.T) {
	m := fixedHolder(t)
	a := newTestApp(t, m)
	locked := make(chan struct{})
	a.idle = newIdleLock(func() {
		fyne.DoAndWait(a.Lock)
		close(locked)
	})
	test.Type(a.win.Canvas().Focused().(*widget.Entry), goodPass)
	test.Tap(button(t, a, "Unlock"))
	a.jobs.Wait()
	if a.vault == nil {
		t.Fatal("unlock failed")
	}
	a.idle.set(50 * time.Millisecond)
	select {
	case <-locked:
	case <-time.After(5 * time.Second):
		t.Fatal("the wallet did not lock itself when idle")
	}
	if a.vault != nil || m.isOpen() || !hasText(a, "Satchel locked the wallet") {
		t.Fatal("idle lock left the wallet open")
	}
}

func TestIdleActivityPostpones(t *testing.T) {
	fired := make(chan struct{}, 1)
	l := newIdleLock(func() { fired <- struct{}{} })
	l.set(80 * time.Millisecond)
	for range 5 {
		time.Sleep(30 * time.Millisecond)
		l.touch()
	}
	select {
	case <-fired:
		t.Fatal("locked although there was activity")
	default:
	}
	select {
	case <-fired:
	case <-time.After(2 * time.Second):
		t.Fatal("did not lock after activity stopped")
	}
	l.set(0)
	time.Sleep(120 * time.Millisecond)
	select {
	case <-fired:
		t.Fatal("locked with auto-lock off")
	default:
	}
}

func TestExplain(t *testing.T) {
	for err, want := range map[error]string{
		wallet.ErrWrongPassphrase: "does not open",
		wallet.ErrInUse:           "another Satchel window",
		errors.Join(errors.New("x"), wallet.ErrIntegrity): "damaged",
		errors.New("disk full"):                           "disk full",
	} {
		if got := explain(err); !strings.Contains(got, want) {
			t.Errorf("explain(%v) = %q", err, got)
		}
	}
}

func TestRestoreFromBackup(t *testing.T) {
	src := fixedHolder(t)
	backup := backupOf(t, src)
	m := &memVaults{}
	a := newTestApp(t, m)
	test.Tap(button(t, a, "Restore from a backup…"))
	a.openHook = func() []string { return []string{backup} }
	test.Tap(button(t, a, "Choose the backup file…"))
	pass := find(t, a, func(e *widget.Entry) bool { return e.Password })
	test.Type(pass, "not it")
	test.Tap(button(t, a, "Restore"))
	a.jobs.Wait()
	if a.wallet != nil || !hasText(a, "does not open") {
		t.Fatal("a wrong passphrase restored the backup")
	}
	pass.SetText(goodPass)
	test.Tap(button(t, a, "Restore"))
	a.jobs.Wait()
	if a.wallet == nil || !hasText(a, "restored from the backup") {
		t.Fatalf("the backup was not restored: %v", labels(a))
	}
	if h, err := a.wallet.Holder(""); err != nil || h.DID != fixedDID {
		t.Fatalf("the restored holder: %v, %v", h.DID, err)
	}
}
