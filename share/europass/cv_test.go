package europass_test

import (
	"encoding/xml"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/satchel-wallet/satchel/internal/fixture"
	"github.com/satchel-wallet/satchel/share/europass"
	"github.com/satchel-wallet/satchel/wallet/credential"
)

// multilingual returns synthetic credentials whose values are Greek,
// Cyrillic and Polish, with every EU standard element filled, verified and
// not: the PDF and CV tests use them to check scripts and layout.
func multilingual() []*credential.Credential {
	f := func(x float64) *float64 { return &x }
	issued := time.Date(2025, 6, 30, 9, 0, 0, 0, time.UTC)
	checked := exportTime.Add(-time.Hour)
	return []*credential.Credential{
		{
			ID: "a1", Format: credential.FormatVCLDP, Profile: "Open Badges 3.0 credential (VC 2.0)",
			Title:       credential.TextOf("el", "Ψηφιακές δεξιότητες για εκπαιδευτικούς", "en", "Digital skills for teachers"),
			Description: credential.TextOf("el", "Μικροδιαπιστευτήριο του Πανεπιστημίου Αθηνών."),
			Learner:     credential.Learner{Name: credential.Plain("Ελένη Παπαδοπούλου")},
			Issuer:      credential.Party{ID: "did:key:z6Mkexample1", Name: credential.TextOf("el", "Εθνικό και Καποδιστριακό Πανεπιστήμιο Αθηνών"), CountryCode: "GR", Country: credential.TextOf("el", "Ελλάδα"), URL: "https://uoa.example.gr"},
			Issued:      issued, ValidFrom: issued,
			ECTS: f(5), Hours: f(125), EQF: 6,
			LearningOutcomes: []credential.Outcome{
				{Title: credential.TextOf("el", "Σχεδιάζει ψηφιακό εκπαιδευτικό υλικό"), Skills: []credential.Concept{{ID: "http://data.europa.eu/esco/skill/0a0ddb9d-4b49-4bc2-b2a4-bcd1a0e6d4f0", Label: credential.TextOf("en", "develop digital educational materials")}}},
				{Title: credential.TextOf("el", "Αξιολογεί εργαλεία τηλεκπαίδευσης")},
			},
			FieldOfStudy:  []credential.Concept{{ID: "http://data.europa.eu/snb/isced-f/0114", Code: "0114", Label: credential.TextOf("en", "Teacher training with subject specialisation")}},
			Languages:     []string{"el"},
			Grade:         credential.TextOf("el", "Άριστα (9,5/10)"),
			Assessment:    credential.TextOf("el", "Γραπτή εξέταση και εργασία"),
			Participation: credential.TextOf("el", "Εξ αποστάσεως"),
			Verification: credential.Verification{
				Verdict: credential.Verified, CheckedAt: checked, Signer: "Εθνικό και Καποδιστριακό Πανεπιστήμιο Αθηνών (did:key:z6Mkexample1)",
				Checks: []credential.Check{credential.NewCheck(credential.CheckProof, credential.OK, "proof.ok", map[string]string{"Signer": "did:key:z6Mkexample1"}, "")},
			},
		},
		{
			ID: "a2", Format: credential.FormatSDJWT, Profile: "EU micro-credential (SD-JWT VC)",
			Title:   credential.TextOf("uk", "Основи кібербезпеки", "bg", "Основи на киберсигурността"),
			Learner: credential.Learner{Name: credential.Plain("Олена Коваленко")},
			Issuer:  credential.Party{ID: "did:key:z6Mkexample2", Name: credential.TextOf("bg", "Софийски университет „Св. Климент Охридски“"), CountryCode: "BG"},
			Issued:  issued.AddDate(0, -3, 0), ValidUntil: issued.AddDate(4, 0, 0),
			ECTS: f(3), EQF: 5,
			LearningOutcomes: []credential.Outcome{{Title: credential.TextOf("bg", "Разпознава фишинг атаки")}, {Title: credential.TextOf("bg", "Прилага многофакторна автентикация")}},
			Grade:            credential.TextOf("bg", "Отличен 6"),
			QualityAssurance: credential.TextOf("bg", "Акредитирана програма (НАОА)"),
			Verification: credential.Verification{
				Verdict: credential.NotVerified, CheckedAt: checked,
				Checks: []credential.Check{credential.NewCheck(credential.CheckValidity, credential.Failed, "validity.expired", map[string]string{"Until": "1 May 2025"}, "")},
			},
		},
		{
			ID: "a3", Format: credential.FormatEDC, Profile: "European Digital Credential (ELM 3.2, VC 2.0, sealed)",
			Title:   credential.TextOf("pl", "Zarządzanie projektami zwinnymi – poziom zaawansowany"),
			Learner: credential.Learner{Name: credential.Plain("Łukasz Żółkiewski")},
			Issuer:  credential.Party{ID: "urn:epass:org:1", Name: credential.TextOf("pl", "Politechnika Łódzka"), CountryCode: "POL", Country: credential.TextOf("pl", "Polska")},
			Issued:  issued.AddDate(-1, 0, 0),
			ECTS:    f(2.5), EQF: 7,
			LearningOutcomes:   []credential.Outcome{{Title: credential.TextOf("pl", "Prowadzi przeglądy sprintu i retrospektywy")}, {Title: credential.TextOf("pl", "Szacuje pracochłonność zadań zespołu")}},
			Supervision:        credential.TextOf("pl", "Nadzorowany, z weryfikacją tożsamości"),
			FurtherInformation: credential.TextOf("pl", "Źródło: ścieżka kształcenia „Zwinne zarządzanie”."),
			Verification: credential.Verification{
				Verdict: credential.Verified, CheckedAt: checked, Signer: "Politechnika Łódzka",
				Checks: []credential.Check{credential.NewCheck(credential.CheckProof, credential.OK, "proof.ok", map[string]string{"Signer": "Politechnika Łódzka"}, "")},
			},
		},
	}
}

