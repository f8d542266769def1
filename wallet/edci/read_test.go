package edci_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/satchel-wallet/satchel/internal/fixture"
	"github.com/satchel-wallet/satchel/wallet/credential"
	"github.com/satchel-wallet/satchel/wallet/edci"
)

const (
	v2  = "edc/elm-v2-xml/"
	sw  = "edc/edc-software-v2.0.6/xml/"
	day = "2006-01-02"
)

// want is what a fixture must give.
type want struct {
	title, issuer, learner, issued string
	proof                          credential.Status
	proofCode                      string
	signer                         string // organisation named by the seal
	signedAt                       string
	embedded                       int
	ects                           float64
	eqf                            int
	subject                        string
}

// fixtures lists every EDCI XML fixture with what reading it must give.
// Two seals verify completely; three of the Commission's XSD test files
// were re-indented after sealing, so their seals no longer match.
var fixtures = map[string]want{
	v2 + "EDC_DiplomaSupplement_AA.xml": {
		title: "Graduate University Study of Civil Engineering - Diploma Supplement", issuer: "Certificado TEST Sello Electronico",
		learner: "Ana Andromeda", proof: credential.OK, proofCode: "proof.edci-sealed",
		signer: "Certificado TEST Sello Electronico", signedAt: "2022-08-09", embedded: 1, subject: "ildiko.mazar@gmail.com",
	},
	v2 + "EDC_SampleACT_AA.xml": {
		title: "Certificate of Participation", issuer: "Spanish Training Provider", learner: "Ana Andromeda", issued: "2022-02-02",
		proof: credential.Failed, proofCode: "proof.none", subject: "sample.email@sample.email.com",
	},
	v2 + "EDC_SampleDegree_AA.xml": {
		title: "Graduate University Study of Civil Engineering", issuer: "University Great", learner: "Ana Andromeda", issued: "2022-02-02",
		proof: credential.Failed, proofCode: "proof.none", ects: 120, eqf: 5,
	},
	v2 + "EDC_WileECoyote_Simple.xml": {
		title: "Sample credential", issuer: "Acme Corporation", learner: "Wile Coyote", issued: "2022-02-02",
		proof: credential.Failed, proofCode: "proof.none", subject: "Wile.coyote@acme.cat",
	},
	v2 + "Ildiko_Mazar_Certificate_of_Excellence.xml": {
		title: "Certificate of Excellence", issuer: "ANTHONY FISHER CAMILLERI S.P.", learner: "Ildiko Mazar", issued: "2020-11-26",
		proof: credential.OK, proofCode: "proof.edci-sealed", signer: "ANTHONY FISHER CAMILLERI S.P.", signedAt: "2020-11-26",
		ects: 10, eqf: 4, subject: "ildiko.mazar.sa@everis.com",
	},
	sw + "credential-generic-profile-xsd-signed.xml": {
		title: "Master of Science: Climate Studies and Biofuture (version 1.3)", issuer: "Green University and Research Center",
		learner: "Karolina OSTROWSKA", issued: "2021-01-28", proof: credential.Failed, proofCode: "proof.failed", eqf: 7,
		subject: "karostra@gmail.com",
	},
	sw + "credential-generic-profile-xsd_v1.2.xml": {
		title: "Sewing course", issuer: "Certificado TEST Sello Electronico", learner: "Lilly Rose", issued: "2021-09-03",
		proof: credential.Failed, proofCode: "proof.none",
	},
	sw + "europass_credential_xml_example.xml": {
		title: "Guitar Hero", issuer: "House of Rhythm Academy", learner: "Summer Berries",
		proof: credential.Failed, proofCode: "proof.none", embedded: 1, subject: "karoandnordinetest@gmail.com",
	},
	sw + "validXMLCredential.xml": {
		title: "Simle Accredited Cred", issuer: "Certificado TEST Sello Electronico", learner: "Enric Sayos", issued: "2022-01-27",
		proof: credential.Failed, proofCode: "proof.failed",
	},
	sw + "verificable_presentation_mandated-xsd_v1.2.xml": {
		title: "Guitar Hero Cert", issuer: "mockOrg", learner: "Billy Rolling",
		proof: credential.Failed, proofCode: "proof.failed", embedded: 1,
	},
}

