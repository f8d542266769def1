package core_test

import (
	"context"
	"encoding/json"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/satchel-wallet/satchel/share"
	"github.com/satchel-wallet/satchel/share/qr"
	"github.com/satchel-wallet/satchel/verifier/core"
)

// encode returns the QR texts of vp with opt.
func encode(t testing.TB, vp []byte, opt qr.Options) []string {
	t.Helper()
	p, err := qr.Encode(vp, opt)
	if err != nil {
		t.Fatal(err)
	}
	return p.Parts
}

// encodeParts returns vp as a set of exactly n parts: the largest symbol
// version that needs n.
func encodeParts(t testing.TB, vp []byte, n int, prefix string) []string {
	t.Helper()
	for v := qr.DefaultMaxVersion; v >= 5; v-- {
		parts := encode(t, vp, qr.Options{MaxVersion: v, URLPrefix: prefix})
		if len(parts) == n {
			return parts
		}
		if len(parts) > n {
			break
		}
	}
	t.Fatalf("no symbol version splits the presentation (%d bytes) into %d parts", len(vp), n)
	return nil
}

func shuffled(in []string) []string {
	out := append([]string(nil), in...)
	r := rand.New(rand.NewPCG(8, 3))
	for string(out[0]) == in[0] { // make sure the order changes
		r.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	}
	return out
}

func verify(texts []string) core.Report {
	return core.Verify(context.Background(), texts, core.Options{Challenge: challenge, Domain: domain, Languages: []string{"en"}})
}

// wantCheck fails t unless the check name of checks has status and code.
func wantCheck(t *testing.T, r core.Report, cred int, name, status, code string) {
	t.Helper()
	var c core.Check
	var ok bool
	if cred < 0 {
		c, ok = r.Find(name)
	} else {
		if cred >= len(r.Credentials) {
			t.Fatalf("%d credentials, want credential %d\n%s", len(r.Credentials), cred, dump(r))
		}
		c, ok = r.Credentials[cred].Find(name)
	}
	if !ok || c.Status != status || c.Code != code {
		t.Fatalf("check %s: %+v, want %s %s\n%s", name, c, status, code, dump(r))
	}
	if c.Message == "" {
		t.Errorf("check %s has no message", name)
	}
}

func dump(r core.Report) string {
	b, _ := json.MarshalIndent(r, "", "  ")
	return string(b)
}

