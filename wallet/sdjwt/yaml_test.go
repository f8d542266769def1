package sdjwt_test

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
)

// This file reads the subset of YAML the sd-jwt-python test cases are
// written in: block mappings and sequences by indentation, flow sequences
// and mappings, quoted and plain scalars, comments, and the "!sd" tag
// (on a mapping key or a value) that marks what is selectively
// disclosable. Tagged values come back wrapped in sd. Numbers come back
// as json.Number, so that they reach JSON unchanged.

type yamlLine struct {
	indent int
	text   string
}

func parseYAML(src string) (any, error) {
	var lines []yamlLine
	for _, raw := range strings.Split(src, "\n") {
		s := stripComment(strings.TrimRight(raw, " \t\r"))
		if strings.TrimSpace(s) == "" {
			continue
		}
		trimmed := strings.TrimLeft(s, " ")
		lines = append(lines, yamlLine{indent: len(s) - len(trimmed), text: trimmed})
	}
	p := &yamlParser{lines: lines}
	v, err := p.block(0)
	if err != nil {
		return nil, err
	}
	if p.i != len(p.lines) {
		return nil, fmt.Errorf("line %q: unexpected indentation", p.lines[p.i].text)
	}
	return v, nil
}

// stripComment removes a "#" comment outside quotes.
func stripComment(s string) string {
	var quote byte
	for i := 0; i < len(s); i++ {
		switch {
		case quote == 0 && (s[i] == '"' || s[i] == '\''):
			quote = s[i]
		case s[i] == quote:
			quote = 0
		case s[i] == '#' && quote == 0 && (i == 0 || s[i-1] == ' '):
			return strings.TrimRight(s[:i], " ")
		}
	}
	return s
}

type yamlParser struct {
	lines []yamlLine
	i     int
}

func (p *yamlParser) block(indent int) (any, error) {
	if p.i >= len(p.lines) {
		return nil, nil
	}
	l := p.lines[p.i]
	if l.text == "-" || strings.HasPrefix(l.text, "- ") {
		return p.sequence(l.indent)
	}
	return p.mapping(l.indent)
}

func (p *yamlParser) sequence(indent int) (any, error) {
	out := []any{}
	for p.i < len(p.lines) && p.lines[p.i].indent == indent && (p.lines[p.i].text == "-" || strings.HasPrefix(p.lines[p.i].text, "- ")) {
		rest := strings.TrimSpace(strings.TrimPrefix(p.lines[p.i].text, "-"))
		tagged := false
		if rest == "!sd" || strings.HasPrefix(rest, "!sd ") {
			tagged, rest = true, strings.TrimSpace(strings.TrimPrefix(rest, "!sd"))
		}
		var v any
		var err error
		switch {
		case rest == "":
			p.i++
			if p.i >= len(p.lines) || p.lines[p.i].indent <= indent {
				return nil, fmt.Errorf("empty sequence item")
			}
			v, err = p.block(p.lines[p.i].indent)
		case isMappingStart(rest):
			// "- key: value" opens a mapping whose keys line up with key.
			col := indent + len(p.lines[p.i].text) - len(rest)
			p.lines[p.i] = yamlLine{indent: col, text: rest}
			v, err = p.mapping(col)
		default:
			p.i++
			v, err = parseFlow(rest)
		}
		if err != nil {
			return nil, err
		}
		if tagged {
			v = sd{v}
		}
		out = append(out, v)
	}
	return out, nil
}

func (p *yamlParser) mapping(indent int) (any, error) {
	out := map[string]any{}
	for p.i < len(p.lines) && p.lines[p.i].indent == indent {
		text := p.lines[p.i].text
		if strings.HasPrefix(text, "- ") {
			break
		}
		tagged := false
		if strings.HasPrefix(text, "!sd ") {
			tagged, text = true, strings.TrimSpace(text[4:])
		}
		key, rest, err := splitKey(text)
		if err != nil {
			return nil, err
		}
		p.i++
		var v any
		if rest == "" {
			if p.i < len(p.lines) && p.lines[p.i].indent > indent {
				v, err = p.block(p.lines[p.i].indent)
			}
		} else {
			v, err = parseFlow(rest)
		}
		if err != nil {
			return nil, err
		}
		if tagged {
			v = sd{v}
		}
		out[key] = v
	}
	return out, nil
}

