package europass

import (
	"fmt"
	"html"
	"strings"
	"time"

	"github.com/satchel-wallet/satchel/wallet/credential"
)

// Person is the learner as a CV names them. Europass CVs are about a
// person, so the name is the learner's own, not the credentials'; when it
// is empty, the name the first credential gives is used, its last word as
// the family name.
type Person struct {
	GivenName, FamilyName string
	// Email is the learner's address, if they want it on the CV.
	Email string
	// BirthDate is YYYY-MM-DD, if they want it on the CV.
	BirthDate string
}

// CVOptions tune CV and CVLegacy.
type CVOptions struct {
	// Now is the time of the export (the document's creation date); zero
	// means time.Now().
	Now time.Time
	// Lang is the CV's language (ISO 639-1); values are taken in it where
	// the credentials have it. Empty means English.
	Lang string
	// NoEducation leaves the credentials out of the education and training
	// section; NoCertifications out of the certifications. By default
	// every credential is in both: the learning it records under
	// education and training (with ECTS credits, EQF level and learning
	// outcomes) and the credential itself as a certification.
	NoEducation, NoCertifications bool
	// Wallet names the software that made the CV; empty means "Satchel".
	Wallet string
}

func (o *CVOptions) now() time.Time {
	if o.Now.IsZero() {
		return time.Now()
	}
	return o.Now
}

func (o *CVOptions) lang() string {
	if l := baseLang(o.Lang); len(l) == 2 {
		return l
	}
	return defaultLang
}

func (o *CVOptions) wallet() string {
	if o.Wallet == "" {
		return defaultWalletName
	}
	return o.Wallet
}

// person returns p, or the learner of the first credential named in it.
func person(p Person, creds []*credential.Credential, lang string) Person {
	if p.GivenName != "" || p.FamilyName != "" {
		return p
	}
	for _, c := range creds {
		if name := strings.Fields(c.Learner.Name.In(lang)); len(name) > 0 {
			p.FamilyName = name[len(name)-1]
			p.GivenName = strings.Join(name[:len(name)-1], " ")
			return p
		}
	}
	return p
}

// checkCreds refuses an empty selection and rejected inputs.
func checkCreds(what string, creds []*credential.Credential) error {
	if len(creds) == 0 {
		return fmt.Errorf("europass: %s: %w", what, ErrNoCredentials)
	}
	for i, c := range creds {
		if c == nil {
			return fmt.Errorf("europass: %s: credential %d is missing: %w", what, i+1, ErrNoCredentials)
		}
		if c.Verification.Verdict == credential.Rejected {
			return fmt.Errorf("europass: %s: credential %d: %w", what, i+1, ErrRejected)
		}
	}
	return nil
}

// day writes a date as YYYY-MM-DD, the form both CV formats take; "" if
// unset.
func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.DateOnly)
}

// outcomeTitles lists the learning outcomes' titles in lang.
func outcomeTitles(c *credential.Credential, lang string) []string {
	var out []string
	for _, o := range c.LearningOutcomes {
		if s := o.Title.In(lang); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// facts are the EU standard elements of a credential as label and value
// pairs, in the order the PDF and the CV descriptions show them; empty
// values are left out.
func facts(c *credential.Credential, lang string) [][2]string {
	var out [][2]string
	add := func(label, value string) {
		if value = strings.TrimSpace(value); value != "" {
			out = append(out, [2]string{label, value})
		}
	}
	add("Awarding body", awardingName(c, lang))
	if c.AwardingBody != nil && !c.AwardingBody.IsZero() {
		add("Issuer", partyName(c.Issuer, lang))
	}
	if country := countryWords(c, lang); country != "" {
		add("Country", country)
	}
	if !c.Issued.IsZero() {
		add("Date of issue", longDate(c.Issued))
	}
	if !c.ValidUntil.IsZero() {
		add("Valid until", longDate(c.ValidUntil))
	}
	if c.ECTS != nil {
		add("ECTS credits", number(*c.ECTS))
	}
	if c.Hours != nil {
		add("Workload", number(float64(int64(*c.Hours*10+0.5))/10)+" hours")
	}
	if c.EQF > 0 {
		add("EQF level", fmt.Sprintf("%d", c.EQF))
	}
	if c.NQF != nil {
		add("NQF level", conceptWords(*c.NQF, lang))
	}
	var fields []string
	for _, f := range c.FieldOfStudy {
		fields = append(fields, conceptWords(f, lang))
	}
	add("Field of study", strings.Join(fields, "; "))
	var langs []string
	for _, l := range c.Languages {
		if n := languageNames[baseLang(l)]; n != "" {
			l = n
		}
		langs = append(langs, l)
	}
	add("Language", strings.Join(langs, ", "))
	add("Grade", c.Grade.In(lang))
	add("Type of assessment", c.Assessment.In(lang))
	add("Form of participation", c.Participation.In(lang))
	add("Supervision and identity verification", c.Supervision.In(lang))
	add("Quality assurance", c.QualityAssurance.In(lang))
	add("Prerequisites", c.Prerequisites.In(lang))
	add("Integration and stackability", c.Stackability.In(lang))
	var parts []string
	for _, p := range c.PartOf {
		parts = append(parts, conceptWords(p, lang))
	}
	add("Part of", strings.Join(parts, "; "))
	add("Further information", c.FurtherInformation.In(lang))
	return out
}

func conceptWords(c credential.Concept, lang string) string {
	label := c.Label.In(lang)
	switch {
	case c.Code != "" && label != "":
		return c.Code + " " + label
	case label != "":
		return label
	case c.Code != "":
		return c.Code
	}
	return c.ID
}

func countryWords(c *credential.Credential, lang string) string {
	p := c.Issuer
	if c.AwardingBody != nil && !c.AwardingBody.IsZero() {
		p = *c.AwardingBody
	}
	if n := p.Country.In(lang); n != "" {
		return n
	}
	return p.CountryCode
}

// descriptionHTML is a credential's description for a CV, in the small
// HTML the Europass editor writes: the description, the learning outcomes
// as a list, and how the credential was verified.
func descriptionHTML(c *credential.Credential, lang string) string {
	var sb strings.Builder
	if d := c.Description.In(lang); d != "" {
		sb.WriteString("<p>" + html.EscapeString(d) + "</p>")
	}
	if outs := outcomeTitles(c, lang); len(outs) > 0 {
		sb.WriteString("<p>Learning outcomes:</p><ul>")
		for _, o := range outs {
			sb.WriteString("<li>" + html.EscapeString(o) + "</li>")
		}
		sb.WriteString("</ul>")
	}
	sb.WriteString("<p>" + html.EscapeString(credentialLine(c)) + "</p>")
	return sb.String()
}

// descriptionText is descriptionHTML as plain text, for the legacy
// format.
func descriptionText(c *credential.Credential, lang string) string {
	var lines []string
	if d := c.Description.In(lang); d != "" {
		lines = append(lines, d)
	}
	if outs := outcomeTitles(c, lang); len(outs) > 0 {
		lines = append(lines, "Learning outcomes:")
		for _, o := range outs {
			lines = append(lines, "• "+o)
		}
	}
	lines = append(lines, credentialLine(c))
	return strings.Join(lines, "\n")
}

// credentialLine says what kind of credential this is and how its
// verification went.
func credentialLine(c *credential.Credential) string {
	return "Digital credential, " + formatWords(c) + ". " + strings.Join(verificationWords(c), " ")
}
