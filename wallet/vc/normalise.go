package vc

import (
	"regexp"
	"strings"

	"github.com/satchel-wallet/satchel/wallet/credential"
)

// Context URLs that tell the VC data model version.
const (
	contextV1 = "https://www.w3.org/2018/credentials/v1"
	contextV2 = "https://www.w3.org/ns/credentials/v2"
)

// Normalise maps a W3C VC (1.1 or 2.0) JSON object onto the credential
// model, and returns the identifiers of its subjects for the holder check.
// It never fails: fields it cannot find stay empty.
func Normalise(doc map[string]any) (credential.Credential, []string) {
	c := credential.Credential{
		SourceID: str(doc["id"]),
		Types:    types(doc),
		Profile:  Profile(doc),
	}
	terms := euTerms(doc)
	subject, subjects := mainSubject(doc)
	achievement := obj(subject["achievement"])

	c.Title = first(text(doc["name"]), text(achievement["name"]))
	c.AchievementID = str(achievement["id"])
	c.Description = first(text(achievement["description"]), text(doc["description"]))
	c.Issuer = party(doc["issuer"])
	if creator := party(achievement["creator"]); !creator.IsZero() && creator.ID != c.Issuer.ID {
		c.AwardingBody = &creator
	}
	c.Issued = firstTime(date(doc["issuanceDate"]), date(doc["awardedDate"]), date(subject["awardedDate"]), date(doc["validFrom"]), date(doc["issued"]))
	c.ValidFrom = firstTime(date(doc["validFrom"]), date(doc["issuanceDate"]))
	c.ValidUntil = firstTime(date(doc["validUntil"]), date(doc["expirationDate"]))
	c.Learner = learner(subject)

	if e, ok := number(subject["creditsEarned"]); ok {
		c.ECTS = e
	} else if a, ok := number(achievement["creditsAvailable"]); ok {
		c.ECTS = a
	}
	readAlignments(&c, achievement)
	c.Grade = grade(subject)

	// The EU elements without an OB3 field: the achievement first, then the
	// subject, then the credential itself.
	holders := []map[string]any{achievement, subject, doc}
	eu := func(local string) credential.Text {
		for _, h := range holders {
			if t := text(h[terms[local]]); !t.IsZero() {
				return t
			}
		}
		return nil
	}
	c.Assessment = eu("assessmentType")
	c.Participation = eu("participationForm")
	c.QualityAssurance = eu("qualityAssurance")
	c.Prerequisites = eu("prerequisites")
	c.Supervision = eu("supervisionAndIdentityVerification")
	c.Stackability = eu("integrationStackability")
	c.FurtherInformation = eu("furtherInformation")
	c.PartOf = partOf(c.Stackability)

	for _, f := range list(achievement["fieldOfStudy"]) {
		if fc := fieldOfStudy(str(f)); fc.Label != nil || fc.Code != "" {
			c.FieldOfStudy = append(c.FieldOfStudy, fc)
		}
	}
	for _, l := range list(achievement["inLanguage"]) {
		if s := str(l); s != "" {
			c.Languages = append(c.Languages, s)
		}
	}
	c.Images = images(doc["image"], achievement["image"])
	return c, subjects
}

// Profile names the standard a VC follows, in words.
func Profile(doc map[string]any) string {
	kind := "Verifiable Credential"
	switch {
	case hasType(doc, "OpenBadgeCredential", "AchievementCredential"):
		kind = "Open Badges 3.0 credential"
	case hasType(doc, "ClrCredential"):
		kind = "CLR 2.0 credential"
	case hasType(doc, "EuropeanDigitalCredential"):
		kind = "European Digital Credential"
	}
	for _, ctx := range list(doc["@context"]) {
		switch ctx {
		case contextV2:
			return kind + " (VC 2.0)"
		case contextV1:
			return kind + " (VC 1.1)"
		}
	}
	return kind
}

// mainSubject returns the credential subject that holds the achievement
// (the first one if none does) and every subject's id.
func mainSubject(doc map[string]any) (map[string]any, []string) {
	var main map[string]any
	var ids []string
	for _, s := range list(doc["credentialSubject"]) {
		m := obj(s)
		if m == nil {
			continue
		}
		if id := str(m["id"]); id != "" {
			ids = append(ids, id)
		}
		if main == nil || (obj(main["achievement"]) == nil && obj(m["achievement"]) != nil) {
			main = m
		}
	}
	if main == nil {
		main = map[string]any{}
	}
	return main, ids
}

func party(v any) credential.Party {
	if s, ok := v.(string); ok {
		return credential.Party{ID: s}
	}
	m := obj(v)
	if m == nil {
		return credential.Party{}
	}
	p := credential.Party{ID: str(m["id"]), Name: text(m["name"]), URL: str(m["url"])}
	if p.URL == "" {
		p.URL = str(m["homepage"])
	}
	if addr := obj(m["address"]); addr != nil {
		p.Country = text(addr["addressCountry"])
		p.CountryCode = strings.ToUpper(str(addr["addressCountryCode"]))
	}
	return p
}

