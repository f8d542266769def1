package sdjwt_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/satchel-wallet/satchel/internal/fixture"
	"github.com/satchel-wallet/satchel/wallet/sdjwt"
)

// FuzzParse: no input makes Parse or the verifiers panic, every error is
// a documented one, and a parsed SD-JWT is consistent: every Disclosure
// has its place, and the stored form (Issued) and a presentation of every
// Disclosure parse back to the same payload.
func FuzzParse(f *testing.F) {
	for _, e := range loadExamples(f) {
		f.Add(e.form())
	}
	files, _ := filepath.Glob(filepath.Join(fixture.Path(f, "vectors/vc-jose-cose/extracted"), "ex*.txt"))
	for _, p := range files {
		if b, err := os.ReadFile(p); err == nil && bytes.Contains(b, []byte("~")) {
			f.Add(string(b))
		}
	}
	f.Add(corpusLike(f))
	documented := []error{
		sdjwt.ErrMalformed, sdjwt.ErrTooLarge, sdjwt.ErrUnsupportedHash, sdjwt.ErrDuplicateDisclosure,
		sdjwt.ErrDuplicateDigest, sdjwt.ErrUnreferenced, sdjwt.ErrClaimClash,
	}
	f.Fuzz(func(t *testing.T, s string) {
		tok, err := sdjwt.Parse(s, sdjwt.Limits{})
		if err != nil {
			for _, d := range documented {
				if errors.Is(err, d) {
					return
				}
			}
			t.Fatalf("undocumented error: %v", err)
		}
		var all []string
		for _, d := range tok.Disclosures {
			if d.Pointer == "" || d.Digest == "" {
				t.Fatalf("Disclosure without a place: %+v", d)
			}
			all = append(all, d.Digest)
		}
		again, err := sdjwt.Parse(tok.Issued(), sdjwt.Limits{})
		if err != nil || !bytes.Equal(again.Payload, tok.Payload) {
			t.Fatalf("Issued() does not parse back: %v", err)
		}
		shown, err := tok.Disclose(all)
		if err != nil {
			t.Fatal(err)
		}
		if back, err := sdjwt.Parse(shown, sdjwt.Limits{}); err != nil || !bytes.Equal(back.Payload, tok.Payload) {
			t.Fatalf("all Disclosures shown do not parse back: %v", err)
		}
		_ = tok.VerifyIssuerWithKey(issuerKeyA5(t))
		if tok.KeyBinding != nil {
			_, _ = tok.VerifyKeyBinding(sdjwt.Expect{})
		}
	})
}
