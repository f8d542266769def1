package share_test

import (
	"context"
	"encoding/base64"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/satchel-wallet/satchel/share"
	"github.com/satchel-wallet/satchel/wallet"
	"github.com/satchel-wallet/satchel/wallet/credential"
	"github.com/satchel-wallet/satchel/wallet/jose"
)

// negative is a presentation that must not verify, the check that must
// say why, and what the third-party verifier concludes.
type negative struct {
	name              string
	vp                []byte
	challenge, domain string
	// check and code name the failed check; cred >= 0 looks in that
	// credential's checks instead of the presentation's.
	check credential.CheckName
	code  string
	cred  int
	// harness is verify-vp.mjs's verdict: false for "not verified", true
	// where it does not check what Satchel does: it only reports whether
	// a subject is the holder, and ignores a Data Integrity proof's
	// expires and a KB-JWT's exp.
	harness bool
}

// TestVerifyNegative makes presentations that are wrong in one way each
// and checks that Satchel's verifier fails them with the right check, and
// what verify-vp.mjs says of them.
func TestVerifyNegative(t *testing.T) {
	c := loadCorpus(t)
	tw := newHolderWallet(t, c)
	ctx := context.Background()
	jwt := tw.importFiles(t, c.files(t, "vc1-jwt-eddsa", "valid", 1)...)
	ld2 := tw.importFiles(t, c.files(t, "vc2-ldp-eddsa-rdfc-2022", "valid", 1)...)
	ld1 := tw.importFiles(t, c.files(t, "vc1-ldp-ed25519-2020", "valid", 1)...)
	sd := tw.importFiles(t, c.files(t, "sd-jwt-vc", "valid", 1)...)
	tampered := tw.importFiles(t, c.dir+"/neg-tampered-jwt-eddsa.jwt")
	present := func(s wallet.Signer, items []share.Item, f share.Format, mod func(*share.Options)) []byte {
		t.Helper()
		o := share.Options{Format: f, Challenge: challenge, Domain: domain, Disclose: nil}
		if mod != nil {
			mod(&o)
		}
		vp, _, err := share.Present(ctx, s, items, o)
		if err != nil {
			t.Fatal(err)
		}
		return vp
	}
	old := func(o *share.Options) { o.Now = func() time.Time { return time.Now().Add(-48 * time.Hour) } }
	noChallenge := func(o *share.Options) { o.Challenge = "" }
	other := newOtherSigner(t)
	impostor := other.impostor(tw.signer.DID())

	var cases []negative
	for _, f := range []struct {
		format share.Format
		items  []share.Item
	}{{share.FormatVPJWT, jwt}, {share.FormatVPJWTV2, ld2}, {share.FormatLDP, ld2}, {share.FormatLDP, ld1}, {share.FormatSDJWT, sd}} {
		vp := present(tw.signer, f.items, f.format, nil)
		name := string(f.format) + "/" + kindOf(f.items)
		cases = append(cases,
			negative{name + "/wrong challenge", vp, "c-other", domain, share.CheckChallenge, "vp.challenge-wrong", -1, false},
			negative{name + "/wrong domain", vp, challenge, "https://attacker.example", share.CheckDomain, "vp.domain-wrong", -1, false},
			negative{name + "/expired", present(tw.signer, f.items, f.format, old), challenge, domain, credential.CheckValidity, "vp.expired", -1, f.format == share.FormatLDP || f.format == share.FormatSDJWT},
			negative{name + "/tampered", tamper(t, vp, f.format), challenge, domain, credential.CheckProof, map[share.Format]string{share.FormatSDJWT: "vp.kb-failed"}[f.format], -1, false},
		)
		if f.format != share.FormatSDJWT {
			cases = append(cases,
				negative{name + "/no challenge", present(tw.signer, f.items, f.format, noChallenge), challenge, domain, share.CheckChallenge, "vp.challenge-missing", -1, false},
				negative{name + "/impostor", present(impostor, f.items, f.format, nil), challenge, domain, credential.CheckProof, "vp.proof-failed", -1, false},
				negative{name + "/someone else's credential", present(other, f.items, f.format, nil), challenge, domain, credential.CheckHolder, "vp.subject-other", 0, true},
			)
		}
	}
	for i := range cases {
		if cases[i].code == "" {
			cases[i].code = "vp.proof-failed"
		}
	}
	cases = append(cases,
		negative{"vp-jwt/tampered credential inside", present(tw.signer, tampered, share.FormatVPJWT, nil), challenge, domain, credential.CheckProof, "proof.failed", 0, false},
		negative{"sd-jwt/forged disclosure", forgeDisclosure(t, tw.signer, sd[0]), challenge, domain, credential.CheckProof, "proof.disclosure-failed", 0, false},
		negative{"sd-jwt/no key binding", sd[0].Original, challenge, domain, credential.CheckProof, "vp.kb-missing", -1, false},
	)
	for _, nc := range cases {
		t.Run(nc.name, func(t *testing.T) {
			res, err := share.VerifyPresentation(ctx, nc.vp, share.VerifyOptions{Challenge: nc.challenge, Domain: nc.domain})
			if err != nil {
				t.Fatal(err)
			}
			if res.Verdict != credential.NotVerified {
				t.Fatalf("verdict %s, want not verified\n%s", res.Verdict, dump(res))
			}
			checks := res.Checks
			if nc.cred >= 0 {
				checks = res.Credentials[nc.cred].Credential.Verification.Checks
			}
			got := find(checks, nc.check)
			if got.Status != credential.Failed || got.Code != nc.code {
				t.Fatalf("check %s: %s %s (%s), want failed %s\n%s", nc.check, got.Status, got.Code, got.Detail, nc.code, dump(res))
			}
			for _, ch := range checks {
				if ch.Status == credential.Failed && ch.Check != nc.check && nc.cred < 0 && ch.Check != share.CheckCredentials {
					t.Errorf("another check failed too: %+v", ch)
				}
			}
			t.Logf("Satchel: %s: %s", nc.check, got.Message)
			check := verifyVP
			if strings.HasPrefix(nc.name, string(share.FormatVPJWTV2)+"/") {
				check = verifyJOSE
			}
			hr := check(t, nc.vp, nc.challenge, nc.domain)
			if hr.Verified != nc.harness {
				t.Fatalf("third-party verifier: verified=%v (%s), want %v", hr.Verified, hr.Error, nc.harness)
			}
			if nc.code == "vp.subject-other" && (len(hr.Credentials) == 0 || hr.Credentials[0].SubjectIsHolder) {
				t.Fatalf("the third-party verifier does not see the subject is not the holder: %+v", hr)
			}
			t.Logf("third-party verifier: verified=%v %s", hr.Verified, hr.Error)
		})
	}
}

