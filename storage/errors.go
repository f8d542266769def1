package storage

import "errors"

// Errors particular to the vault file. The wallet's own sentinels
// (wallet.ErrWrongPassphrase, wallet.ErrInUse, wallet.ErrIntegrity, ...) are
// used wherever they fit.
var (
	// ErrNotVault means the file is not a Satchel wallet (or its header is
	// destroyed beyond recognition).
	ErrNotVault = errors.New("not a Satchel wallet file")

	// ErrNewerVersion means the file was written by a newer Satchel, in a
	// layout or schema this version does not know.
	ErrNewerVersion = errors.New("the wallet was written by a newer version of Satchel")

	// ErrKDFParams means the stored key-derivation parameters are outside
	// the range this version accepts: too weak to trust or too costly to obey.
	ErrKDFParams = errors.New("key-derivation parameters out of range")

	// ErrNotBackup means the input is not a Satchel backup.
	ErrNotBackup = errors.New("not a Satchel backup")

	// ErrClosed means the vault was closed (locked).
	ErrClosed = errors.New("the vault is closed")
)
