package europass

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/satchel-wallet/satchel/wallet/credential"
)

// obj is a JSON object of the document being built. encoding/json writes
// its keys sorted, so the output is the same for the same input.
type obj = map[string]any

// builder makes the nodes of one ELM document: it numbers the document's
// local identifiers (urn:epass:KIND:N, as the EDC software does) and
// knows the language that text without a language is given in.
type builder struct {
	lang string
	ids  map[string]int
}

func newBuilder(lang string) *builder {
	lang = baseLang(lang)
	if !elmLanguages[lang] {
		lang = defaultLang
	}
	return &builder{lang: lang, ids: map[string]int{}}
}

// localID returns the next document-local identifier of a kind of node.
func (b *builder) localID(kind string) string {
	b.ids[kind]++
	return fmt.Sprintf("urn:epass:%s:%d", kind, b.ids[kind])
}

// langMap writes a Text as an ELM 3.2 language map, each value in an
// array: {"en": ["..."]}. The schema allows only ISO 639-1 codes as keys,
// so a value without a language goes under the builder's language, and a
// regional tag ("de-AT") under its base language unless the Text has that
// language too; a language with no ISO 639-1 code is dropped unless it is
// the only one. Nil for an empty Text.
func (b *builder) langMap(t credential.Text) obj {
	out := obj{}
	put := func(lang, s string) {
		if _, ok := out[lang]; !ok && s != "" {
			out[lang] = []any{s}
		}
	}
	langs := t.Languages()
	for _, l := range langs {
		if elmLanguages[l] {
			put(l, t.Get(l))
		}
	}
	put(b.lang, t.Get(""))
	for _, l := range langs {
		if base := baseLang(l); elmLanguages[base] {
			put(base, t.Get(l))
		}
	}
	if len(out) == 0 && !t.IsZero() {
		put(b.lang, t.In(b.lang))
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// langString writes a Text where ELM allows one language only (a
// person's full name): the builder's language if the Text has it, else
// the first in alphabetical order.
func (b *builder) langString(t credential.Text) obj {
	m := b.langMap(t)
	if len(m) <= 1 {
		return m
	}
	if v, ok := m[b.lang]; ok {
		return obj{b.lang: v}
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return obj{keys[0]: m[keys[0]]}
}

// emptyText is the value written where ELM requires a text the credential
// does not state (an assessment's title and grade): an empty string,
// which no reader shows as a value, rather than words Satchel made up.
func (b *builder) emptyText() obj { return obj{b.lang: []any{""}} }

// textOr returns the language map of t, or emptyText when t is empty.
func (b *builder) textOr(t credential.Text) obj {
	if m := b.langMap(t); m != nil {
		return m
	}
	return b.emptyText()
}

// english is a label of Satchel's own, in English.
func english(s string) credential.Text { return credential.TextOf("en", s) }

// concept writes a skos:Concept. An identifier that is not an absolute
// URI is left out (the schema requires URIs); nil when nothing is left.
func (b *builder) concept(id string, label credential.Text, notation, scheme string) obj {
	m := obj{"type": "Concept"}
	if isURI(id) {
		m["id"] = id
	}
	if lm := b.langMap(label); lm != nil {
		m["prefLabel"] = lm
	}
	if m["id"] == nil && m["prefLabel"] == nil {
		return nil
	}
	if notation != "" {
		m["notation"] = notation
	}
	if scheme != "" {
		m["inScheme"] = obj{"id": scheme, "type": "ConceptScheme"}
	}
	return m
}

// concepts writes Satchel concepts as ELM concepts, skipping the empty.
func (b *builder) concepts(cs []credential.Concept, scheme func(credential.Concept) string) []any {
	var out []any
	for _, c := range cs {
		s := ""
		if scheme != nil {
			s = scheme(c)
		}
		if m := b.concept(c.ID, c.Label, c.Code, s); m != nil {
			out = append(out, m)
		}
	}
	return out
}

// note writes an ELM Note: a text, with what it is about when given.
func (b *builder) note(t credential.Text, subject credential.Text) obj {
	lm := b.langMap(t)
	if lm == nil {
		return nil
	}
	n := obj{"id": b.localID("note"), "type": "Note", "noteLiteral": lm}
	if s := b.concept("", subject, "", ""); s != nil {
		n["subject"] = s
	}
	return n
}

// language writes a language of instruction or display as a concept of
// the EU language table.
func (b *builder) language(tag string) obj {
	base := baseLang(tag)
	if base == "" {
		return nil
	}
	code, ok := euLanguageCodes[base]
	if !ok {
		code = strings.ToUpper(base)
	}
	var label credential.Text
	if name := languageNames[base]; name != "" {
		label = english(name)
	}
	m := b.concept(languagePrefix+code, label, "language", languageScheme)
	return m
}

// country writes the country of an address: the EU country table's
// concept for the ISO code, labelled as the credential names it.
func (b *builder) country(p credential.Party) obj {
	id := ""
	if a3 := countryAlpha3(p.CountryCode); a3 != "" {
		id = countryPrefix + a3
	}
	return b.concept(id, p.Country, "country", countryScheme)
}

// dateTime writes a time as xsd:dateTime with its zone; nil if unset.
func dateTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.Format(time.RFC3339Nano)
}

// birthDate writes a date of birth as xsd:dateTime, which the schema asks
// for: a date alone becomes midnight UTC of that day; anything else is
// left out.
func birthDate(s string) any {
	s = strings.TrimSpace(s)
	if _, err := time.Parse(time.RFC3339Nano, s); err == nil {
		return s
	}
	if d, err := time.Parse(time.DateOnly, s); err == nil {
		return d.Format(time.RFC3339)
	}
	return nil
}

// number writes a credit amount the way ELM does, as a string: "2",
// "2.5".
func number(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// hoursDuration writes a workload in hours as an xsd:duration of hours,
// minutes and seconds ("PT1H30M"), rounded to the second. Calendar units
// are never used: wallet/elm reads only the time part as hours.
func hoursDuration(h float64) string {
	secs := int64(math.Round(h * 3600))
	if secs <= 0 {
		return "PT0H"
	}
	var sb strings.Builder
	sb.WriteString("PT")
	if v := secs / 3600; v > 0 {
		sb.WriteString(strconv.FormatInt(v, 10) + "H")
	}
	if v := secs % 3600 / 60; v > 0 {
		sb.WriteString(strconv.FormatInt(v, 10) + "M")
	}
	if v := secs % 60; v > 0 {
		sb.WriteString(strconv.FormatInt(v, 10) + "S")
	}
	return sb.String()
}

// nonEmpty returns the values that are not nil.
func nonEmpty(vs ...any) []any {
	var out []any
	for _, v := range vs {
		switch x := v.(type) {
		case nil:
		case obj:
			if x != nil {
				out = append(out, x)
			}
		default:
			out = append(out, v)
		}
	}
	return out
}

// set puts v in m under key unless v is nil, an empty object or an empty
// list.
func set(m obj, key string, v any) {
	switch x := v.(type) {
	case nil:
		return
	case obj:
		if len(x) == 0 {
			return
		}
	case []any:
		if len(x) == 0 {
			return
		}
	case string:
		if x == "" {
			return
		}
	}
	m[key] = v
}
