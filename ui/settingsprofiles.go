package ui

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/satchel-wallet/satchel/wallet"
)

// maxKeyFile bounds a key file read for import: a JWK is a few hundred
// bytes, so 64 KiB is generous and still keeps a wrong file (a video) out
// of memory. It is the command line's bound too.
const maxKeyFile = 64 << 10

// profilesTab is the Profiles tab: the identities (DIDs) the learner
// presents as, each with its actions, and adding or importing one.
func (p *settingsPage) profilesTab() fyne.CanvasObject {
	p.fillProfiles()
	add := widget.NewButtonWithIcon(lang.L("Add a profile…"), theme.ContentAddIcon(), p.addProfile)
	imp := widget.NewButtonWithIcon(lang.L("Import a key…"), theme.FolderOpenIcon(), p.importKey)
	return container.NewVBox(
		helpHeading(p.app, lang.L("Profiles"), "check.holder"),
		paragraph(lang.L("You present credentials as one of these identities (DIDs). Credentials issued to any of them pass the holder check.")),
		p.profiles,
		container.NewHBox(add, imp),
		note(lang.L("Import a key to keep the identity you had in another wallet: a private key as a JWK file (Ed25519 or P-256).")),
	)
}

// fillProfiles lists the profiles anew.
func (p *settingsPage) fillProfiles() {
	p.profiles.Objects = nil
	hs, err := p.app.wallet.Holders()
	if err != nil {
		p.profiles.Add(paragraph(explain(err)))
	}
	for i, h := range hs {
		if i > 0 {
			p.profiles.Add(widget.NewSeparator())
		}
		p.profiles.Add(p.profileRow(h))
	}
	p.profiles.Refresh()
	p.relayout()
}

// profileRow is one profile: its name, its DID, and what can be done
// with it.
func (p *settingsPage) profileRow(h wallet.Holder) fyne.CanvasObject {
	name := h.Name
	if h.Default {
		name = lang.L("{{.Name}}: the profile you share as", map[string]any{"Name": h.Name})
	}
	did := widget.NewLabelWithStyle(h.DID, fyne.TextAlignLeading, fyne.TextStyle{Monospace: true})
	did.Truncation = fyne.TextTruncateEllipsis
	kind := lang.L("Ed25519 key")
	if h.KeyType == wallet.KeyP256 {
		kind = lang.L("P-256 key")
	}
	if h.Imported {
		kind = lang.L("{{.Kind}}, imported", map[string]any{"Kind": kind})
	}
	copyB := widget.NewButtonWithIcon(lang.L("Copy DID"), theme.ContentCopyIcon(), func() {
		p.app.touch()
		p.app.fyne.Clipboard().SetContent(h.DID)
		p.say(lang.L("The DID is copied."))
	})
	export := widget.NewButtonWithIcon(lang.L("Export…"), theme.UploadIcon(), func() { p.exportProfile(h) })
	actions := container.NewHBox(copyB, export)
	if !h.Default {
		actions.Add(widget.NewButton(lang.L("Make default"), func() { p.makeDefault(h) }))
	}
	return container.NewVBox(container.New(tightRows{}, heading(name), did, caption(kind)), actions)
}

func (p *settingsPage) makeDefault(h wallet.Holder) {
	p.app.touch()
	if err := p.app.wallet.SetDefaultHolder(h.Name); err != nil {
		p.fail(explain(err))
		return
	}
	p.app.shell.setHolder(h.Name)
	p.fillProfiles()
	p.say(lang.L("You now share as “{{.Name}}”.", map[string]any{"Name": h.Name}))
}

