package ui

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/satchel-wallet/satchel/wallet"
)

// autoLockChoices are the idle times offered, in minutes; 0 is never.
var autoLockChoices = []int{1, 5, 10, 15, 30, 60, 0}

// homeScreen is the main screen: who the holder is, their credentials, and
// the lock.
type homeScreen struct {
	app      *App
	holder   wallet.Holder
	profile  *widget.Label
	did      *widget.Label
	copyDID  *widget.Button
	lock     *widget.Button
	autoLock *widget.Select
	list     *widget.List
	empty    fyne.CanvasObject
	status   *widget.Label
}

func newHomeScreen(app *App) *homeScreen {
	s := &homeScreen{app: app}
	s.profile = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.did = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Monospace: true})
	s.did.Truncation = fyne.TextTruncateEllipsis
	s.copyDID = widget.NewButtonWithIcon(lang.L("Copy"), theme.ContentCopyIcon(), s.onCopyDID)
	s.lock = widget.NewButtonWithIcon(lang.L("Lock"), theme.LogoutIcon(), s.onLock)
	s.status = widget.NewLabel("")

	labels := make([]string, len(autoLockChoices))
	for i, m := range autoLockChoices {
		labels[i] = autoLockLabel(m)
	}
	s.autoLock = widget.NewSelect(labels, nil)
	current := int(app.autoLock().Minutes())
	if i := slices.Index(autoLockChoices, current); i >= 0 {
		s.autoLock.SetSelectedIndex(i)
	}
	s.autoLock.OnChanged = func(string) { s.onAutoLock() }

	s.list = widget.NewList(
		func() int { return 0 },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(widget.ListItemID, fyne.CanvasObject) {},
	)
	emptyTitle := widget.NewLabelWithStyle(lang.L("No credentials yet"), fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	emptyText := widget.NewLabel(lang.L("Credentials you import from universities, training providers and employers will be listed here."))
	emptyText.Wrapping = fyne.TextWrapWord
	emptyText.Alignment = fyne.TextAlignCenter
	s.empty = container.New(readableWidth{width: 440, middle: true}, container.NewVBox(emptyTitle, emptyText))
	s.loadHolder()
	return s
}

func autoLockLabel(minutes int) string {
	switch minutes {
	case 0:
		return lang.L("Never")
	case 1:
		return lang.L("After 1 minute")
	}
	return lang.L("After {{.N}} minutes", map[string]any{"N": minutes})
}

func (s *homeScreen) loadHolder() {
	h, err := s.app.wallet.Holder("")
	if err != nil {
		s.profile.SetText(lang.L("No holder profile"))
		s.did.SetText("")
		s.copyDID.Disable()
		s.status.SetText(explain(err))
		return
	}
	s.holder = h
	s.profile.SetText(lang.L("You present credentials as “{{.Name}}”", map[string]any{"Name": h.Name}))
	s.did.SetText(h.DID)
}

func (s *homeScreen) content() fyne.CanvasObject {
	header := container.NewVBox(
		container.NewBorder(nil, nil, nil, s.lock, s.profile),
		container.NewBorder(nil, nil, nil, s.copyDID, s.did))
	heading := title(lang.L("Credentials"))
	footer := container.NewBorder(nil, nil,
		container.NewHBox(widget.NewLabel(lang.L("Lock the wallet when idle:")),
			container.NewGridWrap(fyne.NewSize(220, s.autoLock.MinSize().Height), s.autoLock)), nil, s.status)
	centre := container.NewStack(s.list, s.empty)
	return container.NewBorder(
		container.NewVBox(container.NewPadded(header), widget.NewSeparator(), heading),
		container.NewVBox(widget.NewSeparator(), container.NewPadded(footer)),
		nil, nil, centre)
}

func (s *homeScreen) onCopyDID() {
	s.app.touch()
	s.app.fyne.Clipboard().SetContent(s.holder.DID)
	s.status.SetText(lang.L("Your DID is copied."))
}

func (s *homeScreen) onLock() { s.app.Lock() }

func (s *homeScreen) onAutoLock() {
	i := s.autoLock.SelectedIndex()
	if i < 0 {
		return
	}
	s.app.setAutoLock(autoLockChoices[i])
	s.app.touch()
}
