package ui

import (
	"errors"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/satchel-wallet/satchel/share"
	"github.com/satchel-wallet/satchel/wallet/credential"
	"github.com/satchel-wallet/satchel/wallet/search"
)

// shareForm is what the learner makes of the chosen credentials.
type shareForm int

const (
	formQR shareForm = iota
	formJWT
	formLDP
	formSDJWT
)

// sharePage shares credentials or a stack: the learner picks them on the
// left, and on the right the form (a QR code, a VP-JWT or JSON-LD file, an
// SD-JWT revealing only the claims ticked), the verifier's challenge and
// domain; Satchel signs the presentation with the holder's key.
type sharePage struct {
	app       *App
	chosen    map[string]bool
	stackRef  string
	stackSel  *widget.Select
	stackIDs  []string
	filter    *keyEntry
	shown     []*credential.Credential
	list      *widget.List
	count     *widget.Label
	form      *widget.RadioGroup
	challenge *keyEntry
	domain    *keyEntry
	claims    *widget.CheckGroup
	claimOf   map[string]string // option -> disclosure path
	claimBox  *fyne.Container
	problem   *widget.Label
	makeB     *widget.Button
	originals map[string][]byte // read once per credential chosen
	root      fyne.CanvasObject // the page, to come back to from its result
	right     *fyne.Container   // the column of options, relaid when claims come and go
}

// newSharePage makes the share page with credentials ids chosen, or the
// stack stackRef.
func newSharePage(app *App, ids []string, stackRef string) *sharePage {
	p := &sharePage{app: app, chosen: map[string]bool{}, stackRef: stackRef, originals: map[string][]byte{}}
	for _, id := range ids {
		p.chosen[id] = true
	}
	p.filter = newKeyEntry(app)
	p.filter.SetPlaceHolder(lang.L("Find credentials to share…"))
	p.filter.OnChanged = func(string) { p.runFilter() }
	p.count = widget.NewLabel("")
	p.list = widget.NewList(func() int { return len(p.shown) },
		func() fyne.CanvasObject { return widget.NewCheck("", nil) },
		func(id widget.ListItemID, o fyne.CanvasObject) {
			c := p.shown[id]
			ch := o.(*widget.Check)
			ch.OnChanged = nil
			ch.SetText(shorten(joinNonEmpty(credTitle(c, app.language()), awardedBy(c, app.language())), 56))
			ch.SetChecked(p.chosen[c.ID])
			ch.OnChanged = func(on bool) { p.toggle(c.ID, on) }
		})
	stacks, err := app.wallet.Stacks()
	if err != nil {
		app.notice(explain(err))
	}
	names := []string{lang.L("No stack: the credentials ticked below")}
	p.stackIDs = []string{""}
	for _, s := range stacks {
		names = append(names, s.Name)
		p.stackIDs = append(p.stackIDs, s.ID)
	}
	p.stackSel = widget.NewSelect(names, nil)
	p.stackSel.SetSelectedIndex(max(slices.Index(p.stackIDs, stackRef), 0))
	p.stackSel.OnChanged = func(string) { p.onStack() }
	p.form = widget.NewRadioGroup([]string{
		lang.L("QR code to show or print"), lang.L("Presentation file (VP-JWT)"),
		lang.L("Presentation file (JSON-LD)"), lang.L("SD-JWT, revealing only the claims ticked"),
	}, nil)
	p.form.Required = true
	p.form.SetSelected(p.form.Options[0])
	p.form.OnChanged = func(string) { p.app.touch(); p.update() }
	p.challenge, p.domain = newKeyEntry(app), newKeyEntry(app)
	p.challenge.SetPlaceHolder(lang.L("The code the verifier gave you, if any"))
	p.domain.SetPlaceHolder(lang.L("For example: admissions.uni.example"))
	p.challenge.OnChanged = func(string) { p.update() }
	p.domain.OnChanged = func(string) { p.update() }
	p.claims = widget.NewCheckGroup(nil, func([]string) { p.app.touch() })
	p.claimBox = container.NewVBox()
	p.problem = paragraph("")
	p.problem.Importance = widget.DangerImportance
	p.makeB = widget.NewButtonWithIcon(lang.L("Sign and share"), theme.ConfirmIcon(), p.onMake)
	p.makeB.Importance = widget.HighImportance
	if stackRef != "" {
		p.onStack()
	}
	p.runFilter()
	return p
}

func (p *sharePage) content() fyne.CanvasObject {
	left := container.NewBorder(container.NewVBox(
		heading(lang.L("What to share")), p.stackSel, p.filter, p.count), nil, nil, nil, p.list)
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Challenge"), p.challenge),
		widget.NewFormItem(lang.L("Verifier (domain)"), p.domain),
	)
	p.right = container.NewVBox(heading(lang.L("How")), p.form, p.claimBox,
		container.NewHBox(heading(lang.L("For whom")), helpButton(p.app, "check.challenge")),
		paragraph(lang.L("If the verifier gave you a challenge code and their domain, enter them: they bind the presentation to this verifier and this moment.")),
		form, p.problem, container.NewHBox(p.makeB))
	split := container.NewHSplit(container.NewPadded(left), container.NewVScroll(container.NewPadded(p.right)))
	split.Offset = 0.45
	p.update()
	p.root = pageFrame(lang.L("Share"), nil, split)
	return p.root
}

