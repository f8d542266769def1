package cli

import (
	"strings"
	"time"

	"github.com/satchel-wallet/satchel/wallet/credential"
)

// credentialView is the normalised credential as --json prints it: every
// multilingual value in the learner's language.
type credentialView struct {
	Title              string       `json:"title"`
	Description        string       `json:"description,omitempty"`
	Profile            string       `json:"profile,omitempty"`
	Issuer             partyView    `json:"issuer"`
	AwardingBody       *partyView   `json:"awardingBody"`
	Learner            learnerView  `json:"learner"`
	Issued             string       `json:"issued,omitempty"`
	ValidFrom          string       `json:"validFrom,omitempty"`
	ValidUntil         string       `json:"validUntil,omitempty"`
	ECTS               *float64     `json:"ects"`
	Hours              *float64     `json:"hours"`
	EQF                *int         `json:"eqfLevel"`
	NQF                string       `json:"nqfLevel,omitempty"`
	LearningOutcomes   []string     `json:"learningOutcomes"`
	Skills             []conceptRef `json:"skills,omitempty"`
	Assessment         string       `json:"assessment,omitempty"`
	Participation      string       `json:"participation,omitempty"`
	QualityAssurance   string       `json:"qualityAssurance,omitempty"`
	Prerequisites      string       `json:"prerequisites,omitempty"`
	Supervision        string       `json:"supervision,omitempty"`
	Grade              string       `json:"grade,omitempty"`
	Stackability       string       `json:"stackability,omitempty"`
	PartOf             []string     `json:"partOf,omitempty"`
	FurtherInformation string       `json:"furtherInformation,omitempty"`
	FieldOfStudy       []string     `json:"fieldOfStudy"`
	Language           []string     `json:"language"`
	Accreditation      []string     `json:"accreditation,omitempty"`
	Disclosable        []string     `json:"disclosable,omitempty"`
	Tags               []string     `json:"tags,omitempty"`
	Languages          []string     `json:"availableLanguages,omitempty"`
}

type partyView struct {
	ID      string `json:"id,omitempty"`
	Name    string `json:"name,omitempty"`
	Country string `json:"country,omitempty"`
}

type learnerView struct {
	Name string `json:"name,omitempty"`
	ID   string `json:"id,omitempty"`
}

type conceptRef struct {
	ID    string `json:"id,omitempty"`
	Label string `json:"label"`
}

// resultView is one input's outcome in the output of import and verify.
type resultView struct {
	Input      string             `json:"input"`
	ID         string             `json:"id,omitempty"`
	Status     string             `json:"status,omitempty"`
	Format     credential.Format  `json:"format,omitempty"`
	Verdict    credential.Verdict `json:"verdict"`
	Checks     []checkView        `json:"checks"`
	Credential *credentialView    `json:"credential,omitempty"`
	Error      string             `json:"error,omitempty"`
}

type checkView struct {
	Check   credential.CheckName `json:"check"`
	Status  credential.Status    `json:"status"`
	Message string               `json:"message"`
	Detail  string               `json:"detail,omitempty"`
}

func viewParty(p *credential.Party, lang string) partyView {
	country := p.Country.In(lang)
	if country == "" {
		country = p.CountryCode
	}
	return partyView{ID: p.ID, Name: p.Name.In(lang), Country: country}
}

func date(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

// viewCredential renders a credential in lang.
func viewCredential(c *credential.Credential, lang string) *credentialView {
	v := &credentialView{
		Title: c.Title.In(lang), Description: c.Description.In(lang), Profile: c.Profile,
		Issuer:  viewParty(&c.Issuer, lang),
		Learner: learnerView{Name: c.Learner.Name.In(lang), ID: c.Learner.ID},
		Issued:  date(c.Issued), ValidFrom: date(c.ValidFrom), ValidUntil: date(c.ValidUntil),
		ECTS: c.ECTS, Hours: c.Hours,
		Assessment: c.Assessment.In(lang), Participation: c.Participation.In(lang),
		QualityAssurance: c.QualityAssurance.In(lang), Prerequisites: c.Prerequisites.In(lang),
		Supervision: c.Supervision.In(lang), Grade: c.Grade.In(lang), Stackability: c.Stackability.In(lang),
		FurtherInformation: c.FurtherInformation.In(lang),
		LearningOutcomes:   []string{}, FieldOfStudy: []string{}, Language: c.Languages,
		Languages: languagesOf(c),
		Tags:      c.Tags,
	}
	if v.Language == nil {
		v.Language = []string{}
	}
	if !c.AwardingBody.IsZero() {
		ab := viewParty(c.AwardingBody, lang)
		v.AwardingBody = &ab
	}
	if c.EQF > 0 {
		eqf := c.EQF
		v.EQF = &eqf
	}
	if c.NQF != nil {
		v.NQF = c.NQF.Label.In(lang)
	}
	for _, o := range c.LearningOutcomes {
		v.LearningOutcomes = append(v.LearningOutcomes, o.Title.In(lang))
		for _, s := range o.Skills {
			v.Skills = append(v.Skills, conceptRef{ID: s.ID, Label: s.Label.In(lang)})
		}
	}
	for _, f := range c.FieldOfStudy {
		v.FieldOfStudy = append(v.FieldOfStudy, strings.TrimSpace(f.Code+" "+f.Label.In(lang)))
	}
	for _, p := range c.PartOf {
		v.PartOf = append(v.PartOf, p.Label.In(lang))
	}
	for _, a := range c.Accreditation {
		v.Accreditation = append(v.Accreditation, a.Label.In(lang))
	}
	for _, d := range c.Disclosures {
		v.Disclosable = append(v.Disclosable, d.Path)
	}
	return v
}

// languagesOf lists every language the credential's texts come in.
func languagesOf(c *credential.Credential) []string {
	seen := map[string]bool{}
	var out []string
	for _, t := range []credential.Text{c.Title, c.Description, c.Issuer.Name, c.Grade, c.Assessment} {
		for _, l := range t.Languages() {
			if !seen[l] {
				seen[l] = true
				out = append(out, l)
			}
		}
	}
	return out
}

func viewChecks(v credential.Verification) []checkView {
	out := make([]checkView, 0, len(v.Checks))
	for _, c := range v.Checks {
		out = append(out, checkView{Check: c.Check, Status: c.Status, Message: c.Message, Detail: c.Detail})
	}
	return out
}
