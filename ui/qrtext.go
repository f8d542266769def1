package ui

import (
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/satchel-wallet/satchel/share/qr"
)

// isPayload reports whether text is the text of a QR payload Satchel
// reads: its own ("SAT1…", possibly after a verifier's URL) or the DCC's
// VP1.
func isPayload(text string) bool {
	if strings.HasPrefix(text, qr.VPQRPrefix) {
		return true
	}
	_, err := qr.ParsePart(text)
	return err == nil
}

// payloadLines splits pasted text into payload texts, one per line, if
// every non-empty line is one; otherwise it returns nil and the text is
// something else (a JWT, JSON).
func payloadLines(text string) []string {
	var out []string
	for _, line := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		// A Base45 payload may end in a space, so only line breaks and
		// the spaces a paste adds in front are trimmed.
		line = strings.TrimLeft(line, " \t")
		if strings.TrimSpace(line) == "" {
			continue
		}
		if !isPayload(line) {
			return nil
		}
		out = append(out, line)
	}
	return out
}

// decodePayloads turns payload texts (scanned from images or pasted) into
// the presentations they carry. Satchel's multi-part sets are grouped by
// their set id, so the parts of several presentations can come in any
// order; a set with parts missing is an error that says which.
func decodePayloads(texts []string) ([][]byte, error) {
	sets := map[string][]string{}
	var order []string
	var out [][]byte
	var errs []error
	for _, t := range texts {
		if strings.HasPrefix(t, qr.VPQRPrefix) {
			data, _, err := qr.DecodeVPQR(t)
			if err != nil {
				errs = append(errs, err)
				continue
			}
			out = append(out, data)
			continue
		}
		p, err := qr.ParsePart(t)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		key := p.SetID
		if key == "" {
			key = fmt.Sprintf("single %d", len(order)) // each single symbol is its own
		}
		if _, seen := sets[key]; !seen {
			order = append(order, key)
		}
		sets[key] = append(sets[key], t)
	}
	for _, k := range order {
		data, err := qr.Decode(sets[k]...)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		out = append(out, data)
	}
	return out, errors.Join(errs...)
}

// imageTexts reads every QR symbol in an image file.
func imageTexts(path string) ([]string, error) {
	img, err := qr.ReadImageFile(path)
	if err != nil {
		return nil, err
	}
	return qr.DecodeImageAll(img)
}

// isImage reports whether path names a PNG or JPEG by its extension.
func isImage(path string) bool {
	return slices.Contains([]string{".png", ".jpg", ".jpeg"}, strings.ToLower(filepath.Ext(path)))
}
