package edci

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Namespaces Satchel reads.
const (
	nsELM   = "http://data.europa.eu/snb"
	nsVP    = "http://data.europa.eu/snb/vp"
	nsCred  = "http://data.europa.eu/europass/model/credentials/w3c#"
	nsDSig  = "http://www.w3.org/2000/09/xmldsig#"
	nsXAdES = "http://uri.etsi.org/01903/v1.3.2#"
	nsXML   = "http://www.w3.org/XML/1998/namespace"
)

// kind is the kind of a node of the tree.
type kind uint8

const (
	documentNode kind = iota
	elementNode
	textNode
	commentNode
	piNode
)

// node is one node of the parsed tree. The tree keeps what the XML
// canonicalisation of a seal needs (prefixes as written, namespace
// declarations where they were made, comments and processing
// instructions) and the byte offsets of every element, so that a sub-tree
// can be taken out of the input unchanged.
type node struct {
	kind   kind
	prefix string // element: prefix as written
	local  string // element: local name; PI: target
	space  string // element: namespace URI
	attrs  []attr
	ns     []nsDecl // namespace declarations made on this element
	parent *node
	kids   []*node
	text   string // text, comment or PI data

	// start and end delimit the element in the input; inner and innerEnd
	// delimit its content (inner == end for an empty-element tag).
	start, inner, innerEnd, end int
}

// attr is an attribute other than a namespace declaration.
type attr struct {
	prefix, local, space, value string
}

// nsDecl is a namespace declaration: prefix "" is the default namespace,
// uri "" undeclares it.
type nsDecl struct {
	prefix, uri string
}

// qname returns the name as written.
func (n *node) qname() string {
	if n.prefix == "" {
		return n.local
	}
	return n.prefix + ":" + n.local
}

// is reports whether n is the element {space}local.
func (n *node) is(space, local string) bool {
	return n != nil && n.kind == elementNode && n.space == space && n.local == local
}

// lookup returns the namespace URI bound to prefix at n ("" for the
// default namespace), and whether it is bound.
func (n *node) lookup(prefix string) (string, bool) {
	if prefix == "xml" {
		return nsXML, true
	}
	for e := n; e != nil && e.kind == elementNode; e = e.parent {
		for _, d := range e.ns {
			if d.prefix == prefix {
				return d.uri, true
			}
		}
	}
	return "", prefix == ""
}

// attr returns the value of the attribute {space}local and whether n has
// it.
func (n *node) attr(space, local string) (string, bool) {
	for _, a := range n.attrs {
		if a.space == space && a.local == local {
			return a.value, true
		}
	}
	return "", false
}

// document is a parsed XML document: a documentNode whose children are
// the root element and the comments and processing instructions around it.
type document struct {
	top  *node
	root *node
	data []byte
}

