package ui

import (
	"errors"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/satchel-wallet/satchel/wallet/trust"
)

// trustTab is the Trust list tab: the issuers the learner knows, where
// each entry came from, adding entries from a trust list file or by hand,
// and removing them. The issuer check of every verification consults it.
func (p *settingsPage) trustTab() fyne.CanvasObject {
	p.fillTrust()
	fromFile := widget.NewButtonWithIcon(lang.L("Add from a file…"), theme.FolderOpenIcon(), p.addTrustFile)
	byHand := widget.NewButtonWithIcon(lang.L("Add an issuer…"), theme.ContentAddIcon(), p.addTrustEntry)
	export := widget.NewButtonWithIcon(lang.L("Export…"), theme.UploadIcon(), p.exportTrust)
	export.Importance = widget.LowImportance
	return container.NewVBox(
		helpHeading(p.app, lang.L("Trust list"), "check.issuer"),
		paragraph(lang.L("The issuers you know, and where you learnt of each. A credential signed by one of them says so in its issuer check; any other issuer is a warning, never a failure: not knowing an issuer says nothing about whether a credential is genuine.")),
		p.trust,
		container.NewHBox(fromFile, byHand, export),
		note(lang.L("A trust list file is the JSON that “satchel-cli trust export” writes, or that a university or provider publishes. Credentials already in the wallet show the change when you verify them again.")),
	)
}

// fillTrust lists the trust list's entries anew.
func (p *settingsPage) fillTrust() {
	p.trust.Objects = nil
	l, err := p.app.wallet.TrustList()
	if err != nil {
		p.trust.Add(paragraph(explain(err)))
		p.trust.Refresh()
		return
	}
	entries := l.Entries()
	if len(entries) == 0 {
		empty := paragraph(lang.L("Your trust list is empty: every issuer is unknown to Satchel."))
		empty.Importance = widget.LowImportance
		p.trust.Add(empty)
	}
	for i, e := range entries {
		if i > 0 {
			p.trust.Add(widget.NewSeparator())
		}
		p.trust.Add(p.trustRow(e))
	}
	p.trust.Refresh()
	p.relayout()
}

// trustRow is one entry: its name, source and date, what it matches, and
// Remove.
func (p *settingsPage) trustRow(e trust.Entry) fyne.CanvasObject {
	ids := strings.Join(append(append(append(append([]string{}, e.DIDs...), e.Domains...), e.Organizations...), e.OrganizationIdentifiers...), " · ")
	name := heading(e.Name)
	name.Truncation = fyne.TextTruncateEllipsis
	rows := []fyne.CanvasObject{
		name,
		caption(lang.L("Source: {{.Source}} · added {{.Date}}", map[string]any{"Source": e.Source, "Date": trustDate(e.Added)})),
		monoCaption(ids),
	}
	if e.Note != "" {
		rows = append(rows, caption(e.Note))
	}
	remove := widget.NewButtonWithIcon(lang.L("Remove"), theme.ContentRemoveIcon(), func() { p.removeTrust(e.Name) })
	remove.Importance = widget.LowImportance
	return container.NewBorder(nil, nil, nil, container.NewVBox(remove), container.New(tightRows{}, rows...))
}

// trustDate writes an entry's YYYY-MM-DD date as the screens write days.
func trustDate(s string) string {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return s
	}
	return day(t)
}

// monoCaption is a caption in the monospace font, for identifiers.
func monoCaption(text string) *widget.Label {
	l := caption(text)
	l.TextStyle.Monospace = true
	return l
}

// changeTrust applies change to the trust list and stores it if change
// succeeds: all of it or nothing.
func (p *settingsPage) changeTrust(change func(l *trust.List) error) error {
	l, err := p.app.wallet.TrustList()
	if err != nil {
		return err
	}
	if err := change(l); err != nil {
		return err
	}
	if err := p.app.wallet.SetTrustList(l); err != nil {
		return err
	}
	p.fillTrust()
	return nil
}

func (p *settingsPage) removeTrust(name string) {
	p.app.touch()
	msg := lang.L("Remove “{{.Name}}” from your trust list? Its credentials stay in the wallet; their issuer becomes unknown when you verify them again.", map[string]any{"Name": name})
	d := dialog.NewConfirm(lang.L("Remove from the trust list"), msg, func(ok bool) {
		if !ok {
			return
		}
		err := p.changeTrust(func(l *trust.List) error {
			if !l.Remove(name) {
				return errNoEntry
			}
			return nil
		})
		if err != nil {
			p.fail(trustProblem(err))
			return
		}
		p.say(lang.L("“{{.Name}}” is no longer on your trust list.", map[string]any{"Name": name}))
	}, p.app.win)
	d.SetConfirmText(lang.L("Remove"))
	d.Show()
}

// errNoEntry is an entry that went away meanwhile.
var errNoEntry = errors.New("no such entry on the trust list")

