package vc_test

import (
	"encoding/json"
	"os"
	"testing"
	"time"

	"github.com/satchel-wallet/satchel/internal/fixture"
	"github.com/satchel-wallet/satchel/wallet/credential"
	"github.com/satchel-wallet/satchel/wallet/vc"
)

func load(t *testing.T, data []byte) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestCorpusCredential checks every EU element of a full micro-credential
// issued by a third-party library with the eumc extension terms.
func TestCorpusCredential(t *testing.T) {
	c, subjects := vc.Normalise(load(t, readFile(t, "testdata/corpus-vc2.jsonld")))
	want := map[string]string{
		"title":         "Data Protection (GDPR) for SMEs",
		"issuer":        "Tallinn Digital Skills Academy",
		"issuerID":      "did:key:z6MkkaDm9ooGUU8G7SxbQf7zZu3zL52PKh2BnSQhi5Asj65F",
		"country":       "Estonia",
		"learner":       "Elena Marković",
		"assessment":    "Online multiple-choice test",
		"participation": "Blended (online and on-site)",
		"quality":       "Programme-level external accreditation by a national agency registered in EQAR",
		"supervision":   "Unsupervised, no identity verification",
		"prerequisites": "None",
		"stackability":  "Integrated into Professional Higher Education Diploma in Digital Business (Tallinn Digital Skills Academy); stackable",
		"grade":         "D",
		"profile":       "Open Badges 3.0 credential (VC 2.0)",
		"partOf":        "Professional Higher Education Diploma in Digital Business",
		"field":         "Law",
	}
	got := map[string]string{
		"title":         c.Title.In("en"),
		"issuer":        c.Issuer.Name.In("en"),
		"issuerID":      c.Issuer.ID,
		"country":       c.Issuer.Country.In("en"),
		"learner":       c.Learner.Name.In("en"),
		"assessment":    c.Assessment.In("en"),
		"participation": c.Participation.In("en"),
		"quality":       c.QualityAssurance.In("en"),
		"supervision":   c.Supervision.In("en"),
		"prerequisites": c.Prerequisites.In("en"),
		"stackability":  c.Stackability.In("en"),
		"grade":         c.Grade.In("en"),
		"profile":       c.Profile,
	}
	if len(c.PartOf) == 1 {
		got["partOf"] = c.PartOf[0].Label.In("en")
	}
	if len(c.FieldOfStudy) == 1 {
		got["field"] = c.FieldOfStudy[0].Label.In("en")
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s = %q, want %q", k, got[k], w)
		}
	}
	if c.ECTS == nil || *c.ECTS != 2 || c.EQF != 5 || c.Issuer.CountryCode != "EE" {
		t.Errorf("ects %v, eqf %d, country code %q", c.ECTS, c.EQF, c.Issuer.CountryCode)
	}
	if len(c.LearningOutcomes) != 3 || c.LearningOutcomes[1].Title.In("en") != "Draft a record of processing activities for a small organisation" {
		t.Errorf("outcomes: %+v", c.LearningOutcomes)
	}
	if !c.Issued.Equal(time.Date(2024, 1, 8, 14, 0, 0, 0, time.UTC)) || !c.ValidUntil.IsZero() {
		t.Errorf("issued %v, until %v", c.Issued, c.ValidUntil)
	}
	if len(c.FieldOfStudy) != 1 || c.FieldOfStudy[0].Code != "0421" || len(c.Languages) != 1 || c.Languages[0] != "en" {
		t.Errorf("field %+v, languages %v", c.FieldOfStudy, c.Languages)
	}
	if len(subjects) != 1 || subjects[0] != "did:key:z6MkprXS1mF5fNkf4B5YB37ponfwW9fDSw56ZG1JAicJXUAc" {
		t.Errorf("subjects %v", subjects)
	}
}

// TestEUTermsBySpelling: the EU terms are found by the IRI the context
// gives them, whatever the issuer calls them.
func TestEUTermsBySpelling(t *testing.T) {
	doc := load(t, []byte(`{
		"@context": ["https://www.w3.org/ns/credentials/v2", {"ex": "https://example.org/mc#", "wayAssessed": "ex:assessmentType", "qa": {"@id": "https://example.org/mc#qualityAssurance"}}],
		"type": ["VerifiableCredential"],
		"credentialSubject": {"id": "did:example:1", "wayAssessed": "Oral exam", "qa": "ISO 21001"}
	}`))
	c, _ := vc.Normalise(doc)
	if c.Assessment.In() != "Oral exam" || c.QualityAssurance.In() != "ISO 21001" {
		t.Fatalf("assessment %q, quality %q", c.Assessment.In(), c.QualityAssurance.In())
	}
}

