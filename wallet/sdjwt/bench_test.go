package sdjwt_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/satchel-wallet/satchel/wallet/did"
	"github.com/satchel-wallet/satchel/wallet/sdjwt"
)

func exampleForm(b *testing.B, file string) string {
	b.Helper()
	for _, e := range loadExamples(b) {
		if e.File == file {
			return e.form()
		}
	}
	b.Fatalf("no example %s", file)
	return ""
}

// BenchmarkVerifySDJWTVC parses and verifies the PID SD-JWT VC of the
// SD-JWT draft (ES256, 27 Disclosures, 4 KB): the issuer signature and
// every digest.
func BenchmarkVerifySDJWTVC(b *testing.B) {
	s := exampleForm(b, "extracted/sdjwt-05.txt")
	key := issuerKeyA5(b)
	b.ReportAllocs()
	for b.Loop() {
		tok, err := sdjwt.Parse(s, sdjwt.Limits{})
		if err != nil {
			b.Fatal(err)
		}
		if err := tok.VerifyIssuerWithKey(key); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(s)), "sdjwt-bytes")
}

// BenchmarkVerifyEdDSASDJWTVC verifies an SD-JWT VC shaped like the
// interop corpus's (EdDSA issuer resolved from its did:key, cnf, a few
// Disclosures) through Verify.
func BenchmarkVerifyEdDSASDJWTVC(b *testing.B) {
	s := corpusLike(b)
	ctx := context.Background()
	opts := sdjwt.Options{Resolver: did.NewResolver(nil)}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := sdjwt.Verify(ctx, s, opts); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(s)), "sdjwt-bytes")
}

// BenchmarkVerifyKB verifies the SD-JWT+KB presentation of the SD-JWT VC
// draft's PID example: issuer signature, digests and key binding.
func BenchmarkVerifyKB(b *testing.B) {
	s := exampleForm(b, "extracted/sdjwtvc-04.txt")
	key := issuerKeyA5(b)
	want := sdjwt.Expect{Nonce: "1234567890"}
	b.ReportAllocs()
	for b.Loop() {
		tok, err := sdjwt.Parse(s, sdjwt.Limits{})
		if err != nil {
			b.Fatal(err)
		}
		if err := tok.VerifyIssuerWithKey(key); err != nil {
			b.Fatal(err)
		}
		if _, err := tok.VerifyKeyBinding(want); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPresent makes an SD-JWT+KB from a corpus-like SD-JWT VC with an
// Ed25519 holder key.
func BenchmarkPresent(b *testing.B) {
	tok, err := sdjwt.Parse(corpusLike(b), sdjwt.Limits{})
	if err != nil {
		b.Fatal(err)
	}
	chosen, err := tok.Select("/grade", "/learning_outcomes")
	if err != nil {
		b.Fatal(err)
	}
	holder := edSigner(b)
	opts := sdjwt.PresentOptions{Audience: "https://verifier.example", Nonce: "n-0S6_WzA2Mj", IssuedAt: time.Unix(1_750_000_000, 0)}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := tok.Present(holder, chosen, opts); err != nil {
			b.Fatal(err)
		}
	}
}

// corpusLike issues an SD-JWT VC with the claims of an EU micro-credential
// as the interop harness writes them, signed by an Ed25519 did:key, bound
// to the same key as holder.
func corpusLike(b testing.TB) string {
	b.Helper()
	k := edSigner(b)
	jwk, _ := did.MarshalPublicJWK(k.Public())
	var cnf map[string]any
	if err := json.Unmarshal(jwk, &cnf); err != nil {
		b.Fatal(err)
	}
	claims := map[string]any{
		"iss": k.DID(), "iat": 1705507200, "vct": "urn:example:vct:eu-microcredential:1",
		"jti": "urn:uuid:4c656600-df3c-4fb5-9224-638928f7fce5", "sub": k.DID(), "cnf": map[string]any{"jwk": cnf},
		"title":          "Renewable Energy Systems",
		"description":    strings.Repeat("Micro-credential awarded after successful assessment of the stated learning outcomes. ", 3),
		"awarding_body":  map[string]any{"id": k.DID(), "name": "Tallinn Digital Skills Academy", "url": "https://tdsa.example.ee"},
		"issuer_country": "EE", "issuance_date": "2024-01-17T16:00:00Z", "ects_credits": 5, "eqf_level": 6,
		"learning_outcomes": []any{sd{"Size a small photovoltaic installation"}, sd{"Compare storage technologies for grid balancing"}, sd{"Evaluate the levelised cost of energy"}},
		"learner_name":      sd{"Elena Marković"}, "grade": sd{"B"},
		"field_of_study": "0713 Electricity and energy", "language": "de", "assessment_type": "Online multiple-choice test",
		"participation_form": "On-site", "quality_assurance": "Provider certified under ISO 21001:2018",
		"integration_stackability": "Stand-alone micro-credential",
	}
	return newIssuer(k, "dc+sd-jwt").issue(b, claims)
}
