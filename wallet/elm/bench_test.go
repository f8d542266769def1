package elm

import (
	"context"
	"testing"

	"github.com/satchel-wallet/satchel/internal/fixture"
)

// BenchmarkReadSealed reads and verifies the sealed micro-credential
// sample (150 KiB, RS256, certificate chain from its validation data).
func BenchmarkReadSealed(b *testing.B) {
	data := fixture.Read(b, "edc/elm-v3/Sample-MC-Annex1-signed.jsonld")
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Read(context.Background(), data, Options{Now: testNow}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReadUnsealed reads the unsealed micro-credential sample.
func BenchmarkReadUnsealed(b *testing.B) {
	data := fixture.Read(b, "edc/elm-v3/Sample-MC-Annex1-unsigned.jsonld")
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Read(context.Background(), data, Options{Now: testNow}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDetect recognises the sealed sample.
func BenchmarkDetect(b *testing.B) {
	data := fixture.Read(b, "edc/elm-v3/Sample-MC-Annex1-signed.jsonld")
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if !Detect(data) {
			b.Fatal("not detected")
		}
	}
}
