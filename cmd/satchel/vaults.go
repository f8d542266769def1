package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/satchel-wallet/satchel/storage"
	"github.com/satchel-wallet/satchel/ui"
)

// vaults gives the screens the encrypted wallet file at path.
type vaults struct{ path string }

var _ ui.Vaults = vaults{}

func (v vaults) Path() string { return v.path }

func (v vaults) Exists() bool {
	_, err := os.Stat(v.path)
	return err == nil
}

func (v vaults) Create(passphrase []byte) (ui.Vault, error) {
	sv, err := storage.Create(v.path, passphrase)
	if err != nil {
		return nil, err
	}
	return vault{sv}, nil
}

func (v vaults) Open(passphrase []byte) (ui.Vault, error) {
	sv, err := storage.Open(v.path, passphrase)
	if err != nil {
		return nil, err
	}
	return vault{sv}, nil
}

var _ ui.Restorer = vaults{}

// Restore makes the wallet file from a backup, checking all of it first;
// an existing wallet is never replaced by it.
func (v vaults) Restore(backup io.Reader, passphrase []byte) error {
	_, err := storage.Restore(backup, passphrase, v.path, storage.RestoreOptions{})
	return backupErr(err)
}

// CheckBackup reads and checks a whole backup, writing nothing.
func (v vaults) CheckBackup(backup io.Reader, passphrase []byte) (ui.BackupSummary, error) {
	info, err := storage.CheckBackup(backup, passphrase)
	if err != nil {
		return ui.BackupSummary{}, backupErr(err)
	}
	return ui.BackupSummary{Created: info.Created, Records: info.Records}, nil
}

// Replace restores over the existing wallet as `satchel-cli restore
// --force` does: everything is checked first, and the wallet that was
// there is kept beside the new one as <wallet>.before-restore-<time>.
func (v vaults) Replace(backup io.Reader, passphrase []byte) (string, error) {
	info, err := storage.Restore(backup, passphrase, v.path, storage.RestoreOptions{Force: true})
	if err != nil {
		return "", backupErr(err)
	}
	return info.Replaced, nil
}

// backupErr adds the screens' sentinel to the storage's backup errors.
func backupErr(err error) error {
	switch {
	case errors.Is(err, storage.ErrNotBackup):
		return fmt.Errorf("%w: %w", ui.ErrNotBackup, err)
	case errors.Is(err, storage.ErrNewerVersion):
		return fmt.Errorf("%w: %w", ui.ErrNewerBackup, err)
	}
	return err
}

// vault is an open wallet file as the screens see it.
type vault struct{ *storage.Vault }

var _ ui.Vault = vault{}

// Backup checks that passphrase is the wallet's, then writes the backup
// as `satchel-cli backup` does.
func (v vault) Backup(w io.Writer, passphrase []byte) (int, error) {
	if err := v.CheckPassphrase(passphrase); err != nil {
		return 0, err
	}
	info, err := v.Vault.Backup(w, passphrase)
	if info == nil {
		return 0, err
	}
	return info.Records, err
}
