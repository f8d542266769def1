package ui

import (
	"io"

	"github.com/satchel-wallet/satchel/wallet"
)

// Vault is an unlocked wallet file. Closing it locks the wallet: the keys
// are forgotten and the file is released.
type Vault interface {
	wallet.Store
	Close() error
}

// Vaults creates and opens the one wallet file the app works on.
type Vaults interface {
	// Path names the wallet file, for display.
	Path() string
	// Exists reports whether there is a wallet to unlock.
	Exists() bool
	// Create makes a new wallet protected by passphrase and returns it
	// unlocked. It fails with wallet.ErrExists if there already is one.
	Create(passphrase []byte) (Vault, error)
	// Open unlocks the wallet. A wrong passphrase is
	// wallet.ErrWrongPassphrase, a wallet open elsewhere wallet.ErrInUse.
	Open(passphrase []byte) (Vault, error)
}

// Restorer is a Vaults that can make the wallet from a backup file. The
// first-run screen offers restoring only when the Vaults is one. The
// restored wallet keeps the passphrase it had when the backup was made;
// Restore checks the whole backup before it writes the wallet, and never
// replaces a wallet that exists.
type Restorer interface {
	Restore(backup io.Reader, passphrase []byte) error
}
