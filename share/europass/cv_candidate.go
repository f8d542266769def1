package europass

import (
	"bytes"
	"crypto/sha256"
	"encoding/xml"
	"fmt"
	"html"
	"strings"

	"github.com/satchel-wallet/satchel/wallet/credential"
)

// The current Europass CV format: a Candidate document of the Europass
// namespace, built on HR-Open (HR-XML 3) and OAGIS, as the Europass CV
// editor exports it. The element names, their namespaces and their order
// follow a CV exported by Europass (fixtures/europass-cv/FATelarico_sample.xml)
// for education and training, and the Europass XML documentation for
// certifications, of which that CV has none. Europass does not publish
// the schema, so the export cannot be validated against it; the tests
// check it parses and carries every credential.

// Namespaces of the Candidate document.
const (
	nsEuropass = "http://www.europass.eu/1.0"
	nsHR       = "http://www.hr-xml.org/3"
	nsOA       = "http://www.openapplications.org/oagis/9"
	nsEures    = "http://www.europass_eures.eu/1.0"
	nsXSI      = "http://www.w3.org/2001/XMLSchema-instance"
)

// encoding/xml writes prefixed names as given when the prefix is part of
// the tag ("hr:DegreeName"); the root declares the prefixes.
type (
	candidate struct {
		XMLName        xml.Name         `xml:"Candidate"`
		SchemaLocation string           `xml:"xsi:schemaLocation,attr"`
		Xmlns          string           `xml:"xmlns,attr"`
		XmlnsOA        string           `xml:"xmlns:oa,attr"`
		XmlnsEures     string           `xml:"xmlns:eures,attr"`
		XmlnsHR        string           `xml:"xmlns:hr,attr"`
		XmlnsXSI       string           `xml:"xmlns:xsi,attr"`
		DocumentID     schemeID         `xml:"hr:DocumentID"`
		Supplier       candidateSupply  `xml:"CandidateSupplier"`
		Person         candidatePerson  `xml:"CandidatePerson"`
		Profile        candidateProfile `xml:"CandidateProfile"`
	}
	schemeID struct {
		SchemeID      string `xml:"schemeID,attr"`
		SchemeName    string `xml:"schemeName,attr"`
		SchemeAgency  string `xml:"schemeAgencyName,attr"`
		SchemeVersion string `xml:"schemeVersionID,attr"`
	}
	candidateSupply struct {
		PartyID    schemeID      `xml:"hr:PartyID"`
		PartyName  string        `xml:"hr:PartyName"`
		Contact    personContact `xml:"PersonContact"`
		Precedence int           `xml:"hr:PrecedenceCode"`
	}
	personContact struct {
		Name          personName      `xml:"PersonName"`
		Communication []communication `xml:"Communication"`
	}
	personName struct {
		Given  string `xml:"oa:GivenName"`
		Family string `xml:"hr:FamilyName"`
	}
	communication struct {
		Channel string   `xml:"ChannelCode,omitempty"`
		URI     string   `xml:"oa:URI,omitempty"`
		Address *address `xml:"Address,omitempty"`
	}
	address struct {
		Country string `xml:"CountryCode"`
	}
	candidatePerson struct {
		Name          personName      `xml:"PersonName"`
		Communication []communication `xml:"Communication"`
		BirthDate     string          `xml:"hr:BirthDate,omitempty"`
	}
	candidateProfile struct {
		Lang           string           `xml:"languageCode,attr"`
		ID             schemeID         `xml:"hr:ID"`
		Education      *educationList   `xml:"EducationHistory,omitempty"`
		Certifications *certificationsT `xml:"Certifications,omitempty"`
	}
	educationList struct {
		Attendance []attendance `xml:"EducationOrganizationAttendance"`
	}
	attendance struct {
		Organization string          `xml:"hr:OrganizationName"`
		Contact      *orgContact     `xml:"OrganizationContact,omitempty"`
		Level        int             `xml:"EducationLevelCode,omitempty"`
		Period       *period         `xml:"AttendancePeriod,omitempty"`
		Degree       educationDegree `xml:"EducationDegree"`
	}
	orgContact struct {
		Communication []communication `xml:"Communication"`
	}
	period struct {
		Start   formatted `xml:"StartDate"`
		End     formatted `xml:"EndDate"`
		Ongoing bool      `xml:"Ongoing"`
	}
	formatted struct {
		Date string `xml:"hr:FormattedDateTime"`
	}
	educationDegree struct {
		Name    string         `xml:"hr:DegreeName"`
		Fields  []fieldOfStudy `xml:"FieldOfStudy"`
		Grade   *finalGrade    `xml:"FinalGrade,omitempty"`
		Skills  string         `xml:"OccupationalSkillsCovered,omitempty"`
		Credit  string         `xml:"CreditType,omitempty"`
		Credits string         `xml:"NumberOfCredit,omitempty"`
	}
	fieldOfStudy struct {
		TypeCode string        `xml:"typeCode,attr"`
		Main     concentration `xml:"MainFieldOfStudy"`
		Specific concentration `xml:"SpecificFieldOfStudy"`
	}
	concentration struct {
		Code string `xml:"ProgramConcentration"`
	}
	finalGrade struct {
		Score string `xml:"hr:ScoreText"`
	}
	certificationsT struct {
		Certification []certification `xml:"Certification"`
	}
	certification struct {
		Name        string           `xml:"hr:CertificationName"`
		FirstIssued *formatted       `xml:"FirstIssuedDate,omitempty"`
		Effective   *effectivePeriod `xml:"FreeFormEffectivePeriod,omitempty"`
		Authority   *authority       `xml:"IssuingAuthority,omitempty"`
		Description string           `xml:"oa:Description,omitempty"`
	}
	effectivePeriod struct {
		Start *formatted `xml:"StartDate,omitempty"`
		End   *formatted `xml:"EndDate,omitempty"`
	}
	authority struct {
		Name string `xml:"Name"`
	}
)

