package main

import (
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
	return storage.Create(v.path, passphrase)
}

func (v vaults) Open(passphrase []byte) (ui.Vault, error) {
	return storage.Open(v.path, passphrase)
}

var _ ui.Restorer = vaults{}

// Restore makes the wallet file from a backup, checking all of it first;
// an existing wallet is never replaced from the app.
func (v vaults) Restore(backup io.Reader, passphrase []byte) error {
	_, err := storage.Restore(backup, passphrase, v.path, storage.RestoreOptions{})
	return err
}
