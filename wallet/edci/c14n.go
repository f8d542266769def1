package edci

import (
	"bytes"
	"maps"
	"slices"
	"strings"
)

// The canonicalisation algorithms Satchel implements (W3C Canonical XML
// 1.0 and Exclusive XML Canonicalization 1.0, each with and without
// comments). Canonical XML 1.1 is not: no EDCI issuer uses it, and its
// xml:base fix-up rules would be code no sample exercises.
const (
	algC14N             = "http://www.w3.org/TR/2001/REC-xml-c14n-20010315"
	algC14NComments     = "http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments"
	algExcC14N          = "http://www.w3.org/2001/10/xml-exc-c14n#"
	algExcC14NComments  = "http://www.w3.org/2001/10/xml-exc-c14n#WithComments"
	nsExcC14N           = "http://www.w3.org/2001/10/xml-exc-c14n#"
	inclusiveNamespaces = "InclusiveNamespaces"
)

// c14nMethod is a canonicalisation algorithm with its parameters.
type c14nMethod struct {
	exclusive bool
	comments  bool
	// prefixes is the InclusiveNamespaces PrefixList of exclusive
	// canonicalisation ("" for #default): namespaces treated as the
	// inclusive algorithm treats them.
	prefixes []string
}

// c14nFor returns the method an Algorithm URI names, and whether Satchel
// implements it. params is the CanonicalizationMethod or Transform
// element, which may carry an InclusiveNamespaces PrefixList.
func c14nFor(alg string, params *node) (c14nMethod, bool) {
	var m c14nMethod
	switch alg {
	case algC14N:
	case algC14NComments:
		m.comments = true
	case algExcC14N:
		m.exclusive = true
	case algExcC14NComments:
		m.exclusive, m.comments = true, true
	default:
		return m, false
	}
	if m.exclusive && params != nil {
		if in := firstChild(params, nsExcC14N, inclusiveNamespaces); in != nil {
			list, _ := in.attr("", "PrefixList")
			for _, p := range strings.Fields(list) {
				if p == "#default" {
					p = ""
				}
				m.prefixes = append(m.prefixes, p)
			}
		}
	}
	return m, true
}

// nodeSet is a document subset: the sub-tree under apex (the document
// node for the whole document) without the sub-trees excluded. Satchel's
// transforms only ever remove whole sub-trees (signatures), so this is
// all the XPath data model it needs.
type nodeSet struct {
	apex     *node
	excluded func(*node) bool
	// comments says whether comments are in the set. A same-document
	// reference ("" or "#id") never includes them (XML-DSig §4.3.3.3);
	// SignedInfo does when its method is a WithComments one.
	comments bool
}

// canonicalise writes the canonical form of s under m.
func canonicalise(s nodeSet, m c14nMethod) []byte {
	c := canon{m: m, s: s}
	if s.apex.kind == documentNode {
		c.document(s.apex)
	} else {
		c.element(s.apex, map[string]string{}, true)
	}
	return c.b.Bytes()
}

type canon struct {
	b bytes.Buffer
	m c14nMethod
	s nodeSet
}

func (c *canon) included(n *node) bool {
	if n.kind == commentNode && !(c.m.comments && c.s.comments) {
		return false
	}
	return c.s.excluded == nil || !c.s.excluded(n)
}

// document writes the whole document: processing instructions and
// comments before the root are followed by a line feed, those after it
// preceded by one (C14N §2.4).
func (c *canon) document(d *node) {
	after := false
	for _, k := range d.kids {
		if !c.included(k) {
			continue
		}
		switch k.kind {
		case elementNode:
			c.element(k, map[string]string{}, true)
			after = true
		case commentNode, piNode:
			if after {
				c.b.WriteByte('\n')
			}
			c.misc(k)
			if !after {
				c.b.WriteByte('\n')
			}
		}
	}
}

