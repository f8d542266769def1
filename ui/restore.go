package ui

import (
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// restoreScreen makes the wallet from a backup on first run: the backup
// file, and the passphrase the wallet had when the backup was made.
type restoreScreen struct {
	app      *App
	file     string
	fileL    *widget.Label
	pass     *widget.Entry
	restore  *widget.Button
	status   *widget.Label
	activity *widget.Activity
}

func newRestoreScreen(app *App) *restoreScreen {
	s := &restoreScreen{app: app, fileL: paragraph(lang.L("No backup chosen yet.")), status: paragraph("")}
	s.fileL.Wrapping = fyne.TextWrapBreak
	s.pass = widget.NewPasswordEntry()
	s.pass.SetPlaceHolder(lang.L("The wallet's passphrase when the backup was made"))
	s.pass.OnSubmitted = func(string) { s.onRestore() }
	s.restore = widget.NewButtonWithIcon(lang.L("Restore"), theme.UploadIcon(), s.onRestore)
	s.restore.Importance = widget.HighImportance
	s.status.Importance = widget.DangerImportance
	s.activity = widget.NewActivity()
	s.activity.Hide()
	return s
}

func (s *restoreScreen) content() fyne.CanvasObject {
	choose := widget.NewButtonWithIcon(lang.L("Choose the backup file…"), theme.FolderOpenIcon(), func() {
		s.app.pickFiles(lang.L("Choose the backup file"), false, func(paths []string) {
			if len(paths) > 0 {
				s.file = paths[0]
				s.fileL.SetText(s.file)
			}
		})
	})
	back := widget.NewButtonWithIcon(lang.L("Back"), theme.NavigateBackIcon(), func() { s.app.Start() })
	back.Importance = widget.LowImportance
	body := container.NewVBox(
		container.NewHBox(back), title(lang.L("Restore from a backup")),
		paragraph(lang.L("A Satchel backup is one encrypted file. Satchel checks all of it before it makes the wallet from it; nothing is written if any part is damaged.")),
		choose, s.fileL, s.pass, container.NewHBox(s.restore, s.activity), s.status)
	return centered(body)
}

func (s *restoreScreen) onRestore() {
	r, ok := s.app.vaults.(Restorer)
	if !ok {
		return
	}
	if s.file == "" || s.pass.Text == "" {
		s.status.SetText(lang.L("Choose the backup file and type its passphrase first."))
		return
	}
	p := []byte(s.pass.Text)
	path := s.file
	s.activity.Show()
	s.activity.Start()
	s.restore.Disable()
	s.status.SetText("")
	s.app.background(func() func() {
		var v Vault
		f, err := os.Open(path)
		if err == nil {
			err = r.Restore(f, p)
			f.Close()
		}
		if err == nil {
			v, err = s.app.vaults.Open(p)
		}
		clear(p)
		return func() {
			s.activity.Stop()
			s.activity.Hide()
			s.restore.Enable()
			if err != nil {
				s.status.SetText(backupProblem(err))
				return
			}
			s.app.unlocked(v)
			s.app.notice(lang.L("Your wallet is restored from the backup."))
		}
	})
}
