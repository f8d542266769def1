package cli

import (
	"errors"
	"strings"

	"github.com/satchel-wallet/satchel/storage"
	"github.com/satchel-wallet/satchel/wallet"
)

// explain turns an error into an exit code, a message and advice on what to
// do next. Only the wording lives here; the errors come from the packages.
func explain(err error) (code int, msg, advice string) {
	code = ExitUsage
	var f *failure
	if errors.As(err, &f) {
		code, advice = f.code, f.advice
	}
	msg = err.Error()
	switch {
	case errors.Is(err, wallet.ErrWrongPassphrase):
		// One generic message, whatever went wrong with the passphrase.
		return ExitUsage, "wrong passphrase", "Check it and try again. A forgotten passphrase cannot be recovered; restore a backup with `satchel-cli restore` if you have one."
	case errors.Is(err, wallet.ErrInUse):
		msg, advice = "the wallet is open in another Satchel window", "Close the other window or command and try again."
	case errors.Is(err, storage.ErrKDFParams):
		advice = "The wallet file asks for key-derivation settings outside the safe range; it may be damaged or altered. Restore a backup."
	case errors.Is(err, storage.ErrNotVault):
		advice = "Check the --wallet path; this file is not a Satchel wallet."
	case errors.Is(err, storage.ErrNewerVersion):
		advice = "Update Satchel to open it."
	case errors.Is(err, storage.ErrNotBackup):
		advice = "The backup file is damaged, cut off, or not a Satchel backup. Nothing was changed."
	case errors.Is(err, errNoPassphrase):
		advice = "Use --passphrase-file FILE or set SATCHEL_PASSPHRASE, or run in a terminal to be asked."
	case errors.Is(err, wallet.ErrNotFound) && strings.Contains(msg, "no wallet at"):
		advice = "Create one with `satchel-cli init`, or point --wallet at an existing wallet."
	case errors.Is(err, wallet.ErrNotFound) && strings.Contains(msg, "collection "):
		advice = "See the collections with `satchel-cli collection list`."
	case errors.Is(err, wallet.ErrNotFound) && strings.Contains(msg, "stack "):
		advice = "See the stacks with `satchel-cli stack list`."
	case errors.Is(err, wallet.ErrNotFound) && strings.Contains(msg, "credential "):
		advice = "See the credentials and their ids with `satchel-cli list`."
	case errors.Is(err, wallet.ErrExists):
		advice = "Choose another name, or use the one that exists."
	case errors.Is(err, wallet.ErrIntegrity):
		advice = "Run `satchel-cli check` to see what is damaged; restore a backup if needed."
	}
	return code, msg, advice
}
