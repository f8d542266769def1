package ob2

import (
	"encoding/json"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/satchel-wallet/satchel/wallet/credential"
)

// maxLines bounds the lines of further information (criteria, tags, each
// piece of evidence, narrative): badges have a few; a list of thousands
// of evidence items would only bury them.
const maxLines = 100

// normalise maps an assertion onto the credential model; see the package
// documentation for the mapping.
func normalise(a *assertion) credential.Credential {
	m := a.m
	c := credential.Credential{Format: credential.FormatOB2, SourceID: str(m, "id"), Types: strs(m["type"])}
	var lines []string
	info := func(head, text string) {
		if text = strings.TrimSpace(text); text != "" && len(lines) < maxLines {
			lines = append(lines, head+": "+text)
		}
	}
	lang := str(m, "@language")
	c.AchievementID = a.badgeURL
	if b := a.badge; b != nil {
		if id := str(b, "id"); id != "" {
			c.AchievementID = id
		}
		if l := str(b, "@language"); l != "" {
			lang = l
		}
		c.Title.Set(lang, str(b, "name"))
		c.Description.Set(lang, str(b, "description"))
		alignments(&c, b["alignment"], lang)
		info("Criteria", criteria(b["criteria"]))
		if tags := strs(b["tags"]); len(tags) > 0 {
			info("Tags", strings.Join(tags, ", "))
		}
	}
	if i := a.issuer; i != nil {
		c.Issuer = credential.Party{ID: str(i, "id"), URL: str(i, "url")}
		c.Issuer.Name.Set(lang, str(i, "name"))
	} else {
		c.Issuer.ID = a.issuerURL
	}
	c.Issued = date(m["issuedOn"])
	c.ValidUntil = date(m["expires"])
	for _, v := range []any{m["image"], a.badge["image"]} {
		if img := image(v, lang); img.URL != "" {
			c.Images = append(c.Images, img)
		}
	}
	for _, e := range list(m["evidence"]) {
		info("Evidence", evidence(e))
	}
	info("Narrative", str(m, "narrative"))
	c.FurtherInformation.Set(lang, strings.Join(lines, "\n"))
	return c
}

// recipient returns the identity an assertion was issued to when it is
// usable as is, and the parts of a hashed one.
func recipient(m object) (identity, kind, hash, salt string) {
	switch r := m["recipient"].(type) {
	case string: // Open Badges 0.5: an e-mail address
		return strings.TrimSpace(r), "email", "", ""
	case object:
		kind = str(r, "type")
		id := str(r, "identity")
		if hashed, _ := r["hashed"].(bool); hashed || strings.Contains(id, "$") && !strings.Contains(id, "@") {
			return "", kind, id, str(r, "salt")
		}
		return id, kind, "", ""
	}
	return "", "", "", ""
}

// criteria returns a badge's criteria: the narrative and the page that
// describes them.
func criteria(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case object:
		return strings.TrimSpace(str(x, "narrative") + " " + str(x, "id"))
	}
	return ""
}

// evidence returns one piece of evidence: its name, description,
// narrative and address.
func evidence(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case object:
		var parts []string
		for _, k := range []string{"name", "description", "narrative", "id"} {
			if s := str(x, k); s != "" && !strings.HasPrefix(s, "_:") {
				parts = append(parts, s)
			}
		}
		return strings.Join(parts, " ")
	}
	return ""
}

// image reads an image: a URL or data: URI, or an Image object with id
// and caption.
func image(v any, lang string) credential.Image {
	switch x := v.(type) {
	case string:
		return credential.Image{URL: strings.TrimSpace(x)}
	case object:
		img := credential.Image{URL: str(x, "id")}
		img.Caption.Set(lang, str(x, "caption"))
		return img
	}
	return credential.Image{}
}

var eqfTarget = regexp.MustCompile(`^https?://data\.europa\.eu/snb/eqf/([1-8])/?$`)

// alignments maps a BadgeClass's alignment objects: one that points at
// an EQF level (its targetUrl is http://data.europa.eu/snb/eqf/N, or its
// framework is the EQF and its code a level) sets the EQF level; the rest
// are alignments.
func alignments(c *credential.Credential, v any, lang string) {
	for _, x := range list(v) {
		al := obj(x)
		if al == nil {
			continue
		}
		url, code, fw := str(al, "targetUrl"), str(al, "targetCode"), str(al, "targetFramework")
		if m := eqfTarget.FindStringSubmatch(url); m != nil {
			c.EQF = int(m[1][0] - '0')
			continue
		}
		if l, err := strconv.Atoi(code); err == nil && l >= 1 && l <= 8 && isEQF(fw) {
			c.EQF = l
			continue
		}
		k := credential.Concept{ID: url, Code: code}
		k.Label.Set(lang, str(al, "targetName"))
		k.Framework.Set(lang, fw)
		if k.ID != "" || !k.Label.IsZero() {
			c.Alignments = append(c.Alignments, k)
		}
	}
}

func isEQF(framework string) bool {
	f := strings.ToLower(framework)
	return f == "eqf" || strings.Contains(f, "european qualifications framework")
}

// date reads an issuedOn or expires value: an ISO 8601 date-time or date
// or, as Open Badges 1.0 allowed, a Unix time.
func date(v any) time.Time {
	var s string
	switch x := v.(type) {
	case string:
		s = strings.TrimSpace(x)
	case json.Number:
		s = x.String()
	default:
		return time.Time{}
	}
	if secs, err := strconv.ParseInt(s, 10, 64); err == nil && secs >= 0 && secs < 253402300800 {
		return time.Unix(secs, 0).UTC()
	}
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05.999999999", "2006-01-02T15:04:05Z0700", time.DateOnly} {
		if t, err := time.Parse(layout, s); err == nil {
			return t
		}
	}
	return time.Time{}
}
