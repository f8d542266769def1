package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// walletTab is the Wallet tab: where the wallet file is, its passphrase,
// backing it up and restoring it, and the demo credentials.
func (p *settingsPage) walletTab() fyne.CanvasObject {
	where := paragraph(p.app.vaults.Path())
	where.Wrapping = fyne.TextWrapBreak
	where.TextStyle.Monospace = true
	copyPath := widget.NewButtonWithIcon(lang.L("Copy"), theme.ContentCopyIcon(), func() {
		p.app.touch()
		p.app.fyne.Clipboard().SetContent(p.app.vaults.Path())
		p.say(lang.L("The wallet's location is copied."))
	})
	passwd := widget.NewButtonWithIcon(lang.L("Change the passphrase…"), theme.AccountIcon(), func() {
		p.app.touch()
		p.app.changePassphrase(p.say)
	})
	backup := widget.NewButtonWithIcon(lang.L("Back up…"), theme.DocumentSaveIcon(), func() {
		p.app.touch()
		p.app.backUp(p.say)
	})
	backup.Importance = widget.HighImportance
	items := []fyne.CanvasObject{
		heading(lang.L("Wallet file")),
		container.NewBorder(nil, nil, nil, container.NewVBox(copyPath), where),
		note(lang.L("One encrypted file holds everything. To keep it somewhere else, start Satchel with --wallet FILE, or set SATCHEL_WALLET to the file's path.")),
		widget.NewSeparator(),
		heading(lang.L("Passphrase")),
		paragraph(lang.L("Satchel never stores your passphrase. If you forget it, nobody can open the wallet, so keep it somewhere safe.")),
		container.NewHBox(passwd),
		widget.NewSeparator(),
		heading(lang.L("Backup and restore")),
		paragraph(lang.L("Make a backup after you add credentials, and keep it away from this computer: if the computer is lost, the backup and your passphrase bring everything back.")),
	}
	actions := container.NewHBox(backup)
	if _, ok := p.app.vaults.(Restorer); ok {
		actions.Add(widget.NewButtonWithIcon(lang.L("Restore from a backup…"), theme.UploadIcon(), func() {
			p.app.touch()
			p.app.restoreOver()
		}))
	}
	demo := widget.NewButtonWithIcon(lang.L("Load demo credentials"), theme.DownloadIcon(), p.app.loadDemo)
	demo.Importance = widget.LowImportance
	items = append(items, actions,
		widget.NewSeparator(),
		heading(lang.L("Demo")),
		paragraph(lang.L("Demo credentials come from a clearly labelled demo issuer, to try Satchel with. Delete them when you are done.")),
		container.NewHBox(demo))
	return container.NewVBox(items...)
}
