package share_test

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/satchel-wallet/satchel/internal/fixture"
	"github.com/satchel-wallet/satchel/share"
	"github.com/satchel-wallet/satchel/wallet/credential"
	"github.com/satchel-wallet/satchel/wallet/jose"
)

// TestVerifyOptions checks what the verifier's options do with a good
// presentation of a real credential: no challenge or domain asked is a
// warning (still verified), and the time checks fail at the right times.
func TestVerifyOptions(t *testing.T) {
	tw := newWallet(t)
	items := tw.importFiles(t, fixture.Path(t, dcc+"v1/ed25519/didKey/noRegistry-noStatus-noExpiry.json"))
	ctx := context.Background()
	made := time.Now().Add(-2 * time.Hour).UTC().Truncate(time.Second)
	for _, f := range []share.Format{share.FormatVPJWT, share.FormatLDP} {
		vp, rec, err := share.Present(ctx, tw.signer, items, share.Options{Format: f, Challenge: challenge, Domain: domain, Expires: 4 * time.Hour, Now: func() time.Time { return made }})
		if err != nil {
			t.Fatal(err)
		}
		for _, tc := range []struct {
			name    string
			opts    share.VerifyOptions
			verdict credential.Verdict
			check   credential.CheckName
			status  credential.Status
			code    string
		}{
			{"as asked", share.VerifyOptions{Challenge: challenge, Domain: domain}, credential.Verified, credential.CheckValidity, credential.OK, "vp.valid-until"},
			{"no challenge asked", share.VerifyOptions{Domain: domain}, credential.Verified, share.CheckChallenge, credential.Warning, "vp.challenge-unasked"},
			{"no domain asked", share.VerifyOptions{Challenge: challenge}, credential.Verified, share.CheckDomain, credential.Warning, "vp.domain-unasked"},
			{"older than accepted", share.VerifyOptions{Challenge: challenge, Domain: domain, MaxAge: time.Hour}, credential.NotVerified, credential.CheckValidity, credential.Failed, "vp.too-old"},
			{"before it was made", share.VerifyOptions{Challenge: challenge, Domain: domain, Now: made.Add(-time.Hour)}, credential.NotVerified, credential.CheckValidity, credential.Failed, "vp.not-yet"},
			{"within the clock skew", share.VerifyOptions{Challenge: challenge, Domain: domain, Now: made.Add(-time.Minute)}, credential.Verified, credential.CheckValidity, credential.OK, "vp.valid-until"},
			{"after it expired", share.VerifyOptions{Challenge: challenge, Domain: domain, Now: made.Add(5 * time.Hour)}, credential.NotVerified, credential.CheckValidity, credential.Failed, "vp.expired"},
		} {
			res, err := share.VerifyPresentation(ctx, vp, tc.opts)
			if err != nil {
				t.Fatal(err)
			}
			got, _ := res.Find(tc.check)
			if res.Verdict != tc.verdict || got.Status != tc.status || got.Code != tc.code {
				t.Errorf("%s/%s: %s, %s %s %s; want %s, %s %s", f, tc.name, res.Verdict, tc.check, got.Status, got.Code, tc.verdict, tc.status, tc.code)
			}
		}
		res, _ := share.VerifyPresentation(ctx, vp, share.VerifyOptions{Challenge: challenge, Domain: domain})
		if !res.Created.Equal(rec.Created) || !res.Expires.Equal(rec.Expires) || res.Challenge != challenge || res.Audience[0] != domain || res.ID != rec.ID {
			t.Errorf("%s: result %v..%v %q %v %s, record %+v", f, res.Created, res.Expires, res.Challenge, res.Audience, res.ID, rec)
		}
	}
}

// TestTooManyCredentials checks that a presentation carrying more
// credentials than Satchel verifies in one go is refused before any work.
func TestTooManyCredentials(t *testing.T) {
	tw := newWallet(t)
	items := tw.importFiles(t, fixture.Path(t, dcc+"v1/ed25519/didKey/noRegistry-noStatus-noExpiry.json"))
	creds := make([]jose.VPCredential, 201)
	for i := range creds {
		creds[i] = jose.VPCredential{JSON: json.RawMessage(items[0].Original)}
	}
	vp, err := jose.SignPresentation(tw.signer, creds, jose.PresentationOptions{})
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	res, err := share.VerifyPresentation(context.Background(), []byte(vp), share.VerifyOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// Refusing takes microseconds; the bound only catches a verifier that
	// checked the 201 credentials before counting them.
	if res.Verdict != credential.Rejected || res.Checks[0].Code != "vp.too-many" || time.Since(start) > 20*time.Second {
		t.Fatalf("%s %+v in %s", res.Verdict, res.Checks, time.Since(start))
	}
	t.Log(res.Checks[0].Message)
}
