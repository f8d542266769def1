package ui

import (
	"strings"
	"testing"

	"github.com/satchel-wallet/satchel/wallet/credential"
)

func TestDemoCredentials(t *testing.T) {
	a := unlocked(t, fixedHolder(t))
	a.loadDemo()
	a.jobs.Wait()
	if len(a.lib.creds) != 12 {
		t.Fatalf("%d demo credentials in the wallet, want 12", len(a.lib.creds))
	}
	if !hasText(a, "12 imported, 0 already in the wallet, 0 not verified, 0 rejected.") {
		t.Fatal("the summary does not say all twelve were imported and verified")
	}
	langs := map[string]bool{}
	for _, c := range a.lib.creds {
		if c.Verification.Verdict != credential.Verified {
			t.Errorf("%s: %s", credTitle(&c, "en"), c.Verification.Verdict)
		}
		for _, ch := range c.Verification.Checks {
			want := credential.OK
			switch ch.Check {
			case credential.CheckIssuer:
				want = credential.Warning
			case credential.CheckStatus, credential.CheckAccreditation:
				continue
			}
			if ch.Status != want {
				t.Errorf("%s: %s check %s: %s", credTitle(&c, "en"), ch.Check, ch.Status, ch.Message)
			}
		}
		if !strings.Contains(c.Issuer.Name.String(), "demo issuer") {
			t.Errorf("the issuer %q does not say it is a demo", c.Issuer.Name)
		}
		for _, l := range c.Title.Languages() {
			langs[l] = true
		}
	}
	for _, l := range []string{"de", "fr", "el", "pl"} {
		if !langs[l] {
			t.Errorf("no demo credential in %s", l)
		}
	}
	// Loading again finds them all there already.
	a.loadDemo()
	a.jobs.Wait()
	if len(a.lib.creds) != 12 || !hasText(a, "0 imported, 12 already in the wallet") {
		t.Fatal("loading the demo twice did not find duplicates")
	}
}