// element writes e; rendered holds the namespace declarations in force in
// the output at its parent (prefix -> URI, "" for the default).
func (c *canon) element(e *node, rendered map[string]string, apex bool) {
	decls := c.namespaces(e, rendered)
	if len(decls) > 0 {
		rendered = maps.Clone(rendered)
		for _, d := range decls {
			rendered[d.prefix] = d.uri
		}
	}
	attrs := slices.Clone(e.attrs)
	if apex && !c.m.exclusive {
		attrs = inheritXMLAttrs(e, attrs)
	}
	slices.SortFunc(attrs, func(a, b attr) int {
		if a.space != b.space {
			return strings.Compare(a.space, b.space)
		}
		return strings.Compare(a.local, b.local)
	})
	c.b.WriteByte('<')
	c.b.WriteString(e.qname())
	for _, d := range decls {
		if d.prefix == "" {
			c.b.WriteString(` xmlns="`)
		} else {
			c.b.WriteString(" xmlns:" + d.prefix + `="`)
		}
		escapeAttr(&c.b, d.uri)
		c.b.WriteByte('"')
	}
	for _, a := range attrs {
		c.b.WriteByte(' ')
		if a.prefix != "" {
			c.b.WriteString(a.prefix + ":")
		}
		c.b.WriteString(a.local + `="`)
		escapeAttr(&c.b, a.value)
		c.b.WriteByte('"')
	}
	c.b.WriteByte('>')
	for _, k := range e.kids {
		if !c.included(k) {
			continue
		}
		switch k.kind {
		case elementNode:
			c.element(k, rendered, false)
		case textNode:
			escapeText(&c.b, k.text)
		default:
			c.misc(k)
		}
	}
	c.b.WriteString("</" + e.qname() + ">")
}

// namespaces returns the namespace declarations to write on e, sorted by
// prefix (the default namespace first). The inclusive algorithm writes
// every namespace in scope that the output does not already have in
// force; the exclusive one only those e or its attributes visibly use,
// and those of the InclusiveNamespaces list.
func (c *canon) namespaces(e *node, rendered map[string]string) []nsDecl {
	var want []string
	if c.m.exclusive {
		want = append(want, e.prefix)
		for _, a := range e.attrs {
			if a.prefix != "" && a.prefix != "xml" {
				want = append(want, a.prefix)
			}
		}
		want = append(want, c.m.prefixes...)
	} else {
		want = inScopePrefixes(e)
	}
	slices.Sort(want)
	want = slices.Compact(want)
	var out []nsDecl
	for _, p := range want {
		if p == "xml" {
			continue
		}
		uri, ok := e.lookup(p)
		if !ok {
			continue // a PrefixList entry not in scope here
		}
		have, had := rendered[p]
		if p == "" && uri == "" {
			if had && have != "" {
				out = append(out, nsDecl{"", ""})
			}
			continue
		}
		if !had || have != uri {
			out = append(out, nsDecl{p, uri})
		}
	}
	return out
}

// inScopePrefixes returns every prefix with a namespace in scope at e.
func inScopePrefixes(e *node) []string {
	var out []string
	for n := e; n != nil && n.kind == elementNode; n = n.parent {
		for _, d := range n.ns {
			out = append(out, d.prefix)
		}
	}
	return out
}

// inheritXMLAttrs adds to the apex of an inclusive canonicalisation the
// xml:* attributes (xml:lang, xml:space, xml:base) it inherits from
// ancestors outside the node-set (C14N 1.0 §2.4).
func inheritXMLAttrs(e *node, attrs []attr) []attr {
	have := map[string]bool{}
	for _, a := range attrs {
		if a.space == nsXML {
			have[a.local] = true
		}
	}
	for n := e.parent; n != nil && n.kind == elementNode; n = n.parent {
		for _, a := range n.attrs {
			if a.space == nsXML && !have[a.local] {
				have[a.local] = true
				attrs = append(attrs, a)
			}
		}
	}
	return attrs
}

func (c *canon) misc(k *node) {
	if k.kind == commentNode {
		c.b.WriteString("<!--" + k.text + "-->")
		return
	}
	c.b.WriteString("<?" + k.local)
	if k.text != "" {
		c.b.WriteString(" " + k.text)
	}
	c.b.WriteString("?>")
}

// escapeText escapes character content (C14N §2.3).
func escapeText(b *bytes.Buffer, s string) {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '\r':
			b.WriteString("&#xD;")
		default:
			b.WriteByte(c)
		}
	}
}

// escapeAttr escapes an attribute value (C14N §2.3).
func escapeAttr(b *bytes.Buffer, s string) {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '"':
			b.WriteString("&quot;")
		case '\t':
			b.WriteString("&#x9;")
		case '\n':
			b.WriteString("&#xA;")
		case '\r':
			b.WriteString("&#xD;")
		default:
			b.WriteByte(c)
		}
	}
}