func TestFixtures(t *testing.T) {
	ctx := context.Background()
	for rel, w := range fixtures {
		t.Run(rel, func(t *testing.T) {
			data := fixture.Read(t, rel)
			if !edci.Detect(data) {
				t.Fatal("Detect = false")
			}
			r, err := edci.Read(ctx, data, edci.Options{})
			if err != nil {
				t.Fatal(err)
			}
			c := r.Credential
			if got := c.Title.In("en"); got != w.title {
				t.Errorf("title %q, want %q", got, w.title)
			}
			if got := c.Issuer.Name.In("en"); got != w.issuer {
				t.Errorf("issuer %q, want %q", got, w.issuer)
			}
			if got := c.Learner.Name.In("en"); got != w.learner {
				t.Errorf("learner %q, want %q", got, w.learner)
			}
			if w.issued != "" && c.Issued.Format(day) != w.issued {
				t.Errorf("issued %s, want %s", c.Issued.Format(day), w.issued)
			}
			if c.Format != credential.FormatEDCIXML {
				t.Errorf("format %s", c.Format)
			}
			checkProof(t, r, w)
			if len(r.Embedded) != w.embedded {
				t.Errorf("%d embedded credentials, want %d", len(r.Embedded), w.embedded)
			}
			if w.ects != 0 && (c.ECTS == nil || *c.ECTS != w.ects) {
				t.Errorf("ECTS %v, want %v", c.ECTS, w.ects)
			}
			if w.eqf != 0 && c.EQF != w.eqf {
				t.Errorf("EQF %d, want %d", c.EQF, w.eqf)
			}
			if w.subject != "" && (len(r.Subjects) == 0 || r.Subjects[0] != w.subject) {
				t.Errorf("subjects %v, want %s first", r.Subjects, w.subject)
			}
			if len(r.Identity) == 0 {
				t.Error("no identity")
			}
			for i, e := range r.Embedded {
				checkEmbedded(t, i, e, w)
			}
		})
	}
}

func checkProof(t *testing.T, r *credential.Reading, w want) {
	t.Helper()
	p, ok := findCheck(r, credential.CheckProof)
	if !ok {
		t.Fatal("no proof check")
	}
	if p.Status != w.proof || p.Code != w.proofCode {
		t.Fatalf("proof %s %s (%s; %s), want %s %s", p.Status, p.Code, p.Message, p.Detail, w.proof, w.proofCode)
	}
	if w.signer == "" {
		if r.Signer != "" {
			t.Errorf("signer %q for an unverified seal", r.Signer)
		}
		return
	}
	if p.Args["Signer"] != w.signer || len(r.SignerNames) == 0 || r.SignerNames[0] != w.signer {
		t.Errorf("signer %q, names %v, want %s", p.Args["Signer"], r.SignerNames, w.signer)
	}
	if d, _ := time.Parse("2 January 2006", p.Args["Date"]); d.Format(day) != w.signedAt {
		t.Errorf("signed %q, want %s", p.Args["Date"], w.signedAt)
	}
	for _, s := range []string{"digest matches", "signature over SignedInfo", "valid", "judged at the signing time", "Not checked"} {
		if !strings.Contains(p.Detail, s) {
			t.Errorf("detail lacks %q: %s", s, p.Detail)
		}
	}
	if !strings.HasPrefix(r.Signer, "CN=") {
		t.Errorf("Signer %q is not a certificate subject", r.Signer)
	}
}

// checkEmbedded reads a credential taken out of a presentation: it must
// read as a credential of its own, unsealed, and the presentation's
// reading must say what vouches for it.
func checkEmbedded(t *testing.T, i int, data []byte, w want) {
	t.Helper()
	r, err := edci.Read(context.Background(), data, edci.Options{})
	if err != nil {
		t.Fatalf("embedded %d: %v", i, err)
	}
	if r.Credential.Learner.Name.In("en") != w.learner || r.Credential.Title.IsZero() {
		t.Errorf("embedded %d: learner %q title %q", i, r.Credential.Learner.Name.In("en"), r.Credential.Title.In("en"))
	}
	if p, _ := findCheck(r, credential.CheckProof); p.Code != "proof.none" {
		t.Errorf("embedded %d: proof %s", i, p.Code)
	}
}

