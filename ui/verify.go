package ui

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/satchel-wallet/satchel/share"
	"github.com/satchel-wallet/satchel/share/qr"
)

// verifyPage checks what someone else presents, as a verifier would: a
// presentation file, QR code images (the parts of a set together), or
// pasted text. Nothing is stored; the result shows the holder, the
// presentation's checks and each credential inside with its own.
type verifyPage struct {
	app       *App
	challenge *keyEntry
	domain    *keyEntry
	paste     *keyEntry
	status    *widget.Label
	result    *fyne.Container
}

func newVerifyPage(app *App) *verifyPage {
	p := &verifyPage{app: app, challenge: newKeyEntry(app), domain: newKeyEntry(app), paste: newMultiLineKeyEntry(app)}
	p.challenge.SetPlaceHolder(lang.L("The challenge you gave the holder, if any"))
	p.domain.SetPlaceHolder(lang.L("Your domain, if the holder addressed it to you"))
	p.paste.SetPlaceHolder(lang.L("Or paste a presentation: a VP-JWT, JSON, or QR code texts one per line"))
	p.paste.SetMinRowsVisible(3)
	p.status = paragraph("")
	p.result = container.NewVBox()
	return p
}

func (p *verifyPage) content() fyne.CanvasObject {
	open := widget.NewButtonWithIcon(lang.L("Open a file or QR images…"), theme.FolderOpenIcon(), func() {
		p.app.touch()
		p.app.pickFiles(lang.L("Open a presentation"), false, p.verifyFiles)
	})
	open.Importance = widget.HighImportance
	check := widget.NewButtonWithIcon(lang.L("Verify pasted text"), theme.ConfirmIcon(), func() {
		p.app.touch()
		p.verifyText(p.paste.Text)
	})
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Challenge"), p.challenge),
		widget.NewFormItem(lang.L("Domain"), p.domain),
	)
	top := container.NewVBox(
		paragraph(lang.L("Check a presentation someone shows you. Nothing is stored in your wallet, and nothing is sent anywhere.")),
		form, open, p.paste, container.NewHBox(check), p.status)
	return pageFrame(lang.L("Verify a presentation"), nil,
		container.NewVScroll(container.NewPadded(container.NewVBox(top, widget.NewSeparator(), p.result))))
}

// verifyFiles verifies a presentation file, or the QR codes in images.
func (p *verifyPage) verifyFiles(paths []string) {
	var texts []string
	for _, path := range paths {
		if isImage(path) {
			t, err := imageTexts(path)
			if err != nil {
				p.status.SetText(qrProblem(err))
				return
			}
			texts = append(texts, t...)
			continue
		}
		data, err := readLimited(path, p.app.maxImportBytes())
		if err != nil {
			p.status.SetText(explain(err))
			return
		}
		if len(paths) == 1 {
			p.verify(data)
			return
		}
		texts = append(texts, strings.TrimSpace(string(data)))
	}
	p.verifyText(strings.Join(texts, "\n"))
}

// verifyText verifies pasted text or scanned QR texts.
func (p *verifyPage) verifyText(text string) {
	text = strings.TrimSpace(text)
	if text == "" {
		p.status.SetText(lang.L("Paste a presentation first, or open a file."))
		return
	}
	if lines := qr.Lines(text); lines != nil {
		data, err := qr.DecodeSets(lines)
		if err != nil {
			p.status.SetText(qrProblem(err))
			return
		}
		if len(data) != 1 {
			p.status.SetText(lang.N("The QR codes hold {{.N}} presentations. Verify one at a time.", len(data), map[string]any{"N": len(data)}))
			return
		}
		p.verify(data[0])
		return
	}
	p.verify([]byte(text))
}

// verify checks data off the UI goroutine and shows the result.
func (p *verifyPage) verify(data []byte) {
	opts := share.VerifyOptions{Challenge: strings.TrimSpace(p.challenge.Text), Domain: strings.TrimSpace(p.domain.Text), Now: p.app.now()}
	ch, err := p.app.checker()
	if err == nil {
		opts.Checker = ch
	}
	p.status.SetText(lang.L("Checking…"))
	p.result.Objects = nil
	p.result.Refresh()
	p.app.background(func() func() {
		res, err := share.VerifyPresentation(context.Background(), data, opts)
		return func() {
			if err != nil {
				p.status.SetText(explain(err))
				return
			}
			p.status.SetText("")
			p.show(res)
		}
	})
}

// show lays out a verification result.
func (p *verifyPage) show(res *share.Result) {
	badge := newVerdictBadge()
	badge.set(res.Verdict)
	box := container.NewVBox(container.NewHBox(title(lang.L("Result")), badge))
	if res.Holder != "" {
		h := paragraph(lang.L("Presented by {{.Holder}}", map[string]any{"Holder": res.Holder}))
		h.Wrapping = fyne.TextWrapBreak // a DID has no spaces
		box.Add(h)
	}
	var facts []string
	if !res.Created.IsZero() {
		facts = append(facts, lang.L("Made {{.When}}", map[string]any{"When": dayTime(res.Created)}))
	}
	if !res.Expires.IsZero() {
		facts = append(facts, lang.L("valid until {{.When}}", map[string]any{"When": dayTime(res.Expires)}))
	}
	if len(facts) > 0 {
		box.Add(paragraph(strings.Join(facts, "; ") + "."))
	}
	if s := res.Summary; s != nil {
		box.Add(paragraph(lang.N("The holder presents the stack “{{.Name}}”: {{.N}} credentials, {{.ECTS}} ECTS in all (the holder's own total; the credentials below are what counts).", s.Credentials,
			map[string]any{"Name": s.Name, "N": s.Credentials, "ECTS": number(s.ECTS, p.app.language())})))
	}
	if len(res.Disclosed) > 0 {
		box.Add(paragraph(lang.L("Claims revealed: {{.Claims}}", map[string]any{"Claims": strings.Join(res.Disclosed, ", ")})))
	}
	box.Add(checksView(p.app, res.Checks))
	for _, c := range res.Credentials {
		cb := newVerdictBadge()
		cb.set(c.Credential.Verification.Verdict)
		cr := c.Credential
		box.Add(widget.NewSeparator())
		name := heading(credTitle(&cr, p.app.language()))
		name.Wrapping = fyne.TextWrapWord
		box.Add(container.NewBorder(nil, nil, nil, cb, name))
		box.Add(paragraph(joinNonEmpty(awardedBy(&cr, p.app.language()), day(cr.Issued), ects(&cr, p.app.language()), eqf(cr.EQF))))
		box.Add(widget.NewAccordion(widget.NewAccordionItem(lang.L("Checks of this credential"), checksView(p.app, cr.Verification.Checks))))
	}
	p.result.Objects = []fyne.CanvasObject{box}
	p.result.Refresh()
}
