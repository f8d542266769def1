package europass_test

import (
	"encoding/json"
	"math"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/satchel-wallet/satchel/wallet/credential"
)

// What an ELM export gives back when Satchel imports it, field by field.
// content is the part of the normalised view that says what the
// credential is about; the rest (ID, Format, MediaType, Profile, SourceID,
// Types, Disclosures, Verification) describes the encoding and must
// change: the export is another document, unsealed, and says so.
//
// expectAfterELM applies to the original's view what cannot survive the
// round trip, each with its reason. Everything it does not touch must come
// back equal.
type content struct {
	Learner            credential.Learner
	Title, Description credential.Text
	Issuer             credential.Party
	AwardingBody       *credential.Party
	Issued, ValidFrom  time.Time
	ValidUntil         time.Time
	LearningOutcomes   []credential.Outcome
	ECTS, Hours        *float64
	EQF                int
	NQF                *credential.Concept
	Assessment         credential.Text
	Participation      credential.Text
	QualityAssurance   credential.Text
	Prerequisites      credential.Text
	Supervision        credential.Text
	Grade              credential.Text
	Stackability       credential.Text
	PartOf             []credential.Concept
	Alignments         []credential.Concept
	FurtherInformation credential.Text
	FieldOfStudy       []credential.Concept
	Languages          []string
	Accreditation      []credential.Concept
	AchievementID      string
}

func contentOf(c *credential.Credential) content {
	k := content{
		Learner: c.Learner, Title: c.Title, Description: c.Description, Issuer: c.Issuer, AwardingBody: c.AwardingBody,
		Issued: c.Issued.UTC(), ValidFrom: c.ValidFrom.UTC(), ValidUntil: c.ValidUntil.UTC(),
		LearningOutcomes: c.LearningOutcomes, ECTS: c.ECTS, Hours: c.Hours, EQF: c.EQF, NQF: c.NQF,
		Assessment: c.Assessment, Participation: c.Participation, QualityAssurance: c.QualityAssurance,
		Prerequisites: c.Prerequisites, Supervision: c.Supervision, Grade: c.Grade, Stackability: c.Stackability,
		PartOf: c.PartOf, Alignments: c.Alignments, FurtherInformation: c.FurtherInformation,
		FieldOfStudy: c.FieldOfStudy, Languages: c.Languages, Accreditation: c.Accreditation, AchievementID: c.AchievementID,
	}
	if k.Hours != nil {
		h := math.Round(*k.Hours*3600) / 3600
		k.Hours = &h
	}
	// A document-local identifier says nothing across documents
	// (credential.LocalID): which number the export gives it is not part of
	// the content.
	local := func(id string) string {
		if credential.LocalID(id) {
			return "urn:epass:local"
		}
		return id
	}
	k.Issuer.ID = local(k.Issuer.ID)
	if k.AwardingBody != nil {
		a := *k.AwardingBody
		a.ID = local(a.ID)
		k.AwardingBody = &a
	}
	k.AchievementID = local(k.AchievementID)
	k.LearningOutcomes = slices.Clone(k.LearningOutcomes)
	for i := range k.LearningOutcomes {
		k.LearningOutcomes[i].ID = local(k.LearningOutcomes[i].ID)
	}
	k.PartOf = slices.Clone(k.PartOf)
	for i := range k.PartOf {
		k.PartOf[i].ID = local(k.PartOf[i].ID)
	}
	return k
}

// diff returns a readable difference of two contents, or "".
func (k content) diff(other content) string {
	a, _ := json.MarshalIndent(k, "", " ")
	b, _ := json.MarshalIndent(other, "", " ")
	if string(a) == string(b) {
		return ""
	}
	la, lb := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	var out []string
	for i := 0; i < len(la) || i < len(lb); i++ {
		var x, y string
		if i < len(la) {
			x = la[i]
		}
		if i < len(lb) {
			y = lb[i]
		}
		if x != y {
			out = append(out, "want "+x, " got "+y)
		}
		if len(out) > 16 {
			break
		}
	}
	return strings.Join(out, "\n")
}

// elmLangs are the ISO 639-1 codes the ELM schema allows as language
// tags (a sample; the export's own table is the schema's full list).
func elmLang(tag string) bool {
	base, _, _ := strings.Cut(tag, "-")
	return len(base) == 2 && base == tag
}