// isMappingStart reports whether a sequence item's text starts a mapping.
func isMappingStart(s string) bool {
	if strings.HasPrefix(s, "!sd ") {
		s = strings.TrimSpace(s[4:])
	}
	if s == "" || s[0] == '[' || s[0] == '{' {
		return false
	}
	_, _, err := splitKey(s)
	return err == nil
}

// splitKey splits "key: rest" (the key plain, or in double or single
// quotes).
func splitKey(s string) (string, string, error) {
	if q := s[:1]; q == `"` || q == "'" {
		end := strings.Index(s[1:], q)
		if end < 0 || !strings.HasPrefix(s[end+2:], ":") {
			return "", "", fmt.Errorf("bad key in %q", s)
		}
		return s[1 : end+1], strings.TrimSpace(s[end+3:]), nil
	}
	i := strings.Index(s, ":")
	if i <= 0 || (i+1 < len(s) && s[i+1] != ' ') {
		return "", "", fmt.Errorf("no key in %q", s)
	}
	return s[:i], strings.TrimSpace(s[i+1:]), nil
}

// parseFlow reads a value written on one line.
func parseFlow(s string) (any, error) {
	f := &flow{s: s}
	v, err := f.value(false)
	if err != nil {
		return nil, err
	}
	f.space()
	if f.i != len(f.s) {
		return nil, fmt.Errorf("trailing text in %q", s)
	}
	return v, nil
}

type flow struct {
	s string
	i int
}

func (f *flow) space() {
	for f.i < len(f.s) && f.s[f.i] == ' ' {
		f.i++
	}
}

func (f *flow) value(inFlow bool) (any, error) {
	f.space()
	if strings.HasPrefix(f.s[f.i:], "!sd ") {
		f.i += 4
		v, err := f.value(inFlow)
		return sd{v}, err
	}
	if f.i >= len(f.s) {
		return nil, fmt.Errorf("missing value in %q", f.s)
	}
	switch f.s[f.i] {
	case '[':
		f.i++
		out := []any{}
		for {
			f.space()
			if f.i < len(f.s) && f.s[f.i] == ']' {
				f.i++
				return out, nil
			}
			v, err := f.value(true)
			if err != nil {
				return nil, err
			}
			out = append(out, v)
			f.space()
			if f.i < len(f.s) && f.s[f.i] == ',' {
				f.i++
			}
		}
	case '{':
		f.i++
		out := map[string]any{}
		for {
			f.space()
			if f.i < len(f.s) && f.s[f.i] == '}' {
				f.i++
				return out, nil
			}
			k, err := f.value(true)
			if err != nil {
				return nil, err
			}
			f.space()
			if f.i >= len(f.s) || f.s[f.i] != ':' {
				return nil, fmt.Errorf("no ':' in %q", f.s)
			}
			f.i++
			v, err := f.value(true)
			if err != nil {
				return nil, err
			}
			out[fmt.Sprint(k)] = v
			f.space()
			if f.i < len(f.s) && f.s[f.i] == ',' {
				f.i++
			}
		}
	case '"', '\'':
		end := strings.IndexByte(f.s[f.i+1:], f.s[f.i])
		if end < 0 {
			return nil, fmt.Errorf("unterminated string in %q", f.s)
		}
		v := f.s[f.i+1 : f.i+1+end]
		f.i += end + 2
		return v, nil
	}
	start := f.i
	for f.i < len(f.s) && !(inFlow && strings.ContainsRune(",]}:", rune(f.s[f.i]))) {
		f.i++
	}
	return scalar(strings.TrimSpace(f.s[start:f.i])), nil
}

// scalar resolves a plain scalar as PyYAML does for the values the test
// cases use; "None" is read as null, the Python value it stands for.
func scalar(s string) any {
	switch s {
	case "null", "~", "None":
		return nil
	case "true", "True":
		return true
	case "false", "False":
		return false
	}
	if _, err := strconv.ParseInt(s, 10, 64); err == nil && !strings.HasPrefix(s, "+") {
		return json.Number(s)
	}
	if _, err := strconv.ParseFloat(s, 64); err == nil && strings.Contains(s, ".") {
		return json.Number(s)
	}
	return s
}