// kindOf names what the items are, for test names.
func kindOf(items []share.Item) string {
	switch {
	case items[0].Credential.Format == credential.FormatVCJWT:
		return "vc-jwt"
	case items[0].Credential.Format == credential.FormatSDJWT:
		return "sd-jwt-vc"
	case strings.Contains(string(items[0].Original), jose.ContextV1):
		return "vc1"
	}
	return "vc2"
}

// tamper changes one character of a presentation where its signature
// covers it: the id in a JWT's payload or a JSON-LD presentation, the key
// binding's signature of an SD-JWT.
func tamper(t *testing.T, vp []byte, f share.Format) []byte {
	t.Helper()
	s := string(vp)
	switch f {
	case share.FormatLDP:
		i := strings.Index(s, `"id":"urn:uuid:`) + len(`"id":"urn:uuid:`)
		return []byte(s[:i] + flip(s[i]) + s[i+1:])
	case share.FormatSDJWT:
		i := strings.LastIndex(s, ".") + 10 // in the KB-JWT's signature
		return []byte(s[:i] + flip(s[i]) + s[i+1:])
	}
	parts := strings.SplitN(s, ".", 3)
	payload, err := base64.RawURLEncoding.DecodeString(parts[1])
	if err != nil {
		t.Fatal(err)
	}
	payload = []byte(strings.Replace(string(payload), "urn:uuid:", "urn:uuid:0", 1))
	return []byte(parts[0] + "." + base64.RawURLEncoding.EncodeToString(payload) + "." + parts[2])
}

func flip(b byte) string {
	if b == 'A' {
		return "B"
	}
	return "A"
}

// forgeDisclosure makes what a dishonest holder would: the SD-JWT with a
// disclosure the issuer never signed ("grade": "A+"), and a valid key
// binding over it.
func forgeDisclosure(t *testing.T, s wallet.Signer, it share.Item) []byte {
	t.Helper()
	forged := base64.RawURLEncoding.EncodeToString([]byte(`["bm90LWEtcmVhbC1zYWx0","grade","A+"]`))
	presented := strings.TrimSpace(string(it.Original)) + forged + "~"
	payload := `{"iat":` + strconv.FormatInt(time.Now().Unix(), 10) + `,"aud":"` + domain + `","nonce":"` + challenge +
		`","sd_hash":"` + base64.RawURLEncoding.EncodeToString(sdHash(presented)) + `"}`
	kb, err := jose.SignCompact(s, "kb+jwt", "", []byte(payload))
	if err != nil {
		t.Fatal(err)
	}
	return []byte(presented + kb)
}

// TestNotAPresentation checks that credentials and garbage are refused as
// presentations, saying so.
func TestNotAPresentation(t *testing.T) {
	c := loadCorpus(t)
	for _, f := range []string{
		c.files(t, "vc1-jwt-eddsa", "valid", 1)[0],
		c.files(t, "vc2-ldp-eddsa-rdfc-2022", "valid", 1)[0],
		c.dir + "/neg-garbage.txt",
		c.dir + "/neg-truncated-jwt.jwt",
	} {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		res, err := share.VerifyPresentation(context.Background(), data, share.VerifyOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if res.Verdict != credential.Rejected || len(res.Checks) != 1 || res.Checks[0].Check != credential.CheckFormat {
			t.Fatalf("%s: %s %+v", f, res.Verdict, res.Checks)
		}
		t.Logf("%s: %s", f[len(c.dir)+1:], res.Checks[0].Message)
	}
}
