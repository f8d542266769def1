package share_test

import (
	"context"
	"strings"
	"testing"

	"github.com/satchel-wallet/satchel/share"
	"github.com/satchel-wallet/satchel/share/qr"
	"github.com/satchel-wallet/satchel/wallet/credential"
)

// TestPresentForPrint checks that the printed presentation's QR codes are
// made with the options given (the learner's QR settings: here a verifier
// page's address and a small largest version) and read back to a
// presentation that verifies.
func TestPresentForPrint(t *testing.T) {
	c := loadCorpus(t)
	hw := newHolderWallet(t, c)
	items := hw.importFiles(t, c.files(t, "vc1-jwt-eddsa", "valid", 2)...)
	const prefix = "https://verify.example/#"
	imgs, rec, n, err := share.PresentForPrint(context.Background(), hw.signer, items, nil, qr.Options{URLPrefix: prefix, MaxVersion: 8})
	if err != nil {
		t.Fatal(err)
	}
	if n != 2 || len(rec.Credentials) != 2 || len(imgs) < 2 {
		t.Fatalf("%d items, %d ids logged, %d symbols; want 2, 2 and several (version 8 at most)", n, len(rec.Credentials), len(imgs))
	}
	var texts []string
	for _, img := range imgs {
		got, err := qr.ReadCodes(img)
		if err != nil || len(got) != 1 || !strings.HasPrefix(got[0], prefix) {
			t.Fatalf("symbol reads %q, %v; want one text after %s", got, err, prefix)
		}
		texts = append(texts, got...)
	}
	vp, err := qr.DecodePresentation(texts...)
	if err != nil {
		t.Fatal(err)
	}
	res, err := share.VerifyPresentation(context.Background(), vp, share.VerifyOptions{})
	if err != nil || res.Verdict != credential.Verified {
		t.Fatalf("the printed presentation: %v, %v", res, err)
	}
}
