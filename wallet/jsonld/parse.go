package jsonld

import (
	"fmt"
	"math"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
)

// MaxDepth bounds how deeply arrays and objects may nest in [Parse] input.
// Credentials nest about ten levels (a credential, its subject, an
// achievement, its alignments, ...); a hundred leaves room for any honest
// document, and refusing more stops a few kilobytes of "[[[[..." from
// costing deep recursion here and in the JSON-LD processor after us.
const MaxDepth = 100

// Parse decodes one JSON value from data into the generic form the JSON-LD
// processor works on: map[string]any, []any, string, float64, bool and nil.
//
// It is meant for untrusted input and stricter than encoding/json:
//   - input longer than maxBytes is refused with [ErrTooLarge] before any
//     work (maxBytes <= 0 means no limit, for trusted input only);
//   - nesting deeper than [MaxDepth] is refused with [ErrTooDeep] as soon as
//     it is reached;
//   - the input must be valid UTF-8, and a \u escape must not name a lone
//     surrogate ([ErrInvalidUTF8]): encoding/json would silently turn both
//     into U+FFFD, so two readers of one file could see different text;
//   - an object must not repeat a member name ([ErrDuplicateKey]). JSON
//     leaves duplicates undefined and parsers differ (the first or the last
//     wins), which lets a document show one value to a person and sign
//     another, so Satchel refuses them outright;
//   - a number must fit a float64 ([ErrSyntax]);
//   - one leading UTF-8 byte order mark is skipped, as RFC 8259 permits,
//     because some Windows tools write one.
//
// Errors other than ErrTooLarge are a [*SyntaxError] giving the offset.
func Parse(data []byte, maxBytes int) (any, error) {
	if maxBytes > 0 && len(data) > maxBytes {
		return nil, fmt.Errorf("jsonld: input of %d bytes, more than the limit of %d: %w", len(data), maxBytes, ErrTooLarge)
	}
	p := parser{data: data}
	if len(data) >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF {
		p.pos = 3
	}
	p.skipSpace()
	v, err := p.value()
	if err != nil {
		return nil, err
	}
	p.skipSpace()
	if p.pos != len(p.data) {
		return nil, p.fail("data after the JSON value", ErrSyntax)
	}
	return v, nil
}

// ParseObject is [Parse] for input that must be a JSON object, as every
// credential and presentation is.
func ParseObject(data []byte, maxBytes int) (map[string]any, error) {
	v, err := Parse(data, maxBytes)
	if err != nil {
		return nil, err
	}
	m, ok := v.(map[string]any)
	if !ok {
		return nil, &SyntaxError{Offset: 0, Msg: "the document is not a JSON object", Err: ErrSyntax}
	}
	return m, nil
}

type parser struct {
	data  []byte
	pos   int
	depth int
}

func (p *parser) fail(msg string, err error) *SyntaxError {
	return &SyntaxError{Offset: p.pos, Msg: msg, Err: err}
}

func (p *parser) skipSpace() {
	for p.pos < len(p.data) {
		switch p.data[p.pos] {
		case ' ', '\t', '\n', '\r':
			p.pos++
		default:
			return
		}
	}
}

func (p *parser) value() (any, error) {
	if p.pos >= len(p.data) {
		return nil, p.fail("unexpected end of input", ErrSyntax)
	}
	switch c := p.data[p.pos]; {
	case c == '{':
		return p.object()
	case c == '[':
		return p.array()
	case c == '"':
		return p.str()
	case c == '-' || (c >= '0' && c <= '9'):
		return p.number()
	case p.literal("true"):
		return true, nil
	case p.literal("false"):
		return false, nil
	case p.literal("null"):
		return nil, nil
	}
	return nil, p.fail(fmt.Sprintf("unexpected character %q", p.data[p.pos]), ErrSyntax)
}

func (p *parser) literal(word string) bool {
	if len(p.data)-p.pos >= len(word) && string(p.data[p.pos:p.pos+len(word)]) == word {
		p.pos += len(word)
		return true
	}
	return false
}

