package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/satchel-wallet/satchel/wallet"
	"github.com/satchel-wallet/satchel/wallet/credential"
)

// summaryRow is one input in the import summary.
type summaryRow struct {
	name, status, reason string
	look                 credential.Verdict // for the icon and colour
	id                   string             // the credential, if stored
}

// importSummary ends an import: how many were imported, duplicates, not
// verified and rejected, and a row per file with the reason. A row of a
// stored credential opens it; another shows its reason in full.
type importSummary struct {
	app       *App
	rows      []summaryRow
	imported  int
	dups      int
	notVer    int
	rejected  int
	cancelled bool
	skipped   int
}

func newImportSummary(a *App, results []wallet.ImportResult, probs []problem, cancelled bool) *importSummary {
	s := &importSummary{app: a, cancelled: cancelled}
	for _, p := range probs {
		s.rows = append(s.rows, summaryRow{name: p.name, status: lang.L("Not read"), reason: p.reason, look: credential.Rejected})
		s.rejected++
	}
	for _, r := range results {
		s.add(r, a.language())
	}
	return s
}

// withSkipped notes inputs a cancelled import never reached.
func (s *importSummary) withSkipped(n int) *importSummary {
	s.skipped = max(n, 0)
	return s
}

func (s *importSummary) add(r wallet.ImportResult, l string) {
	c := &r.Credential
	row := summaryRow{name: r.Input, look: c.Verification.Verdict}
	switch r.Status {
	case wallet.RejectedInput:
		row.status, row.reason = lang.L("Rejected"), firstProblem(c)
		s.rejected++
	case wallet.Duplicate:
		row.status, row.reason, row.id = lang.L("Already in the wallet"), credTitle(c, l), c.ID
		row.look = credential.Verified
		s.dups++
	case wallet.Presentation:
		row.status = lang.L("Presentation")
		row.reason = lang.N("{{.N}} credentials inside, listed below", len(r.Embedded), map[string]any{"N": len(r.Embedded)})
	default:
		row.id = c.ID
		if c.Verification.Verdict == credential.Verified {
			row.status, row.reason = lang.L("Imported"), credTitle(c, l)
			s.imported++
		} else {
			row.status = lang.L("Imported, not verified")
			row.reason = credTitle(c, l) + ": " + firstProblem(c)
			s.imported++
			s.notVer++
		}
	}
	s.rows = append(s.rows, row)
	for _, e := range r.Embedded {
		s.add(e, l)
	}
}

// firstProblem is the sentence of the first failed check, or of the
// first that could not be checked.
func firstProblem(c *credential.Credential) string {
	for _, want := range []credential.Status{credential.Failed, credential.Skipped} {
		for _, ch := range c.Verification.Checks {
			if ch.Status == want && (want == credential.Failed || ch.Check == credential.CheckProof) {
				return sentence(ch)
			}
		}
	}
	return lang.L("No reason was given.")
}

// counts is the summary line.
func (s *importSummary) counts() string {
	text := lang.L("{{.Imported}} imported, {{.Dups}} already in the wallet, {{.NotVer}} not verified, {{.Rejected}} rejected.",
		map[string]any{"Imported": s.imported, "Dups": s.dups, "NotVer": s.notVer, "Rejected": s.rejected})
	if s.cancelled {
		text += " " + lang.N("The import was cancelled: {{.N}} files were not imported. What was imported stays in the wallet.", s.skipped, map[string]any{"N": s.skipped})
	}
	return text
}

func (s *importSummary) content() fyne.CanvasObject {
	list := widget.NewList(
		func() int { return len(s.rows) },
		func() fyne.CanvasObject {
			name := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			name.Truncation = fyne.TextTruncateEllipsis
			status := widget.NewLabel("")
			return container.NewBorder(nil, nil, container.NewHBox(widget.NewIcon(nil), status), nil,
				container.New(tightRows{}, name, caption("")))
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			r := s.rows[id]
			c := o.(*fyne.Container)
			text := c.Objects[0].(*fyne.Container)
			text.Objects[0].(*widget.Label).SetText(r.name)
			text.Objects[1].(*widget.Label).SetText(r.reason)
			left := c.Objects[1].(*fyne.Container)
			icon, _, imp := verdictLook(r.look)
			left.Objects[0].(*widget.Icon).SetResource(icon)
			st := left.Objects[1].(*widget.Label)
			st.Importance = imp
			st.SetText(r.status)
			c.Refresh() // the status column follows its words
		})
	list.OnSelected = func(id widget.ListItemID) {
		list.Unselect(id)
		s.app.touch()
		r := s.rows[id]
		if r.id != "" {
			s.app.openCredential(r.id)
			return
		}
		dialog.ShowInformation(r.name, r.status+": "+r.reason, s.app.win)
	}
	done := widget.NewButtonWithIcon(lang.L("Show my credentials"), theme.DocumentIcon(), func() {
		s.app.touch()
		s.app.shell.show(secCredentials)
	})
	done.Importance = widget.HighImportance
	more := widget.NewButtonWithIcon(lang.L("Import more…"), theme.ContentAddIcon(), s.app.openImport)
	top := container.NewVBox(paragraph(s.counts()), container.NewHBox(done, more))
	return pageFrame(lang.L("Import finished"), nil, container.NewBorder(top, nil, nil, nil, list))
}