func TestPresentationSaysWhatCoversItsCredentials(t *testing.T) {
	r, err := edci.Read(context.Background(), fixture.Read(t, v2+"EDC_DiplomaSupplement_AA.xml"), edci.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var codes []string
	for _, c := range r.Checks {
		codes = append(codes, c.Code)
	}
	if got := strings.Join(codes, " "); got != "format.edci-presentation proof.edci-sealed proof.edci-embedded" {
		t.Fatalf("checks %s", got)
	}
}

func TestNormalisedElements(t *testing.T) {
	r, err := edci.Read(context.Background(), fixture.Read(t, v2+"Ildiko_Mazar_Certificate_of_Excellence.xml"), edci.Options{})
	if err != nil {
		t.Fatal(err)
	}
	c := r.Credential
	cases := []struct{ name, got, want string }{
		{"source id", c.SourceID, "urn:credential:4449ae94-bad0-4591-a5d5-d1f97d237b8e"},
		{"issuer id", c.Issuer.ID, "VATSI-61038750"},
		{"awarding body", c.AwardingBody.Name.In("en"), "Faculty of Arts and Communication"},
		{"awarding body country", c.AwardingBody.CountryCode, "FRA"},
		{"valid until", c.ValidUntil.Format(day), "2025-03-31"},
		{"birth date", c.Learner.BirthDate, "1985-01-01"},
		{"assessment", c.Assessment.In("en"), "written examination; practical assessment"},
		{"participation", c.Participation.In("en"), "Presential; Online"},
		{"supervision", c.Supervision.In("en"), "Unsupervised with ID Verification"},
		{"grade", c.Grade.String(), "Creative Writing: 88%; Online Communication Management: 88%"},
		{"NQF", c.NQF.Label.In("en"), "FR: NQF RNCP Level IV"},
		{"field", c.FieldOfStudy[0].Code, "0200"},
		{"languages", strings.Join(c.Languages, ","), "ENG,FRA"},
		{"outcome", c.LearningOutcomes[0].Title.In("en"), "writing techniques"},
		{"further information", c.FurtherInformation.In("en"), "Can be co-delivered by: Members of the Reseach Alliance"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if tc.got != tc.want {
				t.Errorf("%q, want %q", tc.got, tc.want)
			}
		})
	}
	if len(c.LearningOutcomes) != 4 || c.Hours == nil || *c.Hours != 105 || len(c.Images) != 1 {
		t.Errorf("%d outcomes, hours %v, %d images", len(c.LearningOutcomes), c.Hours, len(c.Images))
	}
	if a, _ := findCheck(r, credential.CheckAccreditation); a.Code != "accreditation.none" || a.Status != credential.Warning {
		t.Errorf("accreditation %s %s", a.Status, a.Code)
	}
}

func TestMultilingual(t *testing.T) {
	r, err := edci.Read(context.Background(), fixture.Read(t, v2+"EDC_DiplomaSupplement_AA.xml"), edci.Options{})
	if err != nil {
		t.Fatal(err)
	}
	e, err := edci.Read(context.Background(), r.Embedded[0], edci.Options{})
	if err != nil {
		t.Fatal(err)
	}
	c := e.Credential
	if len(c.Title.Languages()) < 2 || c.Title.In("es") == c.Title.In("en") {
		t.Errorf("title languages %v: %v", c.Title.Languages(), c.Title)
	}
	// The sample's accreditation (an institutional audit) names another
	// university than its issuer: a warning, not a failure.
	if a, _ := findCheck(e, credential.CheckAccreditation); a.Code != "accreditation.mismatch" || a.Status != credential.Warning ||
		!strings.Contains(a.Message, "JAMK University of Applied Sciences") {
		t.Errorf("accreditation %s %s: %s", a.Status, a.Code, a.Message)
	}
	if len(c.Accreditation) != 1 || c.Accreditation[0].Label.In("en") != "Institutional audit" || c.QualityAssurance.In("en") != "Institutional Quality Assurance" {
		t.Errorf("accreditation %+v, quality assurance %v", c.Accreditation, c.QualityAssurance)
	}
}

func TestNotEDCI(t *testing.T) {
	cases := map[string]struct {
		data string
		err  error
	}{
		"svg":      {`<svg xmlns="http://www.w3.org/2000/svg"/>`, edci.ErrNotEDCI},
		"json":     {`{"@context": "https://www.w3.org/ns/credentials/v2"}`, edci.ErrNotEDCI},
		"empty":    {"", edci.ErrNotEDCI},
		"wrong ns": {`<europassCredential xmlns="http://example.org"/>`, edci.ErrNotEDCI},
		"no pres":  {`<vp:verifiablePresentation xmlns:vp="http://data.europa.eu/snb/vp"/>`, edci.ErrMalformed},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			if _, err := edci.Read(context.Background(), []byte(tc.data), edci.Options{}); !errors.Is(err, tc.err) {
				t.Fatalf("err %v, want %v", err, tc.err)
			}
		})
	}
	for _, rel := range []string{"vectors/ob2-baked/mozilla-openbadges-bakery/baked.svg", "edc/elm-v3/Sample-MC-Annex1-signed.jsonld"} {
		if edci.Detect(fixture.Read(t, rel)) {
			t.Errorf("Detect(%s) = true", rel)
		}
	}
}

func findCheck(r *credential.Reading, name credential.CheckName) (credential.Check, bool) {
	for _, c := range r.Checks {
		if c.Check == name {
			return c, true
		}
	}
	return credential.Check{}, false
}
