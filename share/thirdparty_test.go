package share_test

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/satchel-wallet/satchel/internal/interop"
	"github.com/satchel-wallet/satchel/share"
	"github.com/satchel-wallet/satchel/wallet/credential"
)

// harnessVP makes a presentation with the harness's libraries (make-vp.mjs:
// did-jwt-vc, @digitalbazaar/vc, @sd-jwt) and returns its bytes.
func harnessVP(t *testing.T, args ...string) []byte {
	t.Helper()
	out := filepath.Join(t.TempDir(), "vp")
	interop.Node(t, "make-vp.mjs", append([]string{"--challenge", challenge, "--domain", domain, "--out", out}, args...)...)
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// tamperJWTPayload changes a claim of a compact JWS without re-signing.
func tamperJWTPayload(t *testing.T, jws []byte, claim string, value any) []byte {
	t.Helper()
	parts := strings.Split(strings.TrimSpace(string(jws)), ".")
	payload, err := base64.RawURLEncoding.DecodeString(parts[1])
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(payload, &m); err != nil {
		t.Fatal(err)
	}
	m[claim] = value
	payload, _ = json.Marshal(m)
	parts[1] = base64.RawURLEncoding.EncodeToString(payload)
	return []byte(strings.Join(parts, "."))
}

// TestHarnessPresentations verifies presentations the third-party
// libraries make, and fails their negative cases with the right check.
func TestHarnessPresentations(t *testing.T) {
	c := loadCorpus(t)
	jwtE := c.files(t, "vc1-jwt-eddsa", "valid", 1)[0]
	jwtP := c.files(t, "vc1-jwt-es256", "valid", 1)[0]
	ld1 := c.files(t, "vc1-ldp-ed25519-2020", "valid", 1)[0]
	ld2 := c.files(t, "vc2-ldp-eddsa-rdfc-2022", "valid", 2)
	sd := c.files(t, "sd-jwt-vc", "valid", 1)[0]
	neg := func(name string) string { return filepath.Join(c.dir, name) }

	vpJWT := harnessVP(t, "--format", "vp-jwt", jwtE, jwtP, ld1)
	vp2 := harnessVP(t, "--format", "ldp", ld2[0], ld2[1])
	var tamperedLDP map[string]any
	if err := json.Unmarshal(vp2, &tamperedLDP); err != nil {
		t.Fatal(err)
	}
	tamperedLDP["verifiableCredential"].([]any)[0].(map[string]any)["credentialSubject"].(map[string]any)["creditsEarned"] = 99
	tampered2, _ := json.Marshal(tamperedLDP)
	sdVP := harnessVP(t, "--format", "sd-jwt", "--disclose", "grade,learning_outcomes", sd)

	cases := []struct {
		name              string
		vp                []byte
		challenge, domain string
		fails             credential.CheckName // "" = verified
	}{
		{"vp-jwt with VC-JWT EdDSA, ES256 and VC 1.1 JSON-LD", vpJWT, challenge, domain, ""},
		{"vp-jwt, wrong challenge", vpJWT, "other", domain, share.CheckChallenge},
		{"vp-jwt, wrong domain", vpJWT, challenge, "https://other.example", share.CheckDomain},
		{"vp-jwt, tampered payload", tamperJWTPayload(t, vpJWT, "nonce", "x"), challenge, domain, credential.CheckProof},
		{"vp-jwt signed by a key not the holder's", harnessVP(t, "--format", "vp-jwt", "--sign-with", "attacker", jwtE), challenge, domain, credential.CheckProof},
		{"vp-jwt holding a tampered VC-JWT", harnessVP(t, "--format", "vp-jwt", neg("neg-tampered-jwt-eddsa.jwt")), challenge, domain, share.CheckCredentials},
		{"ldp VC 2.0 with 2 credentials", vp2, challenge, domain, ""},
		{"ldp VC 2.0, wrong challenge", vp2, "other", domain, share.CheckChallenge},
		{"ldp VC 2.0, wrong domain", vp2, challenge, "https://other.example", share.CheckDomain},
		{"ldp VC 2.0 with a tampered credential", tampered2, challenge, domain, share.CheckCredentials},
		{"ldp VC 2.0 signed by a key not the holder's", harnessVP(t, "--format", "ldp", "--sign-with", "attacker", ld2[0]), challenge, domain, credential.CheckProof},
		{"ldp VC 2.0 with an expired credential", harnessVP(t, "--format", "ldp", "--allow-invalid", neg("neg-expired-vc2.jsonld")), challenge, domain, share.CheckCredentials},
		{"ldp VC 1.1", harnessVP(t, "--format", "ldp", ld1), challenge, domain, ""},
		{"sd-jwt with key binding", sdVP, challenge, domain, ""},
		{"sd-jwt, wrong nonce", sdVP, "other", domain, share.CheckChallenge},
		{"sd-jwt, wrong audience", sdVP, challenge, "https://other.example", share.CheckDomain},
		{"sd-jwt key binding signed by a key not the holder's", harnessVP(t, "--format", "sd-jwt", "--sign-with", "attacker", sd), challenge, domain, credential.CheckProof},
		{"sd-jwt with a holder-forged disclosure", harnessVP(t, "--format", "sd-jwt", "--keep-all-disclosures", neg("neg-tampered-disclosure.sdjwt")), challenge, domain, share.CheckCredentials},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res, err := share.VerifyPresentation(context.Background(), tc.vp, share.VerifyOptions{Challenge: tc.challenge, Domain: tc.domain})
			if err != nil {
				t.Fatal(err)
			}
			if tc.fails == "" {
				if res.Verdict != credential.Verified || res.Holder != c.m.Holder.DID {
					t.Fatalf("%s by %s, want verified by the holder\n%s", res.Verdict, res.Holder, dump(res))
				}
				return
			}
			if res.Verdict == credential.Verified {
				t.Fatalf("verified\n%s", dump(res))
			}
			if ch, ok := res.Find(tc.fails); !ok || ch.Status != credential.Failed {
				t.Fatalf("the %s check is %s, want failed\n%s", tc.fails, ch.Status, dump(res))
			}
		})
	}
}

