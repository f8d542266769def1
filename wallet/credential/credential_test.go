package credential_test

import (
	"strings"
	"testing"

	"github.com/satchel-wallet/satchel/wallet/credential"
)

func TestTextIn(t *testing.T) {
	tx := credential.TextOf("de", "Datenschutz", "en-ie", "Data protection", "fr", "Protection des données")
	cases := []struct {
		prefs []string
		want  string
	}{
		{[]string{"fr"}, "Protection des données"},
		{[]string{"de-AT"}, "Datenschutz"},
		{[]string{"en"}, "Data protection"},
		{[]string{"es", "de"}, "Datenschutz"},
		{[]string{"es"}, "Datenschutz"}, // no English-without-region, no plain: first alphabetically
		{nil, "Datenschutz"},
	}
	for _, c := range cases {
		if got := tx.In(c.prefs...); got != c.want {
			t.Errorf("In(%v) = %q, want %q", c.prefs, got, c.want)
		}
	}
	plain := credential.TextOf("", "Plain", "de", "Schlicht")
	if got := plain.In("es"); got != "Plain" {
		t.Errorf("fallback to the text without a language: %q", got)
	}
	if credential.Plain("  ") != nil || !credential.Text(nil).IsZero() {
		t.Error("empty text is not zero")
	}
	var built credential.Text
	built.Set("EN", " Title ")
	built.Set("de", "")
	if len(built) != 1 || built.Get("en") != "Title" {
		t.Errorf("Set: %v", built)
	}
	if got := strings.Join(tx.Values(), "|"); got != "Datenschutz|Data protection|Protection des données" {
		t.Errorf("Values: %s", got)
	}
}

func TestVerdict(t *testing.T) {
	v := credential.Verification{Checks: []credential.Check{
		credential.NewCheck(credential.CheckIssuer, credential.Warning, "issuer.unknown", map[string]string{"Issuer": "did:key:z6Mk"}, ""),
		credential.NewCheck(credential.CheckProof, credential.OK, "proof.ok", map[string]string{"Signer": "did:key:z6Mk"}, ""),
		credential.NewCheck(credential.CheckFormat, credential.OK, "format.ok", map[string]string{"Profile": "Open Badges 3.0 credential"}, ""),
	}}
	v.Decide()
	if v.Verdict != credential.Verified {
		t.Fatalf("a warning made the verdict %q", v.Verdict)
	}
	if v.Checks[0].Check != credential.CheckFormat || v.Checks[2].Check != credential.CheckIssuer {
		t.Fatalf("checks not in report order: %v", v.Checks)
	}
	v.Checks = append(v.Checks, credential.NewCheck(credential.CheckValidity, credential.Failed, "validity.expired", map[string]string{"Until": "31 January 2025"}, ""))
	v.Decide()
	if v.Verdict != credential.NotVerified {
		t.Fatalf("a failed check gave %q", v.Verdict)
	}
	skipped := credential.Verification{Checks: []credential.Check{
		credential.NewCheck(credential.CheckFormat, credential.OK, "format.ok", nil, ""),
		credential.NewCheck(credential.CheckProof, credential.Skipped, "proof.needs-network", nil, ""),
	}}
	skipped.Decide()
	if skipped.Verdict != credential.NotVerified {
		t.Fatalf("a credential whose proof was not checked is %q", skipped.Verdict)
	}
	v.Reject("format.unknown", nil, "no JSON")
	v.Decide()
	if v.Verdict != credential.Rejected || len(v.Checks) != 1 {
		t.Fatalf("reject: %+v", v)
	}
}

func TestEveryMessageRenders(t *testing.T) {
	for code, text := range credential.Messages() {
		got := credential.Render(code, map[string]string{"Signer": "X", "Profile": "Y"})
		if got == code || got == "" {
			t.Errorf("%s does not render (%q)", code, text)
		}
		if strings.Contains(got, "<no value>") {
			t.Errorf("%s renders a missing value: %q", code, got)
		}
	}
	if got := credential.Render("proof.ok", map[string]string{"Signer": "did:key:z6MkA"}); got != "The issuer's signature is intact: signed by did:key:z6MkA." {
		t.Errorf("proof.ok = %q", got)
	}
}

func TestFingerprint(t *testing.T) {
	a := credential.Fingerprint(credential.FormatVCJWT, []byte("sig"))
	if a != credential.Fingerprint(credential.FormatVCJWT, []byte("sig")) || a == credential.Fingerprint(credential.FormatSDJWT, []byte("sig")) || len(a) != 64 {
		t.Fatalf("fingerprint %s", a)
	}
}
