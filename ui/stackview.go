package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/satchel-wallet/satchel/wallet/stack"
)

// maxSuggestions is how many suggested members a stack shows: enough to
// choose from, few enough to read.
const maxSuggestions = 8

// stackView is one stack: its progress towards the target, each part of
// the target met or not, the members with what is wrong with each, and
// the credentials that would fit, with why.
type stackView struct {
	app      *App
	progress stack.Progress
	suggest  []stack.Suggestion
}

func newStackView(app *App, id string) (*stackView, error) {
	pr, err := app.wallet.StackProgress(id)
	if err != nil {
		return nil, err
	}
	sg, err := app.wallet.SuggestForStack(id, maxSuggestions)
	if err != nil {
		return nil, err
	}
	return &stackView{app: app, progress: pr, suggest: sg}, nil
}

func (v *stackView) content() fyne.CanvasObject {
	s := v.progress.Stack
	pr := &v.progress
	l := v.app.language()
	actions := container.NewHBox(
		widget.NewButtonWithIcon(lang.L("Edit…"), theme.DocumentCreateIcon(), func() { v.app.touch(); v.app.editStack(&s, nil) }),
		widget.NewButtonWithIcon(lang.L("Share"), theme.MailSendIcon(), func() {
			v.app.touch()
			v.app.shell.open(secShare, newSharePage(v.app, nil, s.ID).content())
		}),
		v.deleteButton(),
	)
	name := title(s.Name)
	name.Truncation = fyne.TextTruncateEllipsis // the actions keep their room in a narrow window
	box := container.NewVBox(container.NewBorder(nil, nil, nil, actions, name))
	if s.Description != "" {
		box.Add(paragraph(s.Description))
	}
	box.Add(v.progressBar())
	box.Add(paragraph(v.totals()))

	if len(pr.Requirements) > 0 {
		box.Add(widget.NewSeparator())
		box.Add(heading(lang.L("The target")))
		for _, r := range pr.Requirements {
			var icon fyne.Resource = theme.NewErrorThemedResource(theme.CancelIcon())
			word := lang.L("Not yet")
			if r.Met {
				icon, word = theme.NewSuccessThemedResource(theme.ConfirmIcon()), lang.L("Met")
			}
			w := widget.NewLabelWithStyle(word, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			box.Add(container.NewBorder(nil, nil, container.NewHBox(widget.NewIcon(icon), w), nil, paragraph(requirementSentence(r))))
		}
	}

	box.Add(widget.NewSeparator())
	members := heading(lang.L("Members ({{.N}})", map[string]any{"N": len(pr.Members)}))
	if len(pr.Members) > 0 {
		// Export sits with the members it exports, leaving the heading's
		// actions (and the stack's name) their room.
		export := widget.NewButtonWithIcon(lang.L("Export…"), theme.UploadIcon(), v.onExport)
		export.Importance = widget.LowImportance
		box.Add(container.NewBorder(nil, nil, nil, export, members))
	} else {
		box.Add(members)
	}
	if len(pr.Members) == 0 {
		box.Add(paragraph(lang.L("No credentials in this stack yet. Add them from a credential's page, or from the suggestions below.")))
	}
	for _, m := range pr.Members {
		box.Add(v.member(m, l))
	}
	if n := len(pr.Missing); n > 0 {
		box.Add(paragraph(lang.N("{{.N}} members are no longer in the wallet.", n, map[string]any{"N": n})))
	}

	if len(v.suggest) > 0 {
		box.Add(widget.NewSeparator())
		box.Add(heading(lang.L("Suggested")))
		for _, sg := range v.suggest {
			box.Add(v.suggestion(sg, l))
		}
	}
	return container.NewVScroll(container.NewPadded(box))
}

// progressBar shows the credits that count against the target; without
// an ECTS target, how many credentials the stack holds.
func (v *stackView) progressBar() fyne.CanvasObject {
	pr := &v.progress
	bar := widget.NewProgressBar()
	l := v.app.language()
	if t := pr.Stack.Target.ECTS; t != nil {
		bar.Max = *t
		bar.Value = min(pr.CountedECTS, *t)
		bar.TextFormatter = func() string {
			return lang.L("{{.N}} of {{.Target}} ECTS", map[string]any{"N": number(pr.CountedECTS, l), "Target": number(*t, l)})
		}
		return bar
	}
	if len(pr.Requirements) > 0 {
		met := 0
		for _, r := range pr.Requirements {
			if r.Met {
				met++
			}
		}
		bar.Max, bar.Value = float64(len(pr.Requirements)), float64(met)
		bar.TextFormatter = func() string {
			return lang.N("{{.N}} of {{.Total}} requirements met", len(pr.Requirements), map[string]any{"N": met, "Total": len(pr.Requirements)})
		}
		return bar
	}
	return paragraph(lang.L("This stack has no target yet: it gathers credentials. Edit it to set one."))
}

// totals says what the credits add up to and what is left.
func (v *stackView) totals() string {
	pr := &v.progress
	l := v.app.language()
	text := lang.L("{{.Total}} ECTS in all; {{.Counted}} count towards the target.", map[string]any{"Total": number(pr.ECTS, l), "Counted": number(pr.CountedECTS, l)})
	if pr.Hours > 0 {
		text += " " + lang.L("Plus {{.H}} hours from credentials that state no ECTS (hours are not credits).", map[string]any{"H": number(pr.Hours, l)})
	}
	switch {
	case pr.Complete:
		text += " " + lang.L("Every part of the target is met. Whether the stack counts towards a qualification is for the receiving institution to decide.")
	case pr.RemainingECTS != nil && *pr.RemainingECTS > 0:
		text += " " + lang.L("{{.N}} ECTS to go.", map[string]any{"N": number(*pr.RemainingECTS, l)})
	}
	return text
}

// member is one member with its flags, and buttons to open or remove it.
func (v *stackView) member(m stack.Member, l string) fyne.CanvasObject {
	counts := lang.L("Counts")
	if !m.Counted {
		counts = lang.L("Does not count")
	}
	name := widget.NewLabelWithStyle(credTitle(m.Credential, l), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	name.Truncation = fyne.TextTruncateEllipsis
	facts := caption(joinNonEmpty(counts, ects(m.Credential, l), eqf(m.Credential.EQF), awardedBy(m.Credential, l)))
	open := widget.NewButtonWithIcon("", theme.VisibilityIcon(), func() { v.app.touch(); v.app.openCredential(m.ID) })
	remove := widget.NewButtonWithIcon(lang.L("Remove"), theme.ContentRemoveIcon(), func() {
		v.app.touch()
		if _, _, err := v.app.wallet.RemoveFromStack(v.progress.Stack.ID, m.ID); err != nil {
			v.app.notice(explain(err))
			return
		}
		v.app.openStack(v.progress.Stack.ID)
	})
	open.Importance, remove.Importance = widget.LowImportance, widget.LowImportance
	rows := container.NewVBox(container.New(tightRows{}, name, facts))
	for _, f := range m.Flags {
		var icon fyne.Resource = theme.NewWarningThemedResource(theme.WarningIcon())
		if f.Code == stack.FlagDuplicate && f.First {
			icon = theme.InfoIcon()
		}
		rows.Add(container.NewBorder(nil, nil, widget.NewIcon(icon), nil, paragraph(flagSentence(f))))
	}
	return container.NewBorder(nil, nil, nil, container.NewHBox(open, remove), rows)
}

// suggestion is one suggested credential with its reasons and Add.
func (v *stackView) suggestion(sg stack.Suggestion, l string) fyne.CanvasObject {
	name := widget.NewLabelWithStyle(credTitle(sg.Credential, l), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	name.Truncation = fyne.TextTruncateEllipsis
	facts := caption(joinNonEmpty(awardedBy(sg.Credential, l), ects(sg.Credential, l), eqf(sg.Credential.EQF)))
	rows := container.NewVBox(container.New(tightRows{}, name, facts))
	for _, r := range sg.Reasons {
		rows.Add(container.NewBorder(nil, nil, widget.NewIcon(theme.InfoIcon()), nil, paragraph(reasonSentence(r))))
	}
	add := widget.NewButtonWithIcon(lang.L("Add"), theme.ContentAddIcon(), func() {
		v.app.touch()
		if _, _, err := v.app.wallet.AddToStack(v.progress.Stack.ID, sg.ID); err != nil {
			v.app.notice(explain(err))
			return
		}
		v.app.openStack(v.progress.Stack.ID)
	})
	return container.NewBorder(nil, nil, nil, container.NewVBox(add), rows)
}

// onExport opens the export page with the stack's members still in the
// wallet.
func (v *stackView) onExport() {
	v.app.touch()
	s := v.progress.Stack
	ids := make([]string, len(v.progress.Members))
	for i, m := range v.progress.Members {
		ids[i] = m.ID
	}
	v.app.openExport(ids, lang.N("Export the {{.N}} credentials of the stack “{{.Name}}”.", len(ids), map[string]any{"N": len(ids), "Name": s.Name}))
}

func (v *stackView) deleteButton() *widget.Button {
	s := v.progress.Stack
	b := widget.NewButtonWithIcon(lang.L("Delete…"), theme.DeleteIcon(), func() {
		v.app.touch()
		msg := lang.L("Delete the stack “{{.Name}}”? Its credentials stay in the wallet.", map[string]any{"Name": s.Name})
		d := dialog.NewConfirm(lang.L("Delete stack"), msg, func(ok bool) {
			if !ok {
				return
			}
			if _, err := v.app.wallet.DeleteStack(s.ID); err != nil {
				v.app.notice(explain(err))
				return
			}
			v.app.shell.show(secStacks)
		}, v.app.win)
		d.SetConfirmText(lang.L("Delete"))
		d.SetConfirmImportance(widget.DangerImportance)
		d.Show()
	})
	b.Importance = widget.DangerImportance
	return b
}
