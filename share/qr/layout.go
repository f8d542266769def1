package qr

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// The JSON layout transform stores pretty-printed JSON compact, with one
// byte that says how to indent it again. Indentation is a quarter of a
// pretty-printed credential and breaks DEFLATE's matches against the
// dictionary (which is compact JSON) at every line, so leaving it out saves
// a fifth of the compressed size. A JSON-LD proof does not cover layout,
// but the payload is opaque and must come back byte for byte: the encoder
// uses the transform only when indenting the compact form gives the input
// exactly.
//
// The layout byte: bits 0-3 are the spaces per level (1 to 8), or 0 for a
// tab; bit 4 is set when a final line feed follows; other bits are zero.
// The indentation is that of JSON.stringify(v, null, n) and Go's
// json.Indent: a line per member and element, "": "" after keys, empty
// objects and arrays kept as {} and [].
const (
	layoutFinalLF = 1 << 4
	layoutMask    = layoutFinalLF | 0x0f
)

// compactLayout returns the compact form of a pretty-printed JSON document
// and its layout byte, if indent(compact, layout) reproduces it.
func compactLayout(src []byte) ([]byte, byte, bool) {
	if len(src) < 2 || src[0] != '{' && src[0] != '[' {
		return nil, 0, false
	}
	var buf bytes.Buffer
	if json.Compact(&buf, src) != nil || buf.Len() == len(src) {
		return nil, 0, false
	}
	compact := buf.Bytes()
	var layout byte
	if src[len(src)-1] == '\n' {
		layout |= layoutFinalLF
	}
	// The first indented line tells the unit.
	if i := bytes.IndexByte(src, '\n'); i >= 0 && i+1 < len(src) {
		rest := src[i+1:]
		switch n := len(rest) - len(bytes.TrimLeft(rest, " ")); {
		case rest[0] == '\t':
		case n >= 1 && n <= 8:
			layout |= byte(n)
		default:
			return nil, 0, false
		}
	}
	out, err := indent(nil, compact, layout, len(src))
	if err != nil || !bytes.Equal(out, src) {
		return nil, 0, false
	}
	return compact, layout, true
}

// indent appends the compact JSON src laid out by layout to dst; the result
// may not exceed limit bytes (deep nesting grows quadratically when indented).
func indent(dst, src []byte, layout byte, limit int) ([]byte, error) {
	if layout&^layoutMask != 0 || layout&0x0f > 8 {
		return nil, fmt.Errorf("%w: JSON layout byte %#x", ErrMalformed, layout)
	}
	unit := bytes.Repeat([]byte{' '}, int(layout&0x0f))
	if len(unit) == 0 {
		unit = []byte{'\t'}
	}
	depth := 0
	newline := func() {
		dst = append(dst, '\n')
		for range depth {
			dst = append(dst, unit...)
		}
	}
	inString, escaped := false, false
	for i := 0; i < len(src); i++ {
		if len(dst) > limit {
			return nil, fmt.Errorf("%w: indented JSON exceeds %d bytes", ErrTooLarge, limit)
		}
		c := src[i]
		if inString {
			dst = append(dst, c)
			switch {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"':
				inString = false
			}
			continue
		}
		switch c {
		case '"':
			inString = true
			dst = append(dst, c)
		case '{', '[':
			dst = append(dst, c)
			if i+1 < len(src) && (src[i+1] == '}' || src[i+1] == ']') {
				dst = append(dst, src[i+1])
				i++
				continue
			}
			depth++
			newline()
		case '}', ']':
			depth = max(depth-1, 0)
			newline()
			dst = append(dst, c)
		case ',':
			dst = append(dst, c)
			newline()
		case ':':
			dst = append(dst, ':', ' ')
		default:
			dst = append(dst, c)
		}
	}
	if layout&layoutFinalLF != 0 {
		dst = append(dst, '\n')
	}
	if len(dst) > limit {
		return nil, fmt.Errorf("%w: indented JSON exceeds %d bytes", ErrTooLarge, limit)
	}
	return dst, nil
}
