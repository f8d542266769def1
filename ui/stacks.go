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

// stacksPage lists the learner's stacks on the left and shows the chosen
// one on the right: its progress towards the target, the requirements met
// and unmet, its members with their flags, and suggested members.
type stacksPage struct {
	app    *App
	stacks []stack.Stack
	list   *widget.List
	view   *fyne.Container
	chosen string
}

func newStacksPage(app *App) *stacksPage {
	p := &stacksPage{app: app, view: container.NewStack()}
	stacks, err := app.wallet.Stacks()
	if err != nil {
		app.notice(explain(err))
	}
	p.stacks = stacks
	p.list = widget.NewList(
		func() int { return len(p.stacks) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return container.NewBorder(nil, nil, widget.NewIcon(theme.ListIcon()), nil, l)
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			o.(*fyne.Container).Objects[0].(*widget.Label).SetText(p.stacks[id].Name)
		})
	p.list.OnSelected = func(id widget.ListItemID) {
		app.touch()
		p.showStack(p.stacks[id].ID)
	}
	return p
}

func (p *stacksPage) content() fyne.CanvasObject {
	newB := widget.NewButtonWithIcon(lang.L("New stack…"), theme.ContentAddIcon(), func() {
		p.app.touch()
		p.app.editStack(nil, nil)
	})
	left := container.NewBorder(nil, newB, nil, nil, p.list)
	if len(p.stacks) == 0 {
		p.view.Objects = []fyne.CanvasObject{container.New(readableWidth{width: 460, middle: true}, container.NewVBox(
			widget.NewLabelWithStyle(lang.L("No stacks yet"), fyne.TextAlignCenter, fyne.TextStyle{Bold: true}),
			paragraph(lang.L("A stack gathers credentials towards a goal, such as “30 ECTS at EQF level 6 in ICT within 5 years”. Satchel shows how far you have come, what is missing, and which of your credentials would fit.")),
		))}
	} else {
		p.list.Select(0)
	}
	split := container.NewHSplit(container.NewPadded(left), p.view)
	split.Offset = 0.25
	return pageFrame(lang.L("Stacks"), nil, split)
}

// showStack shows stack id on the right.
func (p *stacksPage) showStack(id string) {
	p.chosen = id
	v, err := newStackView(p.app, id)
	if err != nil {
		p.view.Objects = []fyne.CanvasObject{paragraph(explain(err))}
	} else {
		p.view.Objects = []fyne.CanvasObject{v.content()}
	}
	p.view.Refresh()
}

// openStack shows the stacks page with stack id chosen.
func (a *App) openStack(id string) {
	p := newStacksPage(a)
	a.shell.open(secStacks, p.content())
	for i, s := range p.stacks {
		if s.ID == id {
			p.list.Select(i)
		}
	}
}

// addToStack offers the learner's stacks for credential id, or a new one.
func (a *App) addToStack(id string) {
	stacks, err := a.wallet.Stacks()
	if err != nil {
		a.notice(explain(err))
		return
	}
	names := make([]string, len(stacks))
	for i, s := range stacks {
		names[i] = s.Name
	}
	sel := widget.NewSelect(names, nil)
	if len(names) > 0 {
		sel.SetSelectedIndex(0)
	}
	newB := widget.NewButtonWithIcon(lang.L("New stack…"), theme.ContentAddIcon(), nil)
	body := container.NewVBox(paragraph(lang.L("Add this credential to a stack:")), sel, newB)
	if len(names) == 0 {
		body = container.NewVBox(paragraph(lang.L("You have no stacks yet. A stack gathers credentials towards a goal.")), newB)
	}
	d := dialog.NewCustomConfirm(lang.L("Add to stack"), lang.L("Add"), lang.L("Cancel"), body, func(ok bool) {
		i := sel.SelectedIndex()
		if !ok || i < 0 {
			return
		}
		a.touch()
		if _, _, err := a.wallet.AddToStack(stacks[i].ID, id); err != nil {
			a.notice(explain(err))
			return
		}
		a.openStack(stacks[i].ID)
	}, a.win)
	newB.OnTapped = func() {
		d.Hide()
		a.editStack(nil, []string{id})
	}
	d.Resize(fyne.NewSize(420, 240))
	d.Show()
}
