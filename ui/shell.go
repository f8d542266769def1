package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// section is one of the places the navigation rail leads to.
type section int

const (
	secCredentials section = iota
	secStacks
	secShare
	secHistory
	secVerify
	secSettings
	numSections
)

// shell is the frame of the unlocked wallet: a navigation rail on the left
// (the sections, then Import and Lock) and the current page beside it. A
// page can push a sub-page (a credential's detail) that Back returns from;
// the credentials page is kept while the wallet is open, so that its
// search, filters and scroll position survive a visit to a detail.
type shell struct {
	app     *App
	current section
	nav     [numSections]*widget.Button
	body    *fyne.Container
	creds   *credentialsPage
	holder  *widget.Label
	note    *widget.Label
	noteBar *fyne.Container
	importB *widget.Button
	lockB   *widget.Button
	// settingsTab is the settings tab last shown, kept while the page is
	// rebuilt after a change; settings is the page last made.
	settingsTab int
	settings    *settingsPage
}

func newShell(app *App) *shell {
	s := &shell{app: app, body: container.NewStack()}
	labels := [numSections]string{
		lang.L("Credentials"), lang.L("Stacks"), lang.L("Share"),
		lang.L("History"), lang.L("Verify"), lang.L("Settings"),
	}
	icons := [numSections]fyne.Resource{
		theme.DocumentIcon(), theme.ListIcon(), theme.MailSendIcon(),
		theme.HistoryIcon(), theme.SearchIcon(), theme.SettingsIcon(),
	}
	for i := range s.nav {
		sec := section(i)
		b := widget.NewButtonWithIcon(labels[i], icons[i], func() { s.app.touch(); s.show(sec) })
		b.Alignment = widget.ButtonAlignLeading
		s.nav[i] = b
	}
	s.importB = widget.NewButtonWithIcon(lang.L("Import…"), theme.ContentAddIcon(), func() { s.app.touch(); s.app.openImport() })
	s.importB.Alignment = widget.ButtonAlignLeading
	s.lockB = widget.NewButtonWithIcon(lang.L("Lock"), theme.LogoutIcon(), s.app.Lock)
	s.lockB.Alignment = widget.ButtonAlignLeading
	s.holder = caption("")
	s.note = paragraph("")
	s.note.Importance = widget.HighImportance
	closeNote := widget.NewButtonWithIcon("", theme.CancelIcon(), func() { s.noteBar.Hide() })
	closeNote.Importance = widget.LowImportance
	s.noteBar = container.NewVBox(container.NewBorder(nil, nil, widget.NewIcon(theme.InfoIcon()), closeNote, s.note), widget.NewSeparator())
	s.noteBar.Hide()
	s.creds = newCredentialsPage(app)
	return s
}

func (s *shell) content() fyne.CanvasObject {
	top := container.NewVBox(title("Satchel"), s.holder, widget.NewSeparator())
	for _, b := range s.nav {
		top.Add(b)
	}
	bottom := container.NewVBox(widget.NewSeparator(), s.importB, s.lockB)
	rail := container.NewBorder(top, bottom, nil, nil)
	return container.NewBorder(nil, nil,
		container.NewHBox(container.NewPadded(rail), widget.NewSeparator()), nil,
		container.NewBorder(s.noteBar, nil, nil, nil, s.body))
}

// show switches to section sec, rebuilding its page (the credentials page
// excepted) so that it shows the wallet as it is now.
func (s *shell) show(sec section) {
	s.highlight(sec)
	var page fyne.CanvasObject
	switch sec {
	case secCredentials:
		page = s.creds.content()
	case secStacks:
		page = newStacksPage(s.app).content()
	case secShare:
		page = newSharePage(s.app, nil, "").content()
	case secHistory:
		page = newHistoryPage(s.app).content()
	case secVerify:
		page = newVerifyPage(s.app).content()
	case secSettings:
		s.settings = newSettingsPage(s.app)
		page = s.settings.content()
	}
	s.set(page)
}

// open shows page as the page of section sec, as when sharing from a
// credential's detail opens the share page with it chosen.
func (s *shell) open(sec section, page fyne.CanvasObject) {
	s.highlight(sec)
	s.set(page)
}

// highlight marks sec as the current section.
func (s *shell) highlight(sec section) {
	s.current = sec
	s.noteBar.Hide()
	for i, b := range s.nav {
		if section(i) == sec {
			b.Importance = widget.HighImportance
		} else {
			b.Importance = widget.LowImportance
		}
		b.Refresh()
	}
}

// push shows a sub-page of the current section.
func (s *shell) push(page fyne.CanvasObject) { s.set(page) }

// back returns to the current section's page.
func (s *shell) back() { s.show(s.current) }

func (s *shell) set(page fyne.CanvasObject) {
	s.body.Objects = []fyne.CanvasObject{page}
	s.body.Refresh()
}

// notice shows a message above the page until the learner closes it or
// another replaces it: what an action did, or why it could not.
func (a *App) notice(text string) {
	if a.shell == nil {
		return
	}
	a.shell.note.SetText(text)
	a.shell.noteBar.Show()
}

// setHolder names the profile the wallet presents as.
func (s *shell) setHolder(name string) { s.holder.SetText(name) }

// pageFrame lays out a page: a heading with actions on the right, and the
// body below it, padded.
func pageFrame(heading string, actions fyne.CanvasObject, body fyne.CanvasObject) fyne.CanvasObject {
	h := title(heading)
	h.Truncation = fyne.TextTruncateEllipsis
	var top fyne.CanvasObject = h
	if actions != nil {
		top = container.NewBorder(nil, nil, nil, actions, top)
	}
	return container.NewBorder(container.NewPadded(top), nil, nil, nil, container.NewPadded(body))
}
