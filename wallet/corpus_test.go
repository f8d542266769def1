package wallet_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/satchel-wallet/satchel/internal/interop"
	"github.com/satchel-wallet/satchel/wallet"
	"github.com/satchel-wallet/satchel/wallet/credential"
)

// manifest and entry are the harness's description of its corpus.
type (
	manifest = interop.Manifest
	entry    = interop.Entry
)

// failingCheck says which check must fail for each negative case, from
// the file name the harness gives it.
func failingCheck(file string) credential.CheckName {
	switch {
	case strings.Contains(file, "expired"), strings.Contains(file, "notyetvalid"):
		return credential.CheckValidity
	case strings.Contains(file, "unknown-context"):
		return credential.CheckFormat
	}
	return credential.CheckProof
}

// TestInteropCorpus verifies the corpus that digitalbazaar's, did-jwt-vc's
// and @sd-jwt's libraries issue, against the harness's manifest: valid ->
// verified, invalid -> not verified with the right check failing, reject ->
// rejected; title, ECTS and EQF level as the manifest says.
func TestInteropCorpus(t *testing.T) {
	dir, mp := interop.CorpusManifest(t, 200)
	m := *mp
	checker, err := wallet.NewChecker([]wallet.Holder{{Name: "Elena", DID: m.Holder.DID, FullName: m.Holder.Name}})
	if err != nil {
		t.Fatal(err)
	}
	counts := map[string]int{}
	for _, e := range m.Entries {
		t.Run(e.File, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(dir, e.File))
			if err != nil {
				t.Fatal(err)
			}
			v := checker.Verify(context.Background(), data)
			ver := v.Credential.Verification
			counts[e.Expect]++
			switch e.Expect {
			case "valid":
				if ver.Verdict != credential.Verified {
					t.Fatalf("%s: %s, want verified; checks %s", e.Reason, ver.Verdict, summary(ver))
				}
				if h, _ := ver.Find(credential.CheckHolder); h.Status != credential.OK {
					t.Errorf("holder check %s: %s", h.Status, h.Message)
				}
			case "invalid":
				if ver.Verdict != credential.NotVerified {
					t.Fatalf("%s: %s, want not verified; checks %s", e.Reason, ver.Verdict, summary(ver))
				}
				want := failingCheck(e.File)
				if c, _ := ver.Find(want); c.Status != credential.Failed {
					t.Fatalf("%s: the %s check is %s (%s), want failed; checks %s", e.Reason, want, c.Status, c.Message, summary(ver))
				}
			case "reject":
				if ver.Verdict != credential.Rejected {
					t.Fatalf("%s: %s, want rejected; checks %s", e.Reason, ver.Verdict, summary(ver))
				}
				return
			default:
				t.Fatalf("unknown expectation %q", e.Expect)
			}
			if strings.Contains(e.File, "tampered") {
				return // its content is the tampered one, not the manifest's
			}
			c := v.Credential
			if e.Title != "" && c.Title.In("en") != e.Title {
				t.Errorf("title %q, want %q", c.Title.In("en"), e.Title)
			}
			if e.ECTS != nil && (c.ECTS == nil || *c.ECTS != *e.ECTS) {
				t.Errorf("ECTS %v, want %v", ptr(c.ECTS), *e.ECTS)
			}
			if e.EQF != nil && c.EQF != *e.EQF {
				t.Errorf("EQF %d, want %d", c.EQF, *e.EQF)
			}
			if e.Issuer != "" && c.Issuer.ID != e.Issuer {
				t.Errorf("issuer %q, want %q", c.Issuer.ID, e.Issuer)
			}
		})
	}
	t.Logf("corpus of %d: %v", len(m.Entries), counts)
	if counts["valid"] != 200 || counts["invalid"] < 15 || counts["reject"] < 5 {
		t.Fatalf("the corpus is not what the harness describes: %v", counts)
	}
}

func summary(v credential.Verification) string {
	var parts []string
	for _, c := range v.Checks {
		parts = append(parts, string(c.Check)+"="+string(c.Status)+" ("+c.Message+" | "+c.Detail+")")
	}
	return strings.Join(parts, "; ")
}

func ptr(f *float64) any {
	if f == nil {
		return nil
	}
	return *f
}
