package rdfc

import "io"

const upperHex = "0123456789ABCDEF"

// literalEscape[c] is the escape for ASCII byte c inside a literal, or ""
// if c is written as is. It encodes the canonical N-Quads rules RDFC-1.0
// uses (and W3C test060 checks): ECHAR for \b \t \n \f \r " \, UCHAR with
// upper-case hex for the other C0 controls and DEL.
var literalEscape = func() (t [128]string) {
	for c := 0; c < 0x20; c++ {
		t[c] = `\u00` + string(upperHex[c>>4]) + string(upperHex[c&0xF])
	}
	t[0x7F] = `\u007F`
	t['\b'] = `\b`
	t['\t'] = `\t`
	t['\n'] = `\n`
	t['\f'] = `\f`
	t['\r'] = `\r`
	t['"'] = `\"`
	t['\\'] = `\\`
	return t
}()

// iriEscape[c] is true for the ASCII bytes N-Quads does not allow raw
// inside <...>: controls, space and <>"{}|^`\. They are written as \uXXXX.
var iriEscape = func() (t [128]bool) {
	for c := 0; c <= 0x20; c++ {
		t[c] = true
	}
	for _, c := range `<>"{}|^` + "`" + `\` {
		t[c] = true
	}
	return t
}()

// AppendQuad appends q to dst as one line of canonical N-Quads, ending in
// " .\n", and returns the extended slice. Blank nodes keep their labels.
func AppendQuad(dst []byte, q Quad) []byte {
	dst = appendTerm(dst, q.Subject)
	dst = append(dst, ' ')
	dst = appendTerm(dst, q.Predicate)
	dst = append(dst, ' ')
	dst = appendTerm(dst, q.Object)
	if q.Graph.Kind != DefaultGraph {
		dst = append(dst, ' ')
		dst = appendTerm(dst, q.Graph)
	}
	return append(dst, " .\n"...)
}

// WriteNQuads writes every quad of ds to w, in order, one per line.
func WriteNQuads(w io.Writer, ds Dataset) error {
	var buf []byte
	for _, q := range ds {
		buf = AppendQuad(buf[:0], q)
		if _, err := w.Write(buf); err != nil {
			return err
		}
	}
	return nil
}

// appendTerm appends t in N-Quads syntax; the default graph appends nothing.
func appendTerm(dst []byte, t Term) []byte {
	switch t.Kind {
	case IRI:
		return appendIRI(dst, t.Value)
	case BlankNode:
		dst = append(dst, "_:"...)
		return append(dst, t.Value...)
	case Literal:
		return appendLiteral(dst, t)
	}
	return dst
}

// appendIRI appends <iri>, escaping the bytes iriEscape marks.
func appendIRI(dst []byte, iri string) []byte {
	dst = append(dst, '<')
	start := 0
	for i := 0; i < len(iri); i++ {
		c := iri[i]
		if c >= 0x80 || !iriEscape[c] {
			continue
		}
		dst = append(dst, iri[start:i]...)
		dst = append(dst, '\\', 'u', '0', '0', upperHex[c>>4], upperHex[c&0xF])
		start = i + 1
	}
	dst = append(dst, iri[start:]...)
	return append(dst, '>')
}

// appendLiteral appends a literal with its language tag or datatype.
func appendLiteral(dst []byte, t Term) []byte {
	dst = append(dst, '"')
	s := t.Value
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 || literalEscape[c] == "" {
			continue
		}
		dst = append(dst, s[start:i]...)
		dst = append(dst, literalEscape[c]...)
		start = i + 1
	}
	dst = append(dst, s[start:]...)
	dst = append(dst, '"')
	switch {
	case t.Language != "":
		dst = append(dst, '@')
		dst = append(dst, t.Language...)
		if t.Direction != "" {
			dst = append(dst, "--"...)
			dst = append(dst, t.Direction...)
		}
	case t.Datatype != "" && t.Datatype != XSDString:
		dst = append(dst, "^^"...)
		dst = appendIRI(dst, t.Datatype)
	}
	return dst
}
