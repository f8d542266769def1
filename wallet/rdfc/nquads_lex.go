package rdfc

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Term limits inside a line. Both are far beyond any real use and exist so
// that a hostile line cannot make every blank node or literal carry
// megabytes of label into maps and hashes.
const (
	// maxLabelBytes bounds a blank node label. Tools write labels like
	// "b12" or a UUID; 1 KiB is generous.
	maxLabelBytes = 1024
	// maxLangTagBytes bounds a language tag with its direction. BCP 47 tags
	// in use are under 40 bytes; RFC 5646 asks parsers to accept at least 35.
	maxLangTagBytes = 256
)

// lineParser reads one N-Quads statement from one line.
type lineParser struct {
	s string
	i int
}

func (p *lineParser) fail(msg string) *ParseError {
	return &ParseError{Column: p.i + 1, Msg: msg, Err: ErrSyntax}
}

func (p *lineParser) skipSpace() {
	for p.i < len(p.s) && (p.s[p.i] == ' ' || p.s[p.i] == '\t') {
		p.i++
	}
}

func (p *lineParser) peek() byte {
	if p.i < len(p.s) {
		return p.s[p.i]
	}
	return 0
}

// statement parses the line. ok is false for a blank or comment line.
func (p *lineParser) statement() (q Quad, ok bool, err *ParseError) {
	p.skipSpace()
	if c := p.peek(); c == 0 || c == '#' {
		return q, false, nil
	}
	if q.Subject, err = p.node("subject"); err != nil {
		return q, false, err
	}
	p.skipSpace()
	if p.peek() != '<' {
		return q, false, p.fail("predicate must be an IRI")
	}
	if q.Predicate, err = p.iriTerm(); err != nil {
		return q, false, err
	}
	p.skipSpace()
	if q.Object, err = p.object(); err != nil {
		return q, false, err
	}
	p.skipSpace()
	if c := p.peek(); c == '<' || c == '_' {
		if q.Graph, err = p.node("graph name"); err != nil {
			return q, false, err
		}
		p.skipSpace()
	}
	if p.peek() != '.' {
		return q, false, p.fail("expected '.' at the end of the statement")
	}
	p.i++
	p.skipSpace()
	if c := p.peek(); c != 0 && c != '#' {
		return q, false, p.fail("unexpected text after '.'")
	}
	return q, true, nil
}

// node parses an IRI or a blank node, as a subject or graph name must be.
func (p *lineParser) node(what string) (Term, *ParseError) {
	switch {
	case strings.HasPrefix(p.s[p.i:], "<<"):
		return Term{}, p.fail("triple terms are not supported")
	case p.peek() == '<':
		return p.iriTerm()
	case p.peek() == '_':
		return p.blankNode()
	}
	return Term{}, p.fail(what + " must be an IRI or a blank node")
}

func (p *lineParser) object() (Term, *ParseError) {
	switch p.peek() {
	case '"':
		return p.literal()
	case 0:
		return Term{}, p.fail("missing object")
	}
	return p.node("object")
}

func (p *lineParser) iriTerm() (Term, *ParseError) {
	iri, err := p.iri()
	return Term{Kind: IRI, Value: iri}, err
}

// iri parses <...> at p.i, decoding UCHAR escapes.
func (p *lineParser) iri() (string, *ParseError) {
	start := p.i
	p.i++ // '<'
	var b strings.Builder
	chunk := p.i
	for {
		if p.i >= len(p.s) {
			p.i = start
			return "", p.fail("unterminated IRI")
		}
		c := p.s[p.i]
		switch {
		case c == '>':
			v := p.s[chunk:p.i]
			if b.Len() > 0 {
				b.WriteString(v)
				v = b.String()
			}
			p.i++
			if !hasScheme(v) {
				p.i = start
				return "", p.fail("IRI is not absolute")
			}
			return v, nil
		case c == '\\':
			b.WriteString(p.s[chunk:p.i])
			r, err := p.uchar()
			if err != nil {
				return "", err
			}
			b.WriteRune(r)
			chunk = p.i
		case c < 0x80 && iriEscape[c]:
			return "", p.fail("character " + strconv.QuoteRune(rune(c)) + " is not allowed in an IRI")
		default:
			p.i++
		}
	}
}

// uchar decodes \uXXXX or \UXXXXXXXX at p.i.
func (p *lineParser) uchar() (rune, *ParseError) {
	n := 0
	switch {
	case strings.HasPrefix(p.s[p.i:], `\u`):
		n = 4
	case strings.HasPrefix(p.s[p.i:], `\U`):
		n = 8
	default:
		return 0, p.fail(`bad escape: expected \u or \U`)
	}
	if len(p.s)-p.i < 2+n {
		return 0, p.fail("truncated escape")
	}
	v, err := strconv.ParseUint(p.s[p.i+2:p.i+2+n], 16, 32)
	if err != nil {
		return 0, p.fail("bad hex digits in escape")
	}
	if v > utf8.MaxRune || (v >= 0xD800 && v <= 0xDFFF) {
		return 0, p.fail("escape is not a Unicode scalar value")
	}
	p.i += 2 + n
	return rune(v), nil
}

