package cli

import (
	"context"
	"errors"
	"fmt"
	"image"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/satchel-wallet/satchel/share"
	"github.com/satchel-wallet/satchel/share/europass"
	"github.com/satchel-wallet/satchel/share/qr"
	"github.com/satchel-wallet/satchel/storage"
	"github.com/satchel-wallet/satchel/wallet"
	"github.com/satchel-wallet/satchel/wallet/credential"
)

// exportFormats are the formats of export, with what each makes.
var exportFormats = map[string]string{
	"edc":                "the original European Digital Credential files, byte for byte (their seals stay valid)",
	"elm":                "each credential converted to an unsealed ELM v3 credential for the Europass wallet",
	"europass-cv":        "a Europass CV (XML, the current format)",
	"europass-cv-legacy": "a Europass CV in the legacy XML v3.4 format",
	"pdf":                "a printable PDF with a QR code of a signed presentation",
}

// exported is one file written by export.
type exported struct {
	File  string `json:"file"`
	Bytes int    `json:"bytes"`
	Of    string `json:"credential,omitempty"`
}

func (a *app) exportCommand() *cobra.Command {
	var format, out, stack, collection, lang, given, family, email string
	var disclose []string
	cmd := &cobra.Command{
		Use:   "export --format FORMAT ID...|--stack NAME|--collection NAME -o PATH",
		Short: "Export credentials for Europass or on paper: EDC originals, ELM v3, Europass CV, PDF",
		Long: `Export credentials to take them into Europass or hand them over on paper:

  edc                 ` + exportFormats["edc"] + `
  elm                 ` + exportFormats["elm"] + `
  europass-cv         ` + exportFormats["europass-cv"] + `
  europass-cv-legacy  ` + exportFormats["europass-cv-legacy"] + `
  pdf                 ` + exportFormats["pdf"] + `

edc and elm write one file per credential: -o names the file for one
credential and a folder (made if missing) for several. A converted ELM
credential says that your wallet converted it and from what; it is never a
sealed original. The PDF's QR code is a presentation signed with your key
(recorded in the log), so a printed copy can still be checked.`,
		Example: `  satchel-cli export --format edc 3f2a9c -o ~/Europass/
  satchel-cli export --format pdf --stack "ICT top-up" -o record.pdf
  satchel-cli export --format europass-cv --collection "Job applications" --given-name Elena --family-name Marković -o cv.xml`,
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if _, ok := exportFormats[format]; !ok {
				return usageError("--format %q: use edc, elm, europass-cv, europass-cv-legacy or pdf", format)
			}
			if out == "" {
				return usageError("say where to write with -o PATH")
			}
			return a.withWallet(func(_ *storage.Vault, w *wallet.Wallet) error {
				ids, err := selection(w, args, stack, collection)
				if err != nil {
					return err
				}
				l := a.language(lang)
				if len(l) > 2 {
					l = l[:2]
				}
				var files []exported
				switch format {
				case "edc", "elm":
					files, err = exportEach(w, ids, format, out, europass.ELMOptions{Lang: l, Disclose: disclose})
				default:
					var data []byte
					if data, err = a.exportOne(cmd.Context(), w, ids, format, l, europass.Person{GivenName: given, FamilyName: family, Email: email}); err == nil {
						err = writeNewFile(out, data, 0o644)
						files = []exported{{File: out, Bytes: len(data)}}
					}
				}
				if err != nil {
					return err
				}
				a.emit(map[string]any{"format": format, "files": files}, func(o io.Writer) {
					fmt.Fprintf(o, "Exported %d credential(s) as %s:\n", len(ids), exportFormats[format])
					for _, f := range files {
						fmt.Fprintf(o, "  %s (%d bytes)\n", f.File, f.Bytes)
					}
				})
				return nil
			})
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&format, "format", "", "edc, elm, europass-cv, europass-cv-legacy or pdf")
	fl.StringVarP(&out, "output", "o", "", "the file, or for several edc/elm files the folder, to write")
	fl.StringVar(&stack, "stack", "", "export every credential of this stack")
	fl.StringVar(&collection, "collection", "", "export every credential of this collection")
	fl.StringVar(&lang, "lang", "", "the language of the export (default from $LANG)")
	fl.StringVar(&given, "given-name", "", "your given name, for the CV (default: your profile's name)")
	fl.StringVar(&family, "family-name", "", "your family name, for the CV")
	fl.StringVar(&email, "email", "", "your e-mail address, for the CV")
	fl.StringSliceVar(&disclose, "disclose", nil, "for elm from an SD-JWT VC: the claims to carry (nothing else is revealed)")
	return cmd
}

