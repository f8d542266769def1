package europass_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/satchel-wallet/satchel/share/europass"
	"github.com/satchel-wallet/satchel/wallet/credential"
)

func ExampleELM() {
	ects := 2.0
	c := &credential.Credential{
		ID:           "5f2c",
		Format:       credential.FormatVCLDP,
		Profile:      "Open Badges 3.0 credential (VC 2.0)",
		Title:        credential.TextOf("en", "Data Protection (GDPR) for SMEs", "et", "Andmekaitse (GDPR) VKEdele"),
		Learner:      credential.Learner{Name: credential.Plain("Elena Marković")},
		Issuer:       credential.Party{ID: "did:key:z6MkkaDm9ooGUU8G7SxbQf7zZu3zL52PKh2BnSQhi5Asj65F", Name: credential.Plain("Tallinn Digital Skills Academy"), CountryCode: "EE"},
		Issued:       time.Date(2024, 1, 8, 14, 0, 0, 0, time.UTC),
		ECTS:         &ects,
		EQF:          5,
		Verification: credential.Verification{Verdict: credential.Verified, CheckedAt: time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)},
	}
	out, err := europass.ELM(c, europass.ELMOptions{Now: time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC), WalletVersion: "1.0"})
	if err != nil {
		fmt.Println(err)
		return
	}
	var doc struct {
		Type     []string `json:"type"`
		Evidence []struct {
			Statement string `json:"evidenceStatement"`
		} `json:"evidence"`
		Subject struct {
			Claims []struct {
				Title map[string][]string `json:"title"`
				Spec  struct {
					Type   string `json:"type"`
					Credit []struct {
						Point string `json:"point"`
					} `json:"creditPoint"`
				} `json:"specifiedBy"`
			} `json:"hasClaim"`
		} `json:"credentialSubject"`
	}
	if err := json.Unmarshal(out, &doc); err != nil {
		fmt.Println(err)
		return
	}
	claim := doc.Subject.Claims[0]
	fmt.Println(doc.Type)
	fmt.Println(claim.Title["et"][0], "—", claim.Spec.Type, claim.Spec.Credit[0].Point, "ECTS")
	before, _, _ := strings.Cut(doc.Evidence[0].Statement, ", issued by")
	fmt.Println(before)
	// Output:
	// [VerifiableCredential VerifiableAttestation EuropeanDigitalCredential]
	// Andmekaitse (GDPR) VKEdele — Qualification 2 ECTS
	// Converted on 2026-03-02T10:00:00Z by Satchel 1.0, the learner's own wallet, from an Open Badges 3.0 credential (VC 2.0)
}
