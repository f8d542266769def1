package ui

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/satchel-wallet/satchel/wallet/credential"
)

// maxRawShown caps the original shown as text. Sealed EDCs with embedded
// images reach hundreds of kilobytes, which a label lays out slowly; the
// whole file is a click away with Save original.
const maxRawShown = 64 << 10

// original is the Original tab: the credential exactly as received
// (JSON laid out for reading), with copy and save.
func (p *detailPage) original() fyne.CanvasObject {
	text, note := rawText(p.orig)
	// A text grid draws only the rows in view, where a wrapping label
	// would shape all 64 KiB of text before showing any.
	raw := widget.NewTextGridFromString(hardWrap(text, rawColumns))
	raw.Scroll = fyne.ScrollBoth
	copyB := widget.NewButtonWithIcon(lang.L("Copy"), theme.ContentCopyIcon(), func() {
		p.app.touch()
		p.app.fyne.Clipboard().SetContent(string(p.orig))
		p.say(lang.L("The original is copied."))
	})
	if !utf8.Valid(p.orig) {
		copyB.Disable()
	}
	info := caption(joinNonEmpty(p.cred.MediaType, lang.N("{{.N}} bytes", len(p.orig), map[string]any{"N": len(p.orig)}), note))
	top := container.NewBorder(nil, nil, nil, copyB, info)
	return container.NewBorder(container.NewPadded(top), nil, nil, nil, container.NewPadded(raw))
}

// rawColumns is where long lines of the original are broken for reading:
// compact JWTs and JSON are one long line.
const rawColumns = 100

// hardWrap breaks lines longer than n characters.
func hardWrap(text string, n int) string {
	var b strings.Builder
	for i, line := range strings.Split(text, "\n") {
		if i > 0 {
			b.WriteByte('\n')
		}
		r := []rune(line)
		for len(r) > n {
			b.WriteString(string(r[:n]))
			b.WriteByte('\n')
			r = r[n:]
		}
		b.WriteString(string(r))
	}
	return b.String()
}

// rawText is the original as text to read: JSON indented, other text as
// it is, binary files described; with a note when it was shortened or
// laid out.
func rawText(orig []byte) (string, string) {
	if !utf8.Valid(orig) {
		return lang.L("This file is binary (an image with a credential baked in, for example). Save the original to keep it."), ""
	}
	note := ""
	text := orig
	var buf bytes.Buffer
	if json.Valid(orig) && json.Indent(&buf, orig, "", "  ") == nil {
		text = buf.Bytes()
		if !bytes.Equal(text, orig) {
			note = lang.L("laid out for reading; saved and shared as received")
		}
	}
	if len(text) > maxRawShown {
		cut := maxRawShown
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		text = text[:cut]
		note = joinNonEmpty(note, lang.L("shortened; save the original to see all of it"))
	}
	return string(text), note
}

// originalName is a file name for saving a credential's original.
func originalName(c *credential.Credential) string {
	ext := ".json"
	switch c.Format {
	case credential.FormatVCJWT:
		ext = ".jwt"
	case credential.FormatSDJWT:
		ext = ".sdjwt"
	case credential.FormatEDCIXML:
		ext = ".xml"
	case credential.FormatOB2:
		if c.MediaType == "image/png" {
			ext = ".png"
		} else if c.MediaType == "image/svg+xml" {
			ext = ".svg"
		}
	case credential.FormatVCLDP, credential.FormatEDC:
		ext = ".jsonld"
	}
	return fmt.Sprintf("credential-%s%s", shortID(c.ID), ext)
}

// saveFile asks where to save data, suggesting name, and writes it there.
// Tests set App.saveHook to choose the place without a dialog.
func (a *App) saveFile(name string, data []byte, saved func(path string)) {
	if a.saveHook != nil {
		path := a.saveHook(name)
		if err := os.WriteFile(path, data, 0o600); err != nil {
			a.notice(explain(err))
			return
		}
		saved(path)
		return
	}
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			a.notice(explain(err))
			return
		}
		if w == nil {
			return // cancelled
		}
		_, err = w.Write(data)
		if cerr := w.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			a.notice(explain(err))
			return
		}
		saved(w.URI().Path())
	}, a.win)
	d.SetFileName(name)
	d.Resize(dialogSize(a.win))
	d.Show()
}

// dialogSize is a file dialog's size: most of the window.
func dialogSize(w fyne.Window) fyne.Size {
	s := w.Canvas().Size()
	return fyne.NewSize(max(s.Width*0.9, 600), max(s.Height*0.9, 450))
}
