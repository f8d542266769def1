package europass_test

import (
	"testing"

	"github.com/satchel-wallet/satchel/internal/fixture"
	"github.com/satchel-wallet/satchel/share/europass"
	"github.com/satchel-wallet/satchel/share/qr"
	"github.com/satchel-wallet/satchel/wallet"
	"github.com/satchel-wallet/satchel/wallet/credential"
)

// The benchmarks export 100 credentials to each format, one operation
// being all 100: the corpus's valid credentials (Open Badges 3.0 as
// JSON-LD and VC-JWT, SD-JWT VCs), for the original export the
// Commission's sealed micro-credential 100 times.

func hundred(b *testing.B) ([]*wallet.Verified, []*credential.Credential) {
	b.Helper()
	var vs []*wallet.Verified
	var cs []*credential.Credential
	all := corpusCredentials(b)
	for i := 0; len(vs) < 100; i++ {
		v := all[i%len(all)]
		if v.Credential.Verification.Verdict != credential.Verified {
			continue
		}
		vs = append(vs, v)
		c := v.Credential
		cs = append(cs, &c)
	}
	return vs, cs
}

func BenchmarkOriginal100(b *testing.B) {
	v := verify(b, fixture.Read(b, "edc/elm-v3/Sample-MC-Annex1-signed.jsonld"))
	b.ResetTimer()
	for b.Loop() {
		for range 100 {
			if _, _, err := europass.Original(&v.Credential, v.Original); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func BenchmarkELM100(b *testing.B) {
	vs, _ := hundred(b)
	opts := make([]europass.ELMOptions, len(vs))
	for i, v := range vs {
		opts[i] = elmOptions(b, v)
	}
	b.ResetTimer()
	for b.Loop() {
		for i, v := range vs {
			if _, err := europass.ELM(&v.Credential, opts[i]); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func BenchmarkCV100(b *testing.B) {
	_, cs := hundred(b)
	b.ResetTimer()
	for b.Loop() {
		if _, err := europass.CV(europass.Person{}, cs, europass.CVOptions{Now: exportTime}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCVLegacy100(b *testing.B) {
	_, cs := hundred(b)
	b.ResetTimer()
	for b.Loop() {
		if _, err := europass.CVLegacy(europass.Person{}, cs, europass.CVOptions{Now: exportTime}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkPDF100(b *testing.B) {
	_, cs := hundred(b)
	imgs := qrImages(b, presentation(b), qr.Options{})
	b.ResetTimer()
	for b.Loop() {
		if _, err := europass.PDF(cs, europass.PDFOptions{Now: exportTime, QR: imgs}); err != nil {
			b.Fatal(err)
		}
	}
}
