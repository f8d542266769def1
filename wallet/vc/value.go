package vc

import (
	"encoding/json"
	"strconv"
	"strings"
	"time"

	"github.com/satchel-wallet/satchel/wallet/credential"
)

// obj returns v as a JSON object, or nil.
func obj(v any) map[string]any {
	m, _ := v.(map[string]any)
	return m
}

// list returns v as a list: arrays as they are, a single value as a list of
// one, nil as none.
func list(v any) []any {
	switch t := v.(type) {
	case nil:
		return nil
	case []any:
		return t
	}
	return []any{v}
}

// str returns v as a string: strings as they are, numbers in their shortest
// form, the @value of a value object, the id of an object.
func str(v any) string {
	switch t := v.(type) {
	case string:
		return strings.TrimSpace(t)
	case float64:
		return strconv.FormatFloat(t, 'f', -1, 64)
	case json.Number:
		return t.String()
	case bool:
		return strconv.FormatBool(t)
	case map[string]any:
		if s := str(t["@value"]); s != "" {
			return s
		}
		return str(t["id"])
	case []any:
		for _, e := range t {
			if s := str(e); s != "" {
				return s
			}
		}
	}
	return ""
}

// text reads a possibly multilingual value: a string, a value object with
// @language, an array of those, or a language map.
func text(v any) credential.Text {
	var out credential.Text
	var add func(v any)
	add = func(v any) {
		switch t := v.(type) {
		case string:
			out.Set("", t)
		case float64, json.Number:
			out.Set("", str(t))
		case []any:
			for _, e := range t {
				add(e)
			}
		case map[string]any:
			if val, ok := t["@value"]; ok {
				out.Set(str(t["@language"]), str(val))
				return
			}
			// A language map: every key a language tag, every value text.
			for k, e := range t {
				if s, ok := e.(string); ok && isLangTag(k) {
					out.Set(k, s)
				}
			}
		}
	}
	add(v)
	return out
}

// isLangTag reports whether s looks like a BCP 47 tag ("en", "pt-BR").
func isLangTag(s string) bool {
	if len(s) < 2 || len(s) > 16 {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == '-' || r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}

// number reads a number given as a JSON number or a numeric string.
func number(v any) (*float64, bool) {
	var f float64
	switch t := v.(type) {
	case float64:
		f = t
	case json.Number:
		var err error
		if f, err = t.Float64(); err != nil {
			return nil, false
		}
	case string:
		var err error
		if f, err = strconv.ParseFloat(strings.TrimSpace(t), 64); err != nil {
			return nil, false
		}
	case map[string]any:
		return number(t["@value"])
	default:
		return nil, false
	}
	if f < 0 || f != f || f > 1e6 {
		return nil, false
	}
	return &f, true
}

// date reads an XML Schema date or dateTime, or a Unix time in seconds.
func date(v any) time.Time {
	if f, ok := v.(float64); ok && f > 0 && f < 1e11 {
		return time.Unix(int64(f), 0).UTC()
	}
	if n, ok := v.(json.Number); ok {
		if i, err := n.Int64(); err == nil && i > 0 && i < 1e11 {
			return time.Unix(i, 0).UTC()
		}
	}
	s := str(v)
	if s == "" {
		return time.Time{}
	}
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02T15:04:05Z0700", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC()
		}
	}
	return time.Time{}
}

// types returns the type list of an object.
func types(m map[string]any) []string {
	var out []string
	for _, t := range list(m["type"]) {
		if s, ok := t.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

func hasType(m map[string]any, want ...string) bool {
	for _, t := range types(m) {
		for _, w := range want {
			if t == w {
				return true
			}
		}
	}
	return false
}

// eqfFromURL reads the level from an EQF concept URI
// http://data.europa.eu/snb/eqf/N.
func eqfFromURL(u string) int {
	const prefix = "data.europa.eu/snb/eqf/"
	i := strings.Index(u, prefix)
	if i < 0 {
		return 0
	}
	return eqfLevel(u[i+len(prefix):])
}

// eqfLevel reads "6", "Level 6", "EQF level 6" as 6; anything outside 1..8
// as 0.
func eqfLevel(s string) int {
	s = strings.TrimSpace(s)
	if i := strings.LastIndexAny(s, " /"); i >= 0 {
		s = s[i+1:]
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > 8 {
		return 0
	}
	return n
}
