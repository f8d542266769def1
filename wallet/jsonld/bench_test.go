package jsonld

import (
	"context"
	"testing"

	"github.com/satchel-wallet/satchel/internal/fixture"
	"github.com/satchel-wallet/satchel/wallet/rdfc"
)

// benchCredential is an Open Badges 3.0 credential (VC 2.0) of about 5 KB
// with an embedded endorsement.
const benchCredential = "vectors/ob3/dcc-vc-test-fixtures/verifiableCredentials/v2/dataIntegrityProof/didKey/oidf-noStatus-notExpired-complexIssuer.json"

// BenchmarkCanonicalize measures parse, expansion, RDF conversion and
// RDFC-1.0 of a 5 KB credential, with the contexts already processed.
func BenchmarkCanonicalize(b *testing.B) {
	raw := fixture.Read(b, benchCredential)
	p := testProcessor(b)
	ctx := context.Background()
	b.ReportAllocs()
	b.SetBytes(int64(len(raw)))
	for b.Loop() {
		doc, err := ParseObject(raw, 1<<22)
		if err != nil {
			b.Fatal(err)
		}
		delete(doc, "proof")
		if _, err := p.Canonicalize(ctx, doc, rdfc.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
