package core_test

import (
	"fmt"
	"image"
	"os"
	"strings"
	"testing"
)

// fitted draws img at the largest whole scale that fits w×h, centred on
// white, as gray levels.
func fitted(img image.Image, w, h int) []byte {
	b := img.Bounds()
	s := max(1, min(w/b.Dx(), h/b.Dy()))
	ox, oy := (w-b.Dx()*s)/2, (h-b.Dy()*s)/2
	y := make([]byte, w*h)
	for i := range y {
		y[i] = 255
	}
	for py := 0; py < b.Dy()*s; py++ {
		for px := 0; px < b.Dx()*s; px++ {
			r, g, bl, _ := img.At(b.Min.X+px/s, b.Min.Y+py/s).RGBA()
			y[(oy+py)*w+ox+px] = byte((299*r + 587*g + 114*bl) / 1000 >> 8)
		}
	}
	return y
}

// writeY4M writes a video for Chromium's fake camera
// (--use-file-for-fake-video-capture): each picture shown for n frames at
// 10 frames a second, in turn; Chromium plays it in a loop.
func writeY4M(t *testing.T, file string, pics []image.Image, n int) {
	t.Helper()
	const w, h = 640, 480
	var b strings.Builder
	fmt.Fprintf(&b, "YUV4MPEG2 W%d H%d F10:1 Ip A1:1 C420jpeg\n", w, h)
	chroma := strings.Repeat("\x80", w*h/2) // U and V planes, both neutral
	for _, p := range pics {
		luma := string(fitted(p, w, h))
		for range n {
			b.WriteString("FRAME\n")
			b.WriteString(luma)
			b.WriteString(chroma)
		}
	}
	if err := os.WriteFile(file, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}
