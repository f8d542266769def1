package ui

import (
	"errors"
	"io"
	"time"

	"github.com/satchel-wallet/satchel/wallet"
)

// Vault is an unlocked wallet file. Closing it locks the wallet: the keys
// are forgotten and the file is released.
type Vault interface {
	wallet.Store
	Close() error
	// ChangePassphrase replaces the passphrase. The current one is asked
	// for again, so that a window left unlocked cannot be used to take the
	// wallet over; a wrong one is wallet.ErrWrongPassphrase. It runs two
	// deliberately slow key derivations: call it off the UI goroutine.
	ChangePassphrase(current, next []byte) error
	// Backup writes the whole wallet to w as one encrypted backup that
	// opens with passphrase, which must be the wallet's own: another is
	// wallet.ErrWrongPassphrase, and nothing is written. It returns how
	// many records the backup holds. Records too damaged to read are left
	// out; the error is then a *wallet.DamagedError and the backup holds
	// everything else.
	Backup(w io.Writer, passphrase []byte) (records int, err error)
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
// first-run screen and Settings offer restoring only when the Vaults is
// one. The restored wallet keeps the passphrase it had when the backup was
// made, and every method checks the whole backup before it writes.
type Restorer interface {
	// Restore makes the wallet from a backup where there is none; it never
	// replaces a wallet that exists (wallet.ErrExists).
	Restore(backup io.Reader, passphrase []byte) error
	// CheckBackup reads a whole backup and checks it as Restore would,
	// writing nothing. A wrong passphrase is wallet.ErrWrongPassphrase;
	// a file that is not a backup, or a damaged one, ErrNotBackup.
	CheckBackup(backup io.Reader, passphrase []byte) (BackupSummary, error)
	// Replace restores the backup over the existing wallet, which must be
	// closed first. The wallet that was there is kept beside it, renamed;
	// kept is its new path. If anything fails, nothing is replaced.
	Replace(backup io.Reader, passphrase []byte) (kept string, err error)
}

// Errors a Restorer returns, besides the wallet's own, so that the
// screens can say what is wrong without knowing the storage.
var (
	// ErrNotBackup means the file is not a Satchel backup, or is damaged.
	ErrNotBackup = errors.New("not a Satchel backup, or a damaged one")
	// ErrNewerBackup means the backup was made by a newer Satchel.
	ErrNewerBackup = errors.New("the backup was made by a newer version of Satchel")
)

// BackupSummary describes a backup that was checked.
type BackupSummary struct {
	Created time.Time // when the backup was made
	Records int       // how many records it holds
}
