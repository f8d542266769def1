package share_test

import (
	"context"
	"errors"
	"testing"

	"github.com/satchel-wallet/satchel/internal/fixture"
	"github.com/satchel-wallet/satchel/share"
	"github.com/satchel-wallet/satchel/wallet"
	"github.com/satchel-wallet/satchel/wallet/credential"
)

const dcc = "vectors/ob3/dcc-vc-test-fixtures/verifiableCredentials/"

// newWallet is an in-memory wallet with a new Ed25519 holder.
func newWallet(t testing.TB) *testWallet {
	t.Helper()
	w := wallet.New(wallet.NewMemStore())
	if _, err := w.Init(wallet.KeyEd25519); err != nil {
		t.Fatal(err)
	}
	s, err := w.Signer("")
	if err != nil {
		t.Fatal(err)
	}
	return &testWallet{w: w, signer: s}
}

// TestFixturePresentations presents real Open Badges 3.0 credentials of
// the Digital Credentials Consortium (VC 1.1 and 2.0, issued by did:key
// issuers to a learner named without a DID, or to someone else's DID) and
// checks what a verifier concludes: the holder's proof verifies, and the
// subject check warns (a name only) or fails (another DID).
func TestFixturePresentations(t *testing.T) {
	tw := newWallet(t)
	ctx := context.Background()
	for _, tc := range []struct {
		file    string
		formats []share.Format
		subject string // the subject check's code
		verdict credential.Verdict
	}{
		{dcc + "v2/dataIntegrityProof/didKey/legacyRegistry-noStatus-noExpiry-minimal.json", []share.Format{share.FormatLDP, share.FormatVPJWTV2}, "vp.subject-name", credential.Verified},
		{dcc + "v1/ed25519/didKey/noRegistry-noStatus-noExpiry.json", []share.Format{share.FormatLDP, share.FormatVPJWT}, "vp.subject-name", credential.Verified},
		{dcc + "v1/dataIntegrityProof/didKey/legacyRegistry-noStatus-noExpiry-OBSpecExample.json", []share.Format{share.FormatVPJWT, share.FormatLDP}, "vp.subject-other", credential.NotVerified},
	} {
		items := tw.importFiles(t, fixture.Path(t, tc.file))
		if v := items[0].Credential.Verification.Verdict; v != credential.Verified {
			t.Fatalf("%s does not verify on import: %s", tc.file, v)
		}
		for _, f := range tc.formats {
			t.Run(string(f)+"/"+tc.file[len(dcc):], func(t *testing.T) {
				vp, _, err := share.Present(ctx, tw.signer, items, share.Options{Format: f, Challenge: challenge, Domain: domain})
				if err != nil {
					t.Fatal(err)
				}
				res, err := share.VerifyPresentation(ctx, vp, share.VerifyOptions{Challenge: challenge, Domain: domain})
				if err != nil {
					t.Fatal(err)
				}
				subj := find(res.Credentials[0].Credential.Verification.Checks, credential.CheckHolder)
				if res.Verdict != tc.verdict || subj.Code != tc.subject {
					t.Fatalf("verdict %s, subject check %s, want %s and %s\n%s", res.Verdict, subj.Code, tc.verdict, tc.subject, dump(res))
				}
				if p, _ := res.Find(credential.CheckProof); p.Status != credential.OK {
					t.Fatalf("holder proof: %+v", p)
				}
				t.Logf("Satchel: %s; %s", res.Verdict, subj.Message)
				check := verifyVP
				if f == share.FormatVPJWTV2 {
					check = verifyJOSE // verify-vp.mjs reads VC 1.1 VP-JWTs only
				}
				hr := check(t, vp, challenge, domain)
				if !hr.Verified {
					t.Fatalf("third-party verifier: %s", hr.Error)
				}
				t.Logf("third-party verifier: verified, subjectIsHolder=%v (reported only)", hr.Credentials[0].SubjectIsHolder)
			})
		}
	}
}

// TestFixtureNotPresentable checks that credentials no presentation format
// carries are refused with the reason, whatever the format: a sealed
// European Digital Credential and an Open Badges 2.0 baked badge.
func TestFixtureNotPresentable(t *testing.T) {
	tw := newWallet(t)
	for _, file := range []string{"edc/elm-v3/Sample-MC-Annex1-signed.jsonld", "vectors/ob2-baked/1edtech-validator/ob20/simple-badge.png"} {
		items := tw.importFiles(t, fixture.Path(t, file))
		for _, f := range share.Formats() {
			_, _, err := share.Present(context.Background(), tw.signer, items, share.Options{Format: f, Challenge: challenge, Domain: domain})
			var ie *share.IncompatibleError
			if !errors.As(err, &ie) || !errors.Is(err, share.ErrIncompatible) || ie.Format != f || ie.Credential != items[0].Credential.ID {
				t.Fatalf("%s as %s: %v", file, f, err)
			}
			if err := share.Compatible(items[0], f); !errors.Is(err, share.ErrIncompatible) {
				t.Fatalf("Compatible(%s, %s) = %v", file, f, err)
			}
		}
		t.Logf("%s: %v", file, share.Compatible(items[0], share.FormatVPJWT))
	}
}
