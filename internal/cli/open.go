package cli

import (
	"github.com/satchel-wallet/satchel/storage"
	"github.com/satchel-wallet/satchel/wallet"
)

// path returns the wallet file: --wallet, else SATCHEL_WALLET, else the
// default location.
func (a *app) path() (string, error) {
	if a.walletPath != "" {
		return a.walletPath, nil
	}
	if p := a.io.Getenv(storage.WalletEnv); p != "" {
		return p, nil
	}
	return storage.DefaultPath()
}

// open unlocks the wallet. The caller closes the vault.
func (a *app) open() (*storage.Vault, *wallet.Wallet, error) {
	path, err := a.path()
	if err != nil {
		return nil, nil, err
	}
	pass, err := a.passphrase("Passphrase for " + path + ": ")
	if err != nil {
		return nil, nil, err
	}
	defer clear(pass)
	v, err := storage.Open(path, pass)
	if err != nil {
		return nil, nil, err
	}
	return v, wallet.New(v), nil
}

// withWallet runs fn on the unlocked wallet and closes it after.
func (a *app) withWallet(fn func(v *storage.Vault, w *wallet.Wallet) error) error {
	v, w, err := a.open()
	if err != nil {
		return err
	}
	defer v.Close()
	return fn(v, w)
}