// selection resolves the credentials to export: ids, a stack or a
// collection, exactly one of them.
func selection(w *wallet.Wallet, ids []string, stack, collection string) ([]string, error) {
	given := 0
	for _, set := range []bool{len(ids) > 0, stack != "", collection != ""} {
		if set {
			given++
		}
	}
	if given != 1 {
		return nil, usageError("choose the credentials: ids, or --stack NAME, or --collection NAME (one of them)")
	}
	switch {
	case stack != "":
		s, err := w.Stack(stack)
		if err != nil {
			return nil, err
		}
		ids = s.Members
	case collection != "":
		c, err := w.Collection(collection)
		if err != nil {
			return nil, err
		}
		ids = c.Members
	}
	if len(ids) == 0 {
		return nil, usageError("there is nothing to export: the stack or collection is empty")
	}
	return ids, nil
}

// exportEach writes one file per credential: its EDC original or its ELM
// conversion.
func exportEach(w *wallet.Wallet, ids []string, format, out string, opts europass.ELMOptions) ([]exported, error) {
	dir := ""
	if len(ids) > 1 || strings.HasSuffix(out, string(os.PathSeparator)) {
		dir = out
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, err
		}
	}
	if h, err := w.Holder(""); err == nil {
		opts.Holder = h.DID
	}
	var files []exported
	for _, id := range ids {
		c, orig, err := w.Credential(id)
		if err != nil {
			return files, err
		}
		var name string
		var data []byte
		if format == "edc" {
			name, data, err = europass.Original(&c, orig)
		} else {
			opts.Original = orig
			name = europass.ConvertedName(&c)
			data, err = europass.ELM(&c, opts)
		}
		if err != nil {
			return files, fmt.Errorf("credential %s: %w", c.ID[:12], err)
		}
		path := out
		if dir != "" {
			path = uniqueName(filepath.Join(dir, name))
		}
		if err := writeNewFile(path, data, 0o644); err != nil {
			return files, err
		}
		files = append(files, exported{File: path, Bytes: len(data), Of: c.ID})
	}
	return files, nil
}

// uniqueName adds -2, -3 ... before the extension while path exists:
// Europass names originals by date, and two can share one.
func uniqueName(path string) string {
	ext := filepath.Ext(path)
	base := strings.TrimSuffix(path, ext)
	for i := 2; ; i++ {
		if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
			return path
		}
		path = fmt.Sprintf("%s-%d%s", base, i, ext)
	}
}

// exportOne makes a CV or a PDF of the credentials.
func (a *app) exportOne(ctx context.Context, w *wallet.Wallet, ids []string, format, lang string, p europass.Person) ([]byte, error) {
	creds := make([]*credential.Credential, 0, len(ids))
	items := make([]share.Item, 0, len(ids))
	for _, id := range ids {
		c, orig, err := w.Credential(id)
		if err != nil {
			return nil, err
		}
		creds = append(creds, &c)
		items = append(items, share.Item{Credential: c, Original: orig})
	}
	h, _ := w.Holder("")
	if p.GivenName == "" && p.FamilyName == "" {
		name := h.FullName
		if name == "" && len(creds) > 0 {
			name = creds[0].Learner.Name.In(lang)
		}
		p.GivenName, p.FamilyName, _ = strings.Cut(name, " ")
	}
	switch format {
	case "europass-cv":
		return europass.CV(p, creds, europass.CVOptions{Lang: lang})
	case "europass-cv-legacy":
		return europass.CVLegacy(p, creds, europass.CVOptions{Lang: lang})
	}
	qrs, note := a.presentationQR(ctx, w, items)
	if note != "" {
		fmt.Fprintf(a.io.Err, "satchel-cli: note: %s\n", note)
	}
	return europass.PDF(creds, europass.PDFOptions{Lang: lang, Learner: strings.TrimSpace(p.GivenName + " " + p.FamilyName), QR: qrs})
}

// presentationQR signs a presentation of the credentials for the PDF (the
// largest group one presentation carries), draws its QR symbols and logs
// it. The note says what is left out, or why there is no QR code.
func (a *app) presentationQR(ctx context.Context, w *wallet.Wallet, items []share.Item) ([]image.Image, string) {
	s, err := w.Signer("")
	if err != nil {
		return nil, err.Error()
	}
	imgs, rec, n, err := share.PresentForPrint(ctx, s, items, nil, qr.Options{})
	if err != nil {
		return nil, err.Error()
	}
	if _, err := w.LogShared(share.LogEntry(rec, "pdf")); err != nil {
		return nil, err.Error()
	}
	if n < len(items) {
		return imgs, fmt.Sprintf("%d of the %d credentials fit one presentation; the QR code carries those", n, len(items))
	}
	return imgs, ""
}
