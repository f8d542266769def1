package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/satchel-wallet/satchel/share"
	"github.com/satchel-wallet/satchel/share/qr"
)

// partPace is how long each symbol of a multi-part QR set stays on
// screen: long enough for a phone to focus and read a version-25 symbol,
// short enough that a set of four goes round in under ten seconds.
const partPace = 2 * time.Second

// qrMinSide is the smallest the QR code is drawn, in Fyne units. At 800 by
// 600 it leaves room for the buttons; on larger windows it grows. A
// version-25 symbol with its quiet zone is 125 modules, so this is at least
// three pixels a module, which phones read from a laptop screen.
const qrMinSide = 380

// sharedPage shows a signed presentation: as a large QR code (cycling
// through the parts of a multi-part set, "part i of n"), or as a file;
// with save, print sheet and copy. Each way it leaves the wallet is
// logged once.
type sharedPage struct {
	app     *App
	data    []byte
	rec     share.Record
	form    shareForm
	payload *qr.Payload
	symbols []*qr.Symbol
	logged  map[string]bool
	image   *canvas.Image
	part    int
	partL   *widget.Label
	pause   *widget.Button
	paused  bool
	status  *widget.Label
	root    fyne.CanvasObject
	from    fyne.CanvasObject // the share page it was made on
}

func (r *sharedPage) content() fyne.CanvasObject {
	r.status = paragraph("")
	back := widget.NewButtonWithIcon(lang.L("Back"), theme.NavigateBackIcon(), func() {
		r.app.touch()
		if r.from != nil {
			r.app.shell.set(r.from) // the choices stay as they were
		} else {
			r.app.shell.back()
		}
	})
	back.Importance = widget.LowImportance
	about := paragraph(r.describe())
	copyB := widget.NewButtonWithIcon(lang.L("Copy text"), theme.ContentCopyIcon(), r.onCopy)
	if r.form != formQR {
		save := widget.NewButtonWithIcon(lang.L("Save file…"), theme.DocumentSaveIcon(), r.onSaveFile)
		save.Importance = widget.HighImportance
		body := container.NewVBox(about, container.NewHBox(save, copyB), r.status)
		r.root = pageFrame(lang.L("Presentation ready"), back, container.New(readableWidth{width: 620}, body))
		return r.root
	}
	r.image = canvas.NewImageFromImage(r.symbols[0].Image(4))
	r.image.FillMode = canvas.ImageFillContain
	r.image.ScaleMode = canvas.ImageScalePixels // crisp modules, no blur
	r.image.SetMinSize(fyne.NewSize(qrMinSide, qrMinSide))
	r.partL = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	r.pause = widget.NewButtonWithIcon(lang.L("Pause"), theme.MediaPauseIcon(), r.onPause)
	prev := widget.NewButtonWithIcon("", theme.NavigateBackIcon(), func() { r.show(r.part - 1) })
	next := widget.NewButtonWithIcon("", theme.NavigateNextIcon(), func() { r.show(r.part + 1) })
	var parts fyne.CanvasObject = r.partL
	if len(r.symbols) > 1 {
		parts = container.NewHBox(prev, r.partL, next, r.pause)
	}
	savePNG := widget.NewButtonWithIcon(lang.L("Save PNG…"), theme.DocumentSaveIcon(), r.onSavePNG)
	sheet := widget.NewButtonWithIcon(lang.L("Save print sheet…"), theme.DocumentPrintIcon(), r.onSheet)
	side := container.NewVBox(about, container.NewCenter(parts), savePNG, sheet, copyB, r.status)
	body := container.NewBorder(nil, nil, nil, container.New(readableWidth{width: 280}, side), r.image)
	r.show(0)
	r.root = pageFrame(lang.L("Show this QR code to the verifier"), back, body)
	return r.root
}

// started logs a QR code as shared once it is on screen, and starts the
// parts cycling.
func (r *sharedPage) started() {
	if r.form != formQR {
		return
	}
	r.log("qr")
	if len(r.symbols) < 2 || r.app.inline {
		return
	}
	go func() {
		t := time.NewTicker(partPace)
		defer t.Stop()
		for range t.C {
			stop := false
			fyne.DoAndWait(func() {
				if r.app.shell == nil || len(r.app.shell.body.Objects) == 0 || r.app.shell.body.Objects[0] != r.root {
					stop = true // the page was left
					return
				}
				if !r.paused {
					r.show(r.part + 1)
				}
			})
			if stop {
				return
			}
		}
	}()
}

// show shows part i (wrapping round).
func (r *sharedPage) show(i int) {
	n := len(r.symbols)
	r.part = (i%n + n) % n
	r.image.Image = r.symbols[r.part].Image(4)
	r.image.Refresh()
	if n == 1 {
		r.partL.SetText(lang.L("One QR code"))
	} else {
		r.partL.SetText(lang.L("Part {{.I}} of {{.N}}", map[string]any{"I": r.part + 1, "N": n}))
	}
}

