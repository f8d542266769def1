package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// strengthMeter shows a passphrase score (0 to 4) as four segments. The
// colour only repeats what the hint beside it says in words.
type strengthMeter struct {
	widget.BaseWidget
	score int
	segs  [4]*canvas.Rectangle
}

func newStrengthMeter() *strengthMeter {
	m := &strengthMeter{}
	for i := range m.segs {
		r := canvas.NewRectangle(color.Transparent)
		r.CornerRadius = 2
		r.SetMinSize(fyne.NewSize(24, 6))
		m.segs[i] = r
	}
	m.ExtendBaseWidget(m)
	m.set(0)
	return m
}

// set shows score: 0 fills nothing; 1 to 4 fill that many segments, red to
// green.
func (m *strengthMeter) set(score int) {
	m.score = score
	v := fyne.CurrentApp().Settings().ThemeVariant()
	on := theme.Current().Color(theme.ColorNameError, v)
	switch {
	case score >= 4:
		on = theme.Current().Color(theme.ColorNameSuccess, v)
	case score == 3:
		on = theme.Current().Color(theme.ColorNameSuccess, v)
	case score == 2:
		on = theme.Current().Color(theme.ColorNameWarning, v)
	}
	off := theme.Current().Color(theme.ColorNameInputBorder, v)
	for i, r := range m.segs {
		if i < score {
			r.FillColor = on
		} else {
			r.FillColor = off
		}
		r.Refresh()
	}
}

func (m *strengthMeter) CreateRenderer() fyne.WidgetRenderer {
	objs := make([]fyne.CanvasObject, len(m.segs))
	for i, r := range m.segs {
		objs[i] = r
	}
	return widget.NewSimpleRenderer(container.New(layout.NewGridLayoutWithColumns(4), objs...))
}
