package europass

import (
	"net/url"
	"strings"
)

// The EU vocabularies and ELM terms the exports use. Concept URIs are the
// ones the Commission's own credentials use, so Europass shows them with
// its labels.
const (
	// contextVC2 and contextEDC are the two contexts of an ELM 3.2
	// credential.
	contextVC2 = "https://www.w3.org/ns/credentials/v2"
	contextEDC = "http://data.europa.eu/snb/model/context/edc-ap"

	// shaclGeneric and shaclConverted are the EDC application profiles the
	// export follows: the generic one every EDC follows, and the one for
	// credentials converted from another format, whose evidence must
	// embed what the conversion was made from.
	shaclGeneric   = "http://data.europa.eu/snb/model/ap/edc-generic-full"
	shaclConverted = "http://data.europa.eu/snb/model/ap/edc-converted"
	// jsonSchemaID is the ELM 3.2 JSON Schema in the EBSI Trusted Schemas
	// Registry: the schema.metadata.json id of the schema in
	// fixtures/edc/schema/ebsi-vcdm2.0-europass-edc-schema.
	jsonSchemaID = "https://api-pilot.ebsi.eu/trusted-schemas-registry/v3/schemas/0x4d40d34533797f62a8a03d7c4a4cd7827d289fadf1bfa582ec0ecfedbe55a6e0"

	// profileGeneric is the "Generic" entry of the EDC credential type
	// vocabulary.
	profileGeneric       = "http://data.europa.eu/snb/credential/e34929035b"
	profileScheme        = "http://data.europa.eu/snb/credential/25831c2"
	ectsFramework        = "http://data.europa.eu/snb/education-credit/6fcec5c5af"
	ectsScheme           = "http://data.europa.eu/snb/education-credit/25831c2"
	eqfPrefix            = "http://data.europa.eu/snb/eqf/"
	eqfScheme            = "http://data.europa.eu/snb/eqf/25831c2"
	iscedPrefix          = "http://data.europa.eu/snb/isced-f/"
	iscedScheme          = "http://data.europa.eu/snb/isced-f/25831c2"
	escoPrefix           = "http://data.europa.eu/esco/"
	countryPrefix        = "http://publications.europa.eu/resource/authority/country/"
	countryScheme        = "http://publications.europa.eu/resource/authority/country"
	languagePrefix       = "http://publications.europa.eu/resource/authority/language/"
	languageScheme       = "http://publications.europa.eu/resource/authority/language"
	fileTypePrefix       = "http://publications.europa.eu/resource/authority/file-type/"
	fileTypeScheme       = "http://publications.europa.eu/resource/authority/file-type"
	encodingBase64       = "http://data.europa.eu/snb/encoding/6146cde7dd"
	encodingScheme       = "http://data.europa.eu/snb/encoding/25831c2"
	defaultLang          = "en"
	defaultWalletName    = "Satchel"
	defaultWalletVersion = "dev"
)

// elmLanguages are the language tags an ELM 3.2 language map may use: the
// ISO 639-1 codes of the JSON Schema's propertyNames pattern (which allows
// no region subtag and no "@none").
var elmLanguages = func() map[string]bool {
	m := map[string]bool{}
	for _, l := range strings.Fields(`aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca
		ce ch co cr cs cu cv cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha
		he hi ho hr ht hu hy hz ia id ie ig ii ik in io is it iu iw ja ji jv jw ka kg ki kj kk kl km kn ko
		kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mo mr ms mt my na nb nd ne ng nl nn
		no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg sh si sk sl sm sn so sq
		sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za
		zh zu`) {
		m[l] = true
	}
	return m
}()

