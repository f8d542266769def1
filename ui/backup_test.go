package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/satchel-wallet/satchel/wallet"
)

// TestBackupThenRestore backs the wallet up from Settings, changes it,
// and restores the backup over it: the wallet is as it was at the backup,
// and the one it replaced is kept.
func TestBackupThenRestore(t *testing.T) {
	m := fixedHolder(t)
	a := unlocked(t, m)
	dir := t.TempDir()
	backupPath := filepath.Join(dir, "satchel-backup-2026-03-02.age")
	a.saveHook = func(name string) string { return filepath.Join(dir, name) }

	// A wrong passphrase writes nothing and says what to do.
	settingsTab(t, a, "Wallet")
	test.Tap(button(t, a, "Back up…"))
	shot(t, a, "backup")
	test.Tap(dialogButton(t, a, "Choose where to save…"))
	if !hasText(a, "Type your wallet's passphrase first") {
		t.Fatal("backing up without a passphrase does not say what to do")
	}
	test.Type(passwordEntry(t, a, "Your wallet's passphrase"), "not my passphrase")
	test.Tap(dialogButton(t, a, "Choose where to save…"))
	a.jobs.Wait()
	if _, err := os.Stat(backupPath); !os.IsNotExist(err) || !hasText(a, "That is not your wallet's passphrase") {
		t.Fatal("a backup was written with a wrong passphrase, or the error is not explained")
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 0 {
		t.Fatalf("a failed backup left %d files", len(ents))
	}

	// The right passphrase writes it.
	pass := passwordEntry(t, a, "Your wallet's passphrase")
	pass.SetText(goodPass)
	test.Tap(dialogButton(t, a, "Choose where to save…"))
	a.jobs.Wait()
	if _, err := os.Stat(backupPath); err != nil {
		t.Fatal(err)
	}
	if got := status(a); !strings.HasPrefix(got, "Backed up 1 record to "+backupPath) {
		t.Fatalf("after the backup the page says %q", got)
	}

	// Change the wallet after the backup.
	if _, err := a.wallet.AddHolder("Added later", wallet.KeyEd25519); err != nil {
		t.Fatal(err)
	}

	// Restore: a wrong passphrase is found while the wallet stays open.
	a.openHook = func() []string { return []string{backupPath} }
	test.Tap(button(t, a, "Restore from a backup…"))
	test.Tap(button(t, a, "Choose the backup file…"))
	restorePass := passwordEntry(t, a, "The wallet's passphrase when the backup was made")
	test.Type(restorePass, "wrong")
	test.Tap(dialogButton(t, a, "Check the backup"))
	a.jobs.Wait()
	shot(t, a, "restore-wrong")
	if a.wallet == nil || !hasText(a, "That passphrase does not open this backup") {
		t.Fatal("a wrong backup passphrase locked the wallet, or is not explained")
	}

	// The right one: a confirmation that says what will happen, then the
	// wallet as it was at the backup.
	restorePass.SetText(goodPass)
	test.Tap(dialogButton(t, a, "Check the backup"))
	a.jobs.Wait()
	if !hasText(a, "holds 1 record.") || !hasText(a, "kept as a copy") {
		t.Fatal("the confirmation does not say what restoring does")
	}
	shot(t, a, "restore-confirm")
	test.Tap(dialogButton(t, a, "Replace with the backup"))
	a.jobs.Wait()
	if a.wallet == nil {
		t.Fatal("the restored wallet is not open")
	}
	hs, _ := a.wallet.Holders()
	if len(hs) != 1 || hs[0].DID != fixedDID {
		t.Fatalf("the restored wallet's profiles: %+v", hs)
	}
	if len(m.replaced) != 1 || !hasText(a, "The wallet you had before is kept as "+m.Path()+".before-restore") {
		t.Fatal("the wallet that was replaced is not kept, or not said to be")
	}
	kept, _ := wallet.New(m.replaced[0].store).Holders()
	if len(kept) != 2 {
		t.Fatalf("the kept wallet has %d profiles, want 2", len(kept))
	}
}

// TestRestoreOverFailure restores a file that is not a backup: the check
// refuses it and nothing changes.
func TestRestoreOverFailure(t *testing.T) {
	m := fixedHolder(t)
	a := unlocked(t, m)
	junk := filepath.Join(t.TempDir(), "notes.txt")
	os.WriteFile(junk, []byte("shopping list"), 0o600)
	a.openHook = func() []string { return []string{junk} }
	settingsTab(t, a, "Wallet")
	test.Tap(button(t, a, "Restore from a backup…"))
	test.Tap(dialogButton(t, a, "Check the backup"))
	if !hasText(a, "Choose the backup file and type its passphrase first") {
		t.Fatal("checking with nothing chosen does not say what to do")
	}
	test.Tap(button(t, a, "Choose the backup file…"))
	test.Type(passwordEntry(t, a, "The wallet's passphrase when the backup was made"), goodPass)
	test.Tap(dialogButton(t, a, "Check the backup"))
	a.jobs.Wait()
	if a.wallet == nil || len(m.replaced) != 0 || !hasText(a, "This file is not a Satchel backup") {
		t.Fatal("a file that is not a backup was not refused in words")
	}
}
