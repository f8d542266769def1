package edci

import (
	"strings"
	"time"

	"github.com/satchel-wallet/satchel/wallet/credential"
)

// profile names the format in words.
const profile = "Europass credential (EDCI XML, ELM v2)"

// normalised is the normalised view of one credential element, with what
// the checks need besides.
type normalised struct {
	cred     credential.Credential
	subjects []string
	// accreditations are the accreditations the credential names and
	// includes; missing the idrefs it names without including them.
	accreditations []*node
	missing        []string
	elm            *elm
}

// normaliser maps one europassCredential element onto the credential
// model; see the package documentation for the mapping.
type normaliser struct {
	*elm
	out    normalised
	seen   map[*node]bool // accreditations already taken
	issuer *node
	// pending are texts to join into elements at the end; fields and
	// aligns collect FieldOfStudy and Alignments.
	pending        map[*credential.Text][]credential.Text
	fields, aligns concepts
}

// normalise maps the credential element root (a europassCredential or a
// presentation's presentedCredential).
func normalise(root *node) normalised {
	z := &normaliser{elm: newELM(root), seen: map[*node]bool{}}
	z.out.elm = z.elm
	c := &z.out.cred
	c.Format = credential.FormatEDCIXML
	c.MediaType = "application/xml"
	c.Profile = profile
	c.SourceID = credentialID(root)
	if t := firstChild(root, nsELM, "type"); t != nil {
		if uri, _ := t.attr("", "uri"); uri != "" {
			c.Types = append(c.Types, strings.TrimSpace(uri))
		}
		if l := label(t).In("en"); l != "" {
			c.Profile += ": " + l
		}
	}
	c.Title = texts(firstChild(root, nsELM, "title"))
	c.Description = texts(firstChild(root, nsELM, "description"))
	c.Issued = z.date(root, "issued")
	c.ValidFrom = z.date(root, "validFrom")
	c.ValidUntil = z.date(root, "validUntil")
	z.issuer = z.deref(firstOf(root, "issuer"))
	if z.issuer != nil {
		c.Issuer = z.party(z.issuer)
		z.images(z.issuer, c.Issuer.Name)
		z.accredited(z.issuer)
	}
	z.learner(firstChild(root, nsELM, "credentialSubject"))
	z.achievements(firstChild(firstChild(root, nsELM, "credentialSubject"), nsELM, "achievements"))
	if dp := firstChild(root, nsELM, "displayParameters"); dp != nil {
		z.media(firstChild(dp, nsELM, "background"), nil)
	}
	z.finish()
	z.out.missing = uniq(z.out.missing)
	return z.out
}

// credentialID returns the credential's own identifier: its cred:id (or
// id) attribute, or its first identifier element.
func credentialID(root *node) string {
	if id, ok := root.attr(nsCred, "id"); ok && id != "" {
		return id
	}
	if id, ok := root.attr("", "id"); ok && id != "" {
		return id
	}
	return text(firstChild(root, nsELM, "identifier"))
}

// firstOf returns the child local of n in the W3C credentials namespace
// (where the schema puts issued, validFrom, validUntil and issuer) or, as
// some files write it, in the ELM namespace.
func firstOf(n *node, local string) *node {
	if k := firstChild(n, nsCred, local); k != nil {
		return k
	}
	return firstChild(n, nsELM, local)
}

// date reads a date child of n; a missing or unreadable one is zero.
func (z *normaliser) date(n *node, local string) time.Time {
	t, _ := parseDateTime(text(firstOf(n, local)))
	return t
}

