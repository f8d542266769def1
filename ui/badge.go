package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/satchel-wallet/satchel/wallet/credential"
)

// verdictBadge shows a verification verdict in words, with an icon whose
// shape differs per verdict and a colour that only repeats what the words
// say, so that it reads without colour vision.
type verdictBadge struct {
	widget.BaseWidget
	icon  *widget.Icon
	label *widget.Label
}

func newVerdictBadge() *verdictBadge {
	b := &verdictBadge{icon: widget.NewIcon(nil), label: widget.NewLabel("")}
	b.label.TextStyle.Bold = true
	b.ExtendBaseWidget(b)
	return b
}

// set shows verdict v.
func (b *verdictBadge) set(v credential.Verdict) {
	icon, words, imp := verdictLook(v)
	b.icon.SetResource(icon)
	b.label.Importance = imp
	b.label.SetText(words)
}

func (b *verdictBadge) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewHBox(b.icon, b.label))
}

// verdictLook is the icon, words and colour of a verdict.
func verdictLook(v credential.Verdict) (fyne.Resource, string, widget.Importance) {
	switch v {
	case credential.Verified:
		return theme.NewSuccessThemedResource(theme.ConfirmIcon()), lang.L("Verified"), widget.SuccessImportance
	case credential.Rejected:
		return theme.NewErrorThemedResource(theme.CancelIcon()), lang.L("Rejected"), widget.DangerImportance
	case "":
		return theme.QuestionIcon(), lang.L("Not checked"), widget.MediumImportance
	}
	return theme.NewErrorThemedResource(theme.ErrorIcon()), lang.L("Not verified"), widget.DangerImportance
}

// statusLook is the icon, words and colour of one check's outcome. A
// warning is never red: an unknown issuer, say, does not make a credential
// false.
func statusLook(s credential.Status) (fyne.Resource, string, widget.Importance) {
	switch s {
	case credential.OK:
		return theme.NewSuccessThemedResource(theme.ConfirmIcon()), lang.L("Passed"), widget.SuccessImportance
	case credential.Failed:
		return theme.NewErrorThemedResource(theme.CancelIcon()), lang.L("Failed"), widget.DangerImportance
	case credential.Warning:
		return theme.NewWarningThemedResource(theme.WarningIcon()), lang.L("Note"), widget.WarningImportance
	}
	return theme.InfoIcon(), lang.L("Not checked"), widget.MediumImportance
}
