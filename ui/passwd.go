package ui

import (
	"errors"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/satchel-wallet/satchel/wallet"
)

// passphraseDialog changes the wallet's passphrase: the current one, the
// new one twice with a strength hint. The vault rewraps its key with two
// slow key derivations, off the UI goroutine; the dialog stays open, busy,
// until they are done, and shows what went wrong in it.
type passphraseDialog struct {
	app      *App
	done     func(message string)
	current  *widget.Entry
	next     *widget.Entry
	again    *widget.Entry
	meter    *strengthMeter
	hint     *widget.Label
	status   *widget.Label
	change   *widget.Button
	cancel   *widget.Button
	activity *widget.Activity
	d        dialog.Dialog
}

// changePassphrase opens the dialog; done is told what happened once the
// passphrase is changed.
func (a *App) changePassphrase(done func(message string)) {
	s := &passphraseDialog{app: a, done: done}
	s.current = widget.NewPasswordEntry()
	s.current.SetPlaceHolder(lang.L("The passphrase you unlock with now"))
	s.next = widget.NewPasswordEntry()
	s.next.SetPlaceHolder(lang.L("New passphrase"))
	s.next.OnChanged = func(string) { s.onChanged() }
	s.again = widget.NewPasswordEntry()
	s.again.SetPlaceHolder(lang.L("The same passphrase again"))
	s.again.OnChanged = func(string) { s.onChanged() }
	s.again.OnSubmitted = func(string) { s.onChange() }
	s.meter = newStrengthMeter()
	s.hint = paragraph("")
	s.status = paragraph("")
	s.status.Importance = widget.DangerImportance
	s.change = widget.NewButtonWithIcon(lang.L("Change passphrase"), theme.ConfirmIcon(), s.onChange)
	s.change.Importance = widget.HighImportance
	s.cancel = widget.NewButton(lang.L("Cancel"), func() { s.d.Hide() })
	s.activity = widget.NewActivity()
	s.activity.Hide()
	s.onChanged()

	form := widget.NewForm(
		widget.NewFormItem(lang.L("Current passphrase"), s.current),
		widget.NewFormItem(lang.L("New passphrase"), s.next),
		widget.NewFormItem(lang.L("Repeat it"), s.again),
		widget.NewFormItem(lang.L("Strength"), s.meter),
	)
	body := container.NewVBox(
		paragraph(lang.L("Only the key that opens the wallet is rewritten; your credentials stay as they are. Backups made before keep the passphrase they were made with.")),
		form, s.hint, s.status,
		container.NewHBox(s.activity, layout.NewSpacer(), s.cancel, s.change))
	s.d = dialog.NewCustomWithoutButtons(lang.L("Change the passphrase"), newDialogBody(a.win, 520, body), a.win)
	s.d.Show()
	a.win.Canvas().Focus(s.current)
}

// onChanged updates the strength hint and whether Change is allowed, as
// on the first-run screen.
func (s *passphraseDialog) onChanged() {
	p := []byte(s.next.Text)
	score, hint := passphraseHint(p)
	s.meter.set(score)
	s.hint.SetText(hint)
	if s.again.Text != "" && s.next.Text != s.again.Text {
		s.status.SetText(lang.L("The two passphrases are not the same yet."))
	} else {
		s.status.SetText("")
	}
	if wallet.ValidateNewPassphrase(p) == nil && s.next.Text == s.again.Text {
		s.change.Enable()
	} else {
		s.change.Disable()
	}
	fitDialog(s.d)
}

func (s *passphraseDialog) onChange() {
	s.app.touch()
	next := []byte(s.next.Text)
	if s.next.Text != s.again.Text || wallet.ValidateNewPassphrase(next) != nil {
		return
	}
	if s.current.Text == "" {
		s.status.SetText(lang.L("Type the passphrase you unlock with now, first."))
		return
	}
	current := []byte(s.current.Text)
	v := s.app.vault
	s.setBusy(true)
	s.app.background(func() func() {
		err := v.ChangePassphrase(current, next)
		clear(current)
		clear(next)
		return func() {
			s.setBusy(false)
			switch {
			case errors.Is(err, wallet.ErrWrongPassphrase):
				s.status.SetText(lang.L("That is not the passphrase the wallet has now. Type the one you unlock with."))
				s.current.SetText("")
				s.app.win.Canvas().Focus(s.current)
				fitDialog(s.d)
			case err != nil:
				s.status.SetText(explain(err))
				fitDialog(s.d)
			default:
				s.d.Hide()
				s.done(lang.L("The passphrase is changed. Unlock with the new one from now on; backups made before still open with the old one."))
			}
		}
	})
}

func (s *passphraseDialog) setBusy(busy bool) {
	for _, e := range []*widget.Entry{s.current, s.next, s.again} {
		if busy {
			e.Disable()
		} else {
			e.Enable()
		}
	}
	if busy {
		s.status.SetText(lang.L("Changing the passphrase…"))
		s.status.Importance = widget.MediumImportance
		s.activity.Show()
		s.activity.Start()
		s.change.Disable()
		s.cancel.Disable()
		fitDialog(s.d)
		return
	}
	s.status.Importance = widget.DangerImportance
	s.status.SetText("")
	s.activity.Stop()
	s.activity.Hide()
	s.cancel.Enable()
	s.onChanged()
}