// party maps an organisation: its preferred (legal) name, its legal
// registration or first identifier as its id, the country of its first
// address and its home page.
func (z *normaliser) party(org *node) credential.Party {
	var p credential.Party
	p.Name = texts(firstChild(org, nsELM, "prefLabel"))
	if p.Name.IsZero() {
		p.Name = texts(firstChild(org, nsELM, "altLabel"))
	}
	for _, local := range []string{"registration", "identifier", "vatIdentifier"} {
		if p.ID = text(firstChild(org, nsELM, local)); p.ID != "" {
			break
		}
	}
	if p.ID == "" {
		p.ID, _ = org.attr("", "id")
	}
	loc := z.child(org, "hasLocation")
	country := concept(firstChild(firstChild(loc, nsELM, "hasAddress"), nsELM, "country"))
	p.Country, p.CountryCode = country.Label, countryCode(country)
	if hp := firstChild(org, nsELM, "homepage"); hp != nil {
		p.URL, _ = hp.attr("", "uri")
	}
	return p
}

// learner maps the credential subject: full name (or given and family
// names), date of birth, and as identifiers its e-mail address, national
// id, identifiers and subject id.
func (z *normaliser) learner(s *node) {
	if s == nil {
		return
	}
	l := &z.out.cred.Learner
	l.Name = texts(firstChild(s, nsELM, "fullName"))
	if l.Name.IsZero() {
		l.Name = join(" ", texts(firstChild(s, nsELM, "givenNames")), texts(firstChild(s, nsELM, "familyName")))
	}
	l.BirthDate = text(firstChild(s, nsELM, "dateOfBirth"))
	for _, cp := range children(s, nsELM, "contactPoint") {
		for _, mb := range children(cp, nsELM, "mailBox") {
			if uri, _ := mb.attr("", "uri"); uri != "" {
				z.subject(strings.TrimPrefix(uri, "mailto:"))
			}
		}
	}
	for _, local := range []string{"nationalId", "identifier"} {
		for _, k := range children(s, nsELM, local) {
			z.subject(text(k))
		}
	}
	if id, _ := s.attr("", "id"); !strings.HasPrefix(id, "urn:epass:") {
		// urn:epass: ids only name the subject within this one file.
		z.subject(id)
	}
	if len(z.out.subjects) > 0 {
		l.ID = z.out.subjects[0]
	}
}

func (z *normaliser) subject(id string) {
	if id = strings.TrimSpace(id); id != "" {
		z.out.subjects = append(z.out.subjects, id)
	}
}

// images adds an organisation's logo.
func (z *normaliser) images(org *node, caption credential.Text) {
	z.media(firstChild(org, nsELM, "logo"), caption)
}

// media adds a MediaObject as an image: its URL, or its inline base64
// content as a data: URI.
func (z *normaliser) media(m *node, caption credential.Text) {
	if m == nil {
		return
	}
	url := text(firstChild(m, nsELM, "contentUrl"))
	if content := text(firstChild(m, nsELM, "content")); content != "" {
		mt := label(firstChild(m, nsELM, "contentType")).In("en")
		switch strings.ToLower(mt) {
		case "png", "jpeg", "gif", "svg+xml", "webp":
			mt = "image/" + strings.ToLower(mt)
		default:
			mt = "application/octet-stream"
		}
		url = "data:" + mt + ";base64," + strings.Join(strings.Fields(content), "")
	}
	if url != "" {
		z.out.cred.Images = append(z.out.cred.Images, credential.Image{URL: url, Caption: caption})
	}
}

// accredited records the accreditations n names (hasAccreditation).
func (z *normaliser) accredited(n *node) {
	for _, h := range children(n, nsELM, "hasAccreditation") {
		a := z.deref(h)
		if a == nil {
			ref, _ := h.attr("", "idref")
			z.out.missing = append(z.out.missing, ref)
			continue
		}
		if z.seen[a] {
			continue
		}
		z.seen[a] = true
		z.out.accreditations = append(z.out.accreditations, a)
		c := credential.Concept{Label: texts(firstChild(a, nsELM, "title")), Code: text(firstChild(a, nsELM, "identifier"))}
		c.ID, _ = a.attr("", "id")
		t := concept(firstChild(a, nsELM, "type"))
		c.Framework = t.Label
		z.out.cred.Accreditation = append(z.out.cred.Accreditation, c)
		z.add(&z.out.cred.QualityAssurance, t.Label)
	}
}
