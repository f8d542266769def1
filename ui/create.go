package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/satchel-wallet/satchel/wallet"
	"github.com/satchel-wallet/satchel/wallet/strength"
)

// createScreen makes a new wallet: a passphrase typed twice, with a
// strength hint, and what happens if it is forgotten.
type createScreen struct {
	app      *App
	pass     *widget.Entry
	again    *widget.Entry
	keyType  *widget.Select
	meter    *strengthMeter
	hint     *widget.Label
	status   *widget.Label
	create   *widget.Button
	demo     *widget.Check
	activity *widget.Activity
}

func newCreateScreen(app *App) *createScreen {
	s := &createScreen{app: app}
	s.pass = widget.NewPasswordEntry()
	s.pass.SetPlaceHolder(lang.L("Passphrase"))
	s.pass.OnChanged = func(string) { s.onChanged() }
	s.again = widget.NewPasswordEntry()
	s.again.SetPlaceHolder(lang.L("The same passphrase again"))
	s.again.OnChanged = func(string) { s.onChanged() }
	s.again.OnSubmitted = func(string) { s.onCreate() }
	s.keyType = widget.NewSelect([]string{lang.L("Ed25519 (recommended)"), lang.L("P-256 (for verifiers that require it)")}, func(string) {})
	s.keyType.SetSelectedIndex(0)
	s.meter = newStrengthMeter()
	s.hint = widget.NewLabel("")
	s.hint.Wrapping = fyne.TextWrapWord
	s.status = widget.NewLabel("")
	s.status.Wrapping = fyne.TextWrapWord
	s.status.Importance = widget.DangerImportance
	s.create = widget.NewButtonWithIcon(lang.L("Create wallet"), theme.ConfirmIcon(), s.onCreate)
	s.create.Importance = widget.HighImportance
	s.create.Disable()
	s.demo = widget.NewCheck(lang.L("Add demo credentials from a demo issuer, to try Satchel"), nil)
	s.activity = widget.NewActivity()
	s.activity.Hide()
	s.onChanged()
	return s
}

func (s *createScreen) content() fyne.CanvasObject {
	heading := title(lang.L("Welcome to Satchel"))
	intro := widget.NewLabel(lang.L("Satchel keeps your credentials in one encrypted file on this computer. Choose a passphrase to protect it."))
	intro.Wrapping = fyne.TextWrapWord
	forgotten := widget.NewLabel(lang.L("If you forget the passphrase, nobody can open the wallet — not Satchel, not anyone else. Make a backup once you have credentials in it, and keep the passphrase somewhere safe."))
	forgotten.Wrapping = fyne.TextWrapWord
	forgotten.Importance = widget.WarningImportance
	where := widget.NewLabel(lang.L("Wallet file: {{.Path}}", map[string]any{"Path": s.app.vaults.Path()}))
	where.Wrapping = fyne.TextWrapBreak
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Passphrase"), s.pass),
		widget.NewFormItem(lang.L("Repeat it"), s.again),
		widget.NewFormItem(lang.L("Strength"), s.meter),
		widget.NewFormItem("", s.hint),
		widget.NewFormItem(lang.L("Identity key"), s.keyType),
	)
	items := []fyne.CanvasObject{heading, intro, form, forgotten, s.demo, container.NewHBox(s.create, s.activity), s.status}
	if _, ok := s.app.vaults.(Restorer); ok {
		restore := widget.NewButtonWithIcon(lang.L("Restore from a backup…"), theme.UploadIcon(), func() {
			r := newRestoreScreen(s.app)
			s.app.show(r.content())
		})
		restore.Importance = widget.LowImportance
		items = append(items, widget.NewSeparator(), paragraph(lang.L("Had Satchel before?")), container.NewHBox(restore))
	}
	body := container.NewVBox(append(items, where)...)
	return centered(body)
}

// onChanged updates the strength hint and whether Create is allowed.
func (s *createScreen) onChanged() {
	p := []byte(s.pass.Text)
	score, hint := passphraseHint(p)
	s.meter.set(score)
	s.hint.SetText(hint)
	ready := wallet.ValidateNewPassphrase(p) == nil && s.pass.Text == s.again.Text
	if s.again.Text != "" && s.pass.Text != s.again.Text {
		s.status.SetText(lang.L("The two passphrases are not the same yet."))
	} else {
		s.status.SetText("")
	}
	if ready {
		s.create.Enable()
	} else {
		s.create.Disable()
	}
}

// passphraseHint rates a new passphrase for the strength meter (0 to 4)
// and says in words what to do about it.
func passphraseHint(p []byte) (score int, hint string) {
	n := wallet.MinPassphraseLength
	switch {
	case len(p) == 0:
		return 0, lang.N("Use at least {{.N}} characters. A few unrelated words are strong and easy to remember.", n, map[string]any{"N": n})
	case wallet.ValidateNewPassphrase(p) != nil:
		return 0, lang.N("Too short: use at least {{.N}} characters.", n, map[string]any{"N": n})
	}
	st := strength.Of(p)
	return max(st.Score, 1), strengthWords(st)
}

// strengthWords says how strong a passphrase is in plain words.
func strengthWords(st strength.Strength) string {
	switch st.Score {
	case 0, 1:
		return lang.L("Weak: this could be guessed. Add more words.")
	case 2:
		return lang.L("Fair: it would resist casual guessing. Another word makes it strong.")
	case 3:
		return lang.L("Strong.")
	}
	return lang.L("Very strong.")
}

func (s *createScreen) onCreate() {
	p := []byte(s.pass.Text)
	if s.pass.Text != s.again.Text || wallet.ValidateNewPassphrase(p) != nil {
		return
	}
	kt := wallet.KeyEd25519
	if s.keyType.SelectedIndex() == 1 {
		kt = wallet.KeyP256
	}
	s.setBusy(true)
	s.app.background(func() func() {
		v, err := s.app.vaults.Create(p)
		if err == nil {
			if _, err = wallet.New(v).Init(kt); err != nil {
				v.Close()
				err = fmt.Errorf("create your identity: %w", err)
			}
		}
		clear(p)
		return func() {
			s.setBusy(false)
			if err != nil {
				s.status.SetText(explain(err))
				return
			}
			s.app.unlocked(v)
			if s.demo.Checked {
				s.app.loadDemo()
			}
		}
	})
}

func (s *createScreen) setBusy(busy bool) {
	if busy {
		s.activity.Show()
		s.activity.Start()
		s.create.Disable()
		s.pass.Disable()
		s.again.Disable()
		s.status.SetText("")
		return
	}
	s.activity.Stop()
	s.activity.Hide()
	s.pass.Enable()
	s.again.Enable()
	s.onChanged()
}
