package ui

import (
	"errors"
	"io"
	"os"
	"sync/atomic"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/satchel-wallet/satchel/wallet"
)

// backupDialog writes an encrypted backup of the whole wallet to a file
// the learner chooses: the wallet's passphrase (asked again, and the one
// the backup will open with), then where to save it. The backup is
// written off the UI goroutine into a temporary file beside the one
// chosen, which takes its place only when complete; Stop abandons it.
type backupDialog struct {
	app     *App
	done    func(message string)
	pass    *widget.Entry
	work    *workStatus
	save    *widget.Button
	cancel  *widget.Button
	running bool
	stopped atomic.Bool
	d       dialog.Dialog
}

// backUp opens the backup dialog; done is told what was written.
func (a *App) backUp(done func(message string)) {
	s := &backupDialog{app: a, done: done}
	s.pass = widget.NewPasswordEntry()
	s.pass.SetPlaceHolder(lang.L("Your wallet's passphrase"))
	s.pass.OnSubmitted = func(string) { s.onSave() }
	s.work = newWorkStatus()
	s.save = widget.NewButtonWithIcon(lang.L("Choose where to save…"), theme.DocumentSaveIcon(), s.onSave)
	s.save.Importance = widget.HighImportance
	s.cancel = widget.NewButton(lang.L("Cancel"), s.onCancel)
	body := container.NewVBox(
		paragraph(lang.L("A backup is one file holding everything in the wallet — credentials, profiles and their keys, stacks, history — encrypted with your passphrase. Keep it somewhere other than this computer: a USB stick, your cloud storage.")),
		note(lang.L("It is an age file: Satchel restores it, and the standard age tool can open it too.")),
		widget.NewForm(widget.NewFormItem(lang.L("Passphrase"), s.pass)),
		s.work.content(),
		container.NewHBox(layout.NewSpacer(), s.cancel, s.save))
	s.d = dialog.NewCustomWithoutButtons(lang.L("Back up the wallet"), newDialogBody(a.win, 520, body), a.win)
	s.d.Show()
	a.win.Canvas().Focus(s.pass)
}

func (s *backupDialog) onSave() {
	s.app.touch()
	if s.running {
		return
	}
	if s.pass.Text == "" {
		s.work.problem(lang.L("Type your wallet's passphrase first: the backup opens with it."))
		fitDialog(s.d)
		return
	}
	s.app.choosePath("satchel-backup-"+s.app.now().Format("2006-01-02")+".age", s.write)
}

// write writes the backup to path in the background.
func (s *backupDialog) write(path string) {
	pass := []byte(s.pass.Text)
	v := s.app.vault
	s.setBusy(true)
	s.app.background(func() func() {
		var records int
		err := writeAtomic(path, s.stopped.Load, func(w io.Writer) error {
			var err error
			records, err = v.Backup(w, pass)
			return err
		})
		clear(pass)
		if err != nil && !isDamaged(err) {
			removeIfEmpty(path)
		}
		return func() {
			s.setBusy(false)
			switch {
			case s.stopped.Load():
				s.d.Hide()
				s.done(lang.L("The backup was stopped; nothing was saved."))
			case errors.Is(err, wallet.ErrWrongPassphrase):
				s.work.problem(lang.L("That is not your wallet's passphrase. Type the one you unlock with: the backup opens with it."))
				s.pass.SetText("")
				s.app.win.Canvas().Focus(s.pass)
			case isDamaged(err):
				s.d.Hide()
				s.done(lang.N("Backed up {{.N}} records to {{.Path}}, but some records are damaged and could not be read; they are not in it. Run “satchel-cli check” to see which.", records, map[string]any{"N": records, "Path": path}))
			case err != nil:
				s.work.problem(lang.L("The backup could not be written: {{.Detail}}. Choose another place (a folder you can write to, with free space) and try again.", map[string]any{"Detail": err.Error()}))
			default:
				s.d.Hide()
				s.done(lang.N("Backed up {{.N}} records to {{.Path}}. Keep the file somewhere other than this computer.", records, map[string]any{"N": records, "Path": path}))
			}
			fitDialog(s.d)
		}
	})
}

// onCancel closes the dialog, or stops the backup under way.
func (s *backupDialog) onCancel() {
	if s.running {
		s.stopped.Store(true)
		s.cancel.Disable()
		return
	}
	s.d.Hide()
}

func (s *backupDialog) setBusy(busy bool) {
	s.running = busy
	if busy {
		s.work.working(lang.L("Writing the backup…"))
		s.pass.Disable()
		s.save.Disable()
		s.cancel.SetText(lang.L("Stop"))
		fitDialog(s.d)
		return
	}
	s.work.idle()
	s.pass.Enable()
	s.save.Enable()
	s.cancel.Enable()
	s.cancel.SetText(lang.L("Cancel"))
}

// removeIfEmpty removes the empty file that the save dialog creates when
// a file is chosen, once writing it failed: nothing was saved there.
func removeIfEmpty(path string) {
	if st, err := os.Stat(path); err == nil && st.Mode().IsRegular() && st.Size() == 0 {
		os.Remove(path)
	}
}
