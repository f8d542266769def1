package elm

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/satchel-wallet/satchel/internal/fixture"
	"github.com/satchel-wallet/satchel/wallet/credential"
)

func en(s string) credential.Text { return credential.TextOf("en", s) }

func ptr(f float64) *float64 { return &f }

// mcSkills are the skills of the micro-credential's learning outcomes.
var mcOutcomes = []credential.Outcome{
	{ID: "urn:epass:learningOutcome:1", Title: en("Communication, collaboration and creativity"), Skills: []credential.Concept{
		{ID: "http://data.europa.eu/esco/skill/ccdf3597-5c80-410f-896d-e1bdfa223de9", Label: en("stimulate creativity in the team"), Framework: en("ESCO")},
		{ID: "http://data.europa.eu/esco/skill/80f308e6-0e09-404a-80cd-ec5f50f6f304", Label: en("communicate with target community"), Framework: en("ESCO")},
		{ID: "http://data.europa.eu/esco/skill/326809fc-238d-40c2-881e-40042f7f2f0d", Label: en("establish collaborative relations"), Framework: en("ESCO")},
	}},
	{ID: "urn:epass:learningOutcome:2", Title: credential.TextOf("en", "Developing digital content", "es", "Contento digital"), Skills: []credential.Concept{
		{ID: "http://data.europa.eu/esco/skill/5fd5c985-eaaa-47aa-8314-62359c54505a", Label: en("develop digital content"), Framework: en("ESCO")},
		{ID: "http://data.europa.eu/snb/dcf/u69o196gu6", Label: en("Developing digital content")},
		{ID: "http://data.europa.eu/snb/dcf/3ol5wi3605", Label: en("Developing digital content Level 4")},
	}},
}

var universityOfZed = credential.Party{ID: "urn:epass:org:1", Name: en("University of Zed"), Country: en("Ireland"), CountryCode: "IRL", URL: "https://uniz.edu"}

