package storage_test

import (
	"errors"
	"os"
	"testing"

	"github.com/satchel-wallet/satchel/storage"
	"github.com/satchel-wallet/satchel/wallet"
)

func TestCheckBackupCountsWithoutWriting(t *testing.T) {
	t.Setenv(storage.InsecureTestKDFEnv, "1")
	v, _ := newVault(t)
	want := sampleWallet(t, v)
	backup := backupFile(t, v)
	f, err := os.Open(backup)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	info, err := storage.CheckBackup(f, pass)
	if err != nil {
		t.Fatal(err)
	}
	if info.Records != len(want) || info.Created.IsZero() {
		t.Fatalf("check info %+v, want %d records", info, len(want))
	}
}

func TestCheckPassphrase(t *testing.T) {
	t.Setenv(storage.InsecureTestKDFEnv, "1")
	v, _ := newVault(t)
	if err := v.CheckPassphrase(pass); err != nil {
		t.Fatalf("the right passphrase: %v", err)
	}
	if err := v.CheckPassphrase([]byte("not it")); !errors.Is(err, wallet.ErrWrongPassphrase) {
		t.Fatalf("a wrong passphrase: %v", err)
	}
	v.Close()
	if err := v.CheckPassphrase(pass); !errors.Is(err, wallet.ErrLocked) {
		t.Fatalf("a closed vault: %v", err)
	}
}
