package europass

import (
	"strings"

	"github.com/satchel-wallet/satchel/wallet/credential"
)

// Satchel's stackability sentences, which wallet/elm gives for ELM's
// isPartialQualification flag; a credential that says one of them gets
// the flag back.
const (
	partialSentence    = "Partial qualification: part of a larger qualification."
	standAloneSentence = "Stand-alone: not part of a larger qualification."
)

// party writes an issuer or awarding body. ELM's Organisation requires a
// legal name and a location with a country; a party the credential gives
// both for becomes one, with its home page. Any other becomes an Agent,
// ELM's node for a party it knows less of: its name (prefLabel) and its
// web address as a contact form, which wallet/elm does not read back. A
// party without an identifier that is a URI gets a document-local one.
func (b *builder) party(p credential.Party) obj {
	id := p.ID
	if !isURI(id) {
		id = b.localID("org")
	}
	name := b.langMap(p.Name)
	web := func() []any {
		if !strings.HasPrefix(p.URL, "https://") && !strings.HasPrefix(p.URL, "http://") || !isURI(p.URL) {
			return nil
		}
		return []any{obj{"id": b.localID("webResource"), "type": "WebResource", "contentURL": p.URL}}
	}
	if country := b.country(p); name != nil && country != nil {
		org := obj{"id": id, "type": "Organisation", "legalName": name}
		org["location"] = []any{obj{
			"id":   b.localID("location"),
			"type": "Location",
			"address": []any{obj{
				"id":          b.localID("address"),
				"type":        "Address",
				"countryCode": country,
			}},
		}}
		set(org, "homepage", web())
		return org
	}
	agent := obj{"id": id, "type": "Agent"}
	set(agent, "prefLabel", name)
	if w := web(); w != nil {
		agent["contactPoint"] = []any{obj{"id": b.localID("contactPoint"), "type": "ContactPoint", "contactForm": w}}
	}
	return agent
}

// claim writes the main claim: a LearningAchievement awarded by the
// awarding body (the issuer when none is named), specified by the
// qualification or achievement specification that carries most EU
// standard elements, and proven by the assessment that carries the grade.
func (b *builder) claim(c *credential.Credential, issuer obj) obj {
	title := c.Title
	if title.IsZero() {
		// ELM requires a title; a credential without one is named by its
		// kind, in Satchel's words.
		title = english("Credential")
	}
	body := issuer
	if c.AwardingBody != nil && !c.AwardingBody.IsZero() {
		body = b.party(*c.AwardingBody)
	}
	awarded := obj{"id": b.localID("awardingProcess"), "type": "AwardingProcess", "awardingBody": []any{body}}
	set(awarded, "awardingDate", dateTime(c.Issued))

	cl := obj{
		"id":          b.localID("learningAchievement"),
		"type":        "LearningAchievement",
		"title":       b.langMap(title),
		"awardedBy":   awarded,
		"specifiedBy": b.specification(c, title),
	}
	set(cl, "description", b.langMap(c.Description))
	if a := b.assessment(c, body); a != nil {
		cl["provenBy"] = []any{a}
	}
	return cl
}

// specification writes the achievement's specification. It is a
// Qualification when the credential states what only a qualification has
// in ELM (an EQF or NQF level, whether it is partial), else a
// LearningAchievementSpecification.
func (b *builder) specification(c *credential.Credential, title credential.Text) obj {
	partial, partialKnown := partialFlag(c.Stackability)
	qualification := c.EQF > 0 || c.NQF != nil || partialKnown
	kind, local := "LearningAchievementSpecification", "learningAchievementSpec"
	if qualification {
		kind, local = "Qualification", "qualification"
	}
	id := c.AchievementID
	if !isURI(id) {
		id = b.localID(local)
	}
	s := obj{"id": id, "type": kind, "title": b.langMap(title)}
	set(s, "description", b.langMap(c.Description))
	set(s, "learningOutcome", b.outcomes(c.LearningOutcomes))
	if c.ECTS != nil {
		s["creditPoint"] = []any{obj{
			"id":        b.localID("creditPoint"),
			"type":      "CreditPoint",
			"framework": b.concept(ectsFramework, english("European Credit Transfer System"), "", ectsScheme),
			"point":     number(*c.ECTS),
		}}
	}
	if c.Hours != nil {
		s["volumeOfLearning"] = hoursDuration(*c.Hours)
	}
	if qualification {
		if c.EQF > 0 {
			lvl := string(rune('0' + c.EQF))
			s["eqfLevel"] = b.concept(eqfPrefix+lvl, english("Level "+lvl), "", eqfScheme)
		}
		if c.NQF != nil {
			set(s, "nqfLevel", b.concepts([]credential.Concept{*c.NQF}, nil))
		}
		if partialKnown {
			s["isPartialQualification"] = partial
		}
	}
	if m := b.concept("", c.Participation, "", ""); m != nil {
		s["mode"] = []any{m}
	}
	set(s, "entryRequirement", b.note(c.Prerequisites, nil))
	set(s, "thematicArea", b.concepts(c.FieldOfStudy, func(k credential.Concept) string {
		if strings.HasPrefix(k.ID, iscedPrefix) {
			return iscedScheme
		}
		return ""
	}))
	// ELM has no alignment; an education subject is the nearest term.
	set(s, "educationSubject", b.concepts(c.Alignments, nil))
	var langs []any
	for _, l := range c.Languages {
		if m := b.language(l); m != nil {
			langs = append(langs, m)
		}
	}
	set(s, "language", langs)
	set(s, "isPartOf", b.partOf(c.PartOf, kind))
	set(s, "additionalNote", b.notes(c, partialKnown))
	return s
}