// TestMicroCredentialAnnex1 checks every EU standard element the
// Commission's micro-credential sample carries, unsealed and sealed,
// against the values read from the sample by hand. The sealed one was
// issued through the EDC software, which made the sealing organisation
// the issuer (so the University of Zed becomes the awarding body) and
// added the issuing date and a mandate evidence.
func TestMicroCredentialAnnex1(t *testing.T) {
	unsealed := readFixture(t, "edc/elm-v3/Sample-MC-Annex1-unsigned.jsonld")
	sealedR := readFixture(t, "edc/elm-v3/Sample-MC-Annex1-signed.jsonld")
	common := []struct {
		element string
		get     func(c *credential.Credential) any
		want    any
	}{
		{"types", func(c *credential.Credential) any { return c.Types }, []string{"VerifiableCredential", "EuropeanDigitalCredential"}},
		{
			"learner", func(c *credential.Credential) any { return c.Learner },
			credential.Learner{Name: en("Ana Andromeda"), ID: "urn:epass:person:1", BirthDate: "1999-10-01T22:00:00Z"},
		},
		{"title", func(c *credential.Credential) any { return c.Title }, en("Digital micro-credential creation")},
		{"description", func(c *credential.Credential) any { return c.Description }, en("has successfully completed a micro-module")},
		{"valid from", func(c *credential.Credential) any { return c.ValidFrom }, time.Date(2022, 12, 31, 23, 0, 0, 0, time.UTC)},
		{"valid until", func(c *credential.Credential) any { return c.ValidUntil }, time.Time{}},
		{"learning outcomes with ESCO skills", func(c *credential.Credential) any { return c.LearningOutcomes }, mcOutcomes},
		{"ECTS", func(c *credential.Credential) any { return c.ECTS }, ptr(2)},
		{"hours (PT60H)", func(c *credential.Credential) any { return c.Hours }, ptr(60)},
		{"EQF level", func(c *credential.Credential) any { return c.EQF }, 6},
		{
			"NQF level", func(c *credential.Credential) any { return c.NQF },
			&credential.Concept{ID: "http://data.europa.eu/snb/qdr/c_c392e7a2", Label: en("RQF Level 6")},
		},
		{"assessment", func(c *credential.Credential) any { return c.Assessment }, en("artefact assessment (Online)")},
		{"form of participation", func(c *credential.Credential) any { return c.Participation }, en("Blended (non-formal learning)")},
		{"quality assurance", func(c *credential.Credential) any { return c.QualityAssurance }, credential.Text(nil)},
		{
			"prerequisites", func(c *credential.Credential) any { return c.Prerequisites },
			en("The learner needs to have an EDC Online Credential Builder account, that requires an EU Login ID."),
		},
		{"supervision and identity verification", func(c *credential.Credential) any { return c.Supervision }, en("Unsupervised without ID Verification")},
		{"grade", func(c *credential.Credential) any { return c.Grade }, en("Pass")},
		{"stackability", func(c *credential.Credential) any { return c.Stackability }, en("Stand-alone: not part of a larger qualification.")},
		{"part of", func(c *credential.Credential) any { return c.PartOf }, []credential.Concept(nil)},
		{"further information", func(c *credential.Credential) any { return c.FurtherInformation }, credential.Text(nil)},
		{"field of study (ISCED-F)", func(c *credential.Credential) any { return c.FieldOfStudy }, []credential.Concept{
			{ID: "http://data.europa.eu/snb/isced-f/003", Label: en("Personal skills and development"), Code: "003", Framework: en("ISCED-F 2013")},
			{
				ID: "http://data.europa.eu/snb/isced-f/0688", Label: en("Inter-disciplinary programmes and qualifications involving Information and Communication Technologies (ICTs)"),
				Code: "0688", Framework: en("ISCED-F 2013"),
			},
		}},
		{"languages", func(c *credential.Credential) any { return c.Languages }, []string{"en"}},
		{"accreditation", func(c *credential.Credential) any { return c.Accreditation }, []credential.Concept(nil)},
		{"format", func(c *credential.Credential) any { return c.Format }, credential.FormatEDC},
		{"image count (page, issuer logo)", func(c *credential.Credential) any { return len(c.Images) }, 2},
		{"page image", func(c *credential.Credential) any {
			return []any{c.Images[0].URL[:len("data:image/jpeg;base64,/9j/4AAQ")], c.Images[0].Caption}
		}, []any{"data:image/jpeg;base64,/9j/4AAQ", en("Micro-Credential")}},
		{"logo", func(c *credential.Credential) any { return c.Images[1].URL[:len("data:image/png;base64,iVBOR")] }, "data:image/png;base64,iVBOR"},
	}
	tests := []struct {
		name string
		r    *credential.Reading
		own  []struct {
			element string
			get     func(c *credential.Credential) any
			want    any
		}
	}{
		{"unsealed", unsealed, []struct {
			element string
			get     func(c *credential.Credential) any
			want    any
		}{
			{"source id", func(c *credential.Credential) any { return c.SourceID }, "urn:credential:3ef0ac26-9a1f-41c6-871b-2b82e670907b"},
			{"issuer", func(c *credential.Credential) any { return c.Issuer }, universityOfZed},
			{"awarding body (the issuer)", func(c *credential.Credential) any { return c.AwardingBody }, (*credential.Party)(nil)},
			{"issued (not stated)", func(c *credential.Credential) any { return c.Issued }, time.Time{}},
			{"profile", func(c *credential.Credential) any { return c.Profile }, "European Digital Credential (ELM 3, unsealed)"},
			{"media type", func(c *credential.Credential) any { return c.MediaType }, MediaTypeUnsealed},
		}},
		{"sealed", sealedR, []struct {
			element string
			get     func(c *credential.Credential) any
			want    any
		}{
			{"source id", func(c *credential.Credential) any { return c.SourceID }, "urn:credential:1018d05f-21d5-4555-b7f0-8fabfd22ca75"},
			{"issuer (the sealing organisation)", func(c *credential.Credential) any { return c.Issuer }, credential.Party{
				ID: "urn:epass:org:1f0de2587-9348-4fa9-b4d7-a77e34a9ac8a", Name: en("ORGANIZACION TEST"), Country: en("Ireland"), CountryCode: "IRL", URL: "https://uniz.edu",
			}},
			{"awarding body", func(c *credential.Credential) any { return c.AwardingBody }, &universityOfZed},
			{"issued", func(c *credential.Credential) any { return c.Issued.UTC() }, time.Date(2023, 9, 27, 11, 54, 17, 0, time.UTC)},
			{"profile", func(c *credential.Credential) any { return c.Profile }, "European Digital Credential (ELM 3, sealed)"},
			{"media type", func(c *credential.Credential) any { return c.MediaType }, MediaTypeSealed},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := &tt.r.Credential
			check := func(element string, got, want any) {
				t.Run(element, func(t *testing.T) {
					if !reflect.DeepEqual(got, want) {
						g, _ := json.Marshal(got)
						w, _ := json.Marshal(want)
						t.Errorf("got  %s\nwant %s", g, w)
					}
				})
			}
			for _, e := range common {
				check(e.element, e.get(c), e.want)
			}
			for _, e := range tt.own {
				check(e.element, e.get(c), e.want)
			}
			if !reflect.DeepEqual(tt.r.Subjects, []string{"urn:epass:person:1"}) || len(tt.r.Status) != 0 {
				t.Errorf("subjects %v status %v", tt.r.Subjects, tt.r.Status)
			}
			if f := findCheck(t, tt.r, credential.CheckFormat); f.Status != credential.OK {
				t.Errorf("format check %+v", f)
			}
			if a := findCheck(t, tt.r, credential.CheckAccreditation); a.Status != credential.Skipped || a.Code != "accreditation.none" {
				t.Errorf("accreditation check %+v", a)
			}
		})
	}
	if p := findCheck(t, unsealed, credential.CheckProof); p.Status != credential.Failed || p.Code != "proof.none" {
		t.Errorf("unsealed proof check %+v", p)
	}
}

