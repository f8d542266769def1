package ui

import (
	"path/filepath"
	"slices"
	"strings"

	"github.com/satchel-wallet/satchel/share/qr"
)

// imageTexts reads every QR symbol in an image file.
func imageTexts(path string) ([]string, error) {
	img, err := qr.ReadImageFile(path)
	if err != nil {
		return nil, err
	}
	return qr.ReadCodes(img)
}

// isImage reports whether path names a PNG or JPEG by its extension.
func isImage(path string) bool {
	return slices.Contains([]string{".png", ".jpg", ".jpeg"}, strings.ToLower(filepath.Ext(path)))
}
