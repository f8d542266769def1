package cli

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/satchel-wallet/satchel/share"
	"github.com/satchel-wallet/satchel/share/qr"
	"github.com/satchel-wallet/satchel/storage"
	"github.com/satchel-wallet/satchel/wallet"
)

// maxPresentationFile bounds a presentation read from a file: the size the
// wallet accepts for any credential file.
const maxPresentationFile = wallet.DefaultMaxBytes

func parseLevel(s string) (qr.Level, error) {
	switch strings.ToUpper(s) {
	case "L":
		return qr.LevelL, nil
	case "", "M":
		return qr.LevelM, nil
	case "Q":
		return qr.LevelQ, nil
	case "H":
		return qr.LevelH, nil
	}
	return 0, usageError("--ec %q: use L, M, Q or H", s)
}

// qrFiles names the image files of n symbols: FILE.png for one,
// FILE-1.png ... FILE-n.png for a set.
func qrFiles(out string, n int, ext string) []string {
	base := strings.TrimSuffix(out, filepath.Ext(out))
	if n == 1 {
		return []string{base + ext}
	}
	names := make([]string, n)
	for i := range names {
		names[i] = fmt.Sprintf("%s-%d%s", base, i+1, ext)
	}
	return names
}

func (a *app) qrCommand() *cobra.Command {
	var pf presentFlags
	var out, presentation, urlPrefix, ec string
	var maxVersion int
	var svg, vpqr bool
	cmd := &cobra.Command{
		Use:   "qr ID...|--stack NAME|--presentation FILE -o FILE.png",
		Short: "Make QR codes of a signed presentation that an employer's phone can scan",
		Long: `Make QR codes that carry a signed presentation of your credentials (made
here, as ` + "`present`" + ` makes it, or an existing one with --presentation). The
presentation is compressed into Satchel's QR payload format; when it does not
fit one symbol of --max-version at level --ec it is split into numbered parts
that a verifier reads in any order. One symbol goes to FILE.png, a set to
FILE-1.png ... FILE-n.png plus FILE-sheet-1.png, a printable A4 sheet.
--url-prefix puts a verifier page in front, so that a phone's camera opens it
with the payload in the URL fragment (which never reaches the server).
--vpqr writes the VP1- format of the DCC's wallet instead (one symbol, a
JSON-LD presentation only, and only when it fits), for verifiers that read
nothing else.`,
		Example: `  satchel-cli qr 3f2a9c --challenge 4c1e --domain hr.example -o cv.png
  satchel-cli qr --stack "ICT top-up" --url-prefix https://verify.example.edu/# -o stack.png`,
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if out == "" {
				return usageError("say where to write the images with -o FILE.png")
			}
			level, err := parseLevel(ec)
			if err != nil {
				return err
			}
			opt := qr.Options{Level: level, MaxVersion: maxVersion, URLPrefix: urlPrefix}
			var data []byte
			var rec *share.Record
			if presentation != "" {
				if len(args) > 0 || pf.stack != "" {
					return usageError("give --presentation, or credentials to present, not both")
				}
				if data, err = readBounded(presentation, maxPresentationFile); err != nil {
					return err
				}
			} else {
				err := a.withWallet(func(_ *storage.Vault, w *wallet.Wallet) error {
					d, r, err := pf.present(cmd.Context(), w, args)
					if err != nil {
						return err
					}
					data, rec = d, &r
					return pf.logShared(w, r, "qr")
				})
				if err != nil {
					return err
				}
			}
			if vpqr {
				return a.writeVPQR(data, opt, out, svg, rec)
			}
			return a.writeQR(data, opt, out, svg, rec)
		},
	}
	pf.add(cmd)
	fl := cmd.Flags()
	fl.StringVarP(&out, "output", "o", "", "write the symbol(s) to `FILE.png` (FILE-1.png ... for a set)")
	fl.StringVar(&presentation, "presentation", "", "encode this presentation `FILE` instead of making one")
	fl.StringVar(&urlPrefix, "url-prefix", "", "a verifier page to put in front, e.g. https://verify.example/#")
	fl.StringVar(&ec, "ec", "M", "error correction level: L, M, Q or H")
	fl.IntVar(&maxVersion, "max-version", qr.DefaultMaxVersion, "the largest QR version (size) of a symbol, 1 to 40")
	fl.BoolVar(&svg, "svg", false, "also write SVG files beside the PNG files")
	fl.BoolVar(&vpqr, "vpqr", false, "write the DCC's VP1- (vpqr, CBOR-LD) format: one symbol, JSON-LD presentations that fit")
	return cmd
}

