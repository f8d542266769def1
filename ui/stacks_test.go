package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/satchel-wallet/satchel/wallet/stack"
)

func TestStacks(t *testing.T) {
	a := demoApp(t)
	test.Tap(button(t, a, "Stacks"))
	if !hasText(a, "No stacks yet") {
		t.Fatal("no word on an empty stacks page")
	}

	// A stack with a target: 12 ECTS at EQF 6 or above.
	test.Tap(button(t, a, "New stack…"))
	test.Type(a.win.Canvas().Focused().(*keyEntry), "Towards a BSc in Computing")
	test.Type(find(t, a, func(e *keyEntry) bool { return e.PlaceHolder == "for example 30" }), "12")
	find(t, a, func(s *widget.Select) bool { return len(s.Options) == 9 }).SetSelectedIndex(6)
	test.Tap(button(t, a, "Create"))
	stacks, _ := a.wallet.Stacks()
	if len(stacks) != 1 || stacks[0].Target.MinEQF != 6 || stacks[0].Target.ECTS == nil || *stacks[0].Target.ECTS != 12 {
		t.Fatalf("the stack made: %+v", stacks)
	}
	if !hasText(a, "Members (0)") || !hasText(a, "Suggested") {
		t.Fatal("the empty stack shows no suggestions")
	}

	// Add the first suggestion; its reasons are shown.
	if !hasText(a, "Fits the goal") {
		t.Errorf("no reason given for a suggestion: %v", labels(a))
	}
	test.Tap(button(t, a, "Add"))
	s, _ := a.wallet.Stack(stacks[0].ID)
	if len(s.Members) != 1 {
		t.Fatalf("members after Add: %v", s.Members)
	}
	// Add a credential below the level from its page: it is flagged.
	for _, c := range a.lib.creds {
		if c.EQF == 5 {
			if _, _, err := a.wallet.AddToStack(s.ID, c.ID); err != nil {
				t.Fatal(err)
			}
			break
		}
	}
	a.openStack(s.ID)
	if !hasText(a, "Members (2)") || !hasText(a, "Does not count") || !hasText(a, "below") {
		t.Fatalf("a member below the level is not flagged: %v", labels(a))
	}
	bar := find(t, a, func(*widget.ProgressBar) bool { return true })
	if bar.Max != 12 || bar.Value <= 0 {
		t.Fatalf("progress bar %v of %v", bar.Value, bar.Max)
	}
	test.AssertRendersToMarkup(t, "stack.xml", a.win.Canvas())
	shot(t, a, "stack")

	// Edit the target: any level.
	test.Tap(button(t, a, "Edit…"))
	find(t, a, func(s *widget.Select) bool { return len(s.Options) == 9 }).SetSelectedIndex(0)
	test.Tap(button(t, a, "Save"))
	if s, _ = a.wallet.Stack(s.ID); s.Target.MinEQF != 0 {
		t.Fatalf("the target after editing: %+v", s.Target)
	}

	// Remove a member, then delete the stack; the credentials stay.
	test.Tap(button(t, a, "Remove"))
	if s, _ = a.wallet.Stack(s.ID); len(s.Members) != 1 {
		t.Fatalf("members after Remove: %v", s.Members)
	}
	test.Tap(button(t, a, "Delete…"))
	test.Tap(button(t, a, "Delete"))
	if ss, _ := a.wallet.Stacks(); len(ss) != 0 || len(a.lib.creds) != 12 {
		t.Fatal("deleting the stack did not work, or took credentials with it")
	}
}

func TestStackFormRejectsNonsense(t *testing.T) {
	a := unlocked(t, fixedHolder(t))
	f := newStackForm(a, nil)
	f.name.SetText("x")
	f.ects.SetText("lots")
	if _, err := a.saveStack(nil, f, nil); err == nil {
		t.Fatal("a target of “lots” ECTS was accepted")
	}
	f.ects.SetText("7,5")
	tg, err := f.target()
	if err != nil || tg.ECTS == nil || *tg.ECTS != 7.5 {
		t.Fatalf("7,5 ECTS read as %v, %v", tg.ECTS, err)
	}
	f.within.SetSelectedIndex(4)
	if tg, _ = f.target(); tg.Within != (stack.Period{Years: 5}) {
		t.Fatalf("within: %v", tg.Within)
	}
}