// runFilter lists the credentials matching the filter box.
func (p *sharePage) runFilter() {
	lib := p.app.lib
	if lib.index != nil {
		p.shown = lib.index.Search(search.Query{Text: p.filter.Text}).Credentials
	} else {
		p.shown = lib.all()
	}
	p.list.Refresh()
	p.update()
}

func (p *sharePage) toggle(id string, on bool) {
	p.app.touch()
	if on {
		p.chosen[id] = true
	} else {
		delete(p.chosen, id)
	}
	p.update()
}

// onStack chooses a whole stack, or goes back to ticking credentials.
func (p *sharePage) onStack() {
	p.app.touch()
	p.stackRef = p.stackIDs[max(p.stackSel.SelectedIndex(), 0)]
	if p.stackRef == "" {
		p.list.Show()
		p.filter.Show()
		p.update()
		return
	}
	ids, _, err := share.StackMembers(p.app.wallet, p.stackRef)
	if err != nil {
		p.problem.SetText(explain(err))
		return
	}
	p.chosen = map[string]bool{}
	for _, id := range ids {
		p.chosen[id] = true
	}
	p.list.Hide()
	p.filter.Hide()
	p.update()
}

// ids returns the chosen credentials, in the wallet's order.
func (p *sharePage) ids() []string {
	var out []string
	for _, c := range p.app.lib.creds {
		if p.chosen[c.ID] {
			out = append(out, c.ID)
		}
	}
	return out
}

// update says how many are chosen, offers the SD-JWT claims when one
// SD-JWT credential is, and says why the form cannot be made if it cannot.
func (p *sharePage) update() {
	ids := p.ids()
	p.count.SetText(lang.N("{{.N}} chosen", len(ids), map[string]any{"N": len(ids)}))
	p.claimBox.Objects = nil
	form := shareForm(slices.Index(p.form.Options, p.form.Selected))
	if form == formSDJWT && len(ids) == 1 {
		if c := p.app.lib.credential(ids[0]); c != nil && len(c.Disclosures) > 0 {
			p.setClaims(c)
			p.claimBox.Objects = []fyne.CanvasObject{
				paragraph(lang.L("Tick what the verifier may see. Only the ticked claims are revealed, with the claims the issuer always shows.")),
				p.claims,
			}
		}
	}
	p.claimBox.Refresh()
	if p.right != nil {
		p.right.Refresh()
	}
	problem := p.check(ids, form)
	p.problem.Importance = widget.DangerImportance
	if len(ids) == 0 {
		p.problem.Importance = widget.MediumImportance // a first step, not an error
	}
	p.problem.SetText(problem)
	if problem == "" {
		p.makeB.Enable()
	} else {
		p.makeB.Disable()
	}
}

// setClaims offers the disclosable claims of c, keeping ticks.
func (p *sharePage) setClaims(c *credential.Credential) {
	p.claimOf = map[string]string{}
	var opts []string
	for _, d := range c.Disclosures {
		name := d.Name
		if name == "" {
			name = d.Path
		}
		o := shorten(name+": "+d.Value, 48)
		p.claimOf[o] = d.Path
		opts = append(opts, o)
	}
	p.claims.Options = opts
	p.claims.Refresh()
}

// check says why the chosen credentials cannot be shared in form, or "".
func (p *sharePage) check(ids []string, form shareForm) string {
	if len(ids) == 0 {
		return lang.L("Choose at least one credential.")
	}
	if form == formSDJWT && len(ids) != 1 {
		return lang.L("An SD-JWT presentation carries one credential: choose exactly one.")
	}
	f, err := p.format(ids, form)
	if err != nil {
		return shareProblem(err)
	}
	if f == share.FormatSDJWT && (p.challenge.Text == "" || p.domain.Text == "") {
		return lang.L("An SD-JWT presentation needs the verifier's challenge and domain.")
	}
	return ""
}

// format picks the presentation format for form.
func (p *sharePage) format(ids []string, form shareForm) (share.Format, error) {
	items := p.items(ids)
	switch form {
	case formJWT:
		f, err := share.ChooseFormat(items)
		if err == nil && f != share.FormatVPJWT && f != share.FormatVPJWTV2 {
			err = compatible(items, share.FormatVPJWTV2)
			f = share.FormatVPJWTV2
		}
		return f, err
	case formLDP:
		return share.FormatLDP, compatible(items, share.FormatLDP)
	case formSDJWT:
		return share.FormatSDJWT, compatible(items, share.FormatSDJWT)
	}
	return share.ChooseFormat(items)
}

// items are the chosen credentials as share wants them, with their
// originals, which decide what they can go in.
func (p *sharePage) items(ids []string) []share.Item {
	var out []share.Item
	for _, id := range ids {
		c := p.app.lib.credential(id)
		if c == nil {
			continue
		}
		orig, ok := p.originals[id]
		if !ok {
			_, o, err := p.app.wallet.Credential(id)
			if err != nil {
				continue
			}
			orig, p.originals[id] = o, o
		}
		out = append(out, share.Item{Credential: *c, Original: orig})
	}
	return out
}

func compatible(items []share.Item, f share.Format) error {
	var errs []error
	for _, it := range items {
		errs = append(errs, share.Compatible(it, f))
	}
	return errors.Join(errs...)
}