// Every other EDC sample reads, with a title and an issuer.
func TestSamplesNormalise(t *testing.T) {
	tests := []struct {
		file, title, issuer, profile string
	}{
		{"edc/elm-v3/Sample-CertOfPart-unsigned.jsonld", "EDC Updates Webinar", "European Digital Credentials for Learning Support Team", "ELM 3, unsealed"},
		{"edc/elm-v3/Sample-CertOfPart-signed.jsonld", "EDC Updates Webinar", "ORGANIZACION TEST", "ELM 3, sealed"},
		{"edc/elm-v3/credential-sample.jsonld", "some kind of learning achievement", "some legal name", "ELM 3, unsealed"},
		{"edc/elm-v3/DERIVED_Sample-MC-Annex1-trimmed-for-reading.json", "Digital micro-credential creation", "University of Zed", "ELM 3, unsealed"},
		{"edc/edc-software-v2.0.6/jsonld/credential-signed.jsonld", "some kind of learning achievement", "some legal name", "ELM 3, sealed"},
		{"edc/edc-software-v2.0.6/jsonld/credential_shouldValidate.jsonld", "some kind of learning achievement", "some legal name", "ELM 3, unsealed"},
		{"edc/ebsi-vcdm2-elm32/Bengales_highSchoolDiploma.json", "Higher  Education Entrance Qualification - German International ABITUR School", "ORGANIZACION TEST", "ELM 3.2, VC 2.0, unsealed"},
		{"edc/ebsi-vcdm2-elm32/DigiComp_Generic.json", "TITLE OF PROGRAMME", "ORGANIZACION TEST", "ELM 3.2, VC 2.0, unsealed"},
		{"edc/ebsi-vcdm2-elm32/Diploma_rntuo_credential.json", "Máster Universitario en Asuntos Internacionales: Economía, Política y Derecho por la Universidad Pontificia Comillas", "ORGANIZACION TEST", "ELM 3.2, VC 2.0, unsealed"},
		{"edc/ebsi-vcdm2-elm32/Francisco_Cruz_Argudo_Certificate_of_Completion.json", "Certificate of Completion", "ORGANIZACION TEST", "ELM 3.2, VC 2.0, unsealed"},
		{"edc/ebsi-vcdm2-elm32/Microcredential_-_Data_and_software_business.json", "Data and software business", "ORGANIZACION TEST", "ELM 3.2, VC 2.0, unsealed"},
		{"edc/ebsi-vcdm2-elm32/Transcript_of_records_-_generic.json", "TITLE OF PROGRAMME", "ORGANIZACION TEST", "ELM 3.2, VC 2.0, unsealed"},
	}
	for _, tt := range tests {
		t.Run(tt.file[strings.LastIndex(tt.file, "/")+1:], func(t *testing.T) {
			data := fixture.Read(t, tt.file)
			if !Detect(data) {
				t.Error("Detect = false")
			}
			r := read(t, data)
			c := r.Credential
			if c.Title.In("en") != tt.title || c.Issuer.Name.In("en") != tt.issuer {
				t.Errorf("title %q issuer %q", c.Title.In("en"), c.Issuer.Name.In("en"))
			}
			if c.Profile != "European Digital Credential ("+tt.profile+")" {
				t.Errorf("profile %q", c.Profile)
			}
			if f := findCheck(t, r, credential.CheckFormat); f.Status != credential.OK {
				t.Errorf("format check %+v", f)
			}
			if c.Learner.Name.IsZero() || len(r.Subjects) == 0 || len(r.Identity) == 0 {
				t.Errorf("learner %+v subjects %v identity %d bytes", c.Learner, r.Subjects, len(r.Identity))
			}
		})
	}
}

