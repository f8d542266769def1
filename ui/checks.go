package ui

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/satchel-wallet/satchel/wallet/credential"
	"github.com/satchel-wallet/satchel/wallet/stack"
)

// checkName is the name of a check in words.
func checkName(n credential.CheckName) string {
	switch n {
	case credential.CheckFormat:
		return lang.L("Format")
	case credential.CheckProof:
		return lang.L("Signature or seal")
	case credential.CheckHolder:
		return lang.L("Holder")
	case credential.CheckValidity:
		return lang.L("Validity")
	case credential.CheckStatus:
		return lang.L("Revocation")
	case credential.CheckIssuer:
		return lang.L("Issuer")
	case credential.CheckAccreditation:
		return lang.L("Accreditation")
	case "challenge":
		return lang.L("Challenge")
	case "domain":
		return lang.L("Domain")
	case "credentials":
		return lang.L("Credentials inside")
	}
	return string(n)
}

// sentence is a check's message in the learner's language: the
// translation of its code with its arguments where there is one, the
// English sentence otherwise. The English sentence is already filled in,
// so as a fallback it goes through unchanged.
func sentence(c credential.Check) string {
	if c.Code == "" {
		return c.Message
	}
	return message("check."+c.Code, c.Message, c.Args)
}

// flagSentence is a stack flag in the learner's language.
func flagSentence(f stack.Flag) string {
	return message("stack."+string(f.Code), f.Message(), f.Args)
}

// requirementSentence is a stack requirement in the learner's language.
// Requirement and reason codes carry their "stack." prefix already.
func requirementSentence(r stack.Requirement) string {
	return message(r.Code, r.Message(), r.Args)
}

// reasonSentence is a suggestion's reason in the learner's language.
func reasonSentence(r stack.Reason) string {
	return message(r.Code, r.Message(), r.Args)
}

// message translates the sentence of a check, flag, requirement or
// reason from its key and arguments; english is the sentence already
// filled in, the fallback. A message whose arguments count something
// (Count) takes the plural form for that count: "1 more time", "2 more
// times".
func message(key, english string, args map[string]string) string {
	data := argsOf(args)
	if v, ok := args["Verdict"]; ok {
		_, data["Verdict"], _ = verdictLook(credential.Verdict(v)) // in words of the language
	}
	if n, err := strconv.Atoi(args["Count"]); err == nil {
		return lang.XN(key, english, n, data)
	}
	return lang.X(key, english, data)
}

func argsOf(m map[string]string) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// checksView lists checks, each with its outcome in words and colour, its
// sentence, a "?" that explains the check, and the technical detail
// folded away under it.
func checksView(a *App, checks []credential.Check) fyne.CanvasObject {
	box := container.NewVBox()
	for i, c := range checks {
		if i > 0 {
			box.Add(widget.NewSeparator())
		}
		icon, word, imp := statusLook(c.Status)
		status := widget.NewLabelWithStyle(word, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		status.Importance = imp
		name := widget.NewLabelWithStyle(checkName(c.Check), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		head := container.NewBorder(nil, nil, container.NewHBox(widget.NewIcon(icon), status, name), helpButton(a, "check."+string(c.Check)))
		box.Add(head)
		box.Add(paragraph(sentence(c)))
		if c.Detail != "" {
			detail := widget.NewLabel(c.Detail)
			detail.Wrapping = fyne.TextWrapBreak
			detail.TextStyle.Monospace = true
			detail.Selectable = true
			acc := widget.NewAccordion(widget.NewAccordionItem(lang.L("Technical detail"), detail))
			box.Add(acc)
		}
	}
	return box
}

// checks is the Verification tab of a credential.
func (p *detailPage) checks() fyne.CanvasObject {
	v := &p.cred.Verification
	badge := newVerdictBadge()
	badge.set(v.Verdict)
	where := lang.L("offline")
	if v.Online {
		where = lang.L("online")
	}
	when := paragraph(lang.L("Checked {{.When}}, {{.Where}}.", map[string]any{"When": dayTime(v.CheckedAt), "Where": where}))
	top := container.NewVBox(badge, paragraph(verdictExplanation(v.Verdict)), when)
	if v.Signer != "" {
		signer := lang.L("Signed by {{.Signer}}", map[string]any{"Signer": v.Signer})
		if !v.SignedAt.IsZero() {
			signer = lang.L("Signed by {{.Signer}} on {{.Date}}", map[string]any{"Signer": v.Signer, "Date": day(v.SignedAt)})
		}
		s := paragraph(signer)
		s.Wrapping = fyne.TextWrapBreak
		top.Add(s)
	}
	again := container.NewHBox(p.reverify, p.online)
	return container.NewPadded(container.NewVBox(container.NewBorder(nil, nil, nil, again, top), widget.NewSeparator(), checksView(p.app, v.Checks)))
}

// verdictExplanation says in a sentence what a verdict means.
func verdictExplanation(v credential.Verdict) string {
	switch v {
	case credential.Verified:
		return lang.L("The signature is intact and no check failed. Notes below are worth reading but do not make the credential doubtful.")
	case credential.Rejected:
		return lang.L("This is not a credential Satchel can read, or it breaks a limit.")
	}
	return lang.L("At least one check failed, or the signature could not be checked. The credential is kept; the checks below say what is wrong.")
}
