package ui

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/satchel-wallet/satchel/wallet/stack"
)

// windowChoices are the time windows offered for a stack's target, in
// years; 0 is any time.
var windowChoices = []int{0, 1, 2, 3, 5, 10}

// stackForm is the form that makes a stack or changes its target.
type stackForm struct {
	name, desc, ects *keyEntry
	eqf              *widget.Select
	fields, outcomes *keyEntry
	within           *widget.Select
}

func newStackForm(a *App, s *stack.Stack) *stackForm {
	f := &stackForm{name: newKeyEntry(a), desc: newKeyEntry(a), ects: newKeyEntry(a), fields: newKeyEntry(a), outcomes: newKeyEntry(a)}
	f.name.SetPlaceHolder(lang.L("For example: Towards a BSc in Computing"))
	f.ects.SetPlaceHolder(lang.L("for example 30"))
	f.fields.SetPlaceHolder(lang.L("ISCED-F codes or words, separated by commas: 06, data"))
	f.outcomes.SetPlaceHolder(lang.L("Skill addresses or words, separated by commas"))
	levels := []string{lang.L("Any level")}
	for i := 1; i <= 8; i++ {
		levels = append(levels, lang.L("Level {{.N}} or above", map[string]any{"N": i}))
	}
	f.eqf = widget.NewSelect(levels, nil)
	f.eqf.SetSelectedIndex(0)
	var windows []string
	for _, y := range windowChoices {
		switch y {
		case 0:
			windows = append(windows, lang.L("Any time"))
		case 1:
			windows = append(windows, lang.L("In the last year"))
		default:
			windows = append(windows, lang.N("In the last {{.N}} years", y, map[string]any{"N": y}))
		}
	}
	f.within = widget.NewSelect(windows, nil)
	f.within.SetSelectedIndex(0)
	if s != nil {
		f.name.SetText(s.Name)
		f.desc.SetText(s.Description)
		t := s.Target
		if t.ECTS != nil {
			f.ects.SetText(strconv.FormatFloat(*t.ECTS, 'f', -1, 64))
		}
		f.eqf.SetSelectedIndex(t.MinEQF)
		f.fields.SetText(strings.Join(t.Fields, ", "))
		f.outcomes.SetText(strings.Join(t.Outcomes, ", "))
		for i, y := range windowChoices {
			if t.Within == (stack.Period{Years: y}) {
				f.within.SetSelectedIndex(i)
			}
		}
		f.desc.Disable() // the wallet keeps a stack's note as it was made
	}
	return f
}

func (f *stackForm) items() []*widget.FormItem {
	return []*widget.FormItem{
		widget.NewFormItem(lang.L("Name"), f.name),
		widget.NewFormItem(lang.L("Note"), f.desc),
		widget.NewFormItem(lang.L("ECTS to reach"), f.ects),
		widget.NewFormItem(lang.L("Minimum EQF level"), f.eqf),
		widget.NewFormItem(lang.L("Fields of study"), f.fields),
		widget.NewFormItem(lang.L("Learning outcomes"), f.outcomes),
		widget.NewFormItem(lang.L("Issued"), f.within),
	}
}

// target reads the form into a target.
func (f *stackForm) target() (stack.Target, error) {
	var t stack.Target
	if s := strings.TrimSpace(strings.ReplaceAll(f.ects.Text, ",", ".")); s != "" {
		v, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return t, fmt.Errorf("%s: %w", lang.L("ECTS to reach must be a number"), stack.ErrInvalid)
		}
		t.ECTS = &v
	}
	t.MinEQF = max(f.eqf.SelectedIndex(), 0)
	t.Fields = splitList(f.fields.Text)
	t.Outcomes = splitList(f.outcomes.Text)
	if i := f.within.SelectedIndex(); i > 0 {
		t.Within = stack.Period{Years: windowChoices[i]}
	}
	return t, t.Validate()
}

// splitList splits comma-separated words, dropping empty ones.
func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// editStack makes a new stack (s nil), with members if given, or changes
// the name and target of s.
func (a *App) editStack(s *stack.Stack, members []string) {
	f := newStackForm(a, s)
	heading, confirm := lang.L("New stack"), lang.L("Create")
	if s != nil {
		heading, confirm = lang.L("Edit stack"), lang.L("Save")
	}
	d := dialog.NewForm(heading, confirm, lang.L("Cancel"), f.items(), func(ok bool) {
		if !ok {
			return
		}
		a.touch()
		id, err := a.saveStack(s, f, members)
		if err != nil {
			a.notice(explain(err))
			return
		}
		a.openStack(id)
	}, a.win)
	d.Resize(fyne.NewSize(min(a.win.Canvas().Size().Width-40, 620), 520))
	d.Show()
	a.win.Canvas().Focus(f.name)
}

// saveStack writes the form to the wallet and returns the stack's id.
func (a *App) saveStack(s *stack.Stack, f *stackForm, members []string) (string, error) {
	t, err := f.target()
	if err != nil {
		return "", err
	}
	name := strings.TrimSpace(f.name.Text)
	if name == "" {
		return "", fmt.Errorf("%s: %w", lang.L("give the stack a name"), stack.ErrInvalid)
	}
	if s == nil {
		ns, err := a.wallet.CreateStack(stack.Stack{Name: name, Description: strings.TrimSpace(f.desc.Text), Target: t, Members: members})
		return ns.ID, err
	}
	if name != s.Name {
		if _, err := a.wallet.RenameStack(s.ID, name); err != nil {
			return "", err
		}
	}
	_, err = a.wallet.SetStackTarget(s.ID, t)
	return s.ID, err
}
