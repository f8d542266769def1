package share_test

import (
	"context"
	"testing"

	"github.com/satchel-wallet/satchel/share"
)

// benchCase is a presentation to sign and verify in benchmarks.
type benchCase struct {
	name     string
	format   share.Format
	files    []string
	disclose []string
}

func benchCases(b *testing.B, c *corpus) []benchCase {
	jwtE := c.files(b, "vc1-jwt-eddsa", "valid", 1)
	jwtP := c.files(b, "vc1-jwt-es256", "valid", 1)
	ld1 := c.files(b, "vc1-ldp-ed25519-2020", "valid", 3)
	ld2 := c.files(b, "vc2-ldp-eddsa-rdfc-2022", "valid", 3)
	sd := c.files(b, "sd-jwt-vc", "valid", 1)
	return []benchCase{
		{"vp-jwt/1", share.FormatVPJWT, jwtE, nil},
		{"vp-jwt/3", share.FormatVPJWT, []string{jwtE[0], jwtP[0], ld1[0]}, nil},
		{"vp-jwt-v2/1", share.FormatVPJWTV2, ld2[:1], nil},
		{"vp-jwt-v2/3", share.FormatVPJWTV2, ld2, nil},
		{"ldp-vc2/1", share.FormatLDP, ld2[:1], nil},
		{"ldp-vc2/3", share.FormatLDP, ld2, nil},
		{"ldp-vc1/1", share.FormatLDP, ld1[:1], nil},
		{"ldp-vc1/3", share.FormatLDP, ld1, nil},
		// An SD-JWT presentation holds one credential; 3 is the number of
		// disclosures revealed.
		{"sd-jwt/1", share.FormatSDJWT, sd, nil},
		{"sd-jwt/1-3disclosures", share.FormatSDJWT, sd, []string{"learning_outcomes"}},
	}
}

// BenchmarkPresent measures signing a presentation of 1 and 3 corpus
// credentials in each format (for JSON-LD, canonicalising the whole
// presentation with its credentials).
func BenchmarkPresent(b *testing.B) {
	c := loadCorpus(b)
	tw := newHolderWallet(b, c)
	ctx := context.Background()
	for _, bc := range benchCases(b, c) {
		items := tw.importFiles(b, bc.files...)
		opts := share.Options{Format: bc.format, Challenge: challenge, Domain: domain, Disclose: bc.disclose}
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, _, err := share.Present(ctx, tw.signer, items, opts); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkVerify measures verifying those presentations offline: the
// holder's proof and every credential inside with the checks of import.
func BenchmarkVerify(b *testing.B) {
	c := loadCorpus(b)
	tw := newHolderWallet(b, c)
	ctx := context.Background()
	vopts := share.VerifyOptions{Challenge: challenge, Domain: domain}
	for _, bc := range benchCases(b, c) {
		items := tw.importFiles(b, bc.files...)
		vp, _, err := share.Present(ctx, tw.signer, items, share.Options{Format: bc.format, Challenge: challenge, Domain: domain, Disclose: bc.disclose})
		if err != nil {
			b.Fatal(err)
		}
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(vp)))
			for b.Loop() {
				res, err := share.VerifyPresentation(ctx, vp, vopts)
				if err != nil || res.Verdict != "verified" {
					b.Fatalf("%v %v", err, res.Verdict)
				}
			}
		})
	}
}