// addProfile makes a new profile with a new key.
func (p *settingsPage) addProfile() {
	p.app.touch()
	name := newKeyEntry(p.app)
	kind := widget.NewSelect([]string{lang.L("Ed25519 (recommended)"), lang.L("P-256 (for verifiers that require it)")}, nil)
	kind.SetSelectedIndex(0)
	d := dialog.NewForm(lang.L("Add a profile"), lang.L("Create"), lang.L("Cancel"), []*widget.FormItem{
		widget.NewFormItem(lang.L("Name"), name),
		widget.NewFormItem(lang.L("Identity key"), kind),
	}, func(ok bool) {
		if !ok || strings.TrimSpace(name.Text) == "" {
			return
		}
		kt := wallet.KeyEd25519
		if kind.SelectedIndex() == 1 {
			kt = wallet.KeyP256
		}
		h, err := p.app.wallet.AddHolder(strings.TrimSpace(name.Text), kt)
		if err != nil {
			p.fail(profileProblem(err))
			return
		}
		p.fillProfiles()
		p.say(lang.L("The profile “{{.Name}}” is made.", map[string]any{"Name": h.Name}))
	}, p.app.win)
	d.Resize(fyne.NewSize(460, 220))
	d.Show()
	p.app.win.Canvas().Focus(name)
}

// importKey makes a profile from a private key in a JWK file.
func (p *settingsPage) importKey() {
	p.app.touch()
	name := newKeyEntry(p.app)
	name.SetPlaceHolder(lang.L("For example: my university wallet"))
	var file string
	fileL := paragraph(lang.L("No file chosen yet."))
	fileL.Wrapping = fyne.TextWrapBreak
	choose := widget.NewButtonWithIcon(lang.L("Choose the key file…"), theme.FolderOpenIcon(), func() {
		p.app.pickFiles(lang.L("Choose the key file (JWK)"), false, func(paths []string) {
			if len(paths) > 0 {
				file = paths[0]
				fileL.SetText(file)
			}
		})
	})
	d := dialog.NewForm(lang.L("Import a key"), lang.L("Import"), lang.L("Cancel"), []*widget.FormItem{
		widget.NewFormItem(lang.L("Name"), name),
		widget.NewFormItem(lang.L("Key file"), container.NewVBox(container.NewHBox(choose), fileL)),
	}, func(ok bool) {
		if !ok {
			return
		}
		p.app.touch()
		if file == "" || strings.TrimSpace(name.Text) == "" {
			p.fail(lang.L("Give the profile a name and choose the key file, then import again."))
			return
		}
		data, err := readBounded(file, maxKeyFile)
		if err != nil {
			p.fail(profileProblem(err))
			return
		}
		defer clear(data)
		h, err := p.app.wallet.ImportHolderKey(strings.TrimSpace(name.Text), data)
		if err != nil {
			p.fail(profileProblem(err))
			return
		}
		p.fillProfiles()
		p.say(lang.L("The key is imported as the profile “{{.Name}}”: {{.DID}}", map[string]any{"Name": h.Name, "DID": h.DID}))
	}, p.app.win)
	d.Resize(fyne.NewSize(520, 300))
	d.Show()
	p.app.win.Canvas().Focus(name)
}

// exportProfile offers the public identity of h as a file, and its
// private key behind a confirmation.
func (p *settingsPage) exportProfile(h wallet.Holder) {
	p.app.touch()
	var d dialog.Dialog
	public := func(f wallet.PublicFormat, file string) func() {
		return func() {
			d.Hide()
			data, err := p.app.wallet.ExportPublic(h.Name, f)
			if err != nil {
				p.fail(explain(err))
				return
			}
			p.app.saveFile(file, append(data, '\n'), func(path string) {
				p.say(lang.L("Saved to {{.Path}}. It holds nothing secret.", map[string]any{"Path": path}))
			})
		}
	}
	base := fileSafe(h.Name)
	doc := widget.NewButtonWithIcon(lang.L("DID document"), theme.DocumentSaveIcon(), public(wallet.PublicDIDDocument, base+".did.json"))
	doc.Importance = widget.HighImportance
	jwk := widget.NewButtonWithIcon(lang.L("Public key (JWK)"), theme.DocumentSaveIcon(), public(wallet.PublicJWK, base+".public.jwk"))
	private := widget.NewButtonWithIcon(lang.L("Private key…"), theme.WarningIcon(), func() {
		d.Hide()
		p.confirmPrivateExport(h)
	})
	private.Importance = widget.DangerImportance
	warn := paragraph(lang.L("The private key is the one thing that lets someone present credentials as you. Export it only to move this identity to another wallet."))
	warn.Importance = widget.WarningImportance
	body := container.NewVBox(
		paragraph(lang.L("The DID document and the public key are public: give them to whoever needs to check your signatures.")),
		container.NewGridWithColumns(2, doc, jwk), widget.NewSeparator(), warn, container.NewHBox(private))
	d = dialog.NewCustom(lang.L("Export “{{.Name}}”", map[string]any{"Name": h.Name}), lang.L("Cancel"), newDialogBody(p.app.win, 480, body), p.app.win)
	d.Show()
}