// euLanguageCodes maps BCP 47 primary tags to the codes of the EU language
// authority table, for the languages of instruction. It is the inverse of
// the table wallet/elm reads them back with, so that a language survives
// the round trip; a tag not listed is written in upper case, which
// wallet/elm reads back in lower case.
var euLanguageCodes = map[string]string{
	"bg": "BUL", "cs": "CES", "da": "DAN", "de": "DEU", "el": "ELL", "en": "ENG",
	"et": "EST", "fi": "FIN", "fr": "FRA", "ga": "GLE", "hr": "HRV", "hu": "HUN",
	"it": "ITA", "lv": "LAV", "lt": "LIT", "mt": "MLT", "nl": "NLD", "pl": "POL",
	"pt": "POR", "ro": "RON", "sk": "SLK", "sl": "SLV", "es": "SPA", "sv": "SWE",
	"is": "ISL", "no": "NOR", "nb": "NOB", "nn": "NNO", "lb": "LTZ", "mk": "MKD",
	"sq": "SQI", "sr": "SRP", "bs": "BOS", "tr": "TUR", "uk": "UKR", "ka": "KAT",
	"ca": "CAT", "eu": "EUS", "gl": "GLG", "cy": "CYM", "ru": "RUS",
	"ar": "ARA", "zh": "ZHO", "ja": "JPN",
}

// languageNames names the languages of euLanguageCodes in English, for
// the concepts' labels.
var languageNames = map[string]string{
	"bg": "Bulgarian", "cs": "Czech", "da": "Danish", "de": "German", "el": "Greek", "en": "English",
	"et": "Estonian", "fi": "Finnish", "fr": "French", "ga": "Irish", "hr": "Croatian", "hu": "Hungarian",
	"it": "Italian", "lv": "Latvian", "lt": "Lithuanian", "mt": "Maltese", "nl": "Dutch", "pl": "Polish",
	"pt": "Portuguese", "ro": "Romanian", "sk": "Slovak", "sl": "Slovenian", "es": "Spanish", "sv": "Swedish",
	"is": "Icelandic", "no": "Norwegian", "nb": "Norwegian Bokmål", "nn": "Norwegian Nynorsk",
	"lb": "Luxembourgish", "mk": "Macedonian", "sq": "Albanian", "sr": "Serbian", "bs": "Bosnian",
	"tr": "Turkish", "uk": "Ukrainian", "ka": "Georgian", "ca": "Catalan", "eu": "Basque",
	"gl": "Galician", "cy": "Welsh", "ru": "Russian", "ar": "Arabic", "zh": "Chinese", "ja": "Japanese",
}

// baseLang returns the primary subtag of a BCP 47 tag, in lower case.
func baseLang(tag string) string {
	base, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(tag)), "-")
	return base
}

// isURI reports whether s is an absolute URI, as the schema's "uri"
// format asks of every identifier: a scheme, no spaces or control
// characters, and something after the scheme.
func isURI(s string) bool {
	if s == "" || strings.ContainsAny(s, " \t\r\n\\<>\"{}|^`") {
		return false
	}
	u, err := url.Parse(s)
	return err == nil && u.Scheme != "" && (u.Opaque != "" || u.Host != "" || u.Path != "")
}

// countryAlpha3 returns the EU authority table code of an ISO 3166 code
// given with two or three letters ("EE" gives "EST"), or "" if unknown.
func countryAlpha3(code string) string {
	code = strings.ToUpper(strings.TrimSpace(code))
	switch len(code) {
	case 2:
		if code == "UK" {
			code = "GB"
		} else if code == "EL" {
			code = "GR"
		}
		return alpha3[code]
	case 3:
		for _, a3 := range alpha3 {
			if a3 == code {
				return code
			}
		}
	}
	return ""
}

// countryAlpha2 returns the ISO 3166-1 alpha-2 code of a code given with
// two or three letters, or "" if unknown.
func countryAlpha2(code string) string {
	code = strings.ToUpper(strings.TrimSpace(code))
	switch len(code) {
	case 2:
		if code == "UK" {
			return "GB"
		}
		if code == "EL" {
			return "GR"
		}
		if _, ok := alpha3[code]; ok {
			return code
		}
	case 3:
		for a2, a3 := range alpha3 {
			if a3 == code {
				return a2
			}
		}
	}
	return ""
}