// TestVerify verifies presentations Satchel made, carried as QR payloads
// the way a phone or a pasted text delivers them, and checks the verdict,
// the failing check and what the page shows of each credential.
func TestVerify(t *testing.T) {
	c := loadCorpus(t)
	hw := newHolderWallet(t, c)
	jwt := hw.items(t, c.files(t, "vc1-jwt-eddsa", 1)...)
	ld2 := hw.items(t, c.files(t, "vc2-ldp-eddsa-rdfc-2022", 3)...)
	one := present(t, hw.signer, jwt, share.Options{Format: share.FormatVPJWT})
	three := present(t, hw.signer, ld2, share.Options{Format: share.FormatLDP})
	threeJWT := present(t, hw.signer, ld2, share.Options{Format: share.FormatVPJWTV2})
	if len(threeJWT) <= 16<<10 {
		t.Fatalf("the 3-credential VP-JWT has %d bytes, want more than a QR part's 16 KiB", len(threeJWT))
	}
	old := func() time.Time { return time.Now().Add(-48 * time.Hour) }
	expired := present(t, hw.signer, jwt, share.Options{Format: share.FormatVPJWT, Now: old})
	other := present(t, newOtherSigner(t), jwt, share.Options{Format: share.FormatVPJWT})
	const prefix = "https://verifier.example/v#"

	set := encodeParts(t, three, 3, "")
	// damaged has a character of its last part's data changed.
	damaged := encode(t, one, qr.Options{})
	last := damaged[len(damaged)-1]
	i := len(last) - 10
	damaged[len(damaged)-1] = last[:i] + map[bool]string{true: "B", false: "A"}[last[i] == 'A'] + last[i+1:]

	for _, tc := range []struct {
		name    string
		texts   []string
		verdict string
		creds   int
		// check is the check to look at: its credential (-1 for the
		// presentation's), name, status and code.
		cred                int
		check, status, code string
	}{
		{"1 credential", encode(t, one, qr.Options{}), "verified", 1, -1, "proof", "ok", "vp.proof-ok"},
		{"1 credential after a URL prefix", encode(t, one, qr.Options{URLPrefix: prefix}), "verified", 1, -1, "challenge", "ok", "vp.challenge-ok"},
		{"3 parts shuffled", shuffled(set), "verified", 3, 0, "holder", "ok", ""},
		{"3 parts after a URL prefix, one text a line", []string{strings.Join(shuffled(encodeParts(t, three, 3, prefix)), "\n")}, "verified", 3, -1, "proof", "ok", "vp.proof-ok"},
		{"pasted as it is", []string{string(one) + "\n"}, "verified", 1, -1, "proof", "ok", "vp.proof-ok"},
		{"pasted as it is, over 16 KiB", []string{string(threeJWT)}, "verified", 3, -1, "proof", "ok", "vp.proof-ok"},
		{"tampered", encode(t, tamperJWT(t, one), qr.Options{}), "not verified", 1, -1, "proof", "failed", "vp.proof-failed"},
		{"expired", encode(t, expired, qr.Options{}), "not verified", 1, -1, "validity", "failed", "vp.expired"},
		{"wrong holder", encode(t, other, qr.Options{}), "not verified", 1, 0, "holder", "failed", "vp.subject-other"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := verify(tc.texts)
			if string(r.Verdict) != tc.verdict || len(r.Credentials) != tc.creds || r.Error != "" {
				t.Fatalf("verdict %s with %d credentials (%s), want %s with %d\n%s", r.Verdict, len(r.Credentials), r.Error, tc.verdict, tc.creds, dump(r))
			}
			code := tc.code
			if code == "" { // any code: only the status matters
				c, _ := r.Credentials[tc.cred].Find(tc.check)
				code = c.Code
			}
			wantCheck(t, r, tc.cred, tc.check, tc.status, code)
			if tc.name != "wrong holder" && r.Holder != hw.signer.DID() {
				t.Errorf("holder %q, want %q", r.Holder, hw.signer.DID())
			}
			for i, cr := range r.Credentials {
				if cr.Title == "" || cr.AwardingBody == "" || cr.Issued == "" || len(cr.Checks) == 0 {
					t.Errorf("credential %d lacks what the page shows: %+v", i, cr)
				}
			}
		})
	}

	for _, tc := range []struct {
		name  string
		texts []string
		code  string
	}{
		{"nothing", []string{"", "\n"}, "payload.empty"},
		{"a part missing", set[1:], "payload.missing-parts"},
		{"damaged", damaged, "payload.damaged"},
		{"parts of two sets", []string{set[0], encode(t, one, qr.Options{})[0]}, "payload.mixed-sets"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := verify(tc.texts)
			if r.Verdict != "rejected" || r.ErrorCode != tc.code || r.Error == "" {
				t.Fatalf("verdict %s, error %s (%s), want rejected with %s", r.Verdict, r.ErrorCode, r.Error, tc.code)
			}
		})
	}
}

// TestVerifyNotAPresentation pastes text that is neither a QR payload nor
// a presentation: share's verifier rejects it with a failed format check.
func TestVerifyNotAPresentation(t *testing.T) {
	r := verify([]string{"Hello, I am a great candidate."})
	c, _ := r.Find("format")
	if r.Verdict != "rejected" || r.Error != "" || c.Status != "failed" || c.Message == "" {
		t.Fatalf("verdict %s, format check %+v, want rejected with a failed format check\n%s", r.Verdict, c, dump(r))
	}
}

// TestVerifyReport checks what the page receives of a credential: the EU
// standard elements the corpus credential carries, as JSON.
func TestVerifyReport(t *testing.T) {
	c := loadCorpus(t)
	hw := newHolderWallet(t, c)
	items := hw.items(t, c.files(t, "vc2-ldp-eddsa-rdfc-2022", 1)...)
	r := verify(encode(t, present(t, hw.signer, items, share.Options{Format: share.FormatVPJWTV2}), qr.Options{}))
	if r.Verdict != "verified" || len(r.Credentials) != 1 {
		t.Fatalf("verdict %s\n%s", r.Verdict, dump(r))
	}
	want := items[0].Credential
	got := r.Credentials[0]
	if got.Title != want.Title.In("en") || got.EQF != want.EQF || len(got.Outcomes) != len(want.LearningOutcomes) {
		t.Errorf("credential %+v, want title %q, EQF %d, %d outcomes", got, want.Title.In("en"), want.EQF, len(want.LearningOutcomes))
	}
	if (got.ECTS == nil) != (want.ECTS == nil) || got.ECTS != nil && *got.ECTS != *want.ECTS {
		t.Errorf("ECTS %v, want %v", got.ECTS, want.ECTS)
	}
	var m map[string]any
	if err := json.Unmarshal([]byte(mustJSON(t, r)), &m); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"verdict", "holder", "checks", "credentials", "expires"} {
		if _, ok := m[k]; !ok {
			t.Errorf("the JSON lacks %q", k)
		}
	}
	t.Logf("%s", dump(r))
}

func mustJSON(t testing.TB, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
