package europass

import (
	"bytes"
	"fmt"
	"image"
	"strings"
	"time"

	"github.com/go-pdf/fpdf"

	"github.com/satchel-wallet/satchel/wallet/credential"
)

// PDFOptions tune PDF.
type PDFOptions struct {
	// Now is the date the document is made; zero means time.Now().
	Now time.Time
	// Lang is the language (ISO 639-1) the credentials' values are shown
	// in where they have it; the document's own words are English. Empty
	// means English.
	Lang string
	// Learner is the name in the heading; empty means the name the first
	// credential gives.
	Learner string
	// QR are the QR symbols of a presentation of the credentials signed by
	// the learner (share/qr draws them: Symbol.Image), in order. They are
	// printed at the end with how to verify them; without them the
	// document says that it cannot be verified on its own.
	QR []image.Image
	// Wallet names the software that made the document; empty means
	// "Satchel".
	Wallet string
}

func (o *PDFOptions) now() time.Time {
	if o.Now.IsZero() {
		return time.Now()
	}
	return o.Now
}

// Page geometry, in millimetres on A4. A QR code is printed 70 mm wide:
// a version 25 symbol (the largest share/qr makes by default, 125 modules
// with its quiet zone) then has modules of 0.56 mm, which phone cameras
// read from a sheet of paper and zbarimg reads from a 150 dpi scan.
const (
	pageMargin  = 18.0
	labelWidth  = 48.0
	lineHeight  = 5.0
	qrSize      = 70.0
	bottomSpace = 20.0
	fontFamily  = "go"
)

// PDF writes a printable record of the credentials for an employer or a
// school: a heading with the learner's name, one section per credential
// with its EU standard elements as a table (awarding body, date, ECTS
// credits, EQF level, learning outcomes, grade and the rest the
// credential states) and its verification in words, then the QR codes of
// the learner's signed presentation with how to verify them, and page
// numbers. The Go fonts are embedded (the subsets used), so Greek,
// Cyrillic and Latin with diacritics print on any machine.
func PDF(creds []*credential.Credential, opts PDFOptions) ([]byte, error) {
	if err := checkCreds("PDF", creds); err != nil {
		return nil, err
	}
	lang := baseLang(opts.Lang)
	if lang == "" {
		lang = defaultLang
	}
	learner := opts.Learner
	if learner == "" {
		p := person(Person{}, creds, lang)
		learner = strings.TrimSpace(p.GivenName + " " + p.FamilyName)
	}
	wallet := opts.Wallet
	if wallet == "" {
		wallet = defaultWalletName
	}
	now := opts.now()

	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetMargins(pageMargin, pageMargin, pageMargin)
	pdf.SetAutoPageBreak(true, bottomSpace)
	pdf.AddUTF8FontFromBytes(fontFamily, "", regularTTF)
	pdf.AddUTF8FontFromBytes(fontFamily, "B", boldTTF)
	pdf.AddUTF8FontFromBytes(fontFamily, "I", italicTTF)
	pdf.SetCreationDate(now)
	pdf.SetModificationDate(now)
	title := "Credentials of " + learner
	if learner == "" {
		title = "Credentials"
	}
	pdf.SetTitle(title, true)
	pdf.SetAuthor(learner, true)
	pdf.SetCreator(wallet, true)
	pdf.SetProducer(wallet, true)
	pdf.SetLang(lang)
	// Resources in a fixed order: the same input gives the same file.
	pdf.SetCatalogSort(true)
	pdf.AliasNbPages("{nb}")
	pdf.SetHeaderFuncMode(func() {
		if pdf.PageNo() == 1 {
			return
		}
		pdf.SetFont(fontFamily, "", 8)
		pdf.SetTextColor(110, 110, 110)
		pdf.CellFormat(0, 5, title, "", 1, "L", false, 0, "")
		pdf.Ln(3)
	}, false)
	pdf.SetFooterFunc(func() {
		pdf.SetY(-14)
		pdf.SetFont(fontFamily, "", 8)
		pdf.SetTextColor(110, 110, 110)
		pdf.CellFormat(0, 5, fmt.Sprintf("Made by %s on %s from the learner's wallet", wallet, longDate(now)), "", 0, "L", false, 0, "")
		pdf.CellFormat(0, 5, fmt.Sprintf("Page %d of {nb}", pdf.PageNo()), "", 0, "R", false, 0, "")
	})

	w := &pdfWriter{pdf: pdf, lang: lang}
	pdf.AddPage()
	w.heading(title, creds, now, wallet)
	for i, c := range creds {
		w.credential(i+1, c)
	}
	if err := w.qrSection(opts.QR); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		return nil, fmt.Errorf("europass: write PDF: %w", err)
	}
	return buf.Bytes(), nil
}

// pdfWriter lays out the document.
type pdfWriter struct {
	pdf  *fpdf.Fpdf
	lang string
}

func (w *pdfWriter) width() float64 {
	pw, _ := w.pdf.GetPageSize()
	return pw - 2*pageMargin
}

// room makes sure h millimetres fit on the page, starting a new one if
// not.
func (w *pdfWriter) room(h float64) {
	_, ph := w.pdf.GetPageSize()
	if w.pdf.GetY()+h > ph-bottomSpace {
		w.pdf.AddPage()
	}
}

func (w *pdfWriter) heading(title string, creds []*credential.Credential, now time.Time, wallet string) {
	p := w.pdf
	p.SetFont(fontFamily, "", 9)
	p.SetTextColor(90, 90, 90)
	p.CellFormat(0, 5, "Record of learning · "+longDate(now), "", 1, "L", false, 0, "")
	p.SetFont(fontFamily, "B", 22)
	p.SetTextColor(20, 20, 20)
	p.MultiCell(0, 10, title, "", "L", false)
	total, counted := 0.0, 0
	for _, c := range creds {
		if c.ECTS != nil {
			total += *c.ECTS
			counted++
		}
	}
	summary := fmt.Sprintf("%d credential", len(creds))
	if len(creds) != 1 {
		summary += "s"
	}
	if counted > 0 {
		summary += fmt.Sprintf(" · %s ECTS credits in total", number(total))
	}
	p.SetFont(fontFamily, "", 11)
	p.SetTextColor(60, 60, 60)
	p.CellFormat(0, 7, summary, "", 1, "L", false, 0, "")
	p.SetFont(fontFamily, "", 9)
	p.MultiCell(0, 4.5, "Each credential below was issued to the learner and is kept in their wallet. What is printed is a summary: "+
		"the proof is the signed presentation in the QR code at the end, which carries the credentials with their issuers' signatures.", "", "L", false)
	p.Ln(2)
	w.rule()
}

func (w *pdfWriter) rule() {
	p := w.pdf
	p.SetDrawColor(190, 190, 190)
	y := p.GetY()
	p.Line(pageMargin, y, pageMargin+w.width(), y)
	p.Ln(4)
}
