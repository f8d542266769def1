package ui

import (
	"errors"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/satchel-wallet/satchel/wallet"
)

// restoreDialog puts a backup in place of the open wallet, from Settings.
// It goes in three steps, so that nothing changes by accident: the backup
// file and its passphrase; a check of the whole backup while the wallet
// stays open (a wrong passphrase or a damaged file ends here); and a
// confirmation that says what will happen. Only then is the wallet locked
// and replaced. The wallet that was there is kept beside the new one, as
// `satchel-cli restore --force` keeps it.
type restoreDialog struct {
	app      *App
	r        Restorer
	file     string
	fileL    *widget.Label
	pass     *widget.Entry
	work     *workStatus
	checkB   *widget.Button
	cancel   *widget.Button
	d        dialog.Dialog
	checking bool
}

// restoreOver opens the dialog. It does nothing unless the app's Vaults
// can restore.
func (a *App) restoreOver() {
	r, ok := a.vaults.(Restorer)
	if !ok {
		return
	}
	s := &restoreDialog{app: a, r: r, fileL: paragraph(lang.L("No backup chosen yet."))}
	s.fileL.Wrapping = fyne.TextWrapBreak
	choose := widget.NewButtonWithIcon(lang.L("Choose the backup file…"), theme.FolderOpenIcon(), func() {
		a.touch()
		a.pickFiles(lang.L("Choose the backup file"), false, func(paths []string) {
			if len(paths) > 0 {
				s.file = paths[0]
				s.fileL.SetText(s.file)
				fitDialog(s.d)
			}
		})
	})
	s.pass = widget.NewPasswordEntry()
	s.pass.SetPlaceHolder(lang.L("The wallet's passphrase when the backup was made"))
	s.pass.OnSubmitted = func(string) { s.onCheck() }
	s.work = newWorkStatus()
	s.checkB = widget.NewButtonWithIcon(lang.L("Check the backup"), theme.SearchIcon(), s.onCheck)
	s.checkB.Importance = widget.HighImportance
	s.cancel = widget.NewButton(lang.L("Cancel"), func() { s.d.Hide() })
	warn := paragraph(lang.L("Restoring replaces the wallet you have open now with the one in the backup. Satchel keeps the current wallet file beside it, renamed, so nothing is lost; but what you added since the backup will not be in the restored wallet."))
	warn.Importance = widget.WarningImportance
	body := container.NewVBox(warn,
		container.NewHBox(choose), s.fileL,
		widget.NewForm(widget.NewFormItem(lang.L("Passphrase"), s.pass)),
		s.work.content(),
		container.NewHBox(layout.NewSpacer(), s.cancel, s.checkB))
	s.d = dialog.NewCustomWithoutButtons(lang.L("Restore from a backup"), newDialogBody(a.win, 540, body), a.win)
	s.d.Show()
}

// onCheck reads and checks the whole backup, with the wallet still open.
func (s *restoreDialog) onCheck() {
	s.app.touch()
	if s.checking {
		return
	}
	if s.file == "" || s.pass.Text == "" {
		s.work.problem(lang.L("Choose the backup file and type its passphrase first."))
		fitDialog(s.d)
		return
	}
	path, p := s.file, []byte(s.pass.Text)
	s.setBusy(true)
	s.app.background(func() func() {
		var sum BackupSummary
		f, err := os.Open(path)
		if err == nil {
			sum, err = s.r.CheckBackup(f, p)
			f.Close()
		}
		clear(p)
		return func() {
			s.setBusy(false)
			if err != nil {
				s.work.problem(backupProblem(err))
				fitDialog(s.d)
				return
			}
			s.d.Hide()
			s.confirm(path, sum)
		}
	})
}

// confirm says what restoring will do and does it only if told to.
func (s *restoreDialog) confirm(path string, sum BackupSummary) {
	msg := lang.N("The backup of {{.Date}} is intact and holds {{.N}} records. Satchel will lock the wallet, put the backup in its place and open it again; the wallet you have now is kept as a copy beside it. The restored wallet opens with the backup's passphrase.",
		sum.Records, map[string]any{"Date": dayTime(sum.Created), "N": sum.Records})
	pass := []byte(s.pass.Text)
	d := dialog.NewCustomConfirm(lang.L("Replace this wallet with the backup?"), lang.L("Replace with the backup"), lang.L("Cancel"),
		newDialogBody(s.app.win, 440, paragraph(msg)), func(ok bool) {
			if ok {
				s.app.replaceWallet(s.r, path, pass)
			} else {
				clear(pass)
			}
		}, s.app.win)
	d.SetConfirmImportance(widget.DangerImportance)
	d.Show()
}

func (s *restoreDialog) setBusy(busy bool) {
	s.checking = busy
	if busy {
		s.work.working(lang.L("Checking the whole backup…"))
		s.checkB.Disable()
		s.cancel.Disable()
		s.pass.Disable()
		fitDialog(s.d)
		return
	}
	s.work.idle()
	s.checkB.Enable()
	s.cancel.Enable()
	s.pass.Enable()
}

// replaceWallet locks the wallet, restores the backup at path over it
// and opens the restored wallet. If the restore fails nothing was
// replaced, and the unlock screen says so.
func (a *App) replaceWallet(r Restorer, path string, pass []byte) {
	a.closeVault()
	bar := widget.NewProgressBarInfinite()
	a.show(centered(container.NewVBox(title(lang.L("Restoring from the backup…")),
		paragraph(lang.L("Satchel checks every record again as it writes the restored wallet. This takes a moment.")), bar)))
	a.background(func() func() {
		var kept string
		var v Vault
		f, err := os.Open(path)
		if err == nil {
			kept, err = r.Replace(f, pass)
			f.Close()
		}
		replaced := err == nil
		if replaced {
			v, err = a.vaults.Open(pass)
		}
		clear(pass)
		return func() {
			bar.Stop()
			switch {
			case !replaced:
				a.showUnlock(lang.L("Nothing was replaced: {{.Reason}} Unlock your wallet to go on.", map[string]any{"Reason": backupProblem(err)}))
			case err != nil:
				a.showUnlock(lang.L("The wallet is restored, but Satchel could not open it: {{.Reason}} Unlock it with the backup's passphrase.", map[string]any{"Reason": explain(err)}))
			default:
				a.unlocked(v)
				a.notice(keptNotice(kept))
			}
		}
	})
}

// keptNotice says that the wallet is restored, and where the one it
// replaced is.
func keptNotice(kept string) string {
	if kept == "" {
		return lang.L("Your wallet is restored from the backup.")
	}
	return lang.L("Your wallet is restored from the backup. The wallet you had before is kept as {{.Path}}; delete it once you are sure you do not need it.", map[string]any{"Path": kept})
}

// backupProblem says why a backup could not be used, and what to do.
func backupProblem(err error) string {
	switch {
	case errors.Is(err, wallet.ErrWrongPassphrase):
		return lang.L("That passphrase does not open this backup. Type the passphrase the wallet had when the backup was made.")
	case errors.Is(err, wallet.ErrInUse):
		return explain(err)
	case errors.Is(err, os.ErrNotExist):
		return lang.L("The backup file is not there any more. Choose it again.")
	case errors.Is(err, ErrNewerBackup):
		return lang.L("This backup was made by a newer version of Satchel. Update Satchel, then restore it.")
	case errors.Is(err, ErrNotBackup), errors.Is(err, wallet.ErrInvalid):
		return lang.L("This file is not a Satchel backup, or it is damaged: {{.Detail}}. Choose another backup.", map[string]any{"Detail": err.Error()})
	}
	return explain(err)
}