// CV writes a Europass CV in the current format (a Candidate document,
// namespace http://www.europass.eu/1.0) with the learner's name and the
// credentials, in the order given, as education and training and as
// certifications (see CVOptions). Each entry gives the awarding body and
// its country, the EQF level (EducationLevelCode), the ISCED-F fields,
// the grade, the learning outcomes, the ECTS credits (CreditType ECTS and
// NumberOfCredit), and the verification in words.
func CV(learner Person, creds []*credential.Credential, opts CVOptions) ([]byte, error) {
	if err := checkCreds("CV", creds); err != nil {
		return nil, err
	}
	lang := opts.lang()
	p := person(learner, creds, lang)
	name := personName{Given: p.GivenName, Family: p.FamilyName}
	var comms []communication
	if p.Email != "" {
		comms = append(comms, communication{Channel: "Email", URI: p.Email})
	}
	id := documentID(creds, opts.now().UTC().Format("20060102T150405"))
	doc := candidate{
		SchemaLocation: nsEuropass + " Candidate.xsd",
		Xmlns:          nsEuropass, XmlnsOA: nsOA, XmlnsEures: nsEures, XmlnsHR: nsHR, XmlnsXSI: nsXSI,
		DocumentID: schemeID{id, "DocumentIdentifier", "EUROPASS", "4.0"},
		Supplier: candidateSupply{
			PartyID:    schemeID{id, "PartyID", "EUROPASS", "1.0"},
			PartyName:  "Owner",
			Contact:    personContact{Name: name, Communication: comms},
			Precedence: 1,
		},
		Person:  candidatePerson{Name: name, Communication: comms, BirthDate: p.BirthDate},
		Profile: candidateProfile{Lang: lang, ID: schemeID{id, "CandidateProfileID", "EUROPASS", "1.0"}},
	}
	if !opts.NoEducation {
		doc.Profile.Education = &educationList{}
		for _, c := range creds {
			doc.Profile.Education.Attendance = append(doc.Profile.Education.Attendance, educationEntry(c, lang))
		}
	}
	if !opts.NoCertifications {
		doc.Profile.Certifications = &certificationsT{}
		for _, c := range creds {
			doc.Profile.Certifications.Certification = append(doc.Profile.Certifications.Certification, certificationEntry(c, lang))
		}
	}
	var buf bytes.Buffer
	buf.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n")
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "    ")
	if err := enc.Encode(doc); err != nil {
		return nil, fmt.Errorf("europass: encode CV: %w", err)
	}
	buf.WriteByte('\n')
	return buf.Bytes(), nil
}

