package ui

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"

	"github.com/satchel-wallet/satchel/wallet/stack"
)

// Drive runs one step of a scripted session, as a learner would by hand,
// so that a window test can walk the real app through its screens and
// photograph each (keys that Fyne lets through, such as the shortcuts and
// typing, are better sent as keys). Call it from any goroutine but the
// UI's: it does the step there and returns when the work it started in the
// background is done.
//
// The steps, with their arguments separated by spaces:
//
//	demo                     load the demo credentials
//	import PATH...           import files and folders
//	section NAME             credentials, stacks, share, history, verify, settings
//	settings TAB             show a settings tab: general, profiles, trust, sharing, wallet
//	trust-file PATH          add the trust list file PATH in Settings
//	search TEXT              type TEXT into the search box
//	open N                   open the Nth credential of the list (from 0)
//	tab N                    show the Nth tab of the credential shown
//	guide KEY                open the explanation KEY (eqf, check.proof, ...)
//	close                    close dialogs
//	stack ECTS NAME          make a stack of the credential shown, with a target
//	share-qr                 share the first stack as a QR code
//	share-file PATH          save a VP-JWT of the first credential to PATH
//	verify PATH              verify the presentation file PATH
//	size W H                 resize the window
func (a *App) Drive(step string) error {
	verb, rest, _ := strings.Cut(strings.TrimSpace(step), " ")
	var err error
	fyne.DoAndWait(func() {
		if a.shell == nil && verb != "size" {
			err = fmt.Errorf("drive %q: the wallet is locked", step)
			return
		}
		err = a.driveStep(verb, rest)
	})
	a.jobs.Wait()
	if err == nil && verb == "share-file" {
		// The presentation is signed; now save it as the learner would.
		fyne.DoAndWait(func() {
			if a.shared == nil {
				err = fmt.Errorf("no presentation was made")
				return
			}
			a.shared.onSaveFile()
			a.saveHook = nil
		})
	}
	return err
}

func (a *App) driveStep(verb, rest string) error {
	switch verb {
	case "demo":
		a.loadDemo()
	case "import":
		a.importFiles(strings.Fields(rest))
	case "section":
		names := map[string]section{
			"credentials": secCredentials, "stacks": secStacks, "share": secShare,
			"history": secHistory, "verify": secVerify, "settings": secSettings,
		}
		sec, ok := names[rest]
		if !ok {
			return fmt.Errorf("no section %q", rest)
		}
		a.shell.show(sec)
	case "settings":
		tabs := map[string]int{"general": tabGeneral, "profiles": tabProfiles, "trust": tabTrust, "sharing": tabSharing, "wallet": tabWallet}
		tab, ok := tabs[rest]
		if !ok {
			return fmt.Errorf("no settings tab %q", rest)
		}
		a.shell.settingsTab = tab
		a.shell.show(secSettings)
	case "trust-file":
		a.shell.settingsTab = tabTrust
		a.shell.show(secSettings)
		a.openHook = func() []string { return []string{rest} }
		a.shell.settings.addTrustFile()
		a.openHook = nil
	case "search":
		a.shell.show(secCredentials)
		a.shell.creds.search.SetText(rest)
	case "open":
		n, _ := strconv.Atoi(rest)
		p := a.shell.creds
		if n >= p.length() {
			return fmt.Errorf("no credential %d in the list", n)
		}
		a.openCredential(p.at(n).ID)
	case "tab":
		n, _ := strconv.Atoi(rest)
		if a.detail == nil {
			return fmt.Errorf("no credential on screen")
		}
		a.detail.tabs.SelectIndex(n)
	case "guide":
		a.showGuide(rest)
	case "close":
		for _, o := range a.win.Canvas().Overlays().List() {
			a.win.Canvas().Overlays().Remove(o)
		}
	case "stack":
		return a.driveStack(rest)
	case "share-qr":
		stacks, err := a.wallet.Stacks()
		if err != nil || len(stacks) == 0 {
			return fmt.Errorf("no stack to share: %v", err)
		}
		p := newSharePage(a, nil, stacks[0].ID)
		a.shell.open(secShare, p.content())
		p.onMake()
	case "share-file":
		if len(a.lib.creds) == 0 {
			return fmt.Errorf("no credential to share")
		}
		p := newSharePage(a, []string{a.lib.creds[0].ID}, "")
		a.shell.open(secShare, p.content())
		p.form.SetSelected(p.form.Options[formJWT])
		a.saveHook = func(string) string { return rest }
		p.onMake()
	case "verify":
		p := newVerifyPage(a)
		a.shell.open(secVerify, p.content())
		p.verifyFiles([]string{rest})
	case "size":
		w, _ := strconv.Atoi(strings.Fields(rest + " 0")[0])
		h, _ := strconv.Atoi(strings.Fields(rest + " 0 0")[1])
		a.win.Resize(fyne.NewSize(float32(w), float32(h)))
	default:
		return fmt.Errorf("unknown step %q", verb)
	}
	return nil
}

// driveStack makes a stack "NAME" with an ECTS target of the credential
// shown (or the first of the list) and shows it.
func (a *App) driveStack(rest string) error {
	ectsText, name, _ := strings.Cut(rest, " ")
	target, err := strconv.ParseFloat(ectsText, 64)
	if err != nil || name == "" {
		return fmt.Errorf("stack: want ECTS and a name, got %q", rest)
	}
	var members []string
	if p := a.shell.creds; p.length() > 0 {
		members = []string{p.at(0).ID}
	}
	s, err := a.wallet.CreateStack(stack.Stack{Name: name, Target: stack.Target{ECTS: &target}, Members: members})
	if err != nil {
		return err
	}
	a.openStack(s.ID)
	return nil
}
