package share

import (
	"context"
	"errors"
	"fmt"
	"image"
	"time"

	"github.com/satchel-wallet/satchel/share/qr"
	"github.com/satchel-wallet/satchel/wallet"
)

// PrintExpiry is how long a presentation printed on paper stays valid: a
// year, the longest Satchel signs, since paper is kept.
const PrintExpiry = maxExpiry

// ErrNotPrintable means none of the credentials can go in a presentation
// printed on paper: an SD-JWT VC is disclosed to one verifier answering
// their challenge, and sealed EDCs, Europass XML and Open Badges 2.0 go in
// no presentation.
var ErrNotPrintable = errors.New("none of these credentials can go in a printed presentation")

// Printable chooses, for a printed document, the presentation format that
// carries the most items, and returns it with those items.
func Printable(items []Item) (Format, []Item, error) {
	var best []Item
	var format Format
	for _, f := range Formats() {
		if f == FormatSDJWT {
			continue
		}
		var fit []Item
		for _, it := range items {
			if Compatible(it, f) == nil {
				fit = append(fit, it)
			}
		}
		if len(fit) > len(best) {
			best, format = fit, f
		}
	}
	if len(best) == 0 {
		return "", nil, ErrNotPrintable
	}
	return format, best, nil
}

// PresentForPrint signs a presentation of the printable items (see
// Printable), valid for PrintExpiry, and returns its QR symbols drawn as
// images, the Record to log, and how many of the items it carries. now
// gives the signing time; nil means time.Now. q sets the QR codes' level,
// largest version and URL prefix (the zero value: the defaults).
func PresentForPrint(ctx context.Context, s wallet.Signer, items []Item, now func() time.Time, q qr.Options) ([]image.Image, Record, int, error) {
	format, best, err := Printable(items)
	if err != nil {
		return nil, Record{}, 0, err
	}
	vp, rec, err := Present(ctx, s, best, Options{Format: format, Expires: PrintExpiry, Now: now})
	if err != nil {
		return nil, Record{}, 0, err
	}
	p, err := qr.Encode(vp, q)
	if err != nil {
		return nil, Record{}, 0, fmt.Errorf("QR code of the presentation: %w", err)
	}
	symbols, err := p.Symbols()
	if err != nil {
		return nil, Record{}, 0, fmt.Errorf("QR code of the presentation: %w", err)
	}
	imgs := make([]image.Image, len(symbols))
	for i, sym := range symbols {
		imgs[i] = sym.Image(qr.DefaultModulePixels)
	}
	return imgs, rec, len(best), nil
}
