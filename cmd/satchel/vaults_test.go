package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/satchel-wallet/satchel/storage"
	"github.com/satchel-wallet/satchel/ui"
	"github.com/satchel-wallet/satchel/wallet"
)

const (
	pass  = "meadow tractor silent orange"
	pass2 = "lantern orchard velvet compass"
)

// newWallet makes a wallet file with one profile and returns its vaults.
func newWallet(t *testing.T) vaults {
	t.Helper()
	t.Setenv(storage.InsecureTestKDFEnv, "1")
	vs := vaults{path: filepath.Join(t.TempDir(), "wallet.satchel")}
	v, err := vs.Create([]byte(pass))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := wallet.New(v).Init(wallet.KeyEd25519); err != nil {
		t.Fatal(err)
	}
	if err := v.Close(); err != nil {
		t.Fatal(err)
	}
	return vs
}

func holders(t *testing.T, v ui.Vault) int {
	t.Helper()
	hs, err := wallet.New(v).Holders()
	if err != nil {
		t.Fatal(err)
	}
	return len(hs)
}

// TestChangePassphraseOnFile changes the passphrase of a real wallet file
// through the interface the Settings screen uses.
func TestChangePassphraseOnFile(t *testing.T) {
	vs := newWallet(t)
	v, err := vs.Open([]byte(pass))
	if err != nil {
		t.Fatal(err)
	}
	if err := v.ChangePassphrase([]byte("wrong"), []byte(pass2)); !errors.Is(err, wallet.ErrWrongPassphrase) {
		t.Fatalf("a wrong current passphrase: %v", err)
	}
	if err := v.ChangePassphrase([]byte(pass), []byte(pass2)); err != nil {
		t.Fatal(err)
	}
	v.Close()
	if _, err := vs.Open([]byte(pass)); !errors.Is(err, wallet.ErrWrongPassphrase) {
		t.Fatalf("the old passphrase after the change: %v", err)
	}
	v, err = vs.Open([]byte(pass2))
	if err != nil {
		t.Fatal(err)
	}
	defer v.Close()
	if holders(t, v) != 1 {
		t.Fatal("the profile is gone after the change")
	}
}

// TestBackupAndReplaceOnFile backs up a real wallet, changes it, checks
// the backup and restores it over the wallet, as Settings does.
func TestBackupAndReplaceOnFile(t *testing.T) {
	vs := newWallet(t)
	v, err := vs.Open([]byte(pass))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := v.Backup(&buf, []byte("not the wallet's")); !errors.Is(err, wallet.ErrWrongPassphrase) || buf.Len() != 0 {
		t.Fatalf("a backup with another passphrase: %v, %d bytes", err, buf.Len())
	}
	records, err := v.Backup(&buf, []byte(pass))
	if err != nil || records == 0 {
		t.Fatalf("backup: %d records, %v", records, err)
	}
	backup := filepath.Join(t.TempDir(), "wallet.age")
	if err := os.WriteFile(backup, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := wallet.New(v).AddHolder("Added later", wallet.KeyEd25519); err != nil {
		t.Fatal(err)
	}

	check := func(p string) (ui.BackupSummary, error) {
		f, err := os.Open(backup)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		return vs.CheckBackup(f, []byte(p))
	}
	if _, err := check("wrong"); !errors.Is(err, wallet.ErrWrongPassphrase) {
		t.Fatalf("checking with a wrong passphrase: %v", err)
	}
	sum, err := check(pass)
	if err != nil || sum.Records != records || sum.Created.IsZero() {
		t.Fatalf("check: %+v, %v", sum, err)
	}
	if _, err := vs.CheckBackup(strings.NewReader("not a backup at all"), []byte(pass)); !errors.Is(err, ui.ErrNotBackup) {
		t.Fatalf("checking a text file: %v", err)
	}
	f, _ := os.Open(backup)
	err = vs.Restore(f, []byte(pass))
	f.Close()
	if !errors.Is(err, wallet.ErrExists) {
		t.Fatalf("Restore over an existing wallet: %v", err)
	}

	// Replace needs the wallet closed, as Settings closes it.
	v.Close()
	f, _ = os.Open(backup)
	kept, err := vs.Replace(f, []byte(pass))
	f.Close()
	if err != nil || !strings.HasPrefix(kept, vs.path+".before-restore-") {
		t.Fatalf("replace: kept %q, %v", kept, err)
	}
	v, err = vs.Open([]byte(pass))
	if err != nil {
		t.Fatal(err)
	}
	defer v.Close()
	if holders(t, v) != 1 {
		t.Fatal("the restored wallet is not the backup's")
	}
	old, err := storage.Open(kept, []byte(pass))
	if err != nil {
		t.Fatal(err)
	}
	defer old.Close()
	if hs, _ := wallet.New(old).Holders(); len(hs) != 2 {
		t.Fatalf("the kept wallet has %d profiles, want 2", len(hs))
	}
}
