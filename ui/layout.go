package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// readableWidth centres its objects horizontally and gives them at most
// width, so that text does not run across a wide window. With middle set,
// objects keep their natural height and sit in the vertical middle.
type readableWidth struct {
	width  float32
	middle bool
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
		o.Move(fyne.NewPos((size.Width-w)/2, y))
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
