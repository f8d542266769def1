package ui

import (
	"context"
	"errors"
	"fmt"
	"image"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/satchel-wallet/satchel/share"
	"github.com/satchel-wallet/satchel/share/europass"
	"github.com/satchel-wallet/satchel/share/qr"
	"github.com/satchel-wallet/satchel/wallet"
	"github.com/satchel-wallet/satchel/wallet/credential"
)

// exportFormat is what the export page makes of the credentials.
type exportFormat int

const (
	exportEDC exportFormat = iota
	exportELM
	exportCV
	exportCVLegacy
	exportPDF
)

// label is the format's name with what it makes, in one line.
func (f exportFormat) label() string {
	switch f {
	case exportEDC:
		return lang.L("EDC original: the files exactly as the issuer sealed them")
	case exportELM:
		return lang.L("ELM v3: converted for the Europass wallet, not sealed")
	case exportCV:
		return lang.L("Europass CV: an XML file for the Europass CV editor")
	case exportCVLegacy:
		return lang.L("Europass CV (legacy 3.4): for older Europass tools")
	}
	return lang.L("PDF: a printable record with a QR code you sign")
}

// exportPage exports credentials (one, a stack's or a collection's) for
// Europass or on paper: the learner picks the format and, for a CV or a
// PDF, the name on it; Satchel makes the file off the UI goroutine and
// asks where to save it (a folder for several EDC or ELM files).
type exportPage struct {
	app     *App
	ids     []string
	what    string // what is exported, in words
	from    fyne.CanvasObject
	formats []exportFormat
	form    *widget.RadioGroup
	name    *keyEntry
	nameBox *fyne.Container
	status  *widget.Label
	saveB   *widget.Button
}

// openExport shows the export page for credentials ids, described as
// what; Back returns to the page shown before.
func (a *App) openExport(ids []string, what string) {
	var from fyne.CanvasObject
	if objs := a.shell.body.Objects; len(objs) > 0 {
		from = objs[0]
	}
	// Members of a stack or collection may have been deleted since.
	ids = slices.DeleteFunc(slices.Clone(ids), func(id string) bool { return a.lib.credential(id) == nil })
	p := newExportPage(a, ids, what, from)
	a.shell.push(p.content())
}

func newExportPage(app *App, ids []string, what string, from fyne.CanvasObject) *exportPage {
	p := &exportPage{app: app, ids: ids, what: what, from: from}
	allEDC := len(ids) > 0
	var first *credential.Credential
	for _, id := range ids {
		c := app.lib.credential(id)
		if c == nil {
			allEDC = false
			continue
		}
		if first == nil {
			first = c
		}
		if c.Format != credential.FormatEDC {
			allEDC = false
		}
	}
	if allEDC {
		p.formats = append(p.formats, exportEDC)
	}
	p.formats = append(p.formats, exportELM, exportCV, exportCVLegacy, exportPDF)
	opts := make([]string, len(p.formats))
	for i, f := range p.formats {
		opts[i] = f.label()
	}
	p.form = widget.NewRadioGroup(opts, nil)
	p.form.Required = true
	p.form.SetSelected(opts[0])
	p.form.OnChanged = func(string) { p.app.touch(); p.update() }
	p.name = newKeyEntry(app)
	p.name.SetPlaceHolder(lang.L("Your name as it should appear"))
	if h, err := app.wallet.Holder(""); err == nil && h.FullName != "" {
		p.name.SetText(h.FullName)
	} else if first != nil {
		p.name.SetText(first.Learner.Name.In(app.language()))
	}
	p.nameBox = container.NewVBox(heading(lang.L("Your name")), p.name)
	p.status = paragraph("")
	p.saveB = widget.NewButtonWithIcon(lang.L("Export and save…"), theme.DocumentSaveIcon(), p.onExport)
	p.saveB.Importance = widget.HighImportance
	return p
}

func (p *exportPage) content() fyne.CanvasObject {
	back := widget.NewButtonWithIcon(lang.L("Back"), theme.NavigateBackIcon(), p.onBack)
	back.Importance = widget.LowImportance
	box := container.NewVBox(
		paragraph(p.what),
		heading(lang.L("Format")), p.form,
		p.nameBox,
		paragraph(lang.L("A converted copy says that your wallet converted it; only the EDC original keeps the issuer's seal. The PDF's QR code is a presentation signed with your key, valid for a year, and recorded in your history.")),
		p.status, container.NewHBox(p.saveB),
	)
	p.update()
	return pageFrame(lang.L("Export"), back, container.NewVScroll(box))
}

func (p *exportPage) onBack() {
	p.app.touch()
	if p.from != nil {
		p.app.shell.set(p.from)
		return
	}
	p.app.shell.back()
}

// format is the format chosen.
func (p *exportPage) format() exportFormat {
	return p.formats[max(slices.Index(p.form.Options, p.form.Selected), 0)]
}

// update asks for the name only for the formats that carry it.
func (p *exportPage) update() {
	switch p.format() {
	case exportCV, exportCVLegacy, exportPDF:
		p.nameBox.Show()
	default:
		p.nameBox.Hide()
	}
}

// exportFile is one file made by the export.
type exportFile struct {
	name string
	data []byte
}

