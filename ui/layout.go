package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// readableWidth centres its objects horizontally and gives them at most
// width, so that text does not run across a wide window. With middle set,
// objects keep their natural height and sit in the vertical middle; with
// leading set, they keep to the leading edge instead of the centre.
type readableWidth struct {
	width   float32
	middle  bool
	leading bool
}

func (l readableWidth) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	w := min(size.Width, l.width)
	for _, o := range objs {
		h, y := size.Height, float32(0)
		if l.middle {
			o.Resize(fyne.NewSize(w, o.MinSize().Height)) // wrap text at w first
			h = min(o.MinSize().Height, size.Height)
			y = (size.Height - h) / 2
		}
		o.Resize(fyne.NewSize(w, h))
		x := (size.Width - w) / 2
		if l.leading {
			x = 0
		}
		o.Move(fyne.NewPos(x, y))
	}
}

func (l readableWidth) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		s = s.Max(o.MinSize())
	}
	s.Width = min(s.Width, l.width)
	return s
}

// title is the heading of a screen.
func title(text string) *widget.Label {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.SizeName = theme.SizeNameSubHeadingText
	return l
}

// centered shows a form-like body at a readable width, scrolling when the
// window is short.
func centered(body fyne.CanvasObject) fyne.CanvasObject {
	return container.NewVScroll(container.New(readableWidth{width: 560}, container.NewPadded(body)))
}

// tightRows stacks labels one under the other, letting each overlap the
// inner padding of the one above, so that a card of three lines of text is
// as compact as a paragraph. Every object gets the full width.
type tightRows struct{}

// overlap is how much of two labels' inner padding is folded away.
func (tightRows) overlap() float32 { return theme.InnerPadding() * 1.25 }

func (l tightRows) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	y := float32(0)
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		h := o.MinSize().Height
		o.Move(fyne.NewPos(0, y))
		o.Resize(fyne.NewSize(size.Width, h))
		y += h - l.overlap()
	}
}

func (l tightRows) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	n := 0
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		m := o.MinSize()
		s.Width = max(s.Width, m.Width)
		s.Height += m.Height
		n++
	}
	if n > 1 {
		s.Height -= float32(n-1) * l.overlap()
	}
	return s
}

// paragraph is a label that wraps at word boundaries.
func paragraph(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// heading is a bold label, the title of a part of a screen.
func heading(text string) *widget.Label {
	return widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// caption is a label in the smaller caption size, truncated to its width.
func caption(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.SizeName = theme.SizeNameCaptionText
	l.Truncation = fyne.TextTruncateEllipsis
	return l
}

// dialogBody gives a dialog's content a fixed width, so that its wrapped
// paragraphs wrap at that width and the dialog is as tall as they then
// need; a dialog sized by its content alone comes out one word wide.
type dialogBody struct{ width float32 }

// newDialogBody wraps content at width, or less in a small window.
func newDialogBody(win fyne.Window, width float32, content fyne.CanvasObject) *fyne.Container {
	if w := win.Canvas().Size().Width - 4*theme.Padding() - 40; w > 200 && w < width {
		width = w
	}
	return container.New(dialogBody{width: width}, content)
}

func (l dialogBody) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Resize(size)
		o.Move(fyne.NewPos(0, 0))
	}
}

func (l dialogBody) MinSize(objs []fyne.CanvasObject) fyne.Size {
	s := fyne.NewSize(l.width, 0)
	for _, o := range objs {
		if o.Size().Width != l.width {
			o.Resize(fyne.NewSize(l.width, o.MinSize().Height)) // wrap at the width first
		}
		s.Height = max(s.Height, o.MinSize().Height)
	}
	return s
}

// fitDialog grows or shrinks a dialog to its content, after a message in
// it changed.
func fitDialog(d dialog.Dialog) {
	if d != nil {
		d.Resize(d.MinSize())
	}
}
