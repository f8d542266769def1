package share_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/satchel-wallet/satchel/share"
	"github.com/satchel-wallet/satchel/wallet/credential"
)

const (
	challenge = "c-4f1a9e2b7d"
	domain    = "https://admissions.example.edu"
)

var stack = &share.Summary{Name: "ICT towards a BSc (EQF 6)", ECTS: 37.5, Hours: 940, Credentials: 3}

// roundTrip is a presentation to make and what should go in it.
type roundTrip struct {
	name    string
	format  share.Format
	files   []string
	summary *share.Summary
	// carried says whether the summary goes in (not in VC 1.1 JSON-LD).
	carried  bool
	disclose []string
}

func roundTrips(t testing.TB, c *corpus) []roundTrip {
	jwtE := c.files(t, "vc1-jwt-eddsa", "valid", 2)
	jwtP := c.files(t, "vc1-jwt-es256", "valid", 1)
	ld1 := c.files(t, "vc1-ldp-ed25519-2020", "valid", 3)
	ld2 := c.files(t, "vc2-ldp-eddsa-rdfc-2022", "valid", 3)
	sd := c.files(t, "sd-jwt-vc", "valid", 2)
	return []roundTrip{
		{name: "vp-jwt/1", format: share.FormatVPJWT, files: jwtE[:1]},
		{name: "vp-jwt/3 with summary", format: share.FormatVPJWT, files: []string{jwtE[0], jwtP[0], ld1[0]}, summary: stack, carried: true},
		{name: "vp-jwt-v2/1", format: share.FormatVPJWTV2, files: ld2[:1]},
		{name: "vp-jwt-v2/3 with summary", format: share.FormatVPJWTV2, files: ld2, summary: stack, carried: true},
		{name: "ldp-vc2/1", format: share.FormatLDP, files: ld2[:1]},
		{name: "ldp-vc2/3 with summary", format: share.FormatLDP, files: ld2, summary: stack, carried: true},
		{name: "ldp-vc1/1", format: share.FormatLDP, files: ld1[:1]},
		{name: "ldp-vc1/3 summary left out", format: share.FormatLDP, files: ld1, summary: stack},
		{name: "sd-jwt/name and outcomes", format: share.FormatSDJWT, files: sd[:1], disclose: []string{"learner_name", "learning_outcomes"}},
		{name: "sd-jwt/name only", format: share.FormatSDJWT, files: sd[1:2], disclose: []string{"/learner_name"}},
		{name: "sd-jwt/nothing", format: share.FormatSDJWT, files: sd[:1]},
	}
}

// TestRoundTrip makes a presentation of corpus credentials in each format,
// as the corpus holder, and verifies it with Satchel's verifier and with
// the third-party verifier: verify-vp.mjs (did-jwt-vc, digitalbazaar's vc,
// @sd-jwt), and for VC 2.0 JOSE, which it lacks, verifyVPJOSE (jose and
// digitalbazaar's vc).
func TestRoundTrip(t *testing.T) {
	c := loadCorpus(t)
	tw := newHolderWallet(t, c)
	ctx := context.Background()
	ch, err := tw.w.Checker()
	if err != nil {
		t.Fatal(err)
	}
	for _, rt := range roundTrips(t, c) {
		t.Run(rt.name, func(t *testing.T) {
			items := tw.importFiles(t, rt.files...)
			vp, rec, err := share.Present(ctx, tw.signer, items, share.Options{
				Format: rt.format, Challenge: challenge, Domain: domain, Summary: rt.summary, Disclose: rt.disclose,
			})
			if err != nil {
				t.Fatal(err)
			}
			checkRecord(t, rec, rt, items, tw.signer.DID())

			res, err := share.VerifyPresentation(ctx, vp, share.VerifyOptions{Challenge: challenge, Domain: domain})
			if err != nil {
				t.Fatal(err)
			}
			if res.Verdict != credential.Verified || res.Format != rt.format || res.Holder != tw.signer.DID() {
				t.Fatalf("Satchel: %s %s holder %s\n%s", res.Verdict, res.Format, res.Holder, dump(res))
			}
			for _, name := range []credential.CheckName{credential.CheckFormat, credential.CheckProof, share.CheckChallenge, share.CheckDomain, credential.CheckValidity, share.CheckCredentials} {
				if ch, ok := res.Find(name); !ok || ch.Status != credential.OK {
					t.Errorf("check %s: %+v", name, ch)
				}
			}
			if len(res.Credentials) != len(items) {
				t.Fatalf("%d credentials verified, %d presented", len(res.Credentials), len(items))
			}
			for i, cr := range res.Credentials {
				if cr.Credential.ID != items[i].Credential.ID && rt.format != share.FormatSDJWT {
					t.Errorf("credential %d id %s, presented %s", i, cr.Credential.ID, items[i].Credential.ID)
				}
				if h := find(cr.Credential.Verification.Checks, credential.CheckHolder); h.Status != credential.OK {
					t.Errorf("credential %d subject check: %+v", i, h)
				}
			}
			if (res.Summary != nil) != rt.carried || (rt.carried && *res.Summary != *rt.summary) {
				t.Errorf("summary read back %+v, carried %v", res.Summary, rt.carried)
			}
			if rt.format == share.FormatSDJWT && len(res.Disclosed) != len(rec.Disclosed) {
				t.Errorf("disclosed %v, record says %v", res.Disclosed, rec.Disclosed)
			}
			// A wallet that receives it imports it as a presentation.
			v := ch.Verify(ctx, vp)
			if rt.format != share.FormatSDJWT && (!v.Presentation || len(v.Embedded) != len(items) || v.Credential.Verification.Verdict != credential.Verified) {
				t.Errorf("wallet import: presentation %v, %d embedded, %s %+v", v.Presentation, len(v.Embedded), v.Credential.Verification.Verdict, v.Credential.Verification.Checks)
			}
			check := verifyVP
			if rt.format == share.FormatVPJWTV2 {
				check = verifyJOSE // verify-vp.mjs reads VC 1.1 VP-JWTs only
			}
			hr := check(t, vp, challenge, domain)
			if !hr.Verified {
				t.Fatalf("third-party verifier: %s", hr.Error)
			}
			if hr.Holder != "" && hr.Holder != tw.signer.DID() {
				t.Fatalf("third-party verifier: holder %s", hr.Holder)
			}
			t.Logf("third-party verifier: %s verified (%d bytes, %d credentials)", rt.format, len(vp), len(hr.Credentials))
		})
	}
}

