package edci

import (
	"strings"

	"github.com/satchel-wallet/satchel/wallet/credential"
)

// achievements maps the achievements the credential awards (the
// learningAchievement and qualificationAward children of
// credentialSubject/achievements) and their specifications.
func (z *normaliser) achievements(list *node) {
	var tops []*node
	for _, k := range elements(list) {
		if k.space == nsELM && (k.local == "learningAchievement" || k.local == "qualificationAward") {
			if a := z.deref(k); a != nil {
				tops = append(tops, a)
			}
		}
	}
	c := &z.out.cred
	outcomes := map[*node]bool{}
	for _, a := range tops {
		spec := z.child(a, "specifiedBy")
		z.specification(spec)
		z.awarding(a)
		z.notes(a)
		z.notes(spec)
		if !z.assessment(a, "") {
			for _, p := range z.parts(a) {
				z.assessment(p, texts(firstChild(p, nsELM, "title")).In("en"))
			}
		}
		z.outcomes(a, outcomes, 0)
		if c.Title.IsZero() {
			c.Title = texts(firstChild(a, nsELM, "title"))
		}
		if c.Description.IsZero() {
			c.Description = texts(firstChild(a, nsELM, "description"))
		}
	}
	// Outcomes listed but referenced by no specification still belong to
	// the credential.
	for _, o := range z.all(firstChild(z.root, nsELM, "learningOutcomeReferences"), "learningOutcome") {
		if !outcomes[o] {
			outcomes[o] = true
			c.LearningOutcomes = append(c.LearningOutcomes, outcome(o))
		}
	}
}

// parts returns the achievements an achievement is made of.
func (z *normaliser) parts(a *node) []*node {
	var out []*node
	for _, hp := range children(a, nsELM, "hasPart") {
		for _, k := range elements(hp) {
			if d := z.deref(k); d != nil && d != a {
				out = append(out, d)
			}
		}
	}
	return out
}

// specification maps what a top-level achievement's specification
// (learningSpecification or qualification) says of the whole: workload,
// levels, fields, languages, mode, entry requirements, accreditation.
func (z *normaliser) specification(s *node) {
	if s == nil {
		return
	}
	c := &z.out.cred
	if e := number(firstChild(s, nsELM, "hasECTSCreditPoints")); e != nil {
		c.ECTS = add(c.ECTS, *e)
	}
	if h := hours(firstChild(s, nsELM, "volumeOfLearning")); h != nil {
		c.Hours = add(c.Hours, *h)
	}
	c.EQF = max(c.EQF, eqfLevel(firstChild(s, nsELM, "eqfLevel")))
	if n := firstChild(s, nsELM, "nqfLevel"); n != nil && c.NQF == nil {
		nqf := concept(n)
		c.NQF = &nqf
	}
	for _, local := range []string{"hasISCED-FCode", "hasEducationSubject"} {
		for _, k := range children(s, nsELM, local) {
			z.fields.add(concept(k))
		}
	}
	for _, local := range []string{"qualificationCode", "hasEducationLevel"} {
		for _, k := range children(s, nsELM, local) {
			z.aligns.add(concept(k))
		}
	}
	for _, k := range children(s, nsELM, "language") {
		if code := languageCode(concept(k)); code != "" {
			c.Languages = append(c.Languages, code) // made unique in finish
		}
	}
	for _, k := range children(s, nsELM, "mode") {
		z.add(&c.Participation, label(k))
	}
	z.add(&c.Prerequisites, texts(firstChild(s, nsELM, "entryRequirementsNote")))
	z.accredited(s)
}

// awarding maps the awarding process of an achievement: its awarding
// body, when that is not the issuer, and its date, when the credential
// gives no date of issuing.
func (z *normaliser) awarding(a *node) {
	p := z.child(a, "wasAwardedBy")
	if p == nil {
		return
	}
	c := &z.out.cred
	if body := z.child(p, "awardingBody"); body != nil && body != z.issuer && c.AwardingBody == nil {
		party := z.party(body)
		c.AwardingBody = &party
		z.accredited(body)
	}
	if c.Issued.IsZero() {
		c.Issued, _ = parseDateTime(text(firstChild(p, nsELM, "date")))
	}
}