// textAfter: ELM 3.2 language maps allow only ISO 639-1 codes, so a value
// without a language comes back in the export's language and a regional
// value ("de-at") under its base language ("de") unless the Text has that
// too. (ISO 639-1 codes outside the schema's list do not occur in the
// test data.)
func textAfter(t credential.Text, lang string) credential.Text {
	if t.IsZero() {
		return nil
	}
	var out credential.Text
	put := func(l, s string) {
		if out.Get(l) == "" && s != "" {
			out.Set(l, s)
		}
	}
	for _, l := range t.Languages() {
		if elmLang(l) {
			put(l, t.Get(l))
		}
	}
	put(lang, t.Get(""))
	for _, l := range t.Languages() {
		base, _, _ := strings.Cut(l, "-")
		if len(base) == 2 {
			put(base, t.Get(l))
		}
	}
	if len(out) == 0 {
		put(lang, t.In(lang))
	}
	return out
}

// nameAfter: ELM's fullName holds one language; the export keeps the
// name in its language, else the first.
func nameAfter(t credential.Text, lang string) credential.Text {
	t = textAfter(t, lang)
	if len(t) <= 1 {
		return t
	}
	if v := t.Get(lang); v != "" {
		return credential.TextOf(lang, v)
	}
	l := t.Languages()[0]
	return credential.TextOf(l, t.Get(l))
}

// conceptAfter: ELM concepts need URIs as identifiers (others are left
// out), and wallet/elm gives a code and a framework name only to the EU
// vocabularies whose URIs imply them (ISCED-F, EQF, ESCO); codes and
// framework names of other vocabularies are not part of an ELM concept.
func conceptAfter(c credential.Concept, lang string) (credential.Concept, bool) {
	out := credential.Concept{Label: textAfter(c.Label, lang)}
	if isAbsURI(c.ID) {
		out.ID = c.ID
	}
	switch {
	case strings.HasPrefix(out.ID, "http://data.europa.eu/snb/isced-f/"):
		out.Code, out.Framework = out.ID[strings.LastIndex(out.ID, "/")+1:], credential.TextOf("en", "ISCED-F 2013")
	case strings.HasPrefix(out.ID, "http://data.europa.eu/snb/eqf/"):
		out.Code, out.Framework = out.ID[strings.LastIndex(out.ID, "/")+1:], credential.TextOf("en", "European Qualifications Framework")
	case strings.HasPrefix(out.ID, "http://data.europa.eu/esco/"):
		out.Framework = credential.TextOf("en", "ESCO")
	}
	return out, out.ID != "" || !out.Label.IsZero()
}

func isAbsURI(s string) bool {
	if s == "" || strings.ContainsAny(s, " \t\r\n\\<>\"{}|^`") {
		return false
	}
	u, err := url.Parse(s)
	return err == nil && u.Scheme != "" && (u.Opaque != "" || u.Host != "" || u.Path != "")
}

// partyAfter: an Organisation needs a legal name and a country; a party
// lacking either is written as an Agent, which has no home page, so its
// URL is lost. Country codes come back as the EU country table's
// three-letter codes (EE as EST), the codes ELM concept URIs use. A party
// without a URI identifier gets a document-local one.
func partyAfter(p credential.Party, lang string, alpha3 func(string) string) credential.Party {
	out := credential.Party{Name: textAfter(p.Name, lang), Country: textAfter(p.Country, lang), CountryCode: alpha3(p.CountryCode)}
	out.ID = p.ID
	if !isAbsURI(p.ID) {
		out.ID = "urn:epass:local"
	}
	hasCountry := out.CountryCode != "" || !out.Country.IsZero()
	if !out.Name.IsZero() && hasCountry && strings.HasPrefix(p.URL, "http") && isAbsURI(p.URL) {
		out.URL = p.URL
	}
	if out.Name.IsZero() || !hasCountry {
		out.Country, out.CountryCode = nil, ""
	}
	return out
}

// appendLines adds t to acc language by language on new lines, skipping
// a text already there, as wallet/elm joins several notes.
func appendLines(acc, t credential.Text) credential.Text {
	for _, l := range append([]string{""}, t.Languages()...) {
		s := t.Get(l)
		if s == "" {
			continue
		}
		old := acc.Get(l)
		switch {
		case old == "":
			acc.Set(l, s)
		case old == s || slices.Contains(strings.Split(old, "\n"), s):
		default:
			acc.Set(l, old+"\n"+s)
		}
	}
	return acc
}
