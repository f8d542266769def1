package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// unlockScreen asks for the passphrase of an existing wallet.
type unlockScreen struct {
	app      *App
	notice   string
	pass     *widget.Entry
	unlock   *widget.Button
	status   *widget.Label
	activity *widget.Activity
}

func newUnlockScreen(app *App, notice string) *unlockScreen {
	s := &unlockScreen{app: app, notice: notice}
	s.pass = widget.NewPasswordEntry()
	s.pass.SetPlaceHolder(lang.L("Passphrase"))
	s.pass.OnSubmitted = func(string) { s.onUnlock() }
	s.unlock = widget.NewButtonWithIcon(lang.L("Unlock"), theme.LoginIcon(), s.onUnlock)
	s.unlock.Importance = widget.HighImportance
	s.status = widget.NewLabel("")
	s.status.Wrapping = fyne.TextWrapWord
	s.status.Importance = widget.DangerImportance
	s.activity = widget.NewActivity()
	s.activity.Hide()
	return s
}

func (s *unlockScreen) content() fyne.CanvasObject {
	heading := title(lang.L("Unlock your wallet"))
	where := widget.NewLabel(lang.L("Wallet file: {{.Path}}", map[string]any{"Path": s.app.vaults.Path()}))
	where.Wrapping = fyne.TextWrapBreak
	items := []fyne.CanvasObject{heading}
	if s.notice != "" {
		n := widget.NewLabel(s.notice)
		n.Wrapping = fyne.TextWrapWord
		items = append(items, n)
	}
	items = append(items, s.pass, container.NewHBox(s.unlock, s.activity), s.status, where)
	return centered(container.NewVBox(items...))
}

func (s *unlockScreen) onUnlock() {
	if s.pass.Text == "" {
		s.status.SetText(lang.L("Type your passphrase first."))
		return
	}
	p := []byte(s.pass.Text)
	s.activity.Show()
	s.activity.Start()
	s.unlock.Disable()
	s.pass.Disable()
	s.status.SetText("")
	s.app.background(func() func() {
		v, err := s.app.vaults.Open(p)
		clear(p)
		return func() {
			s.activity.Stop()
			s.activity.Hide()
			s.unlock.Enable()
			s.pass.Enable()
			if err != nil {
				s.status.SetText(explain(err))
				s.pass.SetText("")
				s.app.win.Canvas().Focus(s.pass)
				return
			}
			s.app.unlocked(v)
		}
	})
}