func learner(subject map[string]any) credential.Learner {
	l := credential.Learner{ID: str(subject["id"]), Name: text(subject["name"])}
	if l.Name.IsZero() {
		given, family := str(subject["givenName"]), str(subject["familyName"])
		l.Name = credential.Plain(strings.TrimSpace(given + " " + family))
	}
	for _, idv := range list(subject["identifier"]) {
		m := obj(idv)
		if l.Name.IsZero() && str(m["identityType"]) == "name" && m["hashed"] != true {
			l.Name = credential.Plain(str(m["identityHash"]))
		}
	}
	if d := str(subject["birthDate"]); d != "" {
		l.BirthDate = d
	}
	return l
}

// grade returns the value of the subject's results, joined when there are
// several.
func grade(subject map[string]any) credential.Text {
	var vals []string
	for _, r := range list(subject["result"]) {
		if s := str(obj(r)["value"]); s != "" {
			vals = append(vals, s)
		}
	}
	return credential.Plain(strings.Join(vals, ", "))
}

// readAlignments sorts the achievement's alignments into the EQF level,
// learning outcomes (with ESCO skill links) and other alignments.
func readAlignments(c *credential.Credential, achievement map[string]any) {
	for _, a := range list(achievement["alignment"]) {
		m := obj(a)
		if m == nil {
			continue
		}
		url, code := str(m["targetUrl"]), str(m["targetCode"])
		ttype, framework := str(m["targetType"]), text(m["targetFramework"])
		concept := credential.Concept{ID: url, Label: text(m["targetName"]), Code: code, Framework: framework}
		switch {
		case eqfFromURL(url) > 0:
			c.EQF = eqfFromURL(url)
		case strings.EqualFold(ttype, "ext:EQFLevel") || strings.Contains(strings.ToLower(framework.In("en")), "european qualifications framework"):
			if n := eqfLevel(code); n > 0 {
				c.EQF = n
			} else if n := eqfLevel(concept.Label.In("en")); n > 0 {
				c.EQF = n
			}
		case isCompetency(ttype) || strings.Contains(url, "data.europa.eu/esco/"):
			o := credential.Outcome{ID: url, Title: concept.Label, Description: text(m["targetDescription"])}
			if strings.Contains(url, "data.europa.eu/esco/") {
				o.Skills = []credential.Concept{concept}
			}
			c.LearningOutcomes = append(c.LearningOutcomes, o)
		default:
			c.Alignments = append(c.Alignments, concept)
		}
	}
}

func isCompetency(t string) bool {
	t = strings.ToLower(t)
	return strings.Contains(t, "competency") || strings.Contains(t, "cfitem") || strings.Contains(t, "skill")
}

var integratedInto = regexp.MustCompile(`(?i)integrated into\s+([^;(]+?)\s*(?:\(([^)]*)\))?\s*(?:;|\.|$)`)

// partOf reads the programme named in an "Integrated into <programme>
// (<body>)" stackability statement.
func partOf(stack credential.Text) []credential.Concept {
	var out []credential.Concept
	for _, s := range stack.Values() {
		if m := integratedInto.FindStringSubmatch(s); m != nil {
			c := credential.Concept{Label: credential.Plain(m[1])}
			if m[2] != "" {
				c.Framework = credential.Plain(m[2])
			}
			out = append(out, c)
			break
		}
	}
	return out
}

var iscedCode = regexp.MustCompile(`^(\d{2,4})\s+(.+)$`)

// fieldOfStudy reads "0421 Law" as ISCED-F code 0421 labelled Law.
func fieldOfStudy(s string) credential.Concept {
	if m := iscedCode.FindStringSubmatch(s); m != nil {
		return credential.Concept{Code: m[1], Label: credential.Plain(m[2]), ID: "http://data.europa.eu/snb/isced-f/" + m[1]}
	}
	return credential.Concept{Label: credential.Plain(s)}
}

func images(vs ...any) []credential.Image {
	var out []credential.Image
	for _, v := range vs {
		for _, i := range list(v) {
			u := str(i)
			if u == "" || len(u) > maxImageURL {
				continue
			}
			out = append(out, credential.Image{URL: u, Caption: text(obj(i)["caption"])})
		}
	}
	return out
}

// maxImageURL keeps large inline images (data: URIs) out of the normalised
// view; the original still has them.
const maxImageURL = 64 << 10

func first(ts ...credential.Text) credential.Text {
	for _, t := range ts {
		if !t.IsZero() {
			return t
		}
	}
	return nil
}