func (r *sharedPage) onPause() {
	r.app.touch()
	r.paused = !r.paused
	if r.paused {
		r.pause.SetText(lang.L("Play"))
		r.pause.SetIcon(theme.MediaPlayIcon())
	} else {
		r.pause.SetText(lang.L("Pause"))
		r.pause.SetIcon(theme.MediaPauseIcon())
	}
}

// describe says what was signed, for whom and until when.
func (r *sharedPage) describe() string {
	text := lang.L("A presentation of {{.Credentials}}, signed with your key as {{.Format}}, valid until {{.Until}}.",
		map[string]any{"Credentials": countOf(len(r.rec.Credentials)), "Format": formatName(r.rec.Format), "Until": dayTime(r.rec.Expires)})
	if r.rec.Audience != "" {
		text += " " + lang.L("Addressed to {{.Domain}}.", map[string]any{"Domain": r.rec.Audience})
	}
	if r.rec.Summary != nil {
		text += " " + lang.L("It carries the stack “{{.Name}}” and its totals.", map[string]any{"Name": r.rec.Summary.Name})
	}
	if r.rec.Format == share.FormatSDJWT {
		text += " " + lang.N("It reveals {{.N}} selectively disclosable claims.", len(r.rec.Disclosed), map[string]any{"N": len(r.rec.Disclosed)})
	}
	if r.form == formQR && len(r.symbols) > 1 {
		text += " " + lang.N("It needs {{.N}} QR codes, shown in turn; the verifier scans them all, in any order.", len(r.symbols), map[string]any{"N": len(r.symbols)})
	}
	return text
}

// formatName names a presentation format in words.
func formatName(f share.Format) string {
	switch f {
	case share.FormatVPJWT, share.FormatVPJWTV2:
		return lang.L("a VP-JWT")
	case share.FormatLDP:
		return lang.L("a JSON-LD presentation")
	case share.FormatSDJWT:
		return lang.L("an SD-JWT")
	}
	return string(f)
}

// log records in the wallet that the presentation left by via, once.
func (r *sharedPage) log(via string) {
	if r.logged[via] {
		return
	}
	r.logged[via] = true
	if _, err := r.app.wallet.LogShared(share.LogEntry(r.rec, via)); err != nil {
		r.status.SetText(explain(err))
	}
}

// text is the presentation as text: the payload texts of the QR codes,
// one per line, or the presentation itself.
func (r *sharedPage) text() string {
	if r.form == formQR {
		return strings.Join(r.payload.Parts, "\n")
	}
	return string(r.data)
}

func (r *sharedPage) onCopy() {
	r.app.touch()
	r.app.fyne.Clipboard().SetContent(r.text())
	r.log("clipboard")
	r.status.SetText(lang.L("Copied. Paste it where the verifier asked for it."))
}

func (r *sharedPage) onSaveFile() {
	r.app.touch()
	ext := ".jwt"
	switch r.rec.Format {
	case share.FormatLDP:
		ext = ".json"
	case share.FormatSDJWT:
		ext = ".sdjwt"
	}
	r.app.saveFile("presentation"+ext, r.data, func(path string) {
		r.log("file")
		r.status.SetText(lang.L("Saved to {{.Path}}.", map[string]any{"Path": path}))
	})
}

// onSavePNG saves each part as a PNG: the first where the learner says,
// the others beside it, numbered.
func (r *sharedPage) onSavePNG() {
	r.app.touch()
	r.saveSeries("presentation-qr.png", func() ([][]byte, error) {
		var out [][]byte
		for _, s := range r.symbols {
			b, err := s.PNG(qr.DefaultModulePixels)
			if err != nil {
				return nil, err
			}
			out = append(out, b)
		}
		return out, nil
	})
}

// onSheet saves the parts laid out on A4 pages, labelled "part i of n",
// ready to print.
func (r *sharedPage) onSheet() {
	r.app.touch()
	r.saveSeries("presentation-sheet.png", func() ([][]byte, error) { return qr.SheetPNG(r.symbols) })
}

func (r *sharedPage) saveSeries(name string, make func() ([][]byte, error)) {
	files, err := make()
	if err != nil {
		r.status.SetText(explain(err))
		return
	}
	r.app.saveFile(name, files[0], func(path string) {
		saved := []string{path}
		ext := filepath.Ext(path)
		for i, f := range files[1:] {
			p := fmt.Sprintf("%s-%d%s", strings.TrimSuffix(path, ext), i+2, ext)
			if err := os.WriteFile(p, f, 0o600); err != nil {
				r.status.SetText(explain(err))
				return
			}
			saved = append(saved, p)
		}
		r.log("file")
		r.status.SetText(lang.N("Saved {{.N}} files: {{.Paths}}. Open them to print.", len(saved), map[string]any{"N": len(saved), "Paths": strings.Join(saved, ", ")}))
	})
}
