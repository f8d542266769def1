package main

import (
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