// writeQR encodes data and writes the symbols, and a sheet for a set.
func (a *app) writeQR(data []byte, opt qr.Options, out string, svg bool, rec *share.Record) error {
	p, err := qr.Encode(data, opt)
	if err != nil {
		return err
	}
	symbols, err := p.Symbols()
	if err != nil {
		return err
	}
	px := p.Options.ModulePixels
	pngs := qrFiles(out, len(symbols), ".png")
	version := 0
	for i, s := range symbols {
		img, err := s.PNG(px)
		if err != nil {
			return err
		}
		if err := writeNewFile(pngs[i], img, 0o644); err != nil {
			return err
		}
		if svg {
			if err := writeNewFile(strings.TrimSuffix(pngs[i], ".png")+".svg", s.SVG(px), 0o644); err != nil {
				return err
			}
		}
		version = max(version, s.Version)
	}
	files := pngs
	if len(symbols) > 1 {
		sheets, err := qr.SheetPNG(symbols)
		if err != nil {
			return err
		}
		base := strings.TrimSuffix(out, filepath.Ext(out))
		for i, sh := range sheets {
			name := fmt.Sprintf("%s-sheet-%d.png", base, i+1)
			if err := writeNewFile(name, sh, 0o644); err != nil {
				return err
			}
			files = append(files, name)
		}
	}
	doc := map[string]any{
		"parts": p.Parts, "version": version, "ec": p.Options.Level.String(), "files": files,
		"bytes": p.Stats.Raw, "compressed": p.Stats.Compressed,
	}
	if rec != nil {
		doc["presentation"] = rec
	}
	a.emit(doc, func(o io.Writer) {
		fmt.Fprintf(o, "A %d-byte presentation, compressed to %d bytes, in %d QR symbol(s) of version %d or less at level %s:\n",
			p.Stats.Raw, p.Stats.Compressed, len(symbols), version, p.Options.Level)
		for _, f := range files {
			fmt.Fprintf(o, "  %s\n", f)
		}
	})
	return nil
}

// writeVPQR writes a presentation as one VP1- (vpqr) symbol.
func (a *app) writeVPQR(data []byte, opt qr.Options, out string, svg bool, rec *share.Record) error {
	text, err := qr.EncodeVPQR(data, opt)
	if err != nil {
		return fmt.Errorf("%w (a VP1 code is one symbol: try --ec L --max-version 40, fewer credentials, or leave out --vpqr)", err)
	}
	s, err := qr.NewSymbol(text, opt)
	if err != nil {
		return err
	}
	px := qr.DefaultModulePixels
	if opt.ModulePixels > 0 {
		px = opt.ModulePixels
	}
	img, err := s.PNG(px)
	if err != nil {
		return err
	}
	file := qrFiles(out, 1, ".png")[0]
	if err := writeNewFile(file, img, 0o644); err != nil {
		return err
	}
	files := []string{file}
	if svg {
		name := strings.TrimSuffix(file, ".png") + ".svg"
		if err := writeNewFile(name, s.SVG(px), 0o644); err != nil {
			return err
		}
		files = append(files, name)
	}
	doc := map[string]any{"parts": []string{text}, "version": s.Version, "ec": s.Level.String(), "files": files, "format": "vpqr"}
	if rec != nil {
		doc["presentation"] = rec
	}
	a.emit(doc, func(o io.Writer) {
		fmt.Fprintf(o, "A VP1 (vpqr) QR code of version %d at level %s: %s\n", s.Version, s.Level, file)
	})
	return nil
}
