package ui

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/satchel-wallet/satchel/wallet"
)

// autoLockChoices are the idle times offered, in minutes; 0 is never.
var autoLockChoices = []int{1, 5, 10, 15, 30, 60, 0}

// settingsPage holds what the wallet supports changing now: the look and
// language, when to lock, whether network checks may be offered, the
// profiles (the DIDs the learner presents as), and where the wallet is.
type settingsPage struct {
	app      *App
	theme    *widget.RadioGroup
	language *widget.Select
	autoLock *widget.Select
	online   *widget.Check
	status   *widget.Label
}

func newSettingsPage(app *App) *settingsPage {
	p := &settingsPage{app: app, status: paragraph("")}
	themes := []string{lang.L("Follow the system"), lang.L("Light"), lang.L("Dark")}
	p.theme = widget.NewRadioGroup(themes, nil)
	p.theme.Horizontal = true
	p.theme.Required = true
	switch app.fyne.Preferences().String(prefTheme) {
	case "light":
		p.theme.SetSelected(themes[1])
	case "dark":
		p.theme.SetSelected(themes[2])
	default:
		p.theme.SetSelected(themes[0])
	}
	p.theme.OnChanged = func(string) { p.onTheme() }

	langs := []string{lang.L("Follow the system")}
	for _, l := range uiLanguages {
		langs = append(langs, l.name)
	}
	p.language = widget.NewSelect(langs, nil)
	p.language.SetSelectedIndex(0)
	for i, l := range uiLanguages {
		if l.tag == app.languagePref() {
			p.language.SetSelectedIndex(i + 1)
		}
	}
	p.language.OnChanged = func(string) { p.onLanguage() }

	labels := make([]string, len(autoLockChoices))
	for i, m := range autoLockChoices {
		labels[i] = autoLockLabel(m)
	}
	p.autoLock = widget.NewSelect(labels, nil)
	if i := slices.Index(autoLockChoices, int(app.autoLock().Minutes())); i >= 0 {
		p.autoLock.SetSelectedIndex(i)
	}
	p.autoLock.OnChanged = func(string) { p.onAutoLock() }

	p.online = widget.NewCheck(lang.L("Offer checks that use the network (revocation lists, web keys)"), nil)
	p.online.SetChecked(app.onlineAllowed())
	p.online.OnChanged = func(on bool) { app.touch(); app.fyne.Preferences().SetBool(prefOnline, on) }
	return p
}

func autoLockLabel(minutes int) string {
	switch minutes {
	case 0:
		return lang.L("Never")
	case 1:
		return lang.L("After 1 minute")
	}
	return lang.L("After {{.N}} minutes", map[string]any{"N": minutes})
}

func (p *settingsPage) content() fyne.CanvasObject {
	onlineNote := paragraph(lang.L("Satchel works offline. With this on, “Verify again” offers to check online; Satchel then asks the issuer's web sites, and only then."))
	onlineNote.SizeName = theme.SizeNameCaptionText
	where := paragraph(p.app.vaults.Path())
	where.Wrapping = fyne.TextWrapBreak
	copyPath := widget.NewButtonWithIcon(lang.L("Copy"), theme.ContentCopyIcon(), func() {
		p.app.touch()
		p.app.fyne.Clipboard().SetContent(p.app.vaults.Path())
		p.status.SetText(lang.L("The wallet's location is copied."))
	})
	demo := widget.NewButtonWithIcon(lang.L("Load demo credentials"), theme.DownloadIcon(), p.app.loadDemo)
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Appearance"), p.theme),
		widget.NewFormItem(lang.L("Language"), p.language),
		widget.NewFormItem(lang.L("Lock the wallet when idle"), p.autoLock),
		widget.NewFormItem(lang.L("Online checks"), container.NewVBox(p.online, onlineNote)),
		widget.NewFormItem(lang.L("Wallet file"), container.NewBorder(nil, nil, nil, copyPath, where)),
		widget.NewFormItem(lang.L("Demo"), container.NewHBox(demo)),
	)
	body := container.NewVBox(form, widget.NewSeparator(), p.profiles(), p.status)
	return pageFrame(lang.L("Settings"), nil, container.NewVScroll(container.New(readableWidth{width: 760}, body)))
}