// Elements the other samples carry that the micro-credential does not.
func TestSampleElements(t *testing.T) {
	mc32 := readFixture(t, "edc/ebsi-vcdm2-elm32/Microcredential_-_Data_and_software_business.json").Credential
	if *mc32.ECTS != 5 || mc32.Grade.In("en") != "Excellent (5)" || len(mc32.LearningOutcomes) != 3 ||
		mc32.AwardingBody == nil || mc32.AwardingBody.Name.In("en") != "University of Life" || mc32.AwardingBody.CountryCode != "BEL" ||
		mc32.Participation.In("en") != "formal learning" || !mc32.Issued.Equal(time.Date(2024, 3, 26, 15, 4, 42, 0, time.UTC)) {
		t.Errorf("ELM 3.2 micro-credential: %+v", mc32)
	}
	cert := readFixture(t, "edc/elm-v3/Sample-CertOfPart-unsigned.jsonld").Credential
	if cert.Hours == nil || *cert.Hours != 2 {
		t.Errorf("certificate of participation: volumeOfLearning P2M is two months, workload PT2H is 2 hours; got %v", cert.Hours)
	}
	diploma := readFixture(t, "edc/ebsi-vcdm2-elm32/Bengales_highSchoolDiploma.json").Credential
	if diploma.EQF != 4 || diploma.NQF.Label.In("en") != "DQR Level 5" || *diploma.ECTS != 0 || diploma.Hours != nil ||
		diploma.Stackability.In("en") != "Partial qualification: part of a larger qualification." {
		t.Errorf("diploma: EQF %d NQF %v ECTS %v hours %v (P60D is not a number of hours)", diploma.EQF, diploma.NQF, diploma.ECTS, diploma.Hours)
	}
	full := readFixture(t, "edc/edc-software-v2.0.6/jsonld/credential_shouldValidate.jsonld").Credential
	if full.Supervision.In("en") != "Supervised with ID Verification" || full.Supervision.In("es") != "Supervisado con verificación de la identidad" ||
		full.Prerequisites.In("en") != "Entry requirement note" || full.QualityAssurance.In("en") != "Program License" ||
		len(full.Accreditation) != 1 || *full.Hours != 1000 || full.ECTS != nil || !reflect.DeepEqual(full.Languages, []string{"en", "de", "es"}) ||
		!strings.HasPrefix(full.FurtherInformation.In("en"), "More information Note lorem ispum\n") {
		t.Errorf("full generic credential: %+v", full)
	}
	expiring := readFixture(t, "edc/ebsi-vcdm2-elm32/Diploma_rntuo_credential.json").Credential
	if !expiring.ValidUntil.Equal(time.Date(2023, 3, 3, 23, 0, 0, 0, time.UTC)) {
		t.Errorf("validUntil %v", expiring.ValidUntil)
	}
	big := readFixture(t, "edc/ebsi-vcdm2-elm32/Francisco_Cruz_Argudo_Certificate_of_Completion.json").Credential
	if len(big.Images) != 1 || !strings.HasPrefix(big.Images[0].URL, "urn:epass:mediaObject:") {
		t.Errorf("an image over %d characters is kept as a reference: %+v", maxInlineImage, big.Images)
	}
}

// The Europass issuing upload form wraps an EDC; it is not one itself.
func TestUploadForm(t *testing.T) {
	for _, f := range []string{"edc/elm-v3/Sample-MC-Annex1-unsigned-uploadable.json", "edc/elm-v3/Sample-CertOfPart-unsigned-uploadable.json"} {
		t.Run(f[strings.LastIndex(f, "/")+1:], func(t *testing.T) {
			data := fixture.Read(t, f)
			if Detect(data) {
				t.Error("Detect = true for the upload form")
			}
			var form struct{ Credential json.RawMessage }
			if err := json.Unmarshal(data, &form); err != nil {
				t.Fatal(err)
			}
			r := read(t, form.Credential)
			if r.Credential.Title.IsZero() || r.Credential.Issuer.Name.IsZero() {
				t.Errorf("the credential inside: %+v", r.Credential)
			}
		})
	}
}