func checkRecord(t *testing.T, rec share.Record, rt roundTrip, items []share.Item, holder string) {
	t.Helper()
	ids := make([]string, len(items))
	for i, it := range items {
		ids[i] = it.Credential.ID
	}
	switch {
	case rec.Format != rt.format || rec.Holder != holder || rec.Audience != domain || rec.Challenge != challenge:
		t.Errorf("record %+v", rec)
	case !slices.Equal(rec.Credentials, ids):
		t.Errorf("record credentials %v, want %v", rec.Credentials, ids)
	case rec.Expires.Sub(rec.Created) != share.DefaultExpiry || time.Since(rec.Created) > time.Minute:
		t.Errorf("record created %s expires %s", rec.Created, rec.Expires)
	case (rec.Summary != nil) != rt.carried:
		t.Errorf("record summary %+v, carried %v", rec.Summary, rt.carried)
	case rt.format == share.FormatSDJWT && len(rec.Disclosed) == 0 && len(rt.disclose) > 0:
		t.Errorf("record disclosed nothing, asked for %v", rt.disclose)
	case rt.format != share.FormatSDJWT && len(rec.Disclosed) > 0:
		t.Errorf("record disclosed %v for a whole-credential format", rec.Disclosed)
	}
}

// TestDisclose checks that an SD-JWT presentation reveals exactly what was
// chosen: the named claims (all outcomes for "learning_outcomes") and
// nothing else.
func TestDisclose(t *testing.T) {
	c := loadCorpus(t)
	tw := newHolderWallet(t, c)
	items := tw.importFiles(t, c.files(t, "sd-jwt-vc", "valid", 1)...)
	all := items[0].Credential.Disclosures
	if len(all) < 3 {
		t.Fatalf("corpus SD-JWT has %d disclosures", len(all))
	}
	for _, tc := range []struct {
		disclose []string
		want     func(path string) bool
	}{
		{nil, func(string) bool { return false }},
		{[]string{"learner_name"}, func(p string) bool { return p == "/learner_name" }},
		{[]string{"learning_outcomes[1]"}, func(p string) bool { return p == "/learning_outcomes/1" }},
		{[]string{"learning_outcomes"}, func(p string) bool { return len(p) > 19 && p[:19] == "/learning_outcomes/" }},
		{[]string{all[0].Path}, func(p string) bool { return p == all[0].Path }},
	} {
		vp, rec, err := share.Present(context.Background(), tw.signer, items, share.Options{Format: share.FormatSDJWT, Challenge: challenge, Domain: domain, Disclose: tc.disclose})
		if err != nil {
			t.Fatalf("%v: %v", tc.disclose, err)
		}
		var want []string
		for _, d := range all {
			if tc.want(d.Path) {
				want = append(want, d.Path)
			}
		}
		res, _ := share.VerifyPresentation(context.Background(), vp, share.VerifyOptions{Challenge: challenge, Domain: domain})
		// The verifier's paths are in the payload it reconstructs, where an
		// array holds the disclosed elements only: count them.
		if !slices.Equal(rec.Disclosed, want) || len(res.Disclosed) != len(want) || res.Verdict != credential.Verified {
			t.Errorf("%v: record %v, verifier %v (%s), want %v", tc.disclose, rec.Disclosed, res.Disclosed, res.Verdict, want)
		}
		if got := len(res.Credentials[0].Credential.Disclosures); got != len(want) {
			t.Errorf("%v: the verifier sees %d disclosures, want %d", tc.disclose, got, len(want))
		}
	}
}