// selection is the credentials the CV and PDF tests export: two of each
// format of the corpus, the Commission's micro-credential, and the
// multilingual ones.
func selection(t testing.TB) []*credential.Credential {
	t.Helper()
	var out []*credential.Credential
	seen := map[credential.Format]int{}
	for _, v := range corpusCredentials(t) {
		if seen[v.Credential.Format] < 2 && v.Credential.Verification.Verdict == credential.Verified {
			seen[v.Credential.Format]++
			c := v.Credential
			out = append(out, &c)
		}
	}
	mc := verify(t, fixture.Read(t, "edc/elm-v3/Sample-MC-Annex1-signed.jsonld"))
	out = append(out, &mc.Credential)
	return append(out, multilingual()...)
}

// The reading side of the current format, namespace-aware: the tests
// parse the export with it, and check it on the CV Europass itself
// exported (FATelarico_sample.xml).
type readCandidate struct {
	XMLName xml.Name `xml:"http://www.europass.eu/1.0 Candidate"`
	Person  struct {
		Given  string `xml:"PersonName>GivenName"`
		Family string `xml:"PersonName>FamilyName"`
	} `xml:"CandidatePerson"`
	Education []struct {
		Org     string `xml:"http://www.hr-xml.org/3 OrganizationName"`
		Level   string `xml:"EducationLevelCode"`
		Country string `xml:"OrganizationContact>Communication>Address>CountryCode"`
		Degree  struct {
			Name    string `xml:"http://www.hr-xml.org/3 DegreeName"`
			Grade   string `xml:"FinalGrade>ScoreText"`
			Skills  string `xml:"OccupationalSkillsCovered"`
			Credit  string `xml:"CreditType"`
			Credits string `xml:"NumberOfCredit"`
		} `xml:"EducationDegree"`
	} `xml:"CandidateProfile>EducationHistory>EducationOrganizationAttendance"`
	Certifications []struct {
		Name        string `xml:"http://www.hr-xml.org/3 CertificationName"`
		Issued      string `xml:"FirstIssuedDate>FormattedDateTime"`
		Authority   string `xml:"IssuingAuthority>Name"`
		Description string `xml:"http://www.openapplications.org/oagis/9 Description"`
	} `xml:"CandidateProfile>Certifications>Certification"`
}

func TestCandidateReaderOnEuropassCV(t *testing.T) {
	var cv readCandidate
	if err := xml.Unmarshal(fixture.Read(t, "europass-cv/FATelarico_sample.xml"), &cv); err != nil {
		t.Fatal(err)
	}
	if len(cv.Education) != 2 || cv.Education[0].Level != "8" || cv.Education[0].Degree.Credit != "ECTS" || cv.Education[0].Degree.Credits != "240" || cv.Person.Family != "Telarico" {
		t.Fatalf("the reader misreads Europass's own CV: %+v", cv)
	}
}

