package cborld

import (
	"testing"
)

// BenchmarkDecode decodes the four vpqr payloads (one-credential
// presentations, minimal and full EU micro-credentials).
func BenchmarkDecode(b *testing.B) {
	for _, f := range testdataFixtures(b) {
		b.Run(f.name, func(b *testing.B) {
			b.SetBytes(int64(len(f.data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Decode(f.data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkEncode encodes the presentations of the four payloads.
func BenchmarkEncode(b *testing.B) {
	for _, f := range testdataFixtures(b) {
		doc := parse(b, f.vp)
		b.Run(f.name, func(b *testing.B) {
			b.SetBytes(int64(len(f.vp)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Encode(doc); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