// TestTenCredentials presents 10 credentials in each format that carries
// several, and has the third-party verifiers check each.
func TestTenCredentials(t *testing.T) {
	c := loadCorpus(t)
	tw := newHolderWallet(t, c)
	v1 := append(c.files(t, "vc1-jwt-eddsa", "valid", 4), c.files(t, "vc1-jwt-es256", "valid", 3)...)
	v1 = append(v1, c.files(t, "vc1-ldp-ed25519-2020", "valid", 3)...)
	v2 := c.files(t, "vc2-ldp-eddsa-rdfc-2022", "valid", 10)
	ld1 := c.files(t, "vc1-ldp-ed25519-2020", "valid", 10)
	for _, tc := range []struct {
		format share.Format
		files  []string
		check  func(testing.TB, []byte, string, string, ...string) harnessResult
	}{
		{share.FormatVPJWT, v1, verifyVP},
		{share.FormatVPJWTV2, v2, verifyJOSE},
		{share.FormatLDP, v2, verifyVP},
		{share.FormatLDP, ld1, verifyVP},
	} {
		t.Run(string(tc.format), func(t *testing.T) {
			items := tw.importFiles(t, tc.files...)
			vp, _, err := share.Present(context.Background(), tw.signer, items, share.Options{Format: tc.format, Challenge: challenge, Domain: domain})
			if err != nil {
				t.Fatal(err)
			}
			if r := tc.check(t, vp, challenge, domain); !r.Verified {
				t.Fatalf("the third-party verifier refuses 10 credentials: %+v", r)
			}
			res, err := share.VerifyPresentation(context.Background(), vp, share.VerifyOptions{Challenge: challenge, Domain: domain})
			if err != nil || res.Verdict != credential.Verified || len(res.Credentials) != 10 {
				t.Fatalf("Satchel: %v %s with %d credentials", err, res.Verdict, len(res.Credentials))
			}
		})
	}
}
