package europass

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"strings"
	"time"

	"github.com/satchel-wallet/satchel/wallet/credential"
)

// The legacy Europass XML v3.4 (SkillsPassport, namespace
// http://europass.cedefop.europa.eu/Europass), which the Europass CV
// editor before 2020 wrote and which other tools still read. The export
// validates against the public schema v3.4.1 (fixtures/europass-cv).

const nsLegacy = "http://europass.cedefop.europa.eu/Europass"

type (
	skillsPassport struct {
		XMLName        xml.Name    `xml:"SkillsPassport"`
		Xmlns          string      `xml:"xmlns,attr"`
		XmlnsXSI       string      `xml:"xmlns:xsi,attr"`
		SchemaLocation string      `xml:"xsi:schemaLocation,attr"`
		Locale         string      `xml:"locale,attr"`
		Info           legacyInfo  `xml:"DocumentInfo"`
		Learner        learnerInfo `xml:"LearnerInfo"`
	}
	legacyInfo struct {
		Type       string `xml:"DocumentType"`
		Created    string `xml:"CreationDate"`
		Updated    string `xml:"LastUpdateDate"`
		XSDVersion string `xml:"XSDVersion"`
		Generator  string `xml:"Generator"`
		Comment    string `xml:"Comment,omitempty"`
	}
	learnerInfo struct {
		Identification identification   `xml:"Identification"`
		Education      *legacyEducation `xml:"EducationList,omitempty"`
		Achievements   *achievementList `xml:"AchievementList,omitempty"`
	}
	identification struct {
		Name         legacyName    `xml:"PersonName"`
		Contact      *legacyEmail  `xml:"ContactInfo,omitempty"`
		Demographics *demographics `xml:"Demographics,omitempty"`
	}
	legacyName struct {
		First   string `xml:"FirstName,omitempty"`
		Surname string `xml:"Surname,omitempty"`
	}
	legacyEmail struct {
		Email struct {
			Contact string `xml:"Contact"`
		} `xml:"Email"`
	}
	demographics struct {
		Birthdate *legacyDate `xml:"Birthdate"`
	}
	legacyDate struct {
		Year  string `xml:"year,attr"`
		Month string `xml:"month,attr,omitempty"`
		Day   string `xml:"day,attr,omitempty"`
	}
	legacyEducation struct {
		Education []legacyEntry `xml:"Education"`
	}
	legacyEntry struct {
		Period       *legacyPeriod `xml:"Period,omitempty"`
		Description  string        `xml:"Description,omitempty"`
		Title        string        `xml:"Title,omitempty"`
		Organisation *legacyOrg    `xml:"Organisation,omitempty"`
		Level        *codeLabel    `xml:"Level,omitempty"`
		Field        *codeLabel    `xml:"Field,omitempty"`
	}
	legacyPeriod struct {
		From *legacyDate `xml:"From,omitempty"`
		To   *legacyDate `xml:"To,omitempty"`
	}
	legacyOrg struct {
		Name    string            `xml:"Name,omitempty"`
		Contact *legacyOrgContact `xml:"ContactInfo,omitempty"`
	}
	legacyOrgContact struct {
		Address *legacyAddress `xml:"Address,omitempty"`
		Website *legacyWebsite `xml:"Website,omitempty"`
	}
	legacyAddress struct {
		Country codeLabel `xml:"Contact>Country"`
	}
	legacyWebsite struct {
		Contact string `xml:"Contact"`
	}
	codeLabel struct {
		Code  string `xml:"Code,omitempty"`
		Label string `xml:"Label,omitempty"`
	}
	achievementList struct {
		Achievement []achievement `xml:"Achievement"`
	}
	achievement struct {
		Title       codeLabel `xml:"Title"`
		Description string    `xml:"Description,omitempty"`
	}
)

