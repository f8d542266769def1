package elm

import (
	"strconv"
	"strings"

	"github.com/satchel-wallet/satchel/wallet/credential"
)

// Controlled vocabularies ELM values come from. Their concept URIs end in
// the code, which is kept as Concept.Code where it means something to a
// reader (an ISCED-F field code, an EQF level). skos:notation is not used
// for codes: in the EU authority tables it names the table ("country",
// "language"), not the entry.
const (
	iscedPrefix    = "http://data.europa.eu/snb/isced-f/"
	eqfPrefix      = "http://data.europa.eu/snb/eqf/"
	escoPrefix     = "http://data.europa.eu/esco/"
	countryPrefix  = "http://publications.europa.eu/resource/authority/country/"
	languagePrefix = "http://publications.europa.eu/resource/authority/language/"
	// ectsFramework is the ECTS entry of the EDC credit system vocabulary
	// (education-credit), as the Commission's samples use it.
	ectsFramework = "http://data.europa.eu/snb/education-credit/6fcec5c5af"
)

// concept reads a skos:Concept: its URI, its preferred label (else its
// alternative label or title), and, for the vocabularies above, its code
// and framework.
func concept(m map[string]any) credential.Concept {
	c := credential.Concept{ID: str(m["id"])}
	c.Label = firstText(text(m["prefLabel"]), text(m["altLabel"]), text(m["title"]))
	switch {
	case strings.HasPrefix(c.ID, iscedPrefix):
		c.Code = lastSegment(c.ID)
		c.Framework = credential.TextOf("en", "ISCED-F 2013")
	case strings.HasPrefix(c.ID, eqfPrefix):
		c.Code = lastSegment(c.ID)
		c.Framework = credential.TextOf("en", "European Qualifications Framework")
	case strings.HasPrefix(c.ID, escoPrefix):
		c.Framework = credential.TextOf("en", "ESCO")
	}
	return c
}

// concepts reads every concept v holds, skipping entries with neither an
// identifier nor a label.
func concepts(v any) []credential.Concept {
	var out []credential.Concept
	for _, m := range objs(v) {
		if c := concept(m); c.ID != "" || !c.Label.IsZero() {
			out = append(out, c)
		}
	}
	return out
}

// label returns the label of the first concept v holds.
func label(v any) credential.Text {
	for _, c := range concepts(v) {
		if !c.Label.IsZero() {
			return c.Label
		}
	}
	return nil
}

// labels joins the labels of every concept v holds with ", ", language by
// language.
func labels(v any) credential.Text {
	var out credential.Text
	for _, c := range concepts(v) {
		for _, l := range c.Label {
			lang, s := l.Tag, l.Value
			if old := out.Get(lang); old != "" {
				s = old + ", " + s
			}
			out.Set(lang, s)
		}
	}
	return out
}

// eqfLevel returns the EQF level 1 to 8 of the first concept in v whose URI
// is http://data.europa.eu/snb/eqf/N; 0 if there is none.
func eqfLevel(v any) int {
	for _, c := range concepts(v) {
		if n := eqfFromURI(c.ID); n != 0 {
			return n
		}
	}
	return 0
}

// eqfFromURI returns N for http://data.europa.eu/snb/eqf/N with N from 1
// to 8, else 0.
func eqfFromURI(uri string) int {
	if !strings.HasPrefix(uri, eqfPrefix) {
		return 0
	}
	if n, err := strconv.Atoi(uri[len(eqfPrefix):]); err == nil && n >= 1 && n <= 8 {
		return n
	}
	return 0
}

// country returns the name and code of a country concept from the EU
// country authority table: "Ireland" and "IRL" for .../country/IRL.
func country(v any) (credential.Text, string) {
	m := obj(v)
	if m == nil {
		return nil, ""
	}
	id := str(m["id"])
	code := ""
	if strings.HasPrefix(id, countryPrefix) {
		code = lastSegment(id)
	}
	return text(m["prefLabel"]), code
}

// euLanguages maps the codes of the EU language authority table to BCP 47
// tags for the languages a credential is likely to be taught in: the 24
// official EU languages, the other EEA and candidate countries' languages,
// and a few regional ones. A code not listed is kept in lower case, which
// is its ISO 639-3 code and so still a valid BCP 47 primary subtag.
var euLanguages = map[string]string{
	"BUL": "bg", "CES": "cs", "DAN": "da", "DEU": "de", "ELL": "el", "ENG": "en",
	"EST": "et", "FIN": "fi", "FRA": "fr", "GLE": "ga", "HRV": "hr", "HUN": "hu",
	"ITA": "it", "LAV": "lv", "LIT": "lt", "MLT": "mt", "NLD": "nl", "POL": "pl",
	"POR": "pt", "RON": "ro", "SLK": "sk", "SLV": "sl", "SPA": "es", "SWE": "sv",
	"ISL": "is", "NOR": "no", "NOB": "nb", "NNO": "nn", "LTZ": "lb", "MKD": "mk",
	"SQI": "sq", "SRP": "sr", "BOS": "bs", "TUR": "tr", "UKR": "uk", "KAT": "ka",
	"RUM": "ro", "CAT": "ca", "EUS": "eu", "GLG": "gl", "CYM": "cy", "RUS": "ru",
	"ARA": "ar", "ZHO": "zh", "JPN": "ja",
}

// languageCodes returns the language codes of the language concepts in v:
// BCP 47 tags for the EU authority table's URIs (…/language/ENG gives
// "en"), the concept URI's last segment in lower case otherwise.
func languageCodes(v any) []string {
	var out []string
	for _, c := range concepts(v) {
		code := ""
		switch {
		case strings.HasPrefix(c.ID, languagePrefix):
			auth := strings.ToUpper(lastSegment(c.ID))
			if tag, ok := euLanguages[auth]; ok {
				code = tag
			} else {
				code = strings.ToLower(auth)
			}
		case c.ID != "" && isLangTag(lastSegment(c.ID)):
			code = strings.ToLower(lastSegment(c.ID))
		}
		if code != "" {
			out = append(out, code)
		}
	}
	return out
}
