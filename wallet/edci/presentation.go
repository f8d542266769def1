package edci

import (
	"bytes"
	"sort"
	"strconv"
)

// presented returns the credential elements of a presentation: its
// europassCredential children and, in older files, its
// vp:presentedCredential children.
func presented(pres *node) []*node {
	var out []*node
	for _, k := range elements(pres) {
		if k.is(nsELM, "europassCredential") || k.is(nsVP, "presentedCredential") {
			out = append(out, k)
		}
	}
	return out
}

// extract returns credential element c of doc as an EDCI document of its
// own. Its content is the input's bytes unchanged; only the root start
// tag changes: it gains the namespace declarations it inherited from the
// presentation, and a vp:presentedCredential is renamed
// europassCredential, so that the result reads as a credential. A seal
// over the presentation does not survive this (it covered the
// presentation), which the presentation's reading says.
func extract(doc *document, c *node) []byte {
	inScope := map[string]string{}
	for n := c.parent; n != nil && n.kind == elementNode; n = n.parent {
		for _, d := range n.ns {
			if _, shadowed := inScope[d.prefix]; !shadowed {
				inScope[d.prefix] = d.uri
			}
		}
	}
	for _, d := range c.ns {
		delete(inScope, d.prefix)
	}
	name := c.qname()
	if !c.is(nsELM, "europassCredential") {
		name = elmName(c, inScope)
	}
	prefixes := make([]string, 0, len(inScope))
	for p := range inScope {
		prefixes = append(prefixes, p)
	}
	sort.Strings(prefixes)
	var b bytes.Buffer
	b.WriteString("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<" + name)
	for _, p := range prefixes {
		if p == "" && inScope[p] == "" {
			continue
		}
		if p == "" {
			b.WriteString(` xmlns="`)
		} else {
			b.WriteString(" xmlns:" + p + `="`)
		}
		escapeAttr(&b, inScope[p])
		b.WriteByte('"')
	}
	b.Write(doc.data[c.start+1+len(c.qname()) : c.inner]) // the attributes, then ">" or "/>"
	if c.inner == c.end {
		return b.Bytes()
	}
	b.Write(doc.data[c.inner:c.innerEnd])
	if name == c.qname() {
		b.Write(doc.data[c.innerEnd:c.end])
	} else {
		b.WriteString("</" + name + ">")
	}
	return b.Bytes()
}

// elmName returns a name for europassCredential in the ELM namespace at
// c: unprefixed where ELM is the default namespace, with a prefix bound to
// it otherwise, declaring one (in inScope) if none is.
func elmName(c *node, inScope map[string]string) string {
	if uri, _ := c.lookup(""); uri == nsELM {
		return "europassCredential"
	}
	for _, d := range c.ns {
		if d.uri == nsELM && d.prefix != "" {
			return d.prefix + ":europassCredential"
		}
	}
	for p, uri := range inScope {
		if uri == nsELM && p != "" {
			if u, _ := c.lookup(p); u == nsELM {
				return p + ":europassCredential"
			}
		}
	}
	p := "elm"
	for i := 1; ; i++ {
		if _, used := c.lookup(p); !used {
			break
		}
		p = "elm" + strconv.Itoa(i)
	}
	inScope[p] = nsELM
	return p + ":europassCredential"
}
