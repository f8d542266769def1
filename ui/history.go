package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/satchel-wallet/satchel/share"
	"github.com/satchel-wallet/satchel/wallet"
)

// historyPage is the presentation log: what was shared, when, with whom,
// in what form and how it left the wallet. The log names credentials and
// claims, never their values.
type historyPage struct {
	app     *App
	entries []wallet.Shared
	err     error
}

func newHistoryPage(app *App) *historyPage {
	es, err := app.wallet.SharedLog("")
	return &historyPage{app: app, entries: es, err: err}
}

func (p *historyPage) content() fyne.CanvasObject {
	intro := paragraph(lang.L("Every presentation you made: when, for whom, in what form and how it left Satchel. The log names the credentials and claims shared, never their values."))
	if p.err != nil {
		return pageFrame(lang.L("History"), nil, paragraph(explain(p.err)))
	}
	if len(p.entries) == 0 {
		return pageFrame(lang.L("History"), nil, container.NewVBox(intro, heading(lang.L("Nothing shared yet."))))
	}
	list := widget.NewList(func() int { return len(p.entries) },
		func() fyne.CanvasObject {
			when := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			what := widget.NewLabel("")
			what.Truncation = fyne.TextTruncateEllipsis
			return container.NewBorder(nil, nil, widget.NewIcon(theme.MailSendIcon()), nil,
				container.New(tightRows{}, when, what, caption("")))
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			e := p.entries[id]
			rows := o.(*fyne.Container).Objects[0].(*fyne.Container).Objects
			rows[0].(*widget.Label).SetText(joinNonEmpty(dayTime(e.At), viaWords(e.Via), formatName(share.Format(e.Format))))
			rows[1].(*widget.Label).SetText(p.titles(e))
			rows[2].(*widget.Label).SetText(p.details(e))
		})
	return pageFrame(lang.L("History"), nil, container.NewBorder(intro, nil, nil, nil, list))
}

// titles names the credentials of an entry, or the stack.
func (p *historyPage) titles(e wallet.Shared) string {
	var names []string
	for _, id := range e.Credentials {
		if c := p.app.lib.credential(id); c != nil {
			names = append(names, credTitle(c, p.app.language()))
		} else {
			names = append(names, lang.L("a deleted credential"))
		}
	}
	text := strings.Join(names, "; ")
	if e.Stack != "" {
		text = lang.L("Stack “{{.Name}}”: {{.Titles}}", map[string]any{"Name": e.Stack, "Titles": text})
	}
	return text
}

// details says for whom, until when, and which claims were revealed.
func (p *historyPage) details(e wallet.Shared) string {
	var parts []string
	if e.Audience != "" {
		parts = append(parts, lang.L("for {{.Domain}}", map[string]any{"Domain": e.Audience}))
	} else {
		parts = append(parts, lang.L("no verifier named"))
	}
	if !e.Expires.IsZero() {
		parts = append(parts, lang.L("valid until {{.When}}", map[string]any{"When": dayTime(e.Expires)}))
	}
	if len(e.Disclosed) > 0 {
		parts = append(parts, lang.L("revealed: {{.Claims}}", map[string]any{"Claims": strings.Join(e.Disclosed, ", ")}))
	}
	return strings.Join(parts, " · ")
}

// viaWords says how a presentation left the wallet.
func viaWords(via string) string {
	switch via {
	case "qr":
		return lang.L("shown as a QR code")
	case "file":
		return lang.L("saved to a file")
	case "clipboard":
		return lang.L("copied")
	}
	return via
}