// assessment maps the assessment an achievement was derived from: its
// grade, the type of its specification and how identity was verified.
// part names the achievement when it is one part of the credential's
// achievement, to label its grade. It reports whether there was one.
func (z *normaliser) assessment(a *node, part string) bool {
	as := z.child(a, "wasDerivedFrom")
	if as == nil {
		return false
	}
	c := &z.out.cred
	if g := text(firstChild(as, nsELM, "grade")); g != "" {
		if part != "" {
			g = part + ": " + g
		}
		z.add(&c.Grade, credential.Plain(g))
	}
	if spec := z.child(as, "specifiedBy"); spec != nil {
		for _, t := range children(spec, nsELM, "type") {
			z.add(&c.Assessment, label(t))
		}
	}
	for _, v := range children(as, nsELM, "idVerificationMethod") {
		z.add(&c.Supervision, label(v))
	}
	return true
}

// outcomes adds the learning outcomes the specifications of a and its
// parts name, each once. seen holds the outcomes and the achievements
// already visited, and depth how far down it is, so that idrefs that go round in a circle (or fan out to
// the same parts many times) cost nothing more.
func (z *normaliser) outcomes(a *node, seen map[*node]bool, depth int) {
	if seen[a] || depth > maxDepth {
		return
	}
	seen[a] = true
	spec := z.child(a, "specifiedBy")
	for _, o := range z.all(firstChild(spec, nsELM, "learningOutcomes"), "learningOutcome") {
		if !seen[o] {
			seen[o] = true
			z.out.cred.LearningOutcomes = append(z.out.cred.LearningOutcomes, outcome(o))
		}
	}
	for _, p := range z.parts(a) {
		z.outcomes(p, seen, depth+1)
	}
}

// outcome maps a learningOutcome with its ESCO and other skills.
func outcome(o *node) credential.Outcome {
	var skills concepts
	out := credential.Outcome{
		ID:          text(firstChild(o, nsELM, "identifier")),
		Title:       texts(firstChild(o, nsELM, "prefLabel")),
		Description: texts(firstChild(o, nsELM, "description")),
	}
	if out.ID == "" {
		out.ID, _ = o.attr("", "id")
	}
	for _, local := range []string{"relatedEscoSkill", "relatedSkill"} {
		for _, k := range children(o, nsELM, local) {
			skills.add(concept(k))
		}
	}
	out.Skills = skills.list
	return out
}

// notes sorts the additionalNote elements of n by their subject into the
// elements ELM v2 has no field for (stackability, quality assurance,
// prerequisites, supervision, participation); the rest become further
// information, each headed by its subject.
func (z *normaliser) notes(n *node) {
	c := &z.out.cred
	for _, note := range children(n, nsELM, "additionalNote") {
		subject := text(firstChild(note, nsELM, "subject"))
		t := texts(note)
		if t.IsZero() {
			continue
		}
		s := strings.ToLower(subject)
		switch {
		case strings.Contains(s, "stackab") || strings.Contains(s, "integrat"):
			z.add(&c.Stackability, t)
		case strings.Contains(s, "quality assurance"):
			z.add(&c.QualityAssurance, t)
		case strings.Contains(s, "prerequisite") || strings.Contains(s, "entry requirement"):
			z.add(&c.Prerequisites, t)
		case strings.Contains(s, "supervision") || strings.Contains(s, "identity verification"):
			z.add(&c.Supervision, t)
		case strings.Contains(s, "participation"):
			z.add(&c.Participation, t)
		default:
			z.add(&c.FurtherInformation, prefixed(subject, t))
		}
	}
}

func add(p *float64, v float64) *float64 {
	if p == nil {
		return &v
	}
	s := *p + v
	return &s
}
