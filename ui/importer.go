package ui

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/satchel-wallet/satchel/share/qr"
	"github.com/satchel-wallet/satchel/wallet"
)

// maxImportFiles bounds the files one import reads, so that a folder
// dropped by mistake (the whole home folder) ends with a message rather
// than reading for ever. Ten thousand credentials is a very large wallet.
const maxImportFiles = 20000

// problem is an input that could not be read or decoded at all, for the
// import summary.
type problem struct{ name, reason string }

// openImport offers the ways to import: files, a QR image, pasted text;
// and says that files and folders can be dropped onto the window.
func (a *App) openImport() {
	if a.shell == nil {
		return
	}
	var d dialog.Dialog
	files := widget.NewButtonWithIcon(lang.L("Choose files or folders…"), theme.FolderOpenIcon(), func() {
		d.Hide()
		a.pickFiles(lang.L("Import credentials"), false, a.importFiles)
	})
	files.Importance = widget.HighImportance
	image := widget.NewButtonWithIcon(lang.L("Open a QR code image…"), theme.FileImageIcon(), func() {
		d.Hide()
		a.pickFiles(lang.L("Open QR code images"), true, a.importFiles)
	})
	paste := widget.NewButtonWithIcon(lang.L("Paste text…"), theme.ContentPasteIcon(), func() {
		d.Hide()
		a.pasteImport()
	})
	body := container.NewVBox(
		paragraph(lang.L("Import credentials of any kind: Open Badges, W3C Verifiable Credentials (JSON-LD, JWT, SD-JWT), European Digital Credentials, Europass XML, and presentations or QR codes that carry them. Each is verified first.")),
		files, image, paste,
		paragraph(lang.L("You can also drop files or folders onto the Satchel window.")),
	)
	d = dialog.NewCustom(lang.L("Import"), lang.L("Cancel"), container.New(readableWidth{width: 460}, body), a.win)
	d.Resize(fyne.NewSize(520, 380))
	d.Show()
}

// onDropped imports files and folders dropped onto the window.
func (a *App) onDropped(_ fyne.Position, uris []fyne.URI) {
	if a.shell == nil {
		return
	}
	var paths []string
	for _, u := range uris {
		if u.Scheme() == "file" {
			paths = append(paths, u.Path())
		}
	}
	if len(paths) > 0 {
		a.touch()
		a.importFiles(paths)
	}
}

// pasteImport imports pasted text: a JWT or SD-JWT, JSON, or the text of
// QR codes (one per line).
func (a *App) pasteImport() {
	entry := newMultiLineKeyEntry(a)
	entry.SetPlaceHolder(lang.L("Paste a JWT, a JSON credential or presentation, or QR code texts, one per line"))
	entry.SetMinRowsVisible(8)
	d := dialog.NewCustomConfirm(lang.L("Paste a credential"), lang.L("Import"), lang.L("Cancel"), entry, func(ok bool) {
		if ok {
			a.touch()
			a.importText(entry.Text)
		}
	}, a.win)
	d.Resize(fyne.NewSize(min(a.win.Canvas().Size().Width-40, 640), 420))
	d.Show()
	a.win.Canvas().Focus(entry)
}

// importText imports pasted text.
func (a *App) importText(text string) {
	text = strings.TrimSpace(text)
	if text == "" {
		return
	}
	name := lang.L("Pasted text")
	if lines := qr.Lines(text); lines != nil {
		data, err := qr.DecodeSets(lines)
		var probs []problem
		if err != nil {
			probs = append(probs, problem{name, qrProblem(err)})
		}
		a.runImport(namedInputs(lang.L("QR code"), data), probs)
		return
	}
	a.runImport([]wallet.Input{{Name: name, Data: []byte(text)}}, nil)
}

// namedInputs names presentations decoded from QR codes.
func namedInputs(name string, data [][]byte) []wallet.Input {
	var out []wallet.Input
	for i, d := range data {
		n := name
		if len(data) > 1 {
			n = fmt.Sprintf("%s %d", name, i+1)
		}
		out = append(out, wallet.Input{Name: n, Data: d})
	}
	return out
}

// importFiles reads files and folders off the UI goroutine and imports
// them. Images that hold Satchel QR codes are decoded, their parts put
// together across images; other images are read as credentials (an Open
// Badge can be baked into a PNG).
func (a *App) importFiles(paths []string) {
	if len(paths) == 0 {
		return
	}
	a.notice(lang.L("Reading the files…"))
	limit := a.maxImportBytes()
	a.background(func() func() {
		inputs, probs := gatherInputs(paths, limit)
		return func() {
			if a.shell != nil {
				a.runImport(inputs, probs)
			}
		}
	})
}

// gatherInputs reads files and, recursively, the files in folders, at most
// max+1 bytes each (enough for the checker to refuse a larger file).
func gatherInputs(paths []string, max int) ([]wallet.Input, []problem) {
	var files []string
	var probs []problem
	for _, p := range paths {
		err := filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				probs = append(probs, problem{path, err.Error()})
				return nil
			}
			if d.IsDir() {
				if path != p && strings.HasPrefix(d.Name(), ".") {
					return filepath.SkipDir
				}
				return nil
			}
			if strings.HasPrefix(d.Name(), ".") || !d.Type().IsRegular() {
				return nil
			}
			if len(files) >= maxImportFiles {
				return fs.SkipAll
			}
			files = append(files, path)
			return nil
		})
		if err != nil {
			probs = append(probs, problem{p, err.Error()})
		}
	}
	if len(files) >= maxImportFiles {
		probs = append(probs, problem{paths[0], lang.N("Only the first {{.N}} files were read. Import the rest in another go.", maxImportFiles, map[string]any{"N": maxImportFiles})})
	}
	sort.Strings(files)
	var inputs []wallet.Input
	var qrTexts []string
	for _, f := range files {
		if isImage(f) {
			if texts, err := imageTexts(f); err == nil {
				var payloads []string
				for _, t := range texts {
					if qr.IsPayload(t) {
						payloads = append(payloads, t)
					}
				}
				if len(payloads) > 0 {
					qrTexts = append(qrTexts, payloads...)
					continue
				}
			}
		}
		data, err := readLimited(f, max)
		if err != nil {
			probs = append(probs, problem{f, err.Error()})
			continue
		}
		inputs = append(inputs, wallet.Input{Name: displayName(f, paths), Data: data})
	}
	if len(qrTexts) > 0 {
		data, err := qr.DecodeSets(qrTexts)
		if err != nil {
			probs = append(probs, problem{lang.L("QR code"), qrProblem(err)})
		}
		inputs = append(inputs, namedInputs(lang.L("QR code"), data)...)
	}
	return inputs, probs
}

// readLimited reads at most max+1 bytes of a file.
func readLimited(path string, max int) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, int64(max)+1))
}

// displayName is a file's name for the summary: relative to the folder
// it was found in, or its base name.
func displayName(file string, roots []string) string {
	for _, r := range roots {
		if rel, err := filepath.Rel(r, file); err == nil && rel != "." && !strings.HasPrefix(rel, "..") {
			return filepath.Join(filepath.Base(r), rel)
		}
	}
	return filepath.Base(file)
}