func (p *parser) enter() error {
	p.depth++
	if p.depth > MaxDepth {
		return p.fail(fmt.Sprintf("nesting deeper than %d", MaxDepth), ErrTooDeep)
	}
	return nil
}

func (p *parser) object() (any, error) {
	if err := p.enter(); err != nil {
		return nil, err
	}
	p.pos++ // '{'
	m := make(map[string]any)
	p.skipSpace()
	if p.pos < len(p.data) && p.data[p.pos] == '}' {
		p.pos++
		p.depth--
		return m, nil
	}
	for {
		if p.pos >= len(p.data) || p.data[p.pos] != '"' {
			return nil, p.fail("expected a member name", ErrSyntax)
		}
		at := p.pos
		key, err := p.str()
		if err != nil {
			return nil, err
		}
		if _, dup := m[key]; dup {
			return nil, &SyntaxError{Offset: at, Msg: fmt.Sprintf("member %q appears twice", key), Err: ErrDuplicateKey}
		}
		p.skipSpace()
		if p.pos >= len(p.data) || p.data[p.pos] != ':' {
			return nil, p.fail("expected ':'", ErrSyntax)
		}
		p.pos++
		p.skipSpace()
		v, err := p.value()
		if err != nil {
			return nil, err
		}
		m[key] = v
		p.skipSpace()
		if p.pos >= len(p.data) {
			return nil, p.fail("unterminated object", ErrSyntax)
		}
		switch p.data[p.pos] {
		case ',':
			p.pos++
			p.skipSpace()
		case '}':
			p.pos++
			p.depth--
			return m, nil
		default:
			return nil, p.fail("expected ',' or '}'", ErrSyntax)
		}
	}
}

func (p *parser) array() (any, error) {
	if err := p.enter(); err != nil {
		return nil, err
	}
	p.pos++ // '['
	a := make([]any, 0, 4)
	p.skipSpace()
	if p.pos < len(p.data) && p.data[p.pos] == ']' {
		p.pos++
		p.depth--
		return a, nil
	}
	for {
		v, err := p.value()
		if err != nil {
			return nil, err
		}
		a = append(a, v)
		p.skipSpace()
		if p.pos >= len(p.data) {
			return nil, p.fail("unterminated array", ErrSyntax)
		}
		switch p.data[p.pos] {
		case ',':
			p.pos++
			p.skipSpace()
		case ']':
			p.pos++
			p.depth--
			return a, nil
		default:
			return nil, p.fail("expected ',' or ']'", ErrSyntax)
		}
	}
}

// str reads a string starting at the opening quote.
func (p *parser) str() (string, error) {
	p.pos++ // '"'
	start := p.pos
	// Fast path: no escapes.
	for p.pos < len(p.data) {
		c := p.data[p.pos]
		switch {
		case c == '"':
			s := string(p.data[start:p.pos])
			p.pos++
			return s, nil
		case c == '\\':
			return p.strSlow(start)
		case c < 0x20:
			return "", p.fail("control character in string", ErrSyntax)
		case c < utf8.RuneSelf:
			p.pos++
		default:
			r, n := utf8.DecodeRune(p.data[p.pos:])
			if r == utf8.RuneError && n <= 1 {
				return "", p.fail("invalid utf-8", ErrInvalidUTF8)
			}
			p.pos += n
		}
	}
	return "", p.fail("unterminated string", ErrSyntax)
}

// strSlow continues a string that has escapes; p.pos is at the first '\'.
func (p *parser) strSlow(start int) (string, error) {
	buf := make([]byte, 0, p.pos-start+16)
	buf = append(buf, p.data[start:p.pos]...)
	for p.pos < len(p.data) {
		c := p.data[p.pos]
		switch {
		case c == '"':
			p.pos++
			return string(buf), nil
		case c == '\\':
			r, err := p.escape()
			if err != nil {
				return "", err
			}
			buf = utf8.AppendRune(buf, r)
		case c < 0x20:
			return "", p.fail("control character in string", ErrSyntax)
		case c < utf8.RuneSelf:
			buf = append(buf, c)
			p.pos++
		default:
			r, n := utf8.DecodeRune(p.data[p.pos:])
			if r == utf8.RuneError && n <= 1 {
				return "", p.fail("invalid utf-8", ErrInvalidUTF8)
			}
			buf = append(buf, p.data[p.pos:p.pos+n]...)
			p.pos += n
		}
	}
	return "", p.fail("unterminated string", ErrSyntax)
}

