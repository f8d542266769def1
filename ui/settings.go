package ui

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// autoLockChoices are the idle times offered, in minutes; 0 is never.
var autoLockChoices = []int{1, 5, 10, 15, 30, 60, 0}

// The tabs of the settings page, in order.
const (
	tabGeneral = iota
	tabProfiles
	tabTrust
	tabSharing
	tabWallet
)

// settingsPage is everything the learner can change, in tabs: General
// (look, language, when to lock, network checks, the import size limit),
// Profiles (the DIDs they present as), Trust list (the issuers they
// know), Sharing (the QR code defaults) and Wallet (where it is, its
// passphrase, backup and restore). Each tab is built by a method of its
// own file; status says what the last action did.
type settingsPage struct {
	app      *App
	tabs     *container.AppTabs
	theme    *widget.RadioGroup
	language *widget.Select
	autoLock *widget.Select
	online   *widget.Check
	limit    *widget.Select
	profiles *fyne.Container // rebuilt when a profile changes
	trust    *fyne.Container // rebuilt when the trust list changes
	status   *widget.Label
	body     *fyne.Container // the tabs and the status under them
}

func newSettingsPage(app *App) *settingsPage {
	p := &settingsPage{app: app, status: paragraph("")}
	themes := []string{lang.L("Follow the system"), lang.L("Light"), lang.L("Dark")}
	// One choice a line: side by side, the three do not fit beside their
	// label in a window 800 wide, in German least of all.
	p.theme = widget.NewRadioGroup(themes, nil)
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

	p.online = widget.NewCheck(lang.L("Offer checks that use the network"), nil)
	p.online.SetChecked(app.onlineAllowed())
	p.online.OnChanged = func(on bool) { app.touch(); app.fyne.Preferences().SetBool(prefOnline, on) }

	limits := make([]string, len(importLimits))
	for i, mib := range importLimits {
		limits[i] = lang.L("{{.N}} MB per file", map[string]any{"N": mib})
	}
	p.limit = widget.NewSelect(limits, nil)
	p.limit.SetSelectedIndex(max(slices.Index(importLimits, app.maxImportBytes()>>20), 0))
	p.limit.OnChanged = func(string) { p.onLimit() }

	p.profiles = container.NewVBox()
	p.trust = container.NewVBox()
	p.status.Importance = widget.HighImportance
	p.status.Hide()
	return p
}

func autoLockLabel(minutes int) string {
	if minutes == 0 {
		return lang.L("Never")
	}
	return lang.N("After {{.N}} minutes", minutes, map[string]any{"N": minutes})
}

func (p *settingsPage) content() fyne.CanvasObject {
	p.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon(lang.L("General"), theme.SettingsIcon(), p.tab(p.general())),
		container.NewTabItemWithIcon(lang.L("Profiles"), theme.AccountIcon(), p.tab(p.profilesTab())),
		container.NewTabItemWithIcon(lang.L("Trust list"), theme.ConfirmIcon(), p.tab(p.trustTab())),
		container.NewTabItemWithIcon(lang.L("Sharing"), theme.MailSendIcon(), p.tab(p.sharingTab())),
		container.NewTabItemWithIcon(lang.L("Wallet"), theme.StorageIcon(), p.tab(p.walletTab())),
	)
	if s := p.app.shell; s != nil {
		p.tabs.SelectIndex(s.settingsTab)
		p.tabs.OnSelected = func(*container.TabItem) {
			p.app.touch()
			s.settingsTab = p.tabs.SelectedIndex()
			p.say("")
		}
	}
	p.body = container.NewBorder(nil, p.status, nil, nil, p.tabs)
	return pageFrame(lang.L("Settings"), nil, p.body)
}

// tab lays out the body of a tab: scrolling, at a readable width, under
// the tabs on the leading side.
func (p *settingsPage) tab(body fyne.CanvasObject) fyne.CanvasObject {
	return container.NewVScroll(container.New(readableWidth{width: 760, leading: true}, container.NewPadded(body)))
}

// say shows what an action did under the tabs; "" clears it.
func (p *settingsPage) say(text string) {
	p.status.Importance = widget.HighImportance
	p.show(text)
}

// fail shows why an action could not be done, and what to do.
func (p *settingsPage) fail(text string) {
	p.status.Importance = widget.DangerImportance
	p.show(text)
}

func (p *settingsPage) show(text string) {
	p.status.SetText(text)
	if text == "" {
		p.status.Hide()
	} else {
		p.status.Show()
	}
	p.relayout()
}

// relayout lays the page out again after something in it changed size:
// a list rebuilt, the status shown or hidden. Fyne lays out a container
// when it is resized or refreshed, not when a child grows.
func (p *settingsPage) relayout() {
	if p.body == nil {
		return // still being built
	}
	if w := p.body.Size().Width; w > 0 && p.status.Visible() {
		// Wrap the status at the page's width before the page asks how
		// tall it is.
		p.status.Resize(fyne.NewSize(w, p.status.MinSize().Height))
	}
	p.body.Refresh()
	if it := p.tabs.Selected(); it != nil {
		if s, ok := it.Content.(*container.Scroll); ok {
			s.Refresh()
			s.Content.Refresh()
		}
	}
}

// general is the General tab: the look, the language, when to lock,
// network checks and the import size limit.
func (p *settingsPage) general() fyne.CanvasObject {
	onlineNote := note(lang.L("Satchel works offline. With this on, “Verify again” offers to check online; Satchel then asks the issuer's web sites, and only then."))
	limitNote := note(lang.L("Satchel refuses larger files when importing and verifying. Real credentials are a few kilobytes; sealed ones with pictures a few hundred."))
	return widget.NewForm(
		widget.NewFormItem(lang.L("Appearance"), p.theme),
		widget.NewFormItem(lang.L("Language"), p.language),
		widget.NewFormItem(lang.L("Lock the wallet when idle"), p.autoLock),
		widget.NewFormItem(lang.L("Online checks"), container.NewVBox(p.online, onlineNote)),
		widget.NewFormItem(lang.L("Largest file to import"), container.NewVBox(p.limit, limitNote)),
	)
}

// note is a paragraph in the caption size: what a setting does.
func note(text string) *widget.Label {
	l := paragraph(text)
	l.SizeName = theme.SizeNameCaptionText
	return l
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

func (p *settingsPage) onLimit() {
	p.app.touch()
	if i := p.limit.SelectedIndex(); i >= 0 {
		p.app.fyne.Preferences().SetInt(prefImportMiB, importLimits[i])
	}
}
