package qr

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"strings"

	"rsc.io/qr/coding"
)

// QuietZone is the light border around a symbol, in modules: the 4 that
// ISO/IEC 18004 requires, without which scanners miss the finder patterns.
const QuietZone = 4

// Symbol is one QR symbol: its text and its modules.
type Symbol struct {
	// Text is what the symbol encodes.
	Text string
	// Version is the QR version (1 to 40): the symbol is 17+4*Version
	// modules wide, without the quiet zone.
	Version int
	// Level is the error correction level.
	Level Level
	dark  [][]bool // [y][x], quiet zone included
}

// NewSymbol draws the QR symbol of text at opt.Level, in the smallest
// version that holds it, and fails with ErrTooLarge if that is above
// opt.MaxVersion. The text is split into explicit segments (see segments):
// a URL prefix in byte mode, the payload after it in alphanumeric mode.
func NewSymbol(text string, opt Options) (*Symbol, error) {
	o, err := opt.withDefaults()
	if err != nil {
		return nil, err
	}
	segs := segments(text)
	level := coding.Level(o.Level - LevelL)
	for v := coding.Version(1); v <= coding.Version(o.MaxVersion); v++ {
		bits := 0
		for _, s := range segs {
			bits += s.Bits(v)
		}
		if bits > v.DataBytes(level)*8 {
			continue
		}
		code, err := bestMask(v, level, segs)
		if err != nil {
			return nil, err
		}
		return &Symbol{Text: text, Version: int(v), Level: o.Level, dark: withQuietZone(code)}, nil
	}
	return nil, fmt.Errorf("%w: the text of %d characters needs a QR version above %d at level %s", ErrTooLarge, len(text), o.MaxVersion, o.Level)
}

// segments splits text into QR segments: all of it in alphanumeric mode
// when it can be; otherwise, for a URL prefix followed by a payload, the
// prefix up to and including the '#' in byte mode and the rest in
// alphanumeric mode; otherwise all of it in byte mode. The split is
// explicit because the library's own choice (one mode for the whole text)
// would put a URL-prefixed payload in byte mode, 45% larger.
func segments(text string) []coding.Encoding {
	if coding.Alpha(text).Check() == nil {
		return []coding.Encoding{coding.Alpha(text)}
	}
	if i := strings.IndexByte(text, '#'); i >= 0 && i+1 < len(text) && coding.Alpha(text[i+1:]).Check() == nil {
		return []coding.Encoding{coding.String(text[:i+1]), coding.Alpha(text[i+1:])}
	}
	return []coding.Encoding{coding.String(text)}
}

// withQuietZone returns the modules of code, dark as true, inside a light
// border of QuietZone modules.
func withQuietZone(code *coding.Code) [][]bool {
	n := code.Size + 2*QuietZone
	dark := make([][]bool, n)
	for y := range dark {
		dark[y] = make([]bool, n)
		for x := range dark[y] {
			dark[y][x] = code.Black(x-QuietZone, y-QuietZone)
		}
	}
	return dark
}

// Symbols draws the symbols of every part of the payload.
func (p *Payload) Symbols() ([]*Symbol, error) {
	out := make([]*Symbol, len(p.Parts))
	for i, t := range p.Parts {
		s, err := NewSymbol(t, p.Options)
		if err != nil {
			return nil, fmt.Errorf("part %d: %w", i+1, err)
		}
		out[i] = s
	}
	return out, nil
}

// Size returns the width of the symbol in modules, quiet zone included.
func (s *Symbol) Size() int { return len(s.dark) }

// Dark reports whether the module at column x, row y (quiet zone included)
// is dark.
func (s *Symbol) Dark(x, y int) bool {
	return y >= 0 && y < len(s.dark) && x >= 0 && x < len(s.dark[y]) && s.dark[y][x]
}

var bw = color.Palette{color.White, color.Black}

// Image returns the symbol with each module px pixels wide, quiet zone
// included, as a two-colour paletted image.
func (s *Symbol) Image(px int) *image.Paletted {
	px = max(px, 1)
	n := s.Size() * px
	img := image.NewPaletted(image.Rect(0, 0, n, n), bw)
	for y, row := range s.dark {
		for x, d := range row {
			if !d {
				continue
			}
			for dy := range px {
				off := img.PixOffset(x*px, y*px+dy)
				for dx := range px {
					img.Pix[off+dx] = 1
				}
			}
		}
	}
	return img
}

// PNG returns the symbol as a PNG with px pixels per module.
func (s *Symbol) PNG(px int) ([]byte, error) {
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(&buf, s.Image(px)); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// SVG returns the symbol as an SVG document with px user units per module:
// one path of dark runs on a white square, crisp at any zoom.
func (s *Symbol) SVG(px int) []byte {
	px = max(px, 1)
	var b bytes.Buffer
	n := s.Size()
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" shape-rendering="crispEdges">`+"\n", n*px, n*px, n, n)
	fmt.Fprintf(&b, `<rect width="%d" height="%d" fill="#fff"/>`+"\n", n, n)
	b.WriteString(`<path fill="#000" d="`)
	s.writePath(&b, 0, 0)
	b.WriteString(`"/>` + "\n</svg>\n")
	return b.Bytes()
}

// writePath writes the dark modules as one rectangle per horizontal run,
// offset by (ox, oy) modules.
func (s *Symbol) writePath(b *bytes.Buffer, ox, oy int) {
	for y, row := range s.dark {
		for x := 0; x < len(row); {
			if !row[x] {
				x++
				continue
			}
			start := x
			for x < len(row) && row[x] {
				x++
			}
			fmt.Fprintf(b, "M%d %dh%dv1h-%dz", ox+start, oy+y, x-start, x-start)
		}
	}
}
