package europass

import (
	"fmt"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goitalic"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
)

// The exports draw text with the Go fonts (golang.org/x/image/font/gofont):
// TrueType fonts under a BSD licence, with Latin (Polish diacritics
// included), Greek and Cyrillic, the scripts of the EU's languages. The
// PDF embeds the subsets it uses.
var (
	regularTTF = goregular.TTF
	boldTTF    = gobold.TTF
	italicTTF  = goitalic.TTF
)

// parsedFonts holds the regular and bold fonts, parsed once.
var parsedFonts = sync.OnceValues(func() ([2]*opentype.Font, error) {
	var out [2]*opentype.Font
	for i, b := range [][]byte{regularTTF, boldTTF} {
		f, err := opentype.Parse(b)
		if err != nil {
			return out, fmt.Errorf("parse Go font: %w", err)
		}
		out[i] = f
	}
	return out, nil
})

// face returns a face of the regular or bold Go font at size pixels. A
// face is not safe for concurrent use, so each drawing makes its own.
func face(bold bool, size float64) (font.Face, error) {
	fonts, err := parsedFonts()
	if err != nil {
		return nil, err
	}
	f := fonts[0]
	if bold {
		f = fonts[1]
	}
	return opentype.NewFace(f, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingFull})
}
