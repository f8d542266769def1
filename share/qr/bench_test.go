package qr

import "testing"

// The benchmarks use a typical one-credential presentation: a JSON-LD VP
// (VC 2.0, eddsa-rdfc-2022) of one EU micro-credential, signed by the
// harness (make bench, or go test -run '^$' -bench . ./share/qr/).

func BenchmarkEncode(b *testing.B) {
	vp := typicalVP(b)
	b.SetBytes(int64(len(vp)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Encode(vp, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecode(b *testing.B) {
	vp := typicalVP(b)
	p, err := Encode(vp, Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(vp)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Decode(p.Parts...); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(p.Parts)), "symbols")
}

func BenchmarkSymbolsPNG(b *testing.B) {
	p, err := Encode(typicalVP(b), Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		syms, err := p.Symbols()
		if err != nil {
			b.Fatal(err)
		}
		for _, s := range syms {
			if _, err := s.PNG(p.Options.ModulePixels); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func BenchmarkDecodeImage(b *testing.B) {
	p, err := Encode(typicalVP(b), Options{})
	if err != nil {
		b.Fatal(err)
	}
	s, err := NewSymbol(p.Parts[0], p.Options)
	if err != nil {
		b.Fatal(err)
	}
	img := s.Image(p.Options.ModulePixels)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := DecodeImage(img); err != nil {
			b.Fatal(err)
		}
	}
}
