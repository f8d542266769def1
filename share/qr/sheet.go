package qr

import (
	"bytes"
	"fmt"
	"image"
	"image/draw"
	"image/png"

	"golang.org/x/image/font"
	"golang.org/x/image/font/basicfont"
	"golang.org/x/image/math/fixed"
)

// The printable sheet is an A4 page (210 x 297 mm) with up to six symbols
// in a grid, each labelled "part i of n" underneath; a longer set takes
// several pages. Six per page keeps a version-25 symbol at about 0.6 mm
// per module, which any printer renders and any phone reads.
const (
	pageW, pageH   = 210.0, 297.0 // mm
	pageMargin     = 12.0         // mm
	labelH         = 9.0          // mm below each symbol
	sheetDPI       = 150          // PNG pages
	perPage        = 6
	titleH         = 10.0 // mm
	sheetTitleText = "Scan every code; the parts can be read in any order."
)

// cell is where one symbol goes on a page, in mm.
type cell struct{ x, y, side float64 }

// layout returns the cells for k symbols on one page.
func layout(k int) []cell {
	cols, rows := 2, 3
	switch {
	case k == 1:
		cols, rows = 1, 1
	case k == 2:
		cols, rows = 1, 2
	case k <= 4:
		cols, rows = 2, 2
	}
	w := (pageW - 2*pageMargin) / float64(cols)
	h := (pageH - 2*pageMargin - titleH) / float64(rows)
	side := min(w, h-labelH) * 0.92
	cells := make([]cell, 0, k)
	for i := range k {
		c, r := i%cols, i/cols
		cells = append(cells, cell{
			x:    pageMargin + float64(c)*w + (w-side)/2,
			y:    pageMargin + titleH + float64(r)*h + (h-labelH-side)/2,
			side: side,
		})
	}
	return cells
}

// label returns "part i of n" for the symbol at position i of n, using the
// number in its header when it has one.
func label(s *Symbol, i, n int) string {
	if p, err := ParsePart(s.Text); err == nil && p.Total > 1 {
		i, n = p.Index, p.Total
	} else {
		i++
	}
	return fmt.Sprintf("part %d of %d", i, n)
}

func pages(symbols []*Symbol) [][]*Symbol {
	var out [][]*Symbol
	for i := 0; i < len(symbols); i += perPage {
		out = append(out, symbols[i:min(i+perPage, len(symbols))])
	}
	return out
}

// SheetPNG lays the symbols out on A4 pages, labelled "part i of n", and
// returns one PNG per page at 150 dpi.
func SheetPNG(symbols []*Symbol) ([][]byte, error) {
	px := func(mm float64) int { return int(mm / 25.4 * sheetDPI) }
	var out [][]byte
	for pi, page := range pages(symbols) {
		img := image.NewPaletted(image.Rect(0, 0, px(pageW), px(pageH)), bw)
		drawText(img, sheetTitleText, px(pageMargin), px(pageMargin), 2)
		for j, s := range page {
			c := layout(len(page))[j]
			mod := max(px(c.side)/s.Size(), 1) // whole pixels per module stay crisp
			sym := s.Image(mod)
			side := sym.Bounds().Dx()
			x0 := px(c.x) + (px(c.side)-side)/2
			y0 := px(c.y) + (px(c.side) - side)
			draw.Draw(img, image.Rect(x0, y0, x0+side, y0+side), sym, image.Point{}, draw.Src)
			text := label(s, pi*perPage+j, len(symbols))
			tw := len(text) * 7 * 2
			drawText(img, text, px(c.x+c.side/2)-tw/2, y0+side+px(2), 2)
		}
		var buf bytes.Buffer
		if err := (&png.Encoder{CompressionLevel: png.BestCompression}).Encode(&buf, img); err != nil {
			return nil, err
		}
		out = append(out, buf.Bytes())
	}
	return out, nil
}

// drawText writes text in the 7x13 bitmap font, scaled, with its top left
// corner at (x, y).
func drawText(dst *image.Paletted, text string, x, y, scale int) {
	face := basicfont.Face7x13
	w := font.MeasureString(face, text).Ceil()
	small := image.NewAlpha(image.Rect(0, 0, w, 13))
	d := font.Drawer{Dst: small, Src: image.Opaque, Face: face, Dot: fixed.P(0, face.Ascent)}
	d.DrawString(text)
	for sy := range 13 {
		for sx := range w {
			if small.AlphaAt(sx, sy).A < 128 {
				continue
			}
			for dy := range scale {
				for dx := range scale {
					dst.SetColorIndex(x+sx*scale+dx, y+sy*scale+dy, 1)
				}
			}
		}
	}
}

// SheetSVG lays the symbols out like SheetPNG and returns one SVG document
// per page, sized in millimetres for printing.
func SheetSVG(symbols []*Symbol) [][]byte {
	var out [][]byte
	for pi, page := range pages(symbols) {
		var b bytes.Buffer
		fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%gmm" height="%gmm" viewBox="0 0 %g %g">`+"\n", pageW, pageH, pageW, pageH)
		fmt.Fprintf(&b, `<rect width="%g" height="%g" fill="#fff"/>`+"\n", pageW, pageH)
		fmt.Fprintf(&b, `<text x="%g" y="%g" font-family="sans-serif" font-size="4">%s</text>`+"\n", pageMargin, pageMargin+5, sheetTitleText)
		for j, s := range page {
			c := layout(len(page))[j]
			m := c.side / float64(s.Size())
			fmt.Fprintf(&b, `<g transform="translate(%.3f %.3f) scale(%.5f)" shape-rendering="crispEdges"><path fill="#000" d="`, c.x, c.y, m)
			s.writePath(&b, 0, 0)
			b.WriteString("\"/></g>\n")
			fmt.Fprintf(&b, `<text x="%.3f" y="%.3f" font-family="sans-serif" font-size="5" text-anchor="middle">%s</text>`+"\n",
				c.x+c.side/2, c.y+c.side+6, label(s, pi*perPage+j, len(symbols)))
		}
		b.WriteString("</svg>\n")
		out = append(out, b.Bytes())
	}
	return out
}
