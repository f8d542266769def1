package ui

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/satchel-wallet/satchel/wallet/credential"
)

// detailPage shows one credential: its EU standard elements as a table in
// the learner's language (with a switch when it carries several), its
// learning outcomes with their skill links, the verification checks each
// with its plain sentence and technical detail, and the original as
// received; and the actions on it.
type detailPage struct {
	app      *App
	cred     credential.Credential
	orig     []byte
	lang     string
	langSel  *widget.Select
	online   *widget.Check
	reverify *widget.Button
	status   *widget.Label
	tabs     *container.AppTabs
	body     *fyne.Container
}

// openCredential shows the detail of credential id.
func (a *App) openCredential(id string) {
	c, orig, err := a.wallet.Credential(id)
	if err != nil {
		a.notice(explain(err))
		return
	}
	p := &detailPage{app: a, cred: c, orig: orig, lang: a.language()}
	a.detail = p
	a.shell.push(p.content())
}

// languages lists the languages the credential's main texts are in.
func (p *detailPage) languages() []string {
	var out []string
	for _, t := range []credential.Text{p.cred.Title, p.cred.Description, p.cred.Issuer.Name} {
		for _, l := range t.Languages() {
			if !slices.Contains(out, l) {
				out = append(out, l)
			}
		}
	}
	slices.Sort(out)
	return out
}

func (p *detailPage) content() fyne.CanvasObject {
	back := widget.NewButtonWithIcon(lang.L("Back"), theme.NavigateBackIcon(), func() { p.app.touch(); p.app.shell.back() })
	back.Importance = widget.LowImportance
	p.status = paragraph("")
	p.status.Hide()
	p.online = widget.NewCheck(lang.L("Check online"), nil)
	if !p.app.onlineAllowed() {
		p.online.Disable()
	}
	p.reverify = widget.NewButtonWithIcon(lang.L("Verify again"), theme.ViewRefreshIcon(), p.onReverify)

	var top []fyne.CanvasObject
	if langs := p.languages(); len(langs) > 1 {
		names := make([]string, len(langs))
		for i, l := range langs {
			names[i] = languageName(l)
		}
		p.langSel = widget.NewSelect(names, nil)
		p.lang = p.shownLanguage(langs)
		p.langSel.SetSelectedIndex(slices.Index(langs, p.lang))
		p.langSel.OnChanged = func(string) {
			p.app.touch()
			p.lang = langs[max(p.langSel.SelectedIndex(), 0)]
			p.fill()
		}
		top = append(top, widget.NewLabel(lang.L("Shown in")), p.langSel)
	}
	head := container.NewBorder(nil, nil, back, container.NewHBox(top...))
	p.body = container.NewStack()
	p.fill()
	// Six actions in three columns fit 800 pixels in every language;
	// verifying again lives on the Verification tab, with its option.
	actions := container.NewGridWithColumns(3,
		widget.NewButtonWithIcon(lang.L("Share"), theme.MailSendIcon(), p.onShare),
		widget.NewButtonWithIcon(lang.L("Collections…"), theme.FolderIcon(), func() { p.app.touch(); p.app.editCollectionsOf(p.cred.ID) }),
		widget.NewButtonWithIcon(lang.L("Add to stack…"), theme.ListIcon(), func() { p.app.touch(); p.app.addToStack(p.cred.ID) }),
		widget.NewButtonWithIcon(lang.L("Save original…"), theme.DocumentSaveIcon(), p.onSave),
		widget.NewButtonWithIcon(lang.L("Export…"), theme.UploadIcon(), p.onExport),
		p.deleteButton(),
	)
	return container.NewBorder(head, container.NewVBox(p.status, container.NewPadded(actions)), nil, nil, p.body)
}

// shownLanguage is the credential's language closest to the learner's.
func (p *detailPage) shownLanguage(langs []string) string {
	for _, l := range langs {
		if base(l) == base(p.lang) {
			return l
		}
	}
	for _, l := range langs {
		if base(l) == "en" {
			return l
		}
	}
	return langs[0]
}

// fill builds the header and the tabs in the language chosen.
func (p *detailPage) fill() {
	c := &p.cred
	name := title(credTitle(c, p.lang))
	name.Wrapping = fyne.TextWrapWord
	badge := newVerdictBadge()
	badge.set(c.Verification.Verdict)
	by := paragraph(joinNonEmpty(awardedBy(c, p.lang), day(c.Issued)))
	side := []fyne.CanvasObject{badge}
	if c.Expired(p.app.now()) {
		e := widget.NewLabel(lang.L("Expired"))
		e.Importance = widget.WarningImportance
		side = append(side, e)
	}
	header := container.NewBorder(nil, nil, nil, container.NewVBox(side...), container.NewVBox(name, by))

	selected := 0
	if p.tabs != nil {
		selected = p.tabs.SelectedIndex()
	}
	p.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon(lang.L("Details"), theme.InfoIcon(), container.NewVScroll(p.elements())),
		container.NewTabItemWithIcon(lang.L("Learning outcomes ({{.N}})", map[string]any{"N": len(c.LearningOutcomes)}), theme.ListIcon(), container.NewVScroll(p.outcomes())),
		container.NewTabItemWithIcon(lang.L("Verification"), theme.ConfirmIcon(), container.NewVScroll(p.checks())),
		container.NewTabItemWithIcon(lang.L("Original"), theme.FileTextIcon(), p.original()),
	)
	p.tabs.SelectIndex(selected)
	p.tabs.OnSelected = func(*container.TabItem) { p.app.touch() }
	p.body.Objects = []fyne.CanvasObject{container.NewBorder(container.NewPadded(header), nil, nil, nil, p.tabs)}
	p.body.Refresh()
}

// say shows what an action did, or why it could not.
func (p *detailPage) say(text string) {
	p.status.SetText(text)
	p.status.Show()
}

// reload reads the credential again after a change and redraws.
func (p *detailPage) reload() {
	c, orig, err := p.app.wallet.Credential(p.cred.ID)
	if err != nil {
		p.say(explain(err))
		return
	}
	p.cred, p.orig = c, orig
	p.fill()
}

func (p *detailPage) onShare() {
	p.app.touch()
	p.app.shell.open(secShare, newSharePage(p.app, []string{p.cred.ID}, "").content())
}

func (p *detailPage) onExport() {
	p.app.touch()
	p.app.openExport([]string{p.cred.ID}, lang.L("Export “{{.Title}}”.", map[string]any{"Title": credTitle(&p.cred, p.lang)}))
}

func (p *detailPage) onSave() {
	p.app.touch()
	p.app.saveFile(originalName(&p.cred), p.orig, func(path string) {
		p.say(lang.L("Saved the original to {{.Path}}.", map[string]any{"Path": path}))
	})
}

func (p *detailPage) deleteButton() *widget.Button {
	b := widget.NewButtonWithIcon(lang.L("Delete…"), theme.DeleteIcon(), func() {
		p.app.touch()
		p.app.deleteCredential(&p.cred)
	})
	b.Importance = widget.DangerImportance
	return b
}