// confirmPrivateExport asks before the private key of h leaves the
// wallet, then saves it to a file only the learner can read.
func (p *settingsPage) confirmPrivateExport(h wallet.Holder) {
	msg := paragraph(lang.L("Anyone with this file can present credentials as “{{.Name}}” and sign in your name. Satchel writes it unencrypted, readable only by you. Import it into the other wallet, then delete the file.", map[string]any{"Name": h.Name}))
	d := dialog.NewCustomConfirm(lang.L("Export the private key?"), lang.L("Export the private key"), lang.L("Cancel"),
		newDialogBody(p.app.win, 420, msg), func(ok bool) {
			if !ok {
				return
			}
			p.app.touch()
			p.app.choosePath(fileSafe(h.Name)+".private.jwk", func(path string) {
				key, err := p.app.wallet.ExportPrivateKey(h.Name)
				if err == nil {
					err = writeSecretFile(path, key)
					clear(key)
				}
				if err != nil {
					p.fail(explain(err))
					return
				}
				p.say(lang.L("The private key is saved to {{.Path}}. Keep it secret, and delete it once imported.", map[string]any{"Path": path}))
			})
		}, p.app.win)
	d.SetConfirmImportance(widget.DangerImportance)
	d.Show()
}

// profileProblem says why a profile could not be made, and what to do.
func profileProblem(err error) string {
	switch {
	case errors.Is(err, errTooLargeFile):
		return lang.L("That file is too large to be a key. Choose the JWK file of the key.")
	case errors.Is(err, wallet.ErrExists):
		return lang.L("You already have that: {{.Detail}}. Choose another name, or another key.", map[string]any{"Detail": err.Error()})
	case errors.Is(err, wallet.ErrInvalid):
		return lang.L("Satchel cannot use that as a profile: {{.Detail}}. A key file is a JWK holding a private Ed25519 or P-256 key.", map[string]any{"Detail": err.Error()})
	}
	return explain(err)
}

// errTooLargeFile is a file larger than what it should be can be.
var errTooLargeFile = errors.New("file too large")

// readBounded reads a small file the learner chose, refusing one larger
// than limit.
func readBounded(path string, limit int) ([]byte, error) {
	data, err := readLimited(path, limit)
	if err != nil {
		return nil, err
	}
	if len(data) > limit {
		clear(data)
		return nil, fmt.Errorf("%s: more than %d bytes: %w", path, limit, errTooLargeFile)
	}
	return data, nil
}

// writeSecretFile writes data to path readable by its owner only, even
// if the file dialog created it already with wider permissions.
func writeSecretFile(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	if err := f.Chmod(0o600); err != nil {
		f.Close()
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// fileSafe turns a name into a file name's stem.
func fileSafe(name string) string {
	s := strings.Map(func(r rune) rune {
		if strings.ContainsRune(`/\:*?"<>|`, r) || r < ' ' {
			return '-'
		}
		return r
	}, strings.TrimSpace(name))
	if s == "" {
		return "profile"
	}
	return s
}