// CVLegacy writes a Europass CV in the legacy Europass XML v3.4 format
// (SkillsPassport, document type ECV): the learner's name and the
// credentials as education and training (title, awarding body and its
// country, EQF level, field of study, and a description with the learning
// outcomes, ECTS credits, grade and verification) and as achievements of
// the type "certifications". The v3.4 schema has no element for ECTS
// credits; they are in the description.
func CVLegacy(learner Person, creds []*credential.Credential, opts CVOptions) ([]byte, error) {
	if err := checkCreds("legacy CV", creds); err != nil {
		return nil, err
	}
	lang := opts.lang()
	p := person(learner, creds, lang)
	now := opts.now().UTC().Truncate(time.Millisecond).Format("2006-01-02T15:04:05.000Z")
	doc := skillsPassport{
		Xmlns:          nsLegacy,
		XmlnsXSI:       nsXSI,
		SchemaLocation: nsLegacy + " http://europass.cedefop.europa.eu/xml/v3.4.0/EuropassSchema.xsd",
		Locale:         lang,
		Info: legacyInfo{
			Type: "ECV", Created: now, Updated: now, XSDVersion: "V3.4", Generator: opts.wallet(),
			Comment: "Exported from the learner's wallet; each credential's verification is stated in its description.",
		},
	}
	doc.Learner.Identification.Name = legacyName{First: p.GivenName, Surname: p.FamilyName}
	if p.Email != "" {
		doc.Learner.Identification.Contact = &legacyEmail{}
		doc.Learner.Identification.Contact.Email.Contact = p.Email
	}
	if d, err := time.Parse(time.DateOnly, p.BirthDate); err == nil {
		doc.Learner.Identification.Demographics = &demographics{Birthdate: legacyDay(d)}
	}
	if !opts.NoEducation {
		doc.Learner.Education = &legacyEducation{}
		for _, c := range creds {
			doc.Learner.Education.Education = append(doc.Learner.Education.Education, legacyEducationEntry(c, lang))
		}
	}
	if !opts.NoCertifications {
		doc.Learner.Achievements = &achievementList{}
		for _, c := range creds {
			doc.Learner.Achievements.Achievement = append(doc.Learner.Achievements.Achievement, achievement{
				Title:       codeLabel{Code: "certifications", Label: "Certifications"},
				Description: legacyCertification(c, lang),
			})
		}
	}
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "    ")
	if err := enc.Encode(doc); err != nil {
		return nil, fmt.Errorf("europass: encode legacy CV: %w", err)
	}
	buf.WriteByte('\n')
	return buf.Bytes(), nil
}

// legacyDay writes a date as the schema's DateType: year, --MM, ---DD.
func legacyDay(t time.Time) *legacyDate {
	t = t.UTC()
	return &legacyDate{Year: fmt.Sprintf("%04d", t.Year()), Month: fmt.Sprintf("--%02d", int(t.Month())), Day: fmt.Sprintf("---%02d", t.Day())}
}

func legacyEducationEntry(c *credential.Credential, lang string) legacyEntry {
	e := legacyEntry{Title: titleIn(c, lang), Description: legacyDescription(c, lang)}
	if !c.Issued.IsZero() {
		e.Period = &legacyPeriod{From: legacyDay(c.Issued), To: legacyDay(c.Issued)}
	}
	body := c.Issuer
	if c.AwardingBody != nil && !c.AwardingBody.IsZero() {
		body = *c.AwardingBody
	}
	org := &legacyOrg{Name: partyName(body, lang)}
	cc := countryAlpha2(body.CountryCode)
	switch cc {
	case "GR":
		cc = "EL"
	case "GB":
		cc = "UK"
	}
	if !legacyCountries[cc] {
		cc = ""
	}
	if country := body.Country.In(lang); cc != "" || country != "" {
		org.Contact = &legacyOrgContact{Address: &legacyAddress{Country: codeLabel{Code: cc, Label: country}}}
	}
	if strings.HasPrefix(body.URL, "http") {
		if org.Contact == nil {
			org.Contact = &legacyOrgContact{}
		}
		org.Contact.Website = &legacyWebsite{Contact: body.URL}
	}
	e.Organisation = org
	if c.EQF > 0 {
		e.Level = &codeLabel{Code: fmt.Sprint(c.EQF), Label: fmt.Sprintf("EQF level %d", c.EQF)}
	}
	// The schema's field codes are ISCED 97's; ISCED-F 2013 fields (what
	// credentials give) differ, so only the label is written.
	var fields []string
	for _, f := range c.FieldOfStudy {
		fields = append(fields, conceptWords(f, lang))
	}
	if len(fields) > 0 {
		e.Field = &codeLabel{Label: strings.Join(fields, "; ")}
	}
	return e
}

// legacyDescription is the education entry's description: the
// description and learning outcomes, the ECTS credits and the grade (which
// the v3.4 schema has no element for), and the verification.
func legacyDescription(c *credential.Credential, lang string) string {
	var extra []string
	if c.ECTS != nil {
		extra = append(extra, "ECTS credits: "+number(*c.ECTS))
	}
	if g := c.Grade.In(lang); g != "" {
		extra = append(extra, "Grade: "+g)
	}
	d := descriptionText(c, lang)
	if len(extra) > 0 {
		d = strings.Join(extra, "\n") + "\n" + d
	}
	return d
}

// legacyCertification describes a credential as a certification: its
// title, then the EU standard elements, then the verification.
func legacyCertification(c *credential.Credential, lang string) string {
	lines := []string{titleIn(c, lang)}
	for _, f := range facts(c, lang) {
		lines = append(lines, f[0]+": "+f[1])
	}
	lines = append(lines, credentialLine(c))
	return strings.Join(lines, "\n")
}
