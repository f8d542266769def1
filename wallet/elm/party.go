package elm

import (
	"strings"

	"github.com/satchel-wallet/satchel/wallet/credential"
)

// party reads an ELM Organisation (or, rarely, a Person) as a Party: its
// identifier, legal name (else preferred or alternative label), the
// country of its first address that names one, and its home page. A
// reference given only by identifier yields a Party with just the ID.
func party(v any) credential.Party {
	m := obj(v)
	if m == nil {
		return credential.Party{ID: str(v)}
	}
	p := credential.Party{ID: str(m["id"])}
	p.Name = firstText(text(m["legalName"]), text(m["prefLabel"]), text(m["fullName"]), text(m["altLabel"]))
	for _, loc := range objs(m["location"]) {
		for _, addr := range objs(loc["address"]) {
			if name, code := country(addr["countryCode"]); code != "" || !name.IsZero() {
				p.Country, p.CountryCode = name, code
				break
			}
		}
		if p.CountryCode != "" || !p.Country.IsZero() {
			break
		}
	}
	for _, page := range objs(m["homepage"]) {
		if u := str(page["contentURL"]); strings.HasPrefix(u, "https://") || strings.HasPrefix(u, "http://") {
			p.URL = u
			break
		}
	}
	return p
}

// eidasID returns the organisation's eIDAS legal identifier (the
// organizationIdentifier of its seal certificate, e.g. "VATES-A00000000"),
// if the credential states one.
func eidasID(v any) string {
	m := obj(v)
	if m == nil {
		return ""
	}
	return str(obj(m["eIDASIdentifier"])["notation"])
}

// sameParty reports whether a and b name the same organisation: the same
// identifier, or, when identifiers differ or are missing, the same legal
// name in some language. ELM identifiers are often local to the document
// ("urn:epass:org:1"), so a name match is accepted too.
func sameParty(a, b credential.Party) bool {
	if a.ID != "" && a.ID == b.ID {
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

// learner reads the credential subject: a Person with a full name (else
// given and family names), an identifier and a date of birth. The date of
// birth is kept as the credential gives it: EDC software writes local
// midnight in UTC ("1999-10-01T22:00:00Z" for 2 October), and cutting it
// to a date would give the wrong day.
func learner(subject map[string]any) credential.Learner {
	l := credential.Learner{ID: str(subject["id"]), BirthDate: str(subject["dateOfBirth"])}
	l.Name = text(subject["fullName"])
	if l.Name.IsZero() {
		given, family := text(subject["givenName"]), text(subject["familyName"])
		for _, lang := range append(given.Languages(), family.Languages()...) {
			l.Name.Set(lang, strings.TrimSpace(given.In(lang)+" "+family.In(lang)))
		}
		if v := strings.TrimSpace(given.Get("") + " " + family.Get("")); v != "" {
			l.Name.Set("", v)
		}
	}
	return l
}
