package ui

import (
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/satchel-wallet/satchel/wallet/credential"
)

// credCard is one row of the credentials list: the title, who awarded it
// and when, the workload and level, and the verification verdict in words.
// The list makes only as many cards as fit on screen and refills them as
// it scrolls, so set must be cheap: it only sets texts.
type credCard struct {
	widget.BaseWidget
	title   *widget.Label
	by      *widget.Label
	facts   *widget.Label
	badge   *verdictBadge
	expired *widget.Label
	root    *fyne.Container
	// what the card shows, so that a card asked to show the same again
	// (most keystrokes leave the top of the list as it was) does nothing
	cur     *credential.Credential
	curLang string
	verdict credential.Verdict
	isOld   bool
}

func newCredCard() *credCard {
	c := &credCard{
		title:   widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		by:      widget.NewLabel(""),
		facts:   caption(""),
		badge:   newVerdictBadge(),
		expired: widget.NewLabel(lang.L("Expired")),
	}
	c.verdict = "-" // not a verdict: the first set draws the badge
	c.title.Truncation = fyne.TextTruncateEllipsis
	c.by.Truncation = fyne.TextTruncateEllipsis
	c.expired.Importance = widget.WarningImportance
	c.expired.SizeName = c.facts.SizeName
	c.expired.Hide()
	text := container.New(tightRows{}, c.title, c.by, c.facts)
	side := container.New(tightRows{}, c.badge, c.expired)
	c.root = container.NewBorder(nil, nil, nil, side, text)
	c.ExtendBaseWidget(c)
	return c
}

// set fills the card with c's values in language.
func (c *credCard) set(cr *credential.Credential, language string, now time.Time) {
	if cr == c.cur && language == c.curLang {
		return
	}
	c.cur, c.curLang = cr, language
	c.title.SetText(credTitle(cr, language))
	c.by.SetText(awardedBy(cr, language))
	c.facts.SetText(cardFacts(cr, language))
	old := cr.Expired(now)
	if cr.Verification.Verdict == c.verdict && old == c.isOld {
		return
	}
	c.verdict, c.isOld = cr.Verification.Verdict, old
	c.badge.set(cr.Verification.Verdict)
	if old {
		c.expired.Show()
	} else {
		c.expired.Hide()
	}
	c.root.Refresh() // the badge's width follows its words
}

// cardFacts is the third line of a card: the date of issuing, ECTS (or
// hours), EQF level and tags. The date is here rather than beside the
// awarding body, whose long names would cut it off in a narrow window.
func cardFacts(c *credential.Credential, language string) string {
	work := ects(c, language)
	if work == "" {
		work = hours(c, language)
	}
	var tags string
	if len(c.Tags) > 0 {
		tags = "#" + strings.Join(c.Tags, " #")
	}
	if work == "" && c.EQF == 0 {
		work = lang.L("No workload or level stated")
	}
	return joinNonEmpty(day(c.Issued), work, eqf(c.EQF), tags)
}

func (c *credCard) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(c.root)
}