// literal parses "..." with an optional language tag or datatype.
func (p *lineParser) literal() (Term, *ParseError) {
	start := p.i
	p.i++ // '"'
	var b strings.Builder
	chunk := p.i
	t := Term{Kind: Literal}
	for {
		if p.i >= len(p.s) {
			p.i = start
			return t, p.fail("unterminated literal")
		}
		c := p.s[p.i]
		if c == '"' {
			t.Value = p.s[chunk:p.i]
			if b.Len() > 0 {
				b.WriteString(t.Value)
				t.Value = b.String()
			}
			p.i++
			break
		}
		if c != '\\' {
			p.i++
			continue
		}
		b.WriteString(p.s[chunk:p.i])
		if e := echar(p.s[p.i+1:]); e != 0 {
			b.WriteByte(e)
			p.i += 2
		} else {
			r, err := p.uchar()
			if err != nil {
				return t, err
			}
			b.WriteRune(r)
		}
		chunk = p.i
	}
	switch {
	case strings.HasPrefix(p.s[p.i:], "^^"):
		p.i += 2
		if p.peek() != '<' {
			return t, p.fail("datatype must be an IRI")
		}
		dt, err := p.iri()
		t.Datatype = dt
		return t, err
	case p.peek() == '@':
		return p.langTag(t)
	}
	return t, nil
}

// echar returns the byte an ECHAR escape (after the backslash) stands for,
// or 0 if s does not start with one.
func echar(s string) byte {
	if s == "" {
		return 0
	}
	switch s[0] {
	case 't':
		return '\t'
	case 'b':
		return '\b'
	case 'n':
		return '\n'
	case 'r':
		return '\r'
	case 'f':
		return '\f'
	case '"', '\'', '\\':
		return s[0]
	}
	return 0
}

// langTag parses @tag or the RDF 1.2 @tag--dir at p.i into t.
func (p *lineParser) langTag(t Term) (Term, *ParseError) {
	start := p.i
	p.i++ // '@'
	n := 0
	for p.i+n < len(p.s) && isAlpha(p.s[p.i+n]) {
		n++
	}
	if n == 0 {
		return t, p.fail("empty language tag")
	}
	end := p.i + n
	for end+1 < len(p.s) && p.s[end] == '-' && isAlnum(p.s[end+1]) {
		end++
		for end < len(p.s) && isAlnum(p.s[end]) {
			end++
		}
	}
	t.Language = p.s[p.i:end]
	t.Datatype = RDFLangString
	p.i = end
	if strings.HasPrefix(p.s[p.i:], "--") {
		p.i += 2
		dir := p.s[p.i:]
		switch {
		case strings.HasPrefix(dir, "ltr"), strings.HasPrefix(dir, "rtl"):
			t.Direction = dir[:3]
			t.Datatype = RDFDirLangString
			p.i += 3
		default:
			return t, p.fail(`base direction must be "ltr" or "rtl"`)
		}
	}
	if c := p.peek(); isAlnum(c) || c == '-' {
		return t, p.fail("malformed language tag")
	}
	if p.i-start > maxLangTagBytes {
		p.i = start
		return t, p.fail("language tag longer than " + strconv.Itoa(maxLangTagBytes) + " bytes")
	}
	return t, nil
}

// blankNode parses _:label at p.i.
func (p *lineParser) blankNode() (Term, *ParseError) {
	if !strings.HasPrefix(p.s[p.i:], "_:") {
		return Term{}, p.fail("expected '_:' to start a blank node")
	}
	p.i += 2
	start := p.i
	end := p.i // end of the label so far, excluding trailing dots
scan:
	for p.i < len(p.s) {
		r, size := utf8.DecodeRuneInString(p.s[p.i:])
		first := p.i == start
		switch {
		case first && (isPNCharsU(r) || (r >= '0' && r <= '9')):
		case !first && isPNChars(r):
		case !first && r == '.':
			p.i += size
			continue
		default:
			break scan
		}
		p.i += size
		end = p.i
	}
	p.i = end
	if end == start {
		return Term{}, p.fail("empty blank node label")
	}
	if end-start > maxLabelBytes {
		p.i = start
		return Term{}, p.fail("blank node label longer than " + strconv.Itoa(maxLabelBytes) + " bytes")
	}
	return Term{Kind: BlankNode, Value: p.s[start:end]}, nil
}
