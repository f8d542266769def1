package elm

import (
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/satchel-wallet/satchel/wallet/credential"
)

// edc is one European Digital Credential as read: the normalised view and
// what the checks need besides it.
type edc struct {
	cred credential.Credential
	// awarding is the awarding body of the main claim, even when it is the
	// issuer (cred.AwardingBody is then nil).
	awarding credential.Party
	// issuerEIDAS is the eIDAS identifier the credential gives its issuer.
	issuerEIDAS string
	// specID is the identifier of the main claim's specification (the
	// qualification), for the accreditation's scope.
	specID         string
	accreditations []accreditation
	subjects       []string
	status         []credential.StatusEntry
	// problems are required parts the document lacks; they fail the
	// format check.
	problems []string
}

// readEDC maps an EuropeanDigitalCredential (ELM 3.0 on VC 1.1 or ELM 3.2
// on VC 2.0) onto the credential model. The main claim is the subject's
// first LearningAchievement, else its first claim (a LearningActivity for
// a certificate of participation); its specification (a Qualification or
// a LearningAchievementSpecification) carries most EU standard elements,
// its assessment (provenBy) the grade and supervision.
func readEDC(doc map[string]any) *edc {
	e := &edc{}
	c := &e.cred
	c.Format = credential.FormatEDC
	c.Types = types(doc)
	c.SourceID = str(doc["id"])

	subjects := objs(doc["credentialSubject"])
	if len(subjects) == 0 {
		e.problems = append(e.problems, "it names no credential subject")
	}
	for _, s := range subjects {
		if sid := str(s["id"]); sid != "" {
			e.subjects = append(e.subjects, sid)
		}
	}
	var subject map[string]any
	if len(subjects) > 0 {
		subject = subjects[0]
		c.Learner = learner(subject)
	}
	claim := mainClaim(subject)
	spec := obj(claim["specifiedBy"])
	e.specID = str(spec["id"])
	if !credential.LocalID(e.specID) {
		c.AchievementID = e.specID
	}
	display := obj(doc["displayParameter"])

	c.Title = firstText(text(claim["title"]), text(spec["title"]), text(display["title"]), label(doc["credentialProfiles"]))
	c.Description = firstText(text(claim["description"]), text(spec["description"]), text(display["description"]))

	c.Issuer = party(doc["issuer"])
	e.issuerEIDAS = eidasID(doc["issuer"])
	if c.Issuer.IsZero() {
		e.problems = append(e.problems, "it names no issuer")
	}
	awardedBy := obj(claim["awardedBy"])
	awardingBody := obj(awardedBy["awardingBody"])
	e.awarding = party(awardedBy["awardingBody"])
	if !e.awarding.IsZero() && !sameParty(c.Issuer, e.awarding) {
		a := e.awarding
		c.AwardingBody = &a
	}

	c.Issued = firstTime(parseTime(doc["issued"]), parseTime(doc["issuanceDate"]), parseTime(awardedBy["awardingDate"]))
	c.ValidFrom = parseTime(doc["validFrom"])
	c.ValidUntil = firstTime(parseTime(doc["validUntil"]), parseTime(doc["expirationDate"]))

	c.LearningOutcomes = outcomes(spec["learningOutcome"])
	if len(c.LearningOutcomes) == 0 {
		if sum := note(spec["learningOutcomeSummary"]); !sum.IsZero() {
			c.LearningOutcomes = []credential.Outcome{{Title: sum}}
		}
	}
	c.ECTS = ects(claim["creditReceived"], spec["creditPoint"])
	c.Hours = hours(spec["volumeOfLearning"], claim["workload"])
	c.EQF = eqfLevel(spec["eqfLevel"])
	if nqf := concepts(spec["nqfLevel"]); len(nqf) > 0 {
		c.NQF = &nqf[0]
	}

	activitySpec := obj(obj(claim["influencedBy"])["specifiedBy"])
	mode := spec["mode"]
	if mode == nil {
		mode = activitySpec["mode"]
	}
	c.Participation = joinText(labels(mode), labels(spec["learningSetting"]))

	assessment := obj(claim["provenBy"])
	assessmentSpec := obj(assessment["specifiedBy"])
	c.Assessment = joinText(firstText(labels(assessmentSpec["dcType"]), labels(assessment["dcType"]), text(assessment["title"])), labels(assessmentSpec["mode"]))
	c.Supervision = labels(assessment["idVerification"])
	c.Grade = note(assessment["grade"])
	c.Prerequisites = note(spec["entryRequirement"])
	c.Stackability = stackability(spec)
	c.PartOf = partOf(claim["isPartOf"], spec["isPartOf"])
	c.FurtherInformation = note(slices.Concat(listOf(spec["additionalNote"]), listOf(claim["additionalNote"])))
	c.FieldOfStudy = fieldsOfStudy(spec)
	c.Languages = dedupe(slices.Concat(languageCodes(spec["language"]), languageCodes(assessmentSpec["language"]), languageCodes(activitySpec["language"])))

	e.accreditations = gatherAccreditations(doc, spec, awardingBody)
	for _, a := range e.accreditations {
		c.Accreditation = append(c.Accreditation, a.concept)
		c.QualityAssurance = appendLines(c.QualityAssurance, a.kind)
	}
	c.Images = images(display, firstText(text(display["title"]), c.Title), obj(doc["issuer"]), c.Issuer.Name)
	e.status = statusEntries(doc["credentialStatus"])
	return e
}

// mainClaim returns the claim the credential is about.
func mainClaim(subject map[string]any) map[string]any {
	claims := objs(subject["hasClaim"])
	for _, cl := range claims {
		if hasType(cl, "LearningAchievement") {
			return cl
		}
	}
	if len(claims) > 0 {
		return claims[0]
	}
	return nil
}

