package edci

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"strconv"
	"strings"
)

// attrValues returns the values of t's attributes normalised as XML 1.0
// §3.3.3 says: every literal tab, line feed or carriage return becomes a
// space, while the same characters written as character references stay.
// encoding/xml does not do this, and once it has decoded a value the two
// cannot be told apart, so a value holding any of them is read again from
// the raw start tag. Canonical XML signs the normalised value; without
// this step a seal over an attribute written across two lines would not
// verify.
func attrValues(t xml.StartElement, raw []byte) ([]string, error) {
	out := make([]string, len(t.Attr))
	again := false
	for i, a := range t.Attr {
		out[i] = a.Value
		again = again || strings.ContainsAny(a.Value, "\t\n\r")
	}
	if !again {
		return out, nil
	}
	rawValues := scanAttrs(raw)
	if len(rawValues) != len(t.Attr) {
		return nil, fmt.Errorf("cannot read the attributes of <%s>: %w", t.Name.Local, ErrMalformed)
	}
	for i, r := range rawValues {
		v, err := normaliseAttr(r)
		if err != nil {
			return nil, err
		}
		out[i] = v
	}
	return out, nil
}

// scanAttrs returns the raw (undecoded) values of the attributes of a
// start tag that encoding/xml has already found well-formed, in order.
func scanAttrs(tag []byte) [][]byte {
	var out [][]byte
	i := bytes.IndexAny(tag, " \t\r\n") // past "<name"
	if i < 0 {
		return nil
	}
	for i < len(tag) {
		c := tag[i]
		switch {
		case c == '"' || c == '\'':
			j := bytes.IndexByte(tag[i+1:], c)
			if j < 0 {
				return out
			}
			out = append(out, tag[i+1:i+1+j])
			i += j + 2
		default:
			i++
		}
	}
	return out
}

// normaliseAttr decodes a raw attribute value: line ends first become a
// line feed (XML 1.0 §2.11), literal white space a space, then the
// predefined entities and character references are replaced.
func normaliseAttr(raw []byte) (string, error) {
	var b strings.Builder
	for i := 0; i < len(raw); i++ {
		switch c := raw[i]; c {
		case '\r':
			if i+1 < len(raw) && raw[i+1] == '\n' {
				i++
			}
			b.WriteByte(' ')
		case '\n', '\t':
			b.WriteByte(' ')
		case '&':
			j := bytes.IndexByte(raw[i:], ';')
			if j < 0 {
				return "", fmt.Errorf("unterminated reference in an attribute: %w", ErrMalformed)
			}
			s, err := reference(string(raw[i+1 : i+j]))
			if err != nil {
				return "", err
			}
			b.WriteString(s)
			i += j
		default:
			b.WriteByte(c)
		}
	}
	return b.String(), nil
}

// reference returns the text of an entity or character reference (the
// part between '&' and ';'). Only the five predefined entities exist:
// documents with a DTD are refused before this.
func reference(name string) (string, error) {
	switch name {
	case "lt":
		return "<", nil
	case "gt":
		return ">", nil
	case "amp":
		return "&", nil
	case "apos":
		return "'", nil
	case "quot":
		return `"`, nil
	}
	if num, ok := strings.CutPrefix(name, "#"); ok {
		base := 10
		if h, ok := strings.CutPrefix(num, "x"); ok {
			num, base = h, 16
		}
		r, err := strconv.ParseUint(num, base, 32)
		if err == nil && r <= 0x10FFFF {
			return string(rune(r)), nil
		}
	}
	return "", fmt.Errorf("reference &%s; in an attribute: %w", name, ErrMalformed)
}
