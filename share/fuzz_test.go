package share_test

import (
	"context"
	"testing"

	"github.com/satchel-wallet/satchel/share"
	"github.com/satchel-wallet/satchel/wallet/credential"
)

// FuzzVerifyPresentation feeds the verifier arbitrary input, seeded with
// presentations of every format made from the corpus: it must never
// panic, and must return a verdict, a rejection holding one format check.
func FuzzVerifyPresentation(f *testing.F) {
	c := loadCorpus(f)
	tw := newHolderWallet(f, c)
	for _, rt := range roundTrips(f, c) {
		items := tw.importFiles(f, rt.files...)
		vp, _, err := share.Present(context.Background(), tw.signer, items, share.Options{Format: rt.format, Challenge: challenge, Domain: domain, Disclose: rt.disclose, Summary: rt.summary})
		if err != nil {
			f.Fatal(err)
		}
		f.Add(vp)
	}
	for _, s := range []string{"", "{}", `{"type":"VerifiablePresentation","proof":{}}`, "a.b.c", "a.b.c~", "~~~", "\xff"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		res, err := share.VerifyPresentation(context.Background(), data, share.VerifyOptions{Challenge: challenge, Domain: domain})
		if err != nil {
			t.Fatal(err)
		}
		switch res.Verdict {
		case credential.Rejected:
			if len(res.Checks) != 1 || res.Checks[0].Status != credential.Failed {
				t.Fatalf("rejected with checks %+v", res.Checks)
			}
		case credential.Verified, credential.NotVerified:
			if len(res.Checks) != 6 {
				t.Fatalf("%s with %d checks", res.Verdict, len(res.Checks))
			}
		default:
			t.Fatalf("verdict %q", res.Verdict)
		}
	})
}
