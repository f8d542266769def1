package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// workStatus is the status of a dialog that runs long work: a moving bar
// and what is being done while it runs, otherwise the last problem in red
// (or nothing).
type workStatus struct {
	text *widget.Label
	bar  *widget.ProgressBarInfinite
}

func newWorkStatus() *workStatus {
	w := &workStatus{text: paragraph(""), bar: widget.NewProgressBarInfinite()}
	w.text.Importance = widget.DangerImportance
	w.bar.Stop()
	w.bar.Hide()
	return w
}

// content is the bar above the text, for the dialog's body.
func (w *workStatus) content() fyne.CanvasObject { return container.NewVBox(w.bar, w.text) }

// problem says what went wrong, or clears the text when msg is empty.
func (w *workStatus) problem(msg string) { w.text.SetText(msg) }

// working shows the bar moving and msg.
func (w *workStatus) working(msg string) {
	w.text.Importance = widget.MediumImportance
	w.text.SetText(msg)
	w.bar.Show()
	w.bar.Start()
}

// idle stops the bar and clears the text.
func (w *workStatus) idle() {
	w.text.Importance = widget.DangerImportance
	w.text.SetText("")
	w.bar.Stop()
	w.bar.Hide()
}