// documentID names the CV by what it holds and when it was made.
func documentID(creds []*credential.Credential, stamp string) string {
	h := sha256.New()
	for _, c := range creds {
		h.Write([]byte(c.ID + "\x00"))
	}
	return fmt.Sprintf("Satchel-%s-%x", stamp, h.Sum(nil)[:4])
}

func educationEntry(c *credential.Credential, lang string) attendance {
	body := c.Issuer
	if c.AwardingBody != nil && !c.AwardingBody.IsZero() {
		body = *c.AwardingBody
	}
	a := attendance{Organization: partyName(body, lang), Level: c.EQF}
	var comms []communication
	if cc := countryAlpha2(body.CountryCode); cc != "" {
		comms = append(comms, communication{Address: &address{Country: strings.ToLower(cc)}})
	}
	if strings.HasPrefix(body.URL, "http") {
		comms = append(comms, communication{Channel: "Web", URI: body.URL})
	}
	if len(comms) > 0 {
		a.Contact = &orgContact{Communication: comms}
	}
	if d := day(c.Issued); d != "" {
		a.Period = &period{Start: formatted{d}, End: formatted{d}}
	}
	a.Degree = educationDegree{Name: titleIn(c, lang), Skills: descriptionHTML(c, lang)}
	for _, f := range c.FieldOfStudy {
		if strings.HasPrefix(f.ID, iscedPrefix) && len(f.Code) >= 2 {
			a.Degree.Fields = append(a.Degree.Fields, fieldOfStudy{TypeCode: "URI", Main: concentration{f.Code[:2]}, Specific: concentration{f.Code}})
		}
	}
	if g := c.Grade.In(lang); g != "" {
		a.Degree.Grade = &finalGrade{Score: g}
	}
	if c.ECTS != nil {
		a.Degree.Credit, a.Degree.Credits = "ECTS", number(*c.ECTS)
	}
	return a
}

func certificationEntry(c *credential.Credential, lang string) certification {
	cert := certification{Name: titleIn(c, lang)}
	if d := day(c.Issued); d != "" {
		cert.FirstIssued = &formatted{d}
	}
	if !c.ValidFrom.IsZero() || !c.ValidUntil.IsZero() {
		cert.Effective = &effectivePeriod{}
		if d := day(c.ValidFrom); d != "" {
			cert.Effective.Start = &formatted{d}
		}
		if d := day(c.ValidUntil); d != "" {
			cert.Effective.End = &formatted{d}
		}
	}
	if n := awardingName(c, lang); n != "" {
		cert.Authority = &authority{Name: n}
	}
	cert.Description = certificationHTML(c, lang)
	return cert
}

// certificationHTML describes a certification: the EU standard elements
// as a list, and the verification.
func certificationHTML(c *credential.Credential, lang string) string {
	var sb strings.Builder
	sb.WriteString("<ul>")
	for _, f := range facts(c, lang) {
		sb.WriteString("<li>" + html.EscapeString(f[0]) + ": " + html.EscapeString(f[1]) + "</li>")
	}
	sb.WriteString("</ul><p>" + html.EscapeString(credentialLine(c)) + "</p>")
	return sb.String()
}

func titleIn(c *credential.Credential, lang string) string {
	if t := c.Title.In(lang); t != "" {
		return t
	}
	return "Credential"
}
