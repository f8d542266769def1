package core

import (
	"bytes"
	"errors"
	"fmt"
	"image"

	"github.com/satchel-wallet/satchel/share/qr"
)

// maxPixels caps a frame handed over as raw pixels: the page scales camera
// frames and pictures down to at most 2400 pixels a side before it hands
// them over, so anything larger is a caller's mistake, refused before
// its memory is touched.
const maxPixels = 2400 * 2400

// Errors of reading images; both also match [qr.ErrImage] or
// [qr.ErrTooLarge] where those are the cause.
var (
	// ErrNoCode means an image was read but no QR code was found in it.
	ErrNoCode = errors.New("no QR code found")
	// ErrImageTooLarge means an image is above the limits of
	// [qr.ReadImage] or [maxPixels].
	ErrImageTooLarge = errors.New("image too large")
)

// ReadImage returns the texts of the QR codes in a PNG or JPEG file (one
// symbol, a printed sheet of parts, a photo), read with Satchel's own QR
// reader ([qr.ReadCodes]), so the page reads
// what the app reads.
func ReadImage(data []byte) ([]string, error) {
	img, err := qr.ReadImage(bytes.NewReader(data))
	if errors.Is(err, qr.ErrTooLarge) {
		return nil, fmt.Errorf("read image: %w: %w", ErrImageTooLarge, err)
	}
	if err != nil {
		return nil, fmt.Errorf("read image: %w", err)
	}
	return decode(img)
}

// ReadPixels returns the texts of the QR codes in a frame of w×h pixels,
// 4 bytes each (red, green, blue, alpha: a canvas's ImageData), as a
// camera frame or a picture the browser decoded arrives.
func ReadPixels(rgba []byte, w, h int) ([]string, error) {
	if w < 1 || h < 1 || w > maxPixels || h > maxPixels || w*h > maxPixels {
		return nil, fmt.Errorf("read frame: %w: %dx%d pixels (at most %d)", ErrImageTooLarge, w, h, maxPixels)
	}
	if len(rgba) != 4*w*h {
		return nil, fmt.Errorf("read frame: %w: %d bytes for %dx%d pixels", qr.ErrImage, len(rgba), w, h)
	}
	img := &image.NRGBA{Pix: rgba, Stride: 4 * w, Rect: image.Rect(0, 0, w, h)}
	return decode(img)
}

// decode finds every symbol in img; a single symbol the multi-symbol
// detector misses is tried again on its own, as the command line does.
func decode(img image.Image) ([]string, error) {
	texts, err := qr.ReadCodes(img)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrNoCode, err)
	}
	return texts, nil
}

// Scan is what the page receives after reading an image: the texts of the
// codes found, or why none were.
type Scan struct {
	Texts []string `json:"texts"`
	// Error says why nothing was read, and ErrorCode is its stable key.
	Error     string `json:"error,omitempty"`
	ErrorCode string `json:"errorCode,omitempty"`
}

// NewScan makes the Scan of what ReadImage or ReadPixels returned.
func NewScan(texts []string, err error) Scan {
	if err != nil {
		return Scan{Texts: []string{}, Error: err.Error(), ErrorCode: errorCode(err)}
	}
	return Scan{Texts: texts}
}
