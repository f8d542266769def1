package core_test

import (
	"encoding/base64"
	"errors"
	"image"
	"image/draw"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/satchel-wallet/satchel/share/qr"
	"github.com/satchel-wallet/satchel/verifier/core"
)

// TestReadImage reads the QR symbols of a 2-part payload back from PNG
// files, as the page's file input hands them over, and from raw pixels,
// as its camera does.
func TestReadImage(t *testing.T) {
	// Random bytes do not compress: enough of them need several symbols.
	noise := make([]byte, 600)
	r := rand.New(rand.NewPCG(1, 2))
	for i := range noise {
		noise[i] = byte(r.Uint32())
	}
	vp := []byte(`{"type":["VerifiablePresentation"],"holder":"did:example:` + base64.RawURLEncoding.EncodeToString(noise) + `"}`)
	p, err := qr.Encode(vp, qr.Options{MaxVersion: 10, URLPrefix: "http://127.0.0.1:8787/#"})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Parts) < 2 {
		t.Fatalf("%d parts, want a set", len(p.Parts))
	}
	symbols, err := p.Symbols()
	if err != nil {
		t.Fatal(err)
	}
	for i, s := range symbols {
		png, err := s.PNG(4)
		if err != nil {
			t.Fatal(err)
		}
		texts, err := core.ReadImage(png)
		if err != nil || !slices.Equal(texts, []string{p.Parts[i]}) {
			t.Fatalf("part %d from PNG: %q, %v", i+1, texts, err)
		}
		img := s.Image(4)
		rgba := image.NewNRGBA(img.Bounds())
		draw.Draw(rgba, rgba.Bounds(), img, image.Point{}, draw.Src)
		texts, err = core.ReadPixels(rgba.Pix, rgba.Rect.Dx(), rgba.Rect.Dy())
		if err != nil || !slices.Equal(texts, []string{p.Parts[i]}) {
			t.Fatalf("part %d from pixels: %q, %v", i+1, texts, err)
		}
	}

	blank := image.NewNRGBA(image.Rect(0, 0, 64, 48))
	for _, tc := range []struct {
		name string
		err  error
		code string
		read func() ([]string, error)
	}{
		{"not an image", qr.ErrImage, "image.unreadable", func() ([]string, error) { return core.ReadImage([]byte("GIF89a")) }},
		{"no code", core.ErrNoCode, "image.no-code", func() ([]string, error) { return core.ReadPixels(blank.Pix, 64, 48) }},
		{"short pixels", qr.ErrImage, "image.unreadable", func() ([]string, error) { return core.ReadPixels(blank.Pix[4:], 64, 48) }},
		{"too many pixels", core.ErrImageTooLarge, "image.too-large", func() ([]string, error) { return core.ReadPixels(nil, 5000, 5000) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			texts, err := tc.read()
			if !errors.Is(err, tc.err) {
				t.Fatalf("%q, %v, want %v", texts, err, tc.err)
			}
			if s := core.NewScan(texts, err); s.ErrorCode != tc.code || s.Texts == nil {
				t.Errorf("scan %+v, want error code %s", s, tc.code)
			}
		})
	}
}