// escape decodes one escape sequence at p.pos (at the '\').
func (p *parser) escape() (rune, error) {
	if p.pos+1 >= len(p.data) {
		return 0, p.fail("unterminated escape", ErrSyntax)
	}
	c := p.data[p.pos+1]
	p.pos += 2
	switch c {
	case '"', '\\', '/':
		return rune(c), nil
	case 'b':
		return '\b', nil
	case 'f':
		return '\f', nil
	case 'n':
		return '\n', nil
	case 'r':
		return '\r', nil
	case 't':
		return '\t', nil
	case 'u':
		r, err := p.hex4()
		if err != nil {
			return 0, err
		}
		if !utf16.IsSurrogate(r) {
			return r, nil
		}
		if r >= 0xDC00 || p.pos+1 >= len(p.data) || p.data[p.pos] != '\\' || p.data[p.pos+1] != 'u' {
			return 0, p.fail("lone surrogate in \\u escape", ErrInvalidUTF8)
		}
		p.pos += 2
		r2, err := p.hex4()
		if err != nil {
			return 0, err
		}
		if r2 < 0xDC00 || r2 > 0xDFFF {
			return 0, p.fail("lone surrogate in \\u escape", ErrInvalidUTF8)
		}
		return utf16.DecodeRune(r, r2), nil
	}
	return 0, p.fail(fmt.Sprintf("invalid escape \\%c", c), ErrSyntax)
}

func (p *parser) hex4() (rune, error) {
	if p.pos+4 > len(p.data) {
		return 0, p.fail("short \\u escape", ErrSyntax)
	}
	var r rune
	for _, c := range p.data[p.pos : p.pos+4] {
		r <<= 4
		switch {
		case c >= '0' && c <= '9':
			r |= rune(c - '0')
		case c >= 'a' && c <= 'f':
			r |= rune(c - 'a' + 10)
		case c >= 'A' && c <= 'F':
			r |= rune(c - 'A' + 10)
		default:
			return 0, p.fail("invalid hex digit in \\u escape", ErrSyntax)
		}
	}
	p.pos += 4
	return r, nil
}

// number reads a number in the grammar of RFC 8259 section 6.
func (p *parser) number() (any, error) {
	start := p.pos
	if p.data[p.pos] == '-' {
		p.pos++
	}
	switch {
	case p.pos < len(p.data) && p.data[p.pos] == '0':
		p.pos++
	case p.pos < len(p.data) && p.data[p.pos] >= '1' && p.data[p.pos] <= '9':
		p.digits()
	default:
		return nil, p.fail("malformed number", ErrSyntax)
	}
	if p.pos < len(p.data) && p.data[p.pos] == '.' {
		p.pos++
		if p.digits() == 0 {
			return nil, p.fail("malformed number", ErrSyntax)
		}
	}
	if p.pos < len(p.data) && (p.data[p.pos] == 'e' || p.data[p.pos] == 'E') {
		p.pos++
		if p.pos < len(p.data) && (p.data[p.pos] == '+' || p.data[p.pos] == '-') {
			p.pos++
		}
		if p.digits() == 0 {
			return nil, p.fail("malformed number", ErrSyntax)
		}
	}
	f, err := strconv.ParseFloat(string(p.data[start:p.pos]), 64)
	if err != nil || math.IsInf(f, 0) {
		return nil, &SyntaxError{Offset: start, Msg: "number out of range", Err: ErrSyntax}
	}
	return f, nil
}

func (p *parser) digits() int {
	n := 0
	for p.pos < len(p.data) && p.data[p.pos] >= '0' && p.data[p.pos] <= '9' {
		p.pos++
		n++
	}
	return n
}