func (p *settingsPage) onTheme() {
	p.app.touch()
	v := []string{"", "light", "dark"}[max(slices.Index(p.theme.Options, p.theme.Selected), 0)]
	p.app.fyne.Preferences().SetString(prefTheme, v)
	p.app.applyTheme(true)
}

func (p *settingsPage) onLanguage() {
	p.app.touch()
	tag := ""
	if i := p.language.SelectedIndex(); i > 0 {
		tag = uiLanguages[i-1].tag
	}
	p.app.setLanguage(tag)
	p.app.rebuild(secSettings)
}

func (p *settingsPage) onAutoLock() {
	if i := p.autoLock.SelectedIndex(); i >= 0 {
		p.app.setAutoLock(autoLockChoices[i])
		p.app.touch()
	}
}

// profiles lists the holder profiles: the DID each presents as, which is
// the default, and adding one.
func (p *settingsPage) profiles() fyne.CanvasObject {
	box := container.NewVBox(helpHeading(p.app, lang.L("Profiles"), "check.holder"),
		paragraph(lang.L("You present credentials as one of these identities (DIDs). Credentials issued to any of them pass the holder check.")))
	hs, err := p.app.wallet.Holders()
	if err != nil {
		box.Add(paragraph(explain(err)))
	}
	for _, h := range hs {
		name := h.Name
		if h.Default {
			name = lang.L("{{.Name}}: the profile you share as", map[string]any{"Name": h.Name})
		}
		did := widget.NewLabelWithStyle(h.DID, fyne.TextAlignLeading, fyne.TextStyle{Monospace: true})
		did.Truncation = fyne.TextTruncateEllipsis
		copyB := widget.NewButtonWithIcon(lang.L("Copy DID"), theme.ContentCopyIcon(), func() {
			p.app.touch()
			p.app.fyne.Clipboard().SetContent(h.DID)
			p.status.SetText(lang.L("The DID is copied."))
		})
		actions := container.NewHBox(copyB)
		if !h.Default {
			actions.Add(widget.NewButton(lang.L("Make default"), func() {
				p.app.touch()
				if err := p.app.wallet.SetDefaultHolder(h.Name); err != nil {
					p.status.SetText(explain(err))
					return
				}
				p.app.shell.setHolder(h.Name)
				p.app.shell.show(secSettings)
			}))
		}
		box.Add(container.NewBorder(nil, nil, nil, actions, container.New(tightRows{}, heading(name), did)))
	}
	box.Add(container.NewHBox(widget.NewButtonWithIcon(lang.L("Add a profile…"), theme.ContentAddIcon(), p.addProfile)))
	return box
}

// addProfile makes a new profile with a new key.
func (p *settingsPage) addProfile() {
	p.app.touch()
	name := newKeyEntry(p.app)
	kind := widget.NewSelect([]string{lang.L("Ed25519 (recommended)"), lang.L("P-256 (for verifiers that require it)")}, nil)
	kind.SetSelectedIndex(0)
	d := dialog.NewForm(lang.L("Add a profile"), lang.L("Create"), lang.L("Cancel"), []*widget.FormItem{
		widget.NewFormItem(lang.L("Name"), name),
		widget.NewFormItem(lang.L("Identity key"), kind),
	}, func(ok bool) {
		if !ok || strings.TrimSpace(name.Text) == "" {
			return
		}
		kt := wallet.KeyEd25519
		if kind.SelectedIndex() == 1 {
			kt = wallet.KeyP256
		}
		if _, err := p.app.wallet.AddHolder(strings.TrimSpace(name.Text), kt); err != nil {
			p.status.SetText(explain(err))
			return
		}
		p.app.shell.show(secSettings)
	}, p.app.win)
	d.Resize(fyne.NewSize(460, 220))
	d.Show()
}