func TestLanguageTaggedValues(t *testing.T) {
	doc := load(t, []byte(`{
		"@context": ["https://www.w3.org/ns/credentials/v2"],
		"type": ["VerifiableCredential", "OpenBadgeCredential"],
		"name": [{"@value": "Datenschutz", "@language": "de"}, {"@value": "Data protection", "@language": "en"}],
		"issuer": {"id": "https://uni.example", "name": {"@value": "Universität", "@language": "de"}},
		"credentialSubject": {"achievement": {"alignment": [{"targetType": "ext:EQFLevel", "targetFramework": "European Qualifications Framework", "targetCode": "7"}]}}
	}`))
	c, _ := vc.Normalise(doc)
	if c.Title.In("de") != "Datenschutz" || c.Title.In("en") != "Data protection" || c.Issuer.Name.In("fr") != "Universität" {
		t.Fatalf("title %v, issuer %v", c.Title, c.Issuer.Name)
	}
	if c.EQF != 7 {
		t.Fatalf("EQF from the framework name: %d", c.EQF)
	}
}

// TestFixtures normalises the Open Badges and DCC fixtures: every one has
// a title and an issuer.
func TestFixtures(t *testing.T) {
	files := []string{
		"vectors/ob3/spec-ldp-testvector/signed.json",
		"vectors/ob3/spec-ldp-testvector-clr/signed.json",
		"vectors/ob3/1edtech-validator/ob30/complete.json",
		"vectors/ob3/1edtech-validator/clr20/complex.json",
	}
	for _, f := range files {
		t.Run(f, func(t *testing.T) {
			c, _ := vc.Normalise(load(t, fixture.Read(t, f)))
			if c.Title.IsZero() || c.Issuer.ID == "" || c.Issued.IsZero() {
				t.Fatalf("title %q, issuer %q, issued %v", c.Title.In(), c.Issuer.ID, c.Issued)
			}
		})
	}
	c, _ := vc.Normalise(load(t, fixture.Read(t, "vectors/ob3/spec-ldp-testvector/signed.json")))
	if c.Profile != "Open Badges 3.0 credential (VC 2.0)" {
		t.Errorf("profile %q", c.Profile)
	}
}

func TestSDJWTClaims(t *testing.T) {
	c, subjects := vc.FromSDJWTClaims(load(t, readFile(t, "testdata/corpus-sdjwt-claims.json")))
	if c.Title.In() != "Machine Learning Foundations" || c.Issuer.Name.In() != "Hochschule für Weiterbildung Berlin" || c.Issuer.CountryCode != "DE" {
		t.Fatalf("title %q issuer %q %q", c.Title.In(), c.Issuer.Name.In(), c.Issuer.CountryCode)
	}
	if c.ECTS == nil || *c.ECTS != 6 || c.EQF != 7 || len(c.LearningOutcomes) != 3 || c.Learner.Name.In() != "Elena Marković" {
		t.Fatalf("ects %v eqf %d outcomes %d learner %q", c.ECTS, c.EQF, len(c.LearningOutcomes), c.Learner.Name.In())
	}
	if c.Profile != "EU micro-credential (SD-JWT VC)" || !c.Issued.Equal(time.Date(2024, 1, 16, 13, 0, 0, 0, time.UTC)) {
		t.Fatalf("profile %q issued %v", c.Profile, c.Issued)
	}
	if len(subjects) != 1 || c.Stackability.In() != "Stand-alone micro-credential" || len(c.PartOf) != 0 {
		t.Fatalf("subjects %v stackability %q partOf %v", subjects, c.Stackability.In(), c.PartOf)
	}
	if c.FieldOfStudy[0].Code != "0542" || c.Assessment.In() != "Project-based assessment" {
		t.Fatalf("field %+v assessment %q", c.FieldOfStudy, c.Assessment.In())
	}
	_ = credential.FormatSDJWT
}
