package europass_test

import (
	"slices"
	"strings"
	"time"

	"github.com/satchel-wallet/satchel/wallet/credential"
)

// expectAfterELM returns what Satchel should read back from the ELM
// export of c made with the export language lang and holder DID holder
// (empty for none), at time now.
func expectAfterELM(c *credential.Credential, lang, holder string, now time.Time, alpha3 func(string) string, lang3 func(string) string) content {
	lang3to2 := func(code string) string {
		if len(code) != 3 {
			return ""
		}
		for _, two := range strings.Fields("bg cs da de el en et fi fr ga hr hu it lv lt mt nl pl pt ro sk sl es sv is no nb nn lb mk sq sr bs tr uk ka ca eu gl cy ru ar zh ja") {
			if strings.EqualFold(lang3(two), code) {
				return two
			}
		}
		return ""
	}
	k := contentOf(c)
	t := func(x credential.Text) credential.Text { return textAfter(x, lang) }

	// The learner: ELM's fullName has one language; the holder DID, when
	// given, is the subject's identifier (the original's is kept beside
	// it, which wallet/elm does not read); a date of birth without a time
	// becomes midnight UTC, as xsd:dateTime requires.
	k.Learner.Name = nameAfter(k.Learner.Name, lang)
	if holder != "" {
		k.Learner.ID = holder
	} else if !isAbsURI(k.Learner.ID) {
		k.Learner.ID = "urn:epass:local"
	}
	if d, err := time.Parse(time.DateOnly, k.Learner.BirthDate); err == nil {
		k.Learner.BirthDate = d.Format(time.RFC3339)
	} else if _, err := time.Parse(time.RFC3339Nano, k.Learner.BirthDate); err != nil {
		k.Learner.BirthDate = ""
	}

	// ELM requires a title; a credential without one is titled
	// "Credential".
	k.Title = t(k.Title)
	if k.Title.IsZero() {
		k.Title = credential.TextOf("en", "Credential")
	}
	k.Description = t(k.Description)
	k.Issuer = partyAfter(k.Issuer, lang, alpha3)
	if k.AwardingBody != nil {
		a := partyAfter(*k.AwardingBody, lang, alpha3)
		k.AwardingBody = &a
		if sameName(a, k.Issuer) {
			// wallet/elm names an awarding body only when it is not the
			// issuer, by identifier or by name.
			k.AwardingBody = nil
		}
	}

	// ELM requires validFrom and issued: a credential without a start of
	// validity gets its issue date, one without either the time of export.
	if k.ValidFrom.IsZero() {
		k.ValidFrom = k.Issued
	}
	if k.ValidFrom.IsZero() {
		k.ValidFrom = now.UTC()
	}
	if k.Issued.IsZero() {
		k.Issued = k.ValidFrom
	}

	// Learning outcomes: ELM's has no description (the export keeps it as
	// a note on the outcome, which wallet/elm does not read); one without
	// a title is titled by its first skill, else its identifier.
	var outs []credential.Outcome
	for _, o := range k.LearningOutcomes {
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
		n := credential.Outcome{ID: o.ID, Title: t(title)}
		if !isAbsURI(n.ID) {
			n.ID = "urn:epass:local"
		}
		for _, s := range o.Skills {
			if cs, ok := conceptAfter(s, lang); ok {
				n.Skills = append(n.Skills, cs)
			}
		}
		if n.Title.IsZero() && len(n.Skills) > 0 {
			n.Title = n.Skills[0].Label
		}
		outs = append(outs, n)
	}
	k.LearningOutcomes = outs
	if k.NQF != nil {
		n, ok := conceptAfter(*k.NQF, lang)
		k.NQF = nil
		if ok {
			k.NQF = &n
		}
	}
	k.Assessment, k.Participation, k.Prerequisites = t(k.Assessment), t(k.Participation), t(k.Prerequisites)
	k.Supervision, k.Grade = t(k.Supervision), t(k.Grade)

	// Quality assurance: ELM states it as an Accreditation, which needs
	// the accrediting agent and the accreditation's type from the EU
	// vocabulary, which a converted credential does not have; the export
	// writes it (and any accreditation's name) as a note on the
	// specification, which wallet/elm reads as further information.
	// Stackability: ELM has only the isPartialQualification flag, which
	// the export sets when the credential's statement is Satchel's own
	// reading of that flag; any other statement is a note too.
	further := t(k.FurtherInformation)
	further = appendLines(further, t(k.QualityAssurance))
	k.QualityAssurance, k.Accreditation = nil, nil
	switch strings.TrimSpace(k.Stackability.In("en")) {
	case "Partial qualification: part of a larger qualification.", "Stand-alone: not part of a larger qualification.":
		k.Stackability = credential.TextOf("en", strings.TrimSpace(k.Stackability.In("en")))
	default:
		further = appendLines(further, t(k.Stackability))
		k.Stackability = nil
	}
	k.FurtherInformation = further

	// isPartOf: ELM's programmes have a title and an identifier, no
	// awarding body; one without a name is titled by its identifier.
	var parts []credential.Concept
	for _, p := range k.PartOf {
		label := p.Label
		if label.IsZero() {
			label = credential.Plain(p.ID)
		}
		if label.IsZero() {
			continue
		}
		n := credential.Concept{ID: p.ID, Label: t(label)}
		if !isAbsURI(n.ID) {
			n.ID = "urn:epass:local"
		}
		parts = append(parts, n)
	}
	k.PartOf = parts

	// Fields of study come back with the ISCED-F code and framework their
	// URI implies. Alignments: ELM has none; the export writes them as
	// education subjects, which wallet/elm reads back only when they are
	// ISCED-F fields.
	var fields []credential.Concept
	seen := map[string]bool{}
	for _, f := range append(slices.Clone(k.FieldOfStudy), k.Alignments...) {
		n, ok := conceptAfter(f, lang)
		if !ok || (len(fields) >= len(k.FieldOfStudy) && !strings.HasPrefix(n.ID, "http://data.europa.eu/snb/isced-f/")) {
			continue
		}
		if n.ID != "" && seen[n.ID] {
			continue
		}
		seen[n.ID] = true
		fields = append(fields, n)
	}
	k.FieldOfStudy, k.Alignments = fields, nil

	// Languages: the EU language table has no regional variants, and
	// wallet/elm reads its codes back as two-letter tags where BCP 47 has
	// one, so a three-letter ISO 639-2 code (EDCI XML's "eng") comes back
	// as "en".
	var langs []string
	for _, l := range k.Languages {
		base, _, _ := strings.Cut(strings.ToLower(l), "-")
		if two := lang3to2(base); two != "" {
			base = two
		}
		if base != "" && !slices.Contains(langs, base) {
			langs = append(langs, base)
		}
	}
	k.Languages = langs
	if !isAbsURI(c.AchievementID) || credential.LocalID(c.AchievementID) {
		k.AchievementID = ""
	}
	return k
}

func sameName(a, b credential.Party) bool {
	if a.ID != "" && a.ID == b.ID && a.ID != "urn:epass:local" {
		return true
	}
	for _, x := range a.Name.Values() {
		for _, y := range b.Name.Values() {
			if strings.EqualFold(strings.Join(strings.Fields(x), " "), strings.Join(strings.Fields(y), " ")) {
				return true
			}
		}
	}
	return false
}
