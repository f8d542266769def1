package qr

import (
	"bytes"
	"image"
	"image/jpeg"
	"testing"
)

// FuzzReadImage feeds arbitrary bytes to the image reader and the QR
// decoders behind it, as a verifier does with an image someone sent: they
// must refuse or read, never panic, and never decode past the limits.
func FuzzReadImage(f *testing.F) {
	s, err := NewSymbol("SAT1.R1:SEED", Options{})
	if err != nil {
		f.Fatal(err)
	}
	png, err := s.PNG(2)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(png)
	var jpg bytes.Buffer
	gray := image.NewGray(image.Rect(0, 0, 40, 40))
	for i := range gray.Pix {
		gray.Pix[i] = uint8(i * 7)
	}
	if err := jpeg.Encode(&jpg, gray, nil); err != nil {
		f.Fatal(err)
	}
	f.Add(jpg.Bytes())
	f.Add([]byte("\x89PNG\r\n\x1a\n"))
	f.Add([]byte("GIF89a"))
	f.Fuzz(func(t *testing.T, data []byte) {
		img, err := ReadImage(bytes.NewReader(data))
		if err != nil {
			return
		}
		b := img.Bounds()
		if b.Dx() > MaxImageSide || b.Dy() > MaxImageSide {
			t.Fatalf("read an image of %v past the limit", b)
		}
		// Decoding large images is slow, not unsafe; keep the fuzzer
		// quick by looking for codes in small ones only.
		if b.Dx()*b.Dy() > 512*512 {
			return
		}
		_, _ = DecodeImage(img)
		_, _ = DecodeImageAll(img)
	})
}