// addTrustFile adds every entry of a trust list file, or none.
func (p *settingsPage) addTrustFile() {
	p.app.touch()
	p.app.pickFiles(lang.L("Choose a trust list file"), false, func(paths []string) {
		if len(paths) == 0 {
			return
		}
		data, err := readBounded(paths[0], trust.MaxFileSize)
		if err != nil {
			p.fail(trustProblem(err))
			return
		}
		in, err := trust.Parse(data)
		if err != nil {
			p.fail(trustProblem(err))
			return
		}
		err = p.changeTrust(func(l *trust.List) error {
			for _, e := range in.Entries() {
				if err := l.Add(e); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			p.fail(trustProblem(err))
			return
		}
		p.say(lang.N("Added {{.N}} issuers to your trust list.", in.Len(), map[string]any{"N": in.Len()}))
	})
}

// trustKinds are the identifiers an entry added by hand can have, in the
// order the form offers them.
var trustKinds = []func(e *trust.Entry, v string){
	func(e *trust.Entry, v string) { e.DIDs = []string{v} },
	func(e *trust.Entry, v string) { e.Domains = []string{v} },
	func(e *trust.Entry, v string) { e.Organizations = []string{v} },
	func(e *trust.Entry, v string) { e.OrganizationIdentifiers = []string{v} },
}

// addTrustEntry adds one issuer by hand: a name, where the learner
// learnt of it, and one identifier.
func (p *settingsPage) addTrustEntry() {
	p.app.touch()
	name, source, id := newKeyEntry(p.app), newKeyEntry(p.app), newKeyEntry(p.app)
	name.SetPlaceHolder(lang.L("For example: Universidad de Ejemplo"))
	source.SetText(lang.L("added by me"))
	id.SetPlaceHolder(lang.L("For example: did:web:uni.example or uni.example"))
	kind := widget.NewSelect([]string{lang.L("DID"), lang.L("Web domain"), lang.L("Organisation, as its seal names it"), lang.L("Organisation identifier, e.g. VATBE-0123456789")}, nil)
	kind.SetSelectedIndex(0)
	d := dialog.NewForm(lang.L("Add an issuer"), lang.L("Add"), lang.L("Cancel"), []*widget.FormItem{
		widget.NewFormItem(lang.L("Name"), name),
		widget.NewFormItem(lang.L("Where you learnt of it"), source),
		widget.NewFormItem(lang.L("Identified by"), kind),
		widget.NewFormItem(lang.L("Identifier"), id),
	}, func(ok bool) {
		if !ok {
			return
		}
		e := trust.Entry{Name: strings.TrimSpace(name.Text), Source: strings.TrimSpace(source.Text), Added: p.app.now().Format(time.DateOnly)}
		trustKinds[max(kind.SelectedIndex(), 0)](&e, strings.TrimSpace(id.Text))
		if err := p.changeTrust(func(l *trust.List) error { return l.Add(e) }); err != nil {
			p.fail(trustProblem(err))
			return
		}
		p.say(lang.L("“{{.Name}}” is on your trust list.", map[string]any{"Name": e.Name}))
	}, p.app.win)
	d.Resize(fyne.NewSize(560, 320))
	d.Show()
	p.app.win.Canvas().Focus(name)
}

// exportTrust saves the trust list as a file others can import.
func (p *settingsPage) exportTrust() {
	p.app.touch()
	l, err := p.app.wallet.TrustList()
	var data []byte
	if err == nil {
		data, err = l.Marshal()
	}
	if err != nil {
		p.fail(explain(err))
		return
	}
	p.app.saveFile("trust-list.json", data, func(path string) {
		p.say(lang.L("Saved to {{.Path}}.", map[string]any{"Path": path}))
	})
}

// trustProblem says why the trust list could not be changed, and what
// to do.
func trustProblem(err error) string {
	d := map[string]any{"Detail": err.Error()}
	switch {
	case errors.Is(err, errTooLargeFile), errors.Is(err, trust.ErrTooLarge):
		return lang.L("That is more than a trust list can hold: {{.Detail}}. Choose a smaller list.", d)
	case errors.Is(err, trust.ErrMalformed), errors.Is(err, trust.ErrVersion):
		return lang.L("That file is not a trust list Satchel reads: {{.Detail}}. Nothing was added.", d)
	case errors.Is(err, trust.ErrDuplicate):
		return lang.L("Nothing was added: {{.Detail}}. Each issuer and each identifier can be on the list once; remove the entry that has it first.", d)
	case errors.Is(err, trust.ErrInvalidEntry):
		return lang.L("That entry cannot go on the list: {{.Detail}}. Give a name and a valid identifier.", d)
	case errors.Is(err, errNoEntry):
		return lang.L("That entry is no longer on the list.")
	}
	return explain(err)
}
