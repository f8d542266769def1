package ui

import (
	"errors"

	"fyne.io/fyne/v2/lang"

	"github.com/satchel-wallet/satchel/wallet"
)

// explain turns an error into a sentence that says what happened and what
// to do next.
func explain(err error) string {
	switch {
	case errors.Is(err, wallet.ErrWrongPassphrase):
		return lang.L("That passphrase does not open this wallet. Check it and try again.")
	case errors.Is(err, wallet.ErrInUse):
		return lang.L("The wallet is open in another Satchel window. Close that window and try again.")
	case errors.Is(err, wallet.ErrExists):
		return lang.L("There is already a wallet here. Unlock it instead.")
	case errors.Is(err, wallet.ErrIntegrity):
		return lang.L("Part of the wallet file is damaged. Run “satchel-cli check” to see what, and restore a backup if needed.")
	case errors.Is(err, wallet.ErrInvalid):
		return lang.L("Satchel could not use that: {{.Detail}}", map[string]any{"Detail": err.Error()})
	}
	return lang.L("Something went wrong: {{.Detail}}", map[string]any{"Detail": err.Error()})
}