// onExport makes the files off the UI goroutine, then asks where to save
// them.
func (p *exportPage) onExport() {
	p.app.touch()
	if len(p.ids) == 0 {
		p.say(lang.L("There is nothing to export: choose at least one credential."), true)
		return
	}
	f, w, ids, now, q := p.format(), p.app.wallet, slices.Clone(p.ids), p.app.now(), p.app.qrOptions()
	l := base(p.app.language())
	person := europass.Person{}
	person.GivenName, person.FamilyName, _ = strings.Cut(strings.TrimSpace(p.name.Text), " ")
	p.saveB.Disable()
	p.say(lang.L("Exporting…"), false)
	p.app.background(func() func() {
		files, note, err := makeExport(w, ids, f, l, person, now, q)
		return func() {
			p.saveB.Enable()
			if p.app.wallet != w {
				return
			}
			if err != nil {
				p.say(exportProblem(err), true)
				return
			}
			p.save(files, note)
		}
	})
}

// save asks where to put the files: a file dialog for one, a folder for
// several.
func (p *exportPage) save(files []exportFile, note string) {
	done := func(where string) {
		text := lang.N("Exported {{.N}} files to {{.Path}}.", len(files), map[string]any{"N": len(files), "Path": where})
		if note != "" {
			text += " " + note
		}
		p.say(text, false)
	}
	if len(files) == 1 {
		p.say(note, false)
		p.app.saveFile(files[0].name, files[0].data, done)
		return
	}
	write := func(dir string) {
		for _, f := range files {
			if err := os.WriteFile(uniqueName(filepath.Join(dir, f.name)), f.data, 0o600); err != nil {
				p.say(explain(err), true)
				return
			}
		}
		done(dir)
	}
	if p.app.saveHook != nil {
		write(filepath.Dir(p.app.saveHook(files[0].name)))
		return
	}
	d := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
		if err != nil {
			p.say(explain(err), true)
			return
		}
		if u != nil {
			write(u.Path())
		}
	}, p.app.win)
	d.Resize(dialogSize(p.app.win))
	d.Show()
}

func (p *exportPage) say(text string, problem bool) {
	p.status.Importance = widget.MediumImportance
	if problem {
		p.status.Importance = widget.DangerImportance
	}
	p.status.SetText(text)
}

// exportProblem says why an export failed.
func exportProblem(err error) string {
	return lang.L("Satchel could not export: {{.Detail}}", map[string]any{"Detail": err.Error()})
}

// makeExport makes the files of format f from credentials ids; note says
// what the learner should know (a PDF whose QR code leaves some out).
func makeExport(w *wallet.Wallet, ids []string, f exportFormat, l string, person europass.Person, now time.Time, q qr.Options) ([]exportFile, string, error) {
	creds := make([]*credential.Credential, 0, len(ids))
	items := make([]share.Item, 0, len(ids))
	for _, id := range ids {
		c, orig, err := w.Credential(id)
		if err != nil {
			return nil, "", err
		}
		creds = append(creds, &c)
		items = append(items, share.Item{Credential: c, Original: orig})
	}
	var files []exportFile
	switch f {
	case exportEDC, exportELM:
		opts := europass.ELMOptions{Lang: l, Now: now}
		if h, err := w.Holder(""); err == nil {
			opts.Holder = h.DID
		}
		for i, c := range creds {
			var name string
			var data []byte
			var err error
			if f == exportEDC {
				name, data, err = europass.Original(c, items[i].Original)
			} else {
				opts.Original = items[i].Original
				name = europass.ConvertedName(c)
				data, err = europass.ELM(c, opts)
			}
			if err != nil {
				return nil, "", fmt.Errorf("%s: %w", credTitle(c, l), err)
			}
			files = append(files, exportFile{name, data})
		}
		return files, "", nil
	case exportCV:
		data, err := europass.CV(person, creds, europass.CVOptions{Lang: l, Now: now})
		return []exportFile{{"europass-cv.xml", data}}, "", err
	case exportCVLegacy:
		data, err := europass.CVLegacy(person, creds, europass.CVOptions{Lang: l, Now: now})
		return []exportFile{{"europass-cv-legacy.xml", data}}, "", err
	}
	qrs, note := pdfPresentationQR(w, items, now, q)
	data, err := europass.PDF(creds, europass.PDFOptions{Lang: l, Now: now, Learner: strings.TrimSpace(person.GivenName + " " + person.FamilyName), QR: qrs})
	return []exportFile{{"credentials.pdf", data}}, note, err
}

// pdfPresentationQR signs a presentation of the credentials for a PDF
// (the largest group one presentation carries), draws its QR symbols and
// logs it. The note says what is left out, or why the PDF has no QR code.
func pdfPresentationQR(w *wallet.Wallet, items []share.Item, now time.Time, q qr.Options) ([]image.Image, string) {
	fail := func(err error) ([]image.Image, string) {
		return nil, lang.L("The PDF has no QR code: {{.Detail}}", map[string]any{"Detail": shareProblem(err)})
	}
	s, err := w.Signer("")
	if err != nil {
		return fail(err)
	}
	imgs, rec, n, err := share.PresentForPrint(context.Background(), s, items, func() time.Time { return now }, q)
	if errors.Is(err, share.ErrNotPrintable) {
		return nil, lang.L("None of these credentials can go in a signed presentation, so the PDF has no QR code.")
	}
	if err != nil {
		return fail(err)
	}
	if _, err := w.LogShared(share.LogEntry(rec, "pdf")); err != nil {
		return fail(err)
	}
	if n < len(items) {
		return imgs, lang.N("{{.N}} of the {{.Total}} credentials fit one presentation; the QR code carries those.", len(items), map[string]any{"N": n, "Total": len(items)})
	}
	return imgs, ""
}

// uniqueName adds -2, -3 ... before the extension while path exists:
// Europass names originals by date, and two can share one.
func uniqueName(path string) string {
	ext := filepath.Ext(path)
	stem := strings.TrimSuffix(path, ext)
	for i := 2; ; i++ {
		if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
			return path
		}
		path = fmt.Sprintf("%s-%d%s", stem, i, ext)
	}
}