// partialFlag reads Satchel's own stackability sentences back as ELM's
// flag.
func partialFlag(t credential.Text) (partial, known bool) {
	switch strings.TrimSpace(t.In("en")) {
	case partialSentence:
		return true, true
	case standAloneSentence:
		return false, true
	}
	return false, false
}

// notes writes the further information, and the EU elements ELM states
// in ways a converted credential cannot (see the package documentation),
// as notes whose subject says what they are.
func (b *builder) notes(c *credential.Credential, stackabilityAsFlag bool) []any {
	notes := nonEmpty(b.note(c.FurtherInformation, nil))
	if !c.QualityAssurance.IsZero() {
		notes = append(notes, nonEmpty(b.note(c.QualityAssurance, english("Type of quality assurance")))...)
	}
	if !stackabilityAsFlag {
		notes = append(notes, nonEmpty(b.note(c.Stackability, english("Integration and stackability")))...)
	}
	return notes
}

// outcomes writes the learning outcomes with their ESCO skills
// (relatedESCOSkill) and other skills (relatedSkill). ELM's learning
// outcome has no description; it is kept as a note.
func (b *builder) outcomes(os []credential.Outcome) []any {
	var out []any
	for _, o := range os {
		title := o.Title
		if title.IsZero() && len(o.Skills) > 0 {
			title = o.Skills[0].Label
		}
		if title.IsZero() && o.ID != "" {
			title = credential.Plain(o.ID)
		}
		if title.IsZero() {
			continue
		}
		id := o.ID
		if !isURI(id) {
			id = b.localID("learningOutcome")
		}
		m := obj{"id": id, "type": "LearningOutcome", "title": b.langMap(title)}
		var esco, other []credential.Concept
		for _, s := range o.Skills {
			if strings.HasPrefix(s.ID, escoPrefix) {
				esco = append(esco, s)
			} else {
				other = append(other, s)
			}
		}
		set(m, "relatedESCOSkill", b.concepts(esco, func(credential.Concept) string { return "http://data.europa.eu/esco/concept-scheme/skills" }))
		set(m, "relatedSkill", b.concepts(other, nil))
		if n := b.note(o.Description, nil); n != nil {
			m["additionalNote"] = []any{n}
		}
		out = append(out, m)
	}
	return out
}

// partOf writes the programmes the credential is part of, as
// specifications of the same kind as its own, titled by their name (or,
// when they have none, their identifier).
func (b *builder) partOf(cs []credential.Concept, kind string) []any {
	var out []any
	for _, p := range cs {
		title := p.Label
		if title.IsZero() {
			title = credential.Plain(p.ID)
		}
		if title.IsZero() {
			continue
		}
		id := p.ID
		if !isURI(id) {
			id = b.localID("partOf")
		}
		out = append(out, obj{"id": id, "type": kind, "title": b.langMap(title)})
	}
	return out
}

// assessment writes the assessment that proves the claim: its type as
// the title, the grade, and the supervision and identity verification.
// ELM requires a title and a grade; where the credential states only one,
// the other is an empty text. Nil when the credential states none of the
// three.
func (b *builder) assessment(c *credential.Credential, body obj) obj {
	if c.Assessment.IsZero() && c.Grade.IsZero() && c.Supervision.IsZero() {
		return nil
	}
	grade := obj{"id": b.localID("note"), "type": "Note", "noteLiteral": b.textOr(c.Grade)}
	a := obj{
		"id":        b.localID("learningAssessment"),
		"type":      "LearningAssessment",
		"title":     b.textOr(c.Assessment),
		"grade":     grade,
		"awardedBy": obj{"id": b.localID("awardingProcess"), "type": "AwardingProcess", "awardingBody": []any{body}},
	}
	set(a, "idVerification", b.concept("", c.Supervision, "", ""))
	return a
}
