package europass

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"strings"

	"golang.org/x/image/font"
	"golang.org/x/image/math/fixed"

	"github.com/satchel-wallet/satchel/wallet/credential"
)

// The display page: ELM requires every credential to carry at least one
// picture of itself (DisplayParameter), which Europass shows. Satchel draws
// one for a converted credential, A4 landscape in proportion and small
// enough to stay inline (wallet/elm inlines images up to 64 KiB of base64),
// with a band across the top that says it is a converted copy.
const (
	displayWidth  = 1000
	displayHeight = 707
	displayMargin = 48
)

// displayPage draws the display page of a converted credential as a
// grayscale PNG.
func displayPage(c *credential.Credential, lang string, footer string) ([]byte, error) {
	img := image.NewGray(image.Rect(0, 0, displayWidth, displayHeight))
	// White, with a dark band of 64 rows across the top; filled directly,
	// as draw.Draw takes its slow path for a grey destination.
	for i := range img.Pix {
		img.Pix[i] = 0xff
		if i < 64*img.Stride {
			img.Pix[i] = 0x30
		}
	}

	p := &painter{img: img, x: displayMargin, width: displayWidth - 2*displayMargin}
	if err := p.line(true, 22, color.White, 42, "CONVERTED COPY – NOT SEALED BY THE ISSUER"); err != nil {
		return nil, err
	}
	p.y = 130
	title := c.Title.In(lang)
	if title == "" {
		title = "Credential"
	}
	if err := p.para(true, 40, color.Black, title, 3); err != nil {
		return nil, err
	}
	p.y += 16
	var lines []string
	if name := c.Learner.Name.In(lang); name != "" {
		lines = append(lines, "awarded to "+name)
	}
	if body := awardingName(c, lang); body != "" {
		lines = append(lines, "by "+body)
	}
	if facts := factsLine(c); facts != "" {
		lines = append(lines, facts)
	}
	for _, l := range lines {
		if err := p.para(false, 24, color.Gray{Y: 0x20}, l, 2); err != nil {
			return nil, err
		}
		p.y += 6
	}
	p.y = displayHeight - 150
	if err := p.para(false, 18, color.Gray{Y: 0x40}, footer, 5); err != nil {
		return nil, err
	}
	// Sixteen grey levels are enough for antialiased text, and at four
	// bits a pixel the page compresses well at the default level, which is
	// many times faster than the best.
	pal := make(color.Palette, 16)
	for i := range pal {
		pal[i] = color.Gray{Y: uint8(i * 17)}
	}
	out := image.NewPaletted(img.Bounds(), pal)
	for i, y := range img.Pix {
		out.Pix[i] = uint8((int(y) + 8) / 17)
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, out); err != nil {
		return nil, fmt.Errorf("encode display page: %w", err)
	}
	return buf.Bytes(), nil
}

// factsLine sums up date, ECTS and EQF level on one line.
func factsLine(c *credential.Credential) string {
	var parts []string
	if !c.Issued.IsZero() {
		parts = append(parts, "issued "+longDate(c.Issued))
	}
	if c.ECTS != nil {
		parts = append(parts, number(*c.ECTS)+" ECTS credits")
	}
	if c.EQF > 0 {
		parts = append(parts, fmt.Sprintf("EQF level %d", c.EQF))
	}
	return strings.Join(parts, " · ")
}

// painter writes lines of text down an image.
type painter struct {
	img   draw.Image
	x, y  int
	width int
}

// line draws one line of text with its baseline at y.
func (p *painter) line(bold bool, size float64, col color.Color, y int, s string) error {
	f, err := face(bold, size)
	if err != nil {
		return err
	}
	defer f.Close()
	d := font.Drawer{Dst: p.img, Src: image.NewUniform(col), Face: f, Dot: fixed.P(p.x, y)}
	d.DrawString(s)
	return nil
}

// para draws s wrapped at the painter's width, at most maxLines lines (the
// last one cut with an ellipsis), moving y down.
func (p *painter) para(bold bool, size float64, col color.Color, s string, maxLines int) error {
	f, err := face(bold, size)
	if err != nil {
		return err
	}
	defer f.Close()
	lines := wrap(s, func(t string) int { return font.MeasureString(f, t).Ceil() }, p.width)
	if len(lines) > maxLines {
		lines = lines[:maxLines]
		lines[maxLines-1] = strings.TrimRight(lines[maxLines-1], " ") + "…"
	}
	lineHeight := int(size * 1.3)
	d := font.Drawer{Dst: p.img, Src: image.NewUniform(col), Face: f}
	for _, l := range lines {
		p.y += lineHeight
		d.Dot = fixed.P(p.x, p.y)
		d.DrawString(l)
	}
	return nil
}

// wrap breaks s into lines no wider than width by measure, at spaces; a
// word wider than a line is put on a line of its own.
func wrap(s string, measure func(string) int, width int) []string {
	var lines []string
	for _, para := range strings.Split(s, "\n") {
		cur := ""
		for _, w := range strings.Fields(para) {
			next := w
			if cur != "" {
				next = cur + " " + w
			}
			if cur != "" && measure(next) > width {
				lines = append(lines, cur)
				cur = w
				continue
			}
			cur = next
		}
		lines = append(lines, cur)
	}
	return lines
}