// parseXML parses data into a tree, within the package limits. It accepts
// only UTF-8 (the encoding/xml decoder refuses other declared encodings
// without a charset reader), refuses any document type declaration, and
// checks what encoding/xml's raw tokens leave unchecked: matching end
// tags, declared prefixes, attributes given once, a single root element
// and nothing but white space, comments and processing instructions
// around it.
func parseXML(data []byte) (*document, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	top := &node{kind: documentNode}
	doc := &document{top: top, data: data}
	cur, depth, tokens := top, 0, 0
	for {
		off := d.InputOffset()
		tok, err := d.RawToken()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%v: %w", err, ErrMalformed)
		}
		if tokens++; tokens > maxTokens {
			return nil, fmt.Errorf("more than %d XML tokens: %w", maxTokens, ErrTooLarge)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if cur == top && doc.root != nil {
				return nil, fmt.Errorf("a second root element <%s>: %w", t.Name.Local, ErrMalformed)
			}
			if depth++; depth > maxDepth {
				return nil, fmt.Errorf("elements nested over %d levels: %w", maxDepth, ErrTooLarge)
			}
			n, err := newElement(t, cur, data[off:d.InputOffset()])
			if err != nil {
				return nil, err
			}
			n.start, n.inner = int(off), int(d.InputOffset())
			cur.kids = append(cur.kids, n)
			if cur == top {
				doc.root = n
			}
			cur = n
		case xml.EndElement:
			if cur == top || t.Name.Space != cur.prefix || t.Name.Local != cur.local {
				return nil, fmt.Errorf("unexpected end tag </%s>: %w", t.Name.Local, ErrMalformed)
			}
			cur.innerEnd, cur.end = int(off), int(d.InputOffset())
			cur, depth = cur.parent, depth-1
		case xml.CharData:
			if cur == top {
				if len(bytes.TrimLeft(t, " \t\r\n")) > 0 {
					return nil, fmt.Errorf("text outside the root element: %w", ErrMalformed)
				}
				continue
			}
			if k := len(cur.kids); k > 0 && cur.kids[k-1].kind == textNode {
				cur.kids[k-1].text += string(t) // CDATA next to text is one text node
				continue
			}
			cur.kids = append(cur.kids, &node{kind: textNode, text: string(t), parent: cur})
		case xml.Comment:
			cur.kids = append(cur.kids, &node{kind: commentNode, text: string(t), parent: cur})
		case xml.ProcInst:
			if strings.EqualFold(t.Target, "xml") {
				if off != 0 {
					return nil, fmt.Errorf("XML declaration not at the start: %w", ErrMalformed)
				}
				continue
			}
			cur.kids = append(cur.kids, &node{kind: piNode, local: t.Target, text: string(t.Inst), parent: cur})
		case xml.Directive:
			return nil, fmt.Errorf("<!%.20s...>: %w", t, ErrDTD)
		}
	}
	if doc.root == nil || cur != top {
		return nil, fmt.Errorf("the document ends before its root element is closed: %w", ErrMalformed)
	}
	return doc, nil
}

// newElement makes the element node of a start tag: namespace
// declarations split from attributes, prefixes resolved, attribute values
// normalised as the XML specification says (see attrValues).
func newElement(t xml.StartElement, parent *node, raw []byte) (*node, error) {
	if len(t.Attr) > maxAttrs {
		return nil, fmt.Errorf("<%s> has %d attributes (limit %d): %w", t.Name.Local, len(t.Attr), maxAttrs, ErrTooLarge)
	}
	values, err := attrValues(t, raw)
	if err != nil {
		return nil, err
	}
	n := &node{kind: elementNode, prefix: t.Name.Space, local: t.Name.Local, parent: parent}
	seen := make(map[string]bool, len(t.Attr))
	for i, a := range t.Attr {
		q := a.Name.Space + ":" + a.Name.Local
		if seen[q] {
			return nil, fmt.Errorf("attribute %s given twice on <%s>: %w", a.Name.Local, t.Name.Local, ErrMalformed)
		}
		seen[q] = true
		switch {
		case a.Name.Space == "" && a.Name.Local == "xmlns":
			n.ns = append(n.ns, nsDecl{"", values[i]})
		case a.Name.Space == "xmlns":
			if a.Name.Local == "xmlns" || (a.Name.Local == "xml") != (values[i] == nsXML) || values[i] == "" {
				return nil, fmt.Errorf("namespace declaration xmlns:%s=%q: %w", a.Name.Local, values[i], ErrMalformed)
			}
			n.ns = append(n.ns, nsDecl{a.Name.Local, values[i]})
		default:
			n.attrs = append(n.attrs, attr{prefix: a.Name.Space, local: a.Name.Local, value: values[i]})
		}
	}
	space, ok := n.lookup(n.prefix)
	if !ok {
		return nil, fmt.Errorf("undeclared prefix %q on <%s>: %w", n.prefix, n.local, ErrMalformed)
	}
	n.space = space
	expanded := make(map[string]bool, len(n.attrs))
	for i := range n.attrs {
		a := &n.attrs[i]
		if a.prefix != "" {
			if a.space, ok = n.lookup(a.prefix); !ok {
				return nil, fmt.Errorf("undeclared prefix %q on attribute %s: %w", a.prefix, a.local, ErrMalformed)
			}
		}
		if e := a.space + " " + a.local; expanded[e] {
			return nil, fmt.Errorf("attribute {%s}%s given twice: %w", a.space, a.local, ErrMalformed)
		} else {
			expanded[e] = true
		}
	}
	return n, nil
}
