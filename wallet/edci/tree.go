package edci

import "strings"

// firstChild returns the first child element {space}local of n, or nil.
func firstChild(n *node, space, local string) *node {
	if n == nil {
		return nil
	}
	for _, k := range n.kids {
		if k.is(space, local) {
			return k
		}
	}
	return nil
}

// children returns the child elements {space}local of n.
func children(n *node, space, local string) []*node {
	if n == nil {
		return nil
	}
	var out []*node
	for _, k := range n.kids {
		if k.is(space, local) {
			out = append(out, k)
		}
	}
	return out
}

// elements returns the child elements of n.
func elements(n *node) []*node {
	if n == nil {
		return nil
	}
	var out []*node
	for _, k := range n.kids {
		if k.kind == elementNode {
			out = append(out, k)
		}
	}
	return out
}

// text returns the character content of n (its own text children, not
// its descendants'), trimmed.
func text(n *node) string {
	if n == nil {
		return ""
	}
	var b strings.Builder
	for _, k := range n.kids {
		if k.kind == textNode {
			b.WriteString(k.text)
		}
	}
	return strings.TrimSpace(b.String())
}

// walk calls f on every element under n (n included), depth first, and
// does not descend where f returns false.
func walk(n *node, f func(*node) bool) {
	if n.kind == elementNode && !f(n) {
		return
	}
	for _, k := range n.kids {
		if k.kind == elementNode {
			walk(k, f)
		}
	}
}

// isSignature reports whether n is an XML-DSig Signature element.
func isSignature(n *node) bool { return n.is(nsDSig, "Signature") }