// TestCV exports the selection in the current format, parses it back and
// finds every credential under education and training and under
// certifications, with its ECTS credits and EQF level.
func TestCV(t *testing.T) {
	creds := selection(t)
	out, err := europass.CV(europass.Person{}, creds, europass.CVOptions{Now: exportTime})
	if err != nil {
		t.Fatal(err)
	}
	var cv readCandidate
	if err := xml.Unmarshal(out, &cv); err != nil {
		t.Fatalf("the CV does not parse: %v", err)
	}
	if cv.Person.Given == "" || cv.Person.Family == "" {
		t.Errorf("the learner's name is missing: %+v", cv.Person)
	}
	if len(cv.Education) != len(creds) || len(cv.Certifications) != len(creds) {
		t.Fatalf("%d credentials, %d education entries, %d certifications", len(creds), len(cv.Education), len(cv.Certifications))
	}
	for i, c := range creds {
		e, cert := cv.Education[i], cv.Certifications[i]
		title := c.Title.In("en")
		if e.Degree.Name != title || cert.Name != title {
			t.Errorf("%d: title %q, education %q, certification %q", i, title, e.Degree.Name, cert.Name)
		}
		if c.ECTS != nil && (e.Degree.Credit != "ECTS" || e.Degree.Credits != strconv.FormatFloat(*c.ECTS, 'f', -1, 64)) {
			t.Errorf("%d: ECTS %v, CV %s %s", i, *c.ECTS, e.Degree.Credit, e.Degree.Credits)
		}
		if c.EQF > 0 && e.Level != strconv.Itoa(c.EQF) {
			t.Errorf("%d: EQF %d, CV %q", i, c.EQF, e.Level)
		}
		if !strings.Contains(cert.Description, "Verified by Satchel") && c.Verification.Verdict == credential.Verified {
			t.Errorf("%d: the verification is not stated: %s", i, cert.Description)
		}
		for _, o := range c.LearningOutcomes {
			if s := o.Title.In("en"); s != "" && !strings.Contains(e.Degree.Skills, xmlText(s)) {
				t.Errorf("%d: learning outcome %q missing", i, s)
			}
		}
	}
	only, err := europass.CV(europass.Person{GivenName: "Elena", FamilyName: "Marković"}, creds[:1], europass.CVOptions{Now: exportTime, NoEducation: true})
	if err != nil {
		t.Fatal(err)
	}
	cv = readCandidate{}
	if err := xml.Unmarshal(only, &cv); err != nil || len(cv.Education) != 0 || len(cv.Certifications) != 1 || cv.Person.Family != "Marković" {
		t.Errorf("certifications only: %v %+v", err, cv)
	}
	if _, err := europass.CV(europass.Person{}, nil, europass.CVOptions{}); err == nil {
		t.Error("a CV of no credentials")
	}
}

// xmlText is s as the HTML of a description escapes it.
func xmlText(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;").Replace(s)
}

// TestCVLegacyValidates validates the legacy export against the public
// Europass XML schema v3.4.1 with xmllint, offline through its catalog.
func TestCVLegacyValidates(t *testing.T) {
	requireTool(t, "xmllint", "libxml2-utils")
	creds := selection(t)
	out, err := europass.CVLegacy(europass.Person{Email: "elena@example.org", BirthDate: "1999-04-01"}, creds, europass.CVOptions{Now: exportTime})
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "cv-legacy.xml")
	if err := os.WriteFile(file, out, 0o644); err != nil {
		t.Fatal(err)
	}
	xmllintLegacy(t, file)
	var doc struct {
		Education []struct {
			Title string `xml:"Title"`
		} `xml:"LearnerInfo>EducationList>Education"`
		Achievements []struct {
			Code string `xml:"Title>Code"`
		} `xml:"LearnerInfo>AchievementList>Achievement"`
	}
	if err := xml.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Education) != len(creds) || len(doc.Achievements) != len(creds) || doc.Achievements[0].Code != "certifications" {
		t.Errorf("%d credentials, %d education entries, %d achievements", len(creds), len(doc.Education), len(doc.Achievements))
	}
}

// xmllintLegacy validates file against the legacy schema, failing the
// test with xmllint's output.
func xmllintLegacy(t *testing.T, file string) {
	t.Helper()
	dir := fixture.Path(t, "europass-cv/legacy-xsd-v3.4.1")
	cmd := exec.Command("xmllint", "--noout", "--nonet", "--schema", "EuropassSchema.xsd", file)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "XML_CATALOG_FILES=file://"+filepath.Join(dir, "catalog.xml"))
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("xmllint --schema: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "validates") {
		t.Fatalf("xmllint: %s", out)
	}
	t.Logf("xmllint: %s", strings.TrimSpace(string(out)))
}