// outcomes reads ELM LearningOutcomes with their ESCO skills
// (relatedESCOSkill) and other skills (relatedSkill, e.g. DigComp).
func outcomes(v any) []credential.Outcome {
	var out []credential.Outcome
	for _, m := range objs(v) {
		o := credential.Outcome{
			ID:          str(m["id"]),
			Title:       firstText(text(m["title"]), text(m["prefLabel"])),
			Description: firstText(text(m["description"]), text(m["definition"])),
			Skills:      append(concepts(m["relatedESCOSkill"]), concepts(m["relatedSkill"])...),
		}
		if o.Title.IsZero() && len(o.Skills) > 0 {
			o.Title = o.Skills[0].Label
		}
		if o.Title.IsZero() && o.ID == "" {
			continue
		}
		out = append(out, o)
	}
	return out
}

// ects returns the first credit amount among the CreditPoints in vs whose
// framework is ECTS (the EDC vocabulary's ECTS entry, or a framework
// labelled "ECTS" or "European Credit Transfer ..."). The point is a
// string in ELM ("2"); a decimal comma is accepted.
func ects(vs ...any) *float64 {
	for _, v := range vs {
		for _, cp := range objs(v) {
			if !isECTS(cp["framework"]) {
				continue
			}
			if f, ok := point(cp["point"]); ok {
				return &f
			}
		}
	}
	return nil
}

func isECTS(v any) bool {
	for _, c := range concepts(v) {
		if c.ID == ectsFramework {
			return true
		}
		for _, s := range c.Label.Values() {
			words := strings.FieldsFunc(strings.ToUpper(s), func(r rune) bool { return r < 'A' || r > 'Z' })
			if slices.Contains(words, "ECTS") || strings.Contains(strings.ToLower(s), "european credit transfer") {
				return true
			}
		}
	}
	return false
}

// point reads a credit amount: a string or a number, 0 to 1000.
func point(v any) (float64, bool) {
	var f float64
	switch x := v.(type) {
	case float64:
		f = x
	default:
		s := strings.ReplaceAll(str(v), ",", ".")
		var err error
		if f, err = strconv.ParseFloat(s, 64); err != nil {
			return 0, false
		}
	}
	if math.IsNaN(f) || f < 0 || f > 1000 {
		return 0, false
	}
	return f, true
}

// hours returns the first of vs that is a duration convertible to hours
// (see durationHours).
func hours(vs ...any) *float64 {
	for _, v := range vs {
		if s := str(v); s != "" {
			if h, err := durationHours(s); err == nil {
				return &h
			}
		}
	}
	return nil
}

// stackability states whether the qualification is partial, the ELM
// element for the integration and stackability options. The sentence is
// Satchel's, in English; the credential gives only the flag.
func stackability(spec map[string]any) credential.Text {
	partial, ok := boolean(spec["isPartialQualification"])
	switch {
	case !ok:
		return nil
	case partial:
		return credential.TextOf("en", "Partial qualification: part of a larger qualification.")
	}
	return credential.TextOf("en", "Stand-alone: not part of a larger qualification.")
}

// partOf reads isPartOf references: objects with a title, or identifiers.
func partOf(vs ...any) []credential.Concept {
	var out []credential.Concept
	for _, v := range vs {
		for _, e := range listOf(v) {
			var c credential.Concept
			if m, ok := e.(map[string]any); ok {
				c = credential.Concept{ID: str(m["id"]), Label: firstText(text(m["title"]), text(m["prefLabel"]))}
			} else {
				c = credential.Concept{ID: str(e)}
			}
			if c.ID != "" || !c.Label.IsZero() {
				out = append(out, c)
			}
		}
	}
	return out
}

// fieldsOfStudy returns the specification's ISCED-F fields (thematicArea),
// and its education subjects that are ISCED-F fields too, once each.
func fieldsOfStudy(spec map[string]any) []credential.Concept {
	out := concepts(spec["thematicArea"])
	for _, c := range concepts(spec["educationSubject"]) {
		if strings.HasPrefix(c.ID, iscedPrefix) {
			out = append(out, c)
		}
	}
	seen := map[string]bool{}
	return slices.DeleteFunc(out, func(c credential.Concept) bool {
		dup := c.ID != "" && seen[c.ID]
		seen[c.ID] = true
		return dup
	})
}

func dedupe(ss []string) []string {
	seen := map[string]bool{}
	return slices.DeleteFunc(ss, func(s string) bool {
		dup := seen[s]
		seen[s] = true
		return dup
	})
}

// appendLines adds t to acc, language by language, on a new line.
func appendLines(acc, t credential.Text) credential.Text {
	for _, l := range t {
		appendText(&acc, l.Tag, l.Value)
	}
	return acc
}

// statusEntries reads credentialStatus: BitstringStatusListEntry and
// StatusList2021Entry give a list and an index; other types (an EBSI
// accreditation or status entry) are reported by type and identifier, for
// the status check to call unsupported.
func statusEntries(v any) []credential.StatusEntry {
	var out []credential.StatusEntry
	for _, m := range objs(v) {
		if len(out) == maxStatus {
			break
		}
		e := credential.StatusEntry{Type: str(m["type"]), Purpose: str(m["statusPurpose"]), ListURL: str(m["statusListCredential"])}
		if e.ListURL == "" {
			e.ListURL = str(m["id"])
		}
		switch x := m["statusListIndex"].(type) {
		case float64:
			if x >= 0 && x <= math.MaxInt32 && x == math.Trunc(x) {
				e.Index = int(x)
			}
		default:
			if n, err := strconv.Atoi(str(x)); err == nil && n >= 0 {
				e.Index = n
			}
		}
		out = append(out, e)
	}
	return out
}
