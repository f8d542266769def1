package jose

import (
	"bytes"
	"encoding/json"
	"fmt"
	"unicode/utf8"
)

// smallObject is the number of members up to which duplicate names are
// found by comparing with each earlier one; larger objects use a map.
// Credential objects rarely have more than a dozen members.
const smallObject = 16

// CheckJSON checks untrusted JSON text before it is decoded: it must be
// valid UTF-8 (encoding/json would silently replace bad bytes), nest no
// deeper than maxDepth, name no member twice in one object (a JWT whose
// claims two parsers read differently is a known attack, and encoding/json
// keeps the last), and escape no lone UTF-16 surrogate. It does not check
// the rest of the syntax; decoding does.
func CheckJSON(data []byte, maxDepth int) error {
	if !utf8.Valid(data) {
		return fmt.Errorf("JSON is not UTF-8: %w", ErrMalformed)
	}
	var stack []frame
	for i := 0; i < len(data); i++ {
		switch c := data[i]; c {
		case '{', '[':
			if len(stack) >= maxDepth {
				return fmt.Errorf("JSON nested over %d levels: %w", maxDepth, ErrTooLarge)
			}
			stack = append(stack, frame{object: c == '{', wantKey: c == '{'})
		case '}', ']':
			if len(stack) == 0 {
				return fmt.Errorf("unbalanced JSON: %w", ErrMalformed)
			}
			stack = stack[:len(stack)-1]
		case ',':
			if n := len(stack); n > 0 && stack[n-1].object {
				stack[n-1].wantKey = true
			}
		case '"':
			end, escaped, err := scanString(data, i)
			if err != nil {
				return err
			}
			if n := len(stack); n > 0 && stack[n-1].wantKey {
				top := &stack[n-1]
				top.wantKey = false
				if err := top.add(data[i+1:end], escaped); err != nil {
					return err
				}
			}
			i = end
		}
	}
	return nil
}

// frame is an open object or array during [CheckJSON].
type frame struct {
	object  bool
	wantKey bool
	keys    [][]byte
	set     map[string]struct{}
}

// add records a member name, failing if the object already has it.
func (f *frame) add(raw []byte, escaped bool) error {
	key := raw
	if escaped {
		var s string
		if err := json.Unmarshal(append(append([]byte{'"'}, raw...), '"'), &s); err != nil {
			return fmt.Errorf("JSON member name: %v: %w", err, ErrMalformed)
		}
		key = []byte(s)
	}
	if f.set != nil {
		if _, dup := f.set[string(key)]; dup {
			return fmt.Errorf("JSON member %q appears twice: %w", key, ErrMalformed)
		}
		f.set[string(key)] = struct{}{}
		return nil
	}
	for _, k := range f.keys {
		if bytes.Equal(k, key) {
			return fmt.Errorf("JSON member %q appears twice: %w", key, ErrMalformed)
		}
	}
	f.keys = append(f.keys, key)
	if len(f.keys) > smallObject {
		f.set = make(map[string]struct{}, 2*len(f.keys))
		for _, k := range f.keys {
			f.set[string(k)] = struct{}{}
		}
		f.keys = nil
	}
	return nil
}

// scanString finds the closing quote of the string starting at data[start]
// and reports whether it holds escapes. It refuses escaped lone surrogates,
// which encoding/json would turn into U+FFFD.
func scanString(data []byte, start int) (end int, escaped bool, err error) {
	for i := start + 1; i < len(data); i++ {
		switch data[i] {
		case '"':
			return i, escaped, nil
		case '\\':
			escaped = true
			if i+1 >= len(data) {
				break
			}
			if data[i+1] != 'u' {
				i++
				continue
			}
			r, ok := hex4(data, i+2)
			if !ok {
				return 0, false, fmt.Errorf("bad \\u escape in JSON string: %w", ErrMalformed)
			}
			i += 5
			switch {
			case r >= 0xD800 && r < 0xDC00:
				lo, ok := hex4(data, i+3)
				if !ok || data[i+1] != '\\' || data[i+2] != 'u' || lo < 0xDC00 || lo > 0xDFFF {
					return 0, false, fmt.Errorf("lone UTF-16 surrogate in JSON string: %w", ErrMalformed)
				}
				i += 6
			case r >= 0xDC00 && r <= 0xDFFF:
				return 0, false, fmt.Errorf("lone UTF-16 surrogate in JSON string: %w", ErrMalformed)
			}
		}
	}
	return 0, false, fmt.Errorf("unterminated JSON string: %w", ErrMalformed)
}

// hex4 reads four hex digits at data[i:].
func hex4(data []byte, i int) (rune, bool) {
	if i < 0 || i+4 > len(data) {
		return 0, false
	}
	var r rune
	for _, c := range data[i : i+4] {
		r <<= 4
		switch {
		case '0' <= c && c <= '9':
			r |= rune(c - '0')
		case 'a' <= c && c <= 'f':
			r |= rune(c - 'a' + 10)
		case 'A' <= c && c <= 'F':
			r |= rune(c - 'A' + 10)
		default:
			return 0, false
		}
	}
	return r, true
}
