package edci

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/satchel-wallet/satchel/wallet/credential"
)

// elm reads the ELM v2 vocabulary of one credential element: the
// multilingual texts, the coded values and the references by idref to the
// *References sections.
type elm struct {
	root *node
	ids  map[string]*node
}

// newELM indexes the elements of cred that carry an id, skipping
// signatures (their content is not what was sealed). Real files repeat
// an element inline under the same id; the first full definition wins.
func newELM(cred *node) *elm {
	e := &elm{root: cred, ids: map[string]*node{}}
	walk(cred, func(n *node) bool {
		if isSignature(n) {
			return false
		}
		if id, ok := n.attr("", "id"); ok && id != "" {
			if _, dup := e.ids[id]; !dup {
				e.ids[id] = n
			}
		}
		return true
	})
	return e
}

// deref returns the element n stands for: the one its idref names, or n
// itself when it is given inline. A dangling idref gives nil.
func (e *elm) deref(n *node) *node {
	if n == nil {
		return nil
	}
	if ref, ok := n.attr("", "idref"); ok {
		return e.ids[ref]
	}
	return n
}

// child returns the first child {ELM}local of n, dereferenced.
func (e *elm) child(n *node, local string) *node {
	return e.deref(firstChild(n, nsELM, local))
}

// all returns the children {ELM}local of n, dereferenced, dropping
// dangling references.
func (e *elm) all(n *node, local string) []*node {
	var out []*node
	for _, k := range children(n, nsELM, local) {
		if d := e.deref(k); d != nil {
			out = append(out, d)
		}
	}
	return out
}

// texts reads a TextType element: its <text lang="..."> children.
func texts(n *node) credential.Text {
	var t credential.Text
	for _, k := range children(n, nsELM, "text") {
		lang, _ := k.attr("", "lang")
		t.Set(lang, text(k))
	}
	if t == nil {
		return credential.Plain(text(n))
	}
	return t
}

// concept reads a CodeType element: uri, targetNotation, targetName and
// targetFrameworkName.
func concept(n *node) credential.Concept {
	if n == nil {
		return credential.Concept{}
	}
	uri, _ := n.attr("", "uri")
	notation, _ := n.attr("", "targetNotation")
	return credential.Concept{
		ID:        strings.TrimSpace(uri),
		Label:     texts(firstChild(n, nsELM, "targetName")),
		Code:      strings.TrimSpace(notation),
		Framework: texts(firstChild(n, nsELM, "targetFrameworkName")),
	}
}

// label returns a CodeType's name.
func label(n *node) credential.Text {
	return texts(firstChild(n, nsELM, "targetName"))
}

// tail returns what follows the last '/' of a URI.
func tail(uri string) string {
	return uri[strings.LastIndexByte(uri, '/')+1:]
}

var eqfURI = regexp.MustCompile(`^https?://data\.europa\.eu/snb/eqf/([1-8])$`)

// eqfLevel reads an eqfLevel code: the level from the EQF vocabulary URI
// (http://data.europa.eu/snb/eqf/N) or, failing that, its notation.
func eqfLevel(n *node) int {
	c := concept(n)
	if m := eqfURI.FindStringSubmatch(c.ID); m != nil {
		return int(m[1][0] - '0')
	}
	if l, err := strconv.Atoi(c.Code); err == nil && l >= 1 && l <= 8 {
		return l
	}
	return 0
}

// countryCode returns the ISO 3166 alpha-3 code of an EU country
// authority URI, or the notation when it looks like a country code.
func countryCode(c credential.Concept) string {
	if strings.Contains(c.ID, "/authority/country/") {
		return tail(c.ID)
	}
	if l := len(c.Code); (l == 2 || l == 3) && strings.ToUpper(c.Code) == c.Code {
		return c.Code
	}
	return ""
}

// languageCode returns the code of a language concept: the EU language
// authority code (ENG, FRA) from its URI, or its notation.
func languageCode(c credential.Concept) string {
	if strings.Contains(c.ID, "/authority/language/") {
		return tail(c.ID)
	}
	if c.Code != "" && c.Code != "language" {
		return c.Code
	}
	return ""
}

// number reads a decimal element (credit points).
func number(n *node) *float64 {
	s := text(n)
	if s == "" {
		return nil
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f < 0 {
		return nil
	}
	return &f
}

var hoursDuration = regexp.MustCompile(`^PT(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?$`)

// hours converts an xs:duration of hours, minutes and seconds (PT105H) to
// hours. Durations with days, months or years are not converted: a
// "month" of learning is not a number of hours.
func hours(n *node) *float64 {
	m := hoursDuration.FindStringSubmatch(text(n))
	if m == nil || m[0] == "PT" {
		return nil
	}
	h := 0.0
	for i, div := range []float64{1, 60, 3600} {
		if m[i+1] != "" {
			v, _ := strconv.ParseFloat(m[i+1], 64)
			h += v / div
		}
	}
	return &h
}

// prefixed returns "head: t" in every language of t.
func prefixed(head string, t credential.Text) credential.Text {
	if head == "" || t.IsZero() {
		return t
	}
	return t.Map(func(v string) string { return head + ": " + v })
}
