package ldp

import (
	"context"
	"testing"

	"github.com/satchel-wallet/satchel/internal/fixture"
	"github.com/satchel-wallet/satchel/wallet/jsonld"
)

// Benchmarks of one verification, from bytes to result, as the import
// pipeline does it. Run with
//
//	go test -run '^$' -bench . -benchtime 5s ./wallet/ldp/
var benchmarks = []struct{ name, rel string }{
	// An Open Badges 3.0 credential (VC 2.0, eddsa-rdfc-2022, 4.9 KB) with
	// an embedded endorsement credential.
	{"eddsa-rdfc-2022/OB3-5KB", "vectors/ob3/dcc-vc-test-fixtures/verifiableCredentials/v2/dataIntegrityProof/didKey/oidf-noStatus-notExpired-complexIssuer.json"},
	// The official OB 3.0 test vector (1.5 KB).
	{"eddsa-rdfc-2022/OB3-spec-vector", "vectors/ob3/1edtech-validator/ob30/simple-did-key-method.json"},
	// An Open Badges 3.0 credential (VC 1.1, Ed25519Signature2020, 2.6 KB).
	{"Ed25519Signature2020/OB3", "vectors/ob3/dcc-vc-test-fixtures/verifiableCredentials/v1/ed25519/didKey/mixedRegistry-validStatus-noExpiry.json"},
	// An Open Badges 3.0 credential (VC 2.0, Ed25519Signature2020, 2.1 KB).
	{"Ed25519Signature2020/OB3-VC2", "vectors/ob3/dcc-vc-test-fixtures/verifiableCredentials/v2/ed25519/didKey/oidf-revokedStatus-noExpiry.json"},
}

func BenchmarkVerify(b *testing.B) {
	for _, bm := range benchmarks {
		b.Run(bm.name, func(b *testing.B) {
			raw := fixture.Read(b, bm.rel)
			var v Verifier
			ctx := context.Background()
			verify := func() {
				doc, err := jsonld.ParseObject(raw, 4<<20)
				if err != nil {
					b.Fatal(err)
				}
				if _, err := v.Verify(ctx, doc, Options{}); err != nil {
					b.Fatal(err)
				}
			}
			verify() // the first call processes the contexts
			b.ReportAllocs()
			b.SetBytes(int64(len(raw)))
			for b.Loop() {
				verify()
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "verifications/s")
		})
	}
}
