package europass

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"strings"

	"github.com/go-pdf/fpdf"

	"github.com/satchel-wallet/satchel/wallet/credential"
)

// credential writes one credential's section: its title on a shaded band,
// its format, then the table of its EU standard elements, its learning
// outcomes and its verification. A section starts on a new page when the
// band and a few rows would not fit.
func (w *pdfWriter) credential(n int, c *credential.Credential) {
	p := w.pdf
	w.room(45)
	p.Ln(2)
	p.SetFont(fontFamily, "B", 13)
	p.SetFillColor(236, 240, 245)
	p.SetTextColor(20, 20, 20)
	p.MultiCell(0, 7, fmt.Sprintf("%d. %s", n, titleIn(c, w.lang)), "", "L", true)
	p.SetFont(fontFamily, "I", 8.5)
	p.SetTextColor(100, 100, 100)
	p.CellFormat(0, 5, formatWords(c), "", 1, "L", false, 0, "")
	p.Ln(1)
	if d := c.Description.In(w.lang); d != "" {
		w.row("Description", d, nil)
	}
	for _, f := range facts(c, w.lang) {
		w.row(f[0], f[1], nil)
	}
	if outs := outcomeTitles(c, w.lang); len(outs) > 0 {
		for i := range outs {
			outs[i] = "• " + outs[i]
		}
		w.row("Learning outcomes", strings.Join(outs, "\n"), nil)
	}
	v := c.Verification
	col := [3]int{150, 100, 0}
	switch v.Verdict {
	case credential.Verified:
		col = [3]int{0, 115, 55}
	case credential.NotVerified, credential.Rejected:
		col = [3]int{170, 30, 30}
	}
	w.row("Verification", verdictWords(v)+"\n"+strings.Join(verificationDetail(c), "\n"), &col)
	p.Ln(3)
}

// row writes one row of a credential's table: a label on the left, the
// value wrapped on the right (each line of it a paragraph), and a thin
// rule under it. A row that does not fit goes to the next page whole,
// unless it is longer than a page. col, when given, colours the value's
// first line (the verdict).
func (w *pdfWriter) row(label, value string, col *[3]int) {
	p := w.pdf
	valueWidth := w.width() - labelWidth
	p.SetFont(fontFamily, "B", 8.5)
	labelLines := p.SplitText(label, labelWidth-2)
	p.SetFont(fontFamily, "", 9.5)
	var lines []string
	for _, para := range strings.Split(value, "\n") {
		lines = append(lines, p.SplitText(para, valueWidth-2)...)
	}
	h := float64(max(len(lines), len(labelLines)))*lineHeight + 2
	w.room(h)
	x, y := p.GetX(), p.GetY()
	p.SetFont(fontFamily, "B", 8.5)
	p.SetTextColor(80, 80, 80)
	p.SetXY(x, y+1)
	p.MultiCell(labelWidth-2, lineHeight, label, "", "L", false)
	p.SetXY(x+labelWidth, y+1)
	p.SetFont(fontFamily, "", 9.5)
	p.SetTextColor(20, 20, 20)
	for i, l := range lines {
		if i == 0 && col != nil {
			p.SetFont(fontFamily, "B", 9.5)
			p.SetTextColor(col[0], col[1], col[2])
		}
		p.SetX(x + labelWidth)
		p.CellFormat(valueWidth, lineHeight, l, "", 1, "L", false, 0, "")
		if i == 0 && col != nil {
			p.SetFont(fontFamily, "", 9.5)
			p.SetTextColor(20, 20, 20)
		}
	}
	end := max(p.GetY(), y+h-1)
	p.SetXY(x, end+1)
	p.SetDrawColor(225, 225, 225)
	p.Line(x, p.GetY(), x+w.width(), p.GetY())
}

// qrSection writes the QR codes of the signed presentation with how to
// verify them, two to a row, each captioned with its part number.
func (w *pdfWriter) qrSection(symbols []image.Image) error {
	p := w.pdf
	// The heading, the instructions and the first row of codes stay
	// together.
	if len(symbols) > 0 {
		w.room(45 + qrSize)
	} else {
		w.room(30)
	}
	p.Ln(4)
	p.SetFont(fontFamily, "B", 13)
	p.SetTextColor(20, 20, 20)
	p.CellFormat(0, 8, "How to verify this record", "", 1, "L", false, 0, "")
	p.SetFont(fontFamily, "", 9.5)
	if len(symbols) == 0 {
		p.MultiCell(0, lineHeight, "This printout carries no QR code, so it cannot be verified on its own. Ask the learner for a signed presentation of these credentials, or for the credentials themselves.", "", "L", false)
		return nil
	}
	how := "Scan the QR code with Satchel, or with any verifier that reads Satchel QR codes. It holds a presentation of the credentials above, signed with the learner's own key: the verifier checks the learner's signature and each issuer's, so this printed copy can still be verified."
	if len(symbols) > 1 {
		how = fmt.Sprintf("Scan all %d QR codes, in any order, with Satchel or any verifier that reads Satchel QR codes. Together they hold a presentation of the credentials above, signed with the learner's own key: the verifier checks the learner's signature and each issuer's, so this printed copy can still be verified.", len(symbols))
	}
	p.MultiCell(0, lineHeight, how, "", "L", false)
	p.Ln(3)
	perRow := 2
	if len(symbols) == 1 {
		perRow = 1
	}
	gap := w.width() - float64(perRow)*qrSize
	if perRow > 1 {
		gap /= float64(perRow - 1)
	}
	for i, img := range symbols {
		var buf bytes.Buffer
		if err := png.Encode(&buf, img); err != nil {
			return fmt.Errorf("europass: QR image %d: %w", i+1, err)
		}
		name := fmt.Sprintf("qr-%d", i+1)
		opt := fpdf.ImageOptions{ImageType: "PNG"}
		p.RegisterImageOptionsReader(name, opt, &buf)
		col := i % perRow
		if col == 0 {
			w.room(qrSize + 10)
		}
		x := pageMargin + float64(col)*(qrSize+gap)
		if perRow == 1 {
			x = pageMargin + (w.width()-qrSize)/2
		}
		y := p.GetY()
		p.ImageOptions(name, x, y, qrSize, qrSize, false, opt, 0, "")
		if len(symbols) > 1 {
			p.SetXY(x, y+qrSize)
			p.SetFont(fontFamily, "", 8.5)
			p.CellFormat(qrSize, 5, fmt.Sprintf("Part %d of %d", i+1, len(symbols)), "", 0, "C", false, 0, "")
		}
		if col == perRow-1 || i == len(symbols)-1 {
			p.SetXY(pageMargin, y+qrSize+7)
		} else {
			p.SetXY(pageMargin, y)
		}
	}
	if err := p.Error(); err != nil {
		return fmt.Errorf("europass: PDF layout: %w", err)
	}
	return nil
}
