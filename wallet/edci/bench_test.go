package edci_test

import (
	"context"
	"testing"

	"github.com/satchel-wallet/satchel/internal/fixture"
	"github.com/satchel-wallet/satchel/wallet/edci"
)

// BenchmarkRead reads sealed EDCI files: parsing, normalising and
// verifying the XAdES seal (two canonicalisations of the document and
// SignedProperties, one RSA-2048 verification).
func BenchmarkRead(b *testing.B) {
	for _, rel := range []string{ildiko, v2 + "EDC_DiplomaSupplement_AA.xml", v2 + "EDC_WileECoyote_Simple.xml"} {
		data := fixture.Read(b, rel)
		b.Run(rel[len(v2):], func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := edci.Read(context.Background(), data, edci.Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
