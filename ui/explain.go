package ui

import (
	"errors"
	"fmt"

	"fyne.io/fyne/v2/lang"

	"github.com/satchel-wallet/satchel/share"
	"github.com/satchel-wallet/satchel/share/qr"
	"github.com/satchel-wallet/satchel/wallet"
	"github.com/satchel-wallet/satchel/wallet/stack"
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
	case errors.Is(err, wallet.ErrInvalid), errors.Is(err, stack.ErrInvalid):
		return lang.L("Satchel could not use that: {{.Detail}}", map[string]any{"Detail": err.Error()})
	}
	return lang.L("Something went wrong: {{.Detail}}", map[string]any{"Detail": err.Error()})
}

// qrProblem says what went wrong reading QR codes, and what to do.
func qrProblem(err error) string {
	var missing *qr.MissingPartsError
	switch {
	case errors.As(err, &missing):
		return lang.N("Only {{.Have}} of the {{.Total}} QR codes of this presentation were read. Add the missing ones: {{.Missing}}.", missing.Total,
			map[string]any{"Have": missing.Have, "Total": missing.Total, "Missing": fmt.Sprint(missing.Missing)})
	case errors.Is(err, qr.ErrCBORLD):
		return lang.L("This is a compressed VP1 QR code, which Satchel cannot read yet. Ask for the presentation as a file.")
	case errors.Is(err, qr.ErrVersion):
		return lang.L("The QR code was made by a newer version of Satchel. Update Satchel to read it.")
	case errors.Is(err, qr.ErrChecksum), errors.Is(err, qr.ErrMalformed), errors.Is(err, qr.ErrConflict):
		return lang.L("A QR code is damaged or was read wrongly. Scan or photograph it again.")
	case errors.Is(err, qr.ErrMixedSets):
		return lang.L("The QR codes belong to different presentations. Read one presentation at a time.")
	case errors.Is(err, qr.ErrImage):
		return lang.L("No QR code could be read in the image. Try a sharper, straighter picture.")
	case errors.Is(err, qr.ErrTooLarge):
		return lang.L("The QR codes carry more than Satchel accepts.")
	}
	return explain(err)
}

// shareProblem says why a presentation cannot be made, and what would work.
func shareProblem(err error) string {
	var inc *share.IncompatibleError
	switch {
	case errors.As(err, &inc):
		return lang.L("{{.Kind}} credentials cannot go in this form: {{.Reason}}", map[string]any{"Kind": inc.Kind, "Reason": inc.Reason})
	case errors.Is(err, share.ErrHolderKey):
		return lang.L("Your profile's key cannot sign this form of presentation: {{.Detail}}", map[string]any{"Detail": err.Error()})
	case errors.Is(err, share.ErrNoCredentials):
		return lang.L("Choose at least one credential.")
	case errors.Is(err, qr.ErrTooLarge):
		return lang.L("This presentation needs more QR codes than Satchel shows in turn. Choose fewer credentials, allow larger QR codes in Settings, or share it as a file.")
	case errors.Is(err, share.ErrOptions), errors.Is(err, share.ErrNotDisclosable):
		return lang.L("Satchel could not use those options: {{.Detail}}", map[string]any{"Detail": err.Error()})
	}
	return explain(err)
}
