package europass_test

import (
	"crypto/sha256"
	"errors"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/satchel-wallet/satchel/internal/fixture"
	"github.com/satchel-wallet/satchel/share/europass"
	"github.com/satchel-wallet/satchel/wallet/credential"
)

// TestOriginalSealedEDC exports the Commission's sealed samples as
// originals: the file is the imported one byte for byte (same SHA-256),
// named as Europass names credentials, and its seal still verifies when
// the export is imported again.
func TestOriginalSealedEDC(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(fixture.Path(t, "edc/elm-v3"), "Sample-*-signed.jsonld"))
	if err != nil || len(files) < 2 {
		t.Fatalf("sealed samples: %v %v", files, err)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			in := readFile(t, f)
			v := verify(t, in)
			if p, _ := v.Credential.Verification.Find(credential.CheckProof); p.Status != credential.OK {
				t.Fatalf("the sample's seal does not verify on import: %s", p.Message)
			}
			name, out, err := europass.Original(&v.Credential, v.Original)
			if err != nil {
				t.Fatal(err)
			}
			if sha256.Sum256(out) != sha256.Sum256(in) {
				t.Fatal("the exported original differs from the imported file")
			}
			if !regexp.MustCompile(`^Credential-\d{4}-\d{2}-\d{2}\.jsonld$`).MatchString(name) {
				t.Errorf("file name %q", name)
			}
			again := verify(t, out)
			if p, _ := again.Credential.Verification.Find(credential.CheckProof); p.Status != credential.OK {
				t.Fatalf("the exported original's seal does not verify: %s", p.Message)
			}
			if again.Credential.ID != v.Credential.ID {
				t.Error("the exported original reads as another credential")
			}
			t.Logf("%s: sha256 %x, %s", name, sha256.Sum256(out), again.Credential.Verification.Verdict)
		})
	}
}

// TestOriginalRefuses: only an EDC has an original for Europass, and only
// its own bytes.
func TestOriginalRefuses(t *testing.T) {
	mc := verify(t, fixture.Read(t, "edc/elm-v3/Sample-MC-Annex1-signed.jsonld"))
	cop := fixture.Read(t, "edc/elm-v3/Sample-CertOfPart-signed.jsonld")
	if _, _, err := europass.Original(&mc.Credential, cop); !errors.Is(err, europass.ErrMismatch) {
		t.Errorf("another EDC's bytes: %v, want ErrMismatch", err)
	}
	if _, _, err := europass.Original(&mc.Credential, []byte("{}")); !errors.Is(err, europass.ErrMismatch) {
		t.Errorf("not an EDC: %v, want ErrMismatch", err)
	}
	ob3 := verify(t, fixture.Read(t, "vectors/ob3/spec-ldp-testvector/signed.json"))
	if _, _, err := europass.Original(&ob3.Credential, ob3.Original); !errors.Is(err, europass.ErrNotEDC) {
		t.Errorf("an Open Badges 3.0 credential: %v, want ErrNotEDC", err)
	}
}
