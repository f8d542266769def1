package qr

import (
	"bytes"
	"fmt"
	"image"
	_ "image/jpeg" // the formats ReadImage accepts
	_ "image/png"
	"io"
	"os"

	"github.com/makiuchi-d/gozxing"
	multiqr "github.com/makiuchi-d/gozxing/multi/qrcode"
	gzqr "github.com/makiuchi-d/gozxing/qrcode"
)

// Limits on images to read. Images come from learners and employers, so
// both are checked on the header before a pixel is decoded.
const (
	// MaxImageSide caps width and height: 8000 pixels is a 26-inch print
	// at 300 dpi, far beyond a photo of a screen or a sheet, and keeps a
	// decoded RGBA image under 256 MiB.
	MaxImageSide = 8000
	// MaxImageFile caps the file itself.
	MaxImageFile = 32 << 20
)

// ReadImage decodes a PNG or JPEG image from r after checking its header:
// the format, and a width and height of at most MaxImageSide. It fails with
// ErrImage (or ErrTooLarge for a file or image above the limits) before
// decoding anything large.
func ReadImage(r io.Reader) (image.Image, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxImageFile+1))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrImage, err)
	}
	if len(data) > MaxImageFile {
		return nil, fmt.Errorf("%w: image file larger than %d bytes", ErrTooLarge, MaxImageFile)
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%w: not a PNG or JPEG image (%v)", ErrImage, err)
	}
	if format != "png" && format != "jpeg" {
		return nil, fmt.Errorf("%w: a %s image (PNG or JPEG only)", ErrImage, format)
	}
	if cfg.Width < 1 || cfg.Height < 1 || cfg.Width > MaxImageSide || cfg.Height > MaxImageSide {
		return nil, fmt.Errorf("%w: image of %dx%d pixels (at most %dx%d)", ErrTooLarge, cfg.Width, cfg.Height, MaxImageSide, MaxImageSide)
	}
	img, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrImage, err)
	}
	return img, nil
}

// ReadImageFile is ReadImage on a file.
func ReadImageFile(path string) (image.Image, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadImage(f)
}

func hints(pure bool) map[gozxing.DecodeHintType]any {
	h := map[gozxing.DecodeHintType]any{
		gozxing.DecodeHintType_TRY_HARDER: true,
		// A URL prefix is in byte mode; read it as UTF-8, not as a
		// guessed legacy character set.
		gozxing.DecodeHintType_CHARACTER_SET: "UTF-8",
	}
	if pure {
		h[gozxing.DecodeHintType_PURE_BARCODE] = true
	}
	return h
}

// DecodeImage returns the text of the QR symbol in img. It uses gozxing, a
// pure-Go port of ZXing, so it runs wherever Satchel does.
//
// ZXing's finder-pattern detector, made for photos, now and then misjudges
// the module count of a large synthetic symbol (a saved PNG, a screenshot),
// so an image it cannot read is tried again as a "pure" symbol: one upright
// code on a plain background, located by its bounds.
func DecodeImage(img image.Image) (string, error) {
	bmp, err := gozxing.NewBinaryBitmapFromImage(img)
	if err != nil {
		return "", fmt.Errorf("%w: %v", ErrImage, err)
	}
	res, err := gzqr.NewQRCodeReader().Decode(bmp, hints(false))
	if err != nil {
		var err2 error
		if res, err2 = gzqr.NewQRCodeReader().Decode(bmp, hints(true)); err2 != nil {
			return "", fmt.Errorf("%w: %v", ErrImage, err)
		}
	}
	return res.GetText(), nil
}

// DecodeImageAll returns the texts of every QR symbol in img (a printed
// sheet of parts, a photo of several), in no set order: an Assembler takes
// parts in any order.
func DecodeImageAll(img image.Image) ([]string, error) {
	bmp, err := gozxing.NewBinaryBitmapFromImage(img)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrImage, err)
	}
	res, err := multiqr.NewQRCodeMultiReader().DecodeMultiple(bmp, hints(false))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrImage, err)
	}
	out := make([]string, len(res))
	for i, r := range res {
		out[i] = r.GetText()
	}
	return out, nil
}
