package elm

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/satchel-wallet/satchel/wallet/credential"
)

// accreditation is one ELM Accreditation: the quality assurance or
// licensing of an organisation, possibly limited to a qualification, EQF
// levels or fields of education.
type accreditation struct {
	concept credential.Concept
	// kind is the accreditation type (dcType), e.g. "Program License";
	// it is the credential's type of quality assurance.
	kind credential.Text
	// org is the accredited organisation, if stated.
	org    credential.Party
	expiry time.Time
	// The limits of the accreditation, each empty when not stated.
	eqf    []int
	quals  []string
	fields []string
}

// gatherAccreditations collects the accreditations an EDC carries, where
// ELM allows them: on the qualification (Qualification.accreditation), on
// the awarding body (Organisation.accreditation), and in the credential's
// evidence (the EDC-accredited profile's Evidence.accreditation). The same
// accreditation named twice is kept once.
func gatherAccreditations(doc, spec, awardingBody map[string]any) []accreditation {
	var out []accreditation
	seen := map[string]bool{}
	add := func(v any) {
		for _, m := range objs(v) {
			a := readAccreditation(m)
			if a.concept.ID != "" {
				if seen[a.concept.ID] {
					continue
				}
				seen[a.concept.ID] = true
			}
			out = append(out, a)
		}
	}
	add(spec["accreditation"])
	add(awardingBody["accreditation"])
	for _, ev := range objs(doc["evidence"]) {
		add(ev["accreditation"])
	}
	return out
}

func readAccreditation(m map[string]any) accreditation {
	a := accreditation{kind: labels(m["dcType"]), org: party(m["organisation"]), expiry: parseTime(m["expiryDate"])}
	a.concept = credential.Concept{ID: str(m["id"]), Label: firstText(text(m["title"]), a.kind)}
	if !text(m["title"]).IsZero() {
		a.concept.Framework = a.kind
	}
	if ident := obj(m["identifier"]); ident != nil {
		a.concept.Code = str(ident["notation"])
	}
	for _, c := range concepts(m["limitEQFLevel"]) {
		if n := eqfFromURI(c.ID); n != 0 {
			a.eqf = append(a.eqf, n)
		}
	}
	for _, q := range listOf(m["limitQualification"]) {
		if qid := id(q); qid != "" {
			a.quals = append(a.quals, qid)
		}
	}
	for _, c := range concepts(m["limitField"]) {
		if strings.HasPrefix(c.ID, iscedPrefix) {
			a.fields = append(a.fields, c.Code)
		}
	}
	return a
}

// name is how messages name the accreditation.
func (a *accreditation) name() string {
	if s := a.concept.Label.In("en"); s != "" {
		return s
	}
	if a.concept.ID != "" {
		return a.concept.ID
	}
	return "an accreditation"
}

// accreditationCheck makes the accreditation check of an EDC.
//
// No accreditation is the common case for micro-credentials from
// non-formal learning, so it is reported as skipped ("states no
// accreditation"), not as a warning. When accreditations are present, each
// must be consistent with the credential where both state something:
//   - the accredited organisation is the awarding body (the issuer when no
//     awarding body is named), by identifier or legal name;
//   - it had not expired when the credential was issued (issuance date,
//     else the start of validity);
//   - its EQF levels include the credential's level, its qualifications the
//     credential's specification, and its ISCED-F fields cover one of the
//     credential's fields (a broad field covers its narrower ones: 06
//     covers 0688).
//
// A limit the credential gives nothing to compare with is not held against
// it; the detail says what was compared. Whether the accrediting agent is
// itself a recognised quality assurance body needs registers Satchel does
// not have (EQAR, national lists) and is not checked.
func accreditationCheck(e *edc) credential.Check {
	c := &e.cred
	if len(e.accreditations) == 0 {
		return credential.NewCheck(credential.CheckAccreditation, credential.Skipped, "accreditation.none", nil,
			"no accreditation on the qualification, the awarding body or the evidence")
	}
	body := e.awarding
	if body.IsZero() {
		body = c.Issuer
	}
	issued := firstTime(c.Issued, c.ValidFrom)
	var codes []string
	for _, f := range c.FieldOfStudy {
		if strings.HasPrefix(f.ID, iscedPrefix) {
			codes = append(codes, f.Code)
		}
	}
	var names, compared []string
	for i := range e.accreditations {
		a := &e.accreditations[i]
		names = append(names, a.name())
		if !a.org.IsZero() && !body.IsZero() {
			if !sameParty(a.org, body) {
				return credential.NewCheck(credential.CheckAccreditation, credential.Failed, "accreditation.mismatch",
					map[string]string{"Problem": fmt.Sprintf("%s is held by %s, but the credential was awarded by %s", a.name(), partyName(a.org), partyName(body))},
					"accredited organisation "+a.org.ID+", awarding body "+body.ID)
			}
			compared = append(compared, "organisation")
		}
		if !a.expiry.IsZero() && !issued.IsZero() {
			if a.expiry.Before(issued) {
				return credential.NewCheck(credential.CheckAccreditation, credential.Failed, "accreditation.elm-expired",
					map[string]string{"Name": a.name(), "Expired": day(a.expiry), "Issued": day(issued)},
					"expiryDate "+a.expiry.Format(time.RFC3339)+", issued "+issued.Format(time.RFC3339))
			}
			compared = append(compared, "expiry")
		}
		if problem := scopeProblem(a, c.EQF, e.specID, codes); problem != "" {
			return credential.NewCheck(credential.CheckAccreditation, credential.Failed, "accreditation.elm-scope",
				map[string]string{"Name": a.name(), "Problem": problem}, a.concept.ID)
		}
		if len(a.eqf)+len(a.quals)+len(a.fields) > 0 {
			compared = append(compared, "scope")
		}
	}
	detail := "compared: " + strings.Join(dedupe(compared), ", ")
	if len(compared) == 0 {
		detail = "present; nothing in the credential to compare it with"
	}
	return credential.NewCheck(credential.CheckAccreditation, credential.OK, "accreditation.ok",
		map[string]string{"Names": strings.Join(names, "; ")}, detail)
}

// scopeProblem says how the accreditation's limits exclude the credential,
// or "" if they do not.
func scopeProblem(a *accreditation, eqf int, specID string, fields []string) string {
	if len(a.eqf) > 0 && eqf != 0 && !slices.Contains(a.eqf, eqf) {
		levels := make([]string, len(a.eqf))
		for i, n := range a.eqf {
			levels[i] = strconv.Itoa(n)
		}
		return fmt.Sprintf("it is limited to EQF level %s, and the credential is at level %d", strings.Join(levels, ", "), eqf)
	}
	if len(a.quals) > 0 && specID != "" && !slices.Contains(a.quals, specID) {
		return "it is limited to other qualifications (" + strings.Join(a.quals, ", ") + ")"
	}
	if len(a.fields) > 0 && len(fields) > 0 {
		for _, f := range fields {
			for _, lim := range a.fields {
				if lim != "" && strings.HasPrefix(f, lim) {
					return ""
				}
			}
		}
		return "it is limited to the fields of education " + strings.Join(a.fields, ", ") + ", and the credential is in " + strings.Join(fields, ", ")
	}
	return ""
}

func partyName(p credential.Party) string {
	if n := p.Name.In("en"); n != "" {
		return n
	}
	if p.ID != "" {
		return p.ID
	}
	return "an unnamed organisation"
}

// day writes a date the way a learner reads it, as package wallet does.
func day(t time.Time) string { return t.UTC().Format("2 January 2006") }
