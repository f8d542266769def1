package ob2_test

import (
	"context"
	"testing"

	"github.com/satchel-wallet/satchel/internal/fixture"
	"github.com/satchel-wallet/satchel/wallet/ob2"
)

// BenchmarkRead reads baked badges and a signed assertion: the PNG chunk
// walk with its CRCs, the SVG tokenising, and the RS256 check of
// simple.jwt with its key.
func BenchmarkRead(b *testing.B) {
	cases := []struct {
		name, rel string
		keys      ob2.KeyFetcher
	}{
		{"baked OB2 PNG", ob20 + "simple-badge.png", nil},
		{"baked OB3 PNG 85KB", ob30 + "simple-jwt.png", nil},
		{"baked OB3 SVG", ob30 + "simple-json.svg", nil},
		{"signed JWS", ob20 + "simple.jwt", assetKeys{b}},
	}
	for _, tc := range cases {
		data := fixture.Read(b, tc.rel)
		b.Run(tc.name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := ob2.Read(context.Background(), data, ob2.Options{Keys: tc.keys}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
