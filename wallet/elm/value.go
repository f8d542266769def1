package elm

import (
	"slices"
	"strings"
	"time"

	"github.com/satchel-wallet/satchel/wallet/credential"
)

// The helpers below read the generic JSON form that wallet/jsonld's parser
// returns (map[string]any, []any, string, float64, bool, nil). ELM JSON-LD
// gives most properties either as one value or as an array of values
// (ELM 3.2 always uses arrays), so every reader accepts both.

// objs returns the objects v holds: v itself, or the objects of an array.
func objs(v any) []map[string]any {
	switch x := v.(type) {
	case map[string]any:
		return []map[string]any{x}
	case []any:
		out := make([]map[string]any, 0, len(x))
		for _, e := range x {
			if m, ok := e.(map[string]any); ok {
				out = append(out, m)
			}
		}
		return out
	}
	return nil
}

// obj returns the first object v holds, or nil.
func obj(v any) map[string]any {
	switch x := v.(type) {
	case map[string]any:
		return x
	case []any:
		for _, e := range x {
			if m, ok := e.(map[string]any); ok {
				return m
			}
		}
	}
	return nil
}

// str returns the string v holds: a string, a JSON-LD value object's
// @value, or the first of an array.
func str(v any) string {
	switch x := v.(type) {
	case string:
		return strings.TrimSpace(x)
	case map[string]any:
		if s, ok := x["@value"].(string); ok {
			return strings.TrimSpace(s)
		}
		if s, ok := x["@id"].(string); ok {
			return strings.TrimSpace(s)
		}
	case []any:
		for _, e := range x {
			if s := str(e); s != "" {
				return s
			}
		}
	}
	return ""
}

// strs returns every string v holds.
func strs(v any) []string {
	var out []string
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			if s := str(e); s != "" {
				out = append(out, s)
			}
		}
	default:
		if s := str(x); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// boolean returns the boolean v holds (true, "true", a value object) and
// whether it holds one.
func boolean(v any) (b, ok bool) {
	switch x := v.(type) {
	case bool:
		return x, true
	case string:
		switch strings.ToLower(strings.TrimSpace(x)) {
		case "true":
			return true, true
		case "false":
			return false, true
		}
	case map[string]any:
		return boolean(x["@value"])
	case []any:
		if len(x) == 1 {
			return boolean(x[0])
		}
	}
	return false, false
}

// id returns the identifier of the first object v holds, or v itself when
// it is a string (a reference).
func id(v any) string {
	if m := obj(v); m != nil {
		return str(m["id"])
	}
	return str(v)
}

// text reads a language map (ELM: {"en": "...", "es": "..."}; ELM 3.2:
// {"en": ["..."]}), a JSON-LD value object ({"@value", "@language"}), a
// plain string, or an array of any of these. Several values in one
// language are joined with a line break, in document order.
func text(v any) credential.Text {
	var t credential.Text
	addText(&t, "", v, true)
	return t
}

// addText adds the text of v in lang to t. Language maps are read only at
// the top (top is true): a language map's values are strings, arrays of
// strings, or value objects, never other language maps.
func addText(t *credential.Text, lang string, v any, top bool) {
	switch x := v.(type) {
	case string:
		appendText(t, lang, x)
	case []any:
		for _, e := range x {
			addText(t, lang, e, top)
		}
	case map[string]any:
		if val, ok := x["@value"]; ok {
			l := lang
			if s, ok := x["@language"].(string); ok {
				l = s
			}
			if s, ok := val.(string); ok {
				appendText(t, l, s)
			}
			return
		}
		if !top {
			return
		}
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			switch {
			case k == "@none":
				addText(t, "", x[k], false)
			case isLangTag(k):
				addText(t, k, x[k], false)
			}
		}
	}
}

func appendText(t *credential.Text, lang, s string) {
	s = strings.TrimSpace(s)
	if s == "" {
		return
	}
	lang = strings.ToLower(lang)
	if old := t.Get(lang); old != "" {
		if old == s || slices.Contains(strings.Split(old, "\n"), s) {
			return
		}
		s = old + "\n" + s
	}
	t.Set(lang, s)
}

// isLangTag reports whether s has the shape of a BCP 47 language tag: a
// primary subtag of 2 to 8 letters, then subtags of 1 to 8 letters or
// digits.
func isLangTag(s string) bool {
	if s == "" || len(s) > 35 {
		return false
	}
	for i, sub := range strings.Split(s, "-") {
		if len(sub) < 1 || len(sub) > 8 || (i == 0 && len(sub) < 2) {
			return false
		}
		for _, r := range sub {
			letter := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
			if !letter && (i == 0 || r < '0' || r > '9') {
				return false
			}
		}
	}
	return true
}

// firstText returns the first of ts that holds text.
func firstText(ts ...credential.Text) credential.Text {
	for _, t := range ts {
		if !t.IsZero() {
			return t
		}
	}
	return nil
}

// joinText combines a main text with a qualifier in each language of
// main, as "main (qualifier)"; the qualifier is taken in the same language
// or the nearest one Text.In finds.
func joinText(main, qualifier credential.Text) credential.Text {
	if main.IsZero() {
		return qualifier
	}
	if qualifier.IsZero() {
		return main
	}
	var out credential.Text
	for _, l := range main {
		if l.Value != "" {
			out.Set(l.Tag, l.Value+" ("+qualifier.In(l.Tag)+")")
		}
	}
	return out
}

// note returns the text of an ELM Note (its noteLiteral), or of a plain
// language map or string given where a Note is expected. Several notes are
// joined.
func note(v any) credential.Text {
	var t credential.Text
	for _, e := range listOf(v) {
		if m, ok := e.(map[string]any); ok {
			if lit, ok := m["noteLiteral"]; ok {
				addText(&t, "", lit, true)
				continue
			}
		}
		addText(&t, "", e, true)
	}
	return t
}

// listOf returns v as a list: its elements if it is an array, else v alone.
func listOf(v any) []any {
	switch x := v.(type) {
	case nil:
		return nil
	case []any:
		return x
	}
	return []any{v}
}

// lastSegment returns what follows the last "/" of a URI.
func lastSegment(uri string) string {
	if i := strings.LastIndexByte(uri, '/'); i >= 0 {
		return uri[i+1:]
	}
	return uri
}

// timeLayouts are the forms of xsd:dateTime and xsd:date seen in EDCs. A
// time without a zone (xsd allows it) is read as UTC.
var timeLayouts = []string{time.RFC3339Nano, "2006-01-02T15:04:05.999999999", "2006-01-02"}

// parseTime reads an xsd:dateTime or xsd:date; zero if it cannot.
func parseTime(v any) time.Time {
	s := str(v)
	if s == "" {
		return time.Time{}
	}
	for _, layout := range timeLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t
		}
	}
	return time.Time{}
}

// firstTime returns the first of ts that is set.
func firstTime(ts ...time.Time) time.Time {
	for _, t := range ts {
		if !t.IsZero() {
			return t
		}
	}
	return time.Time{}
}

// types returns the type names of m. Only "type" counts: the EDC and VC
// contexts alias @type to it, and a document that spells "@type" is not a
// compacted EDC (the EDC software's own JSON-LD frame does).
func types(m map[string]any) []string { return strs(m["type"]) }

// hasType reports whether m declares one of want as its type.
func hasType(m map[string]any, want ...string) bool {
	for _, t := range types(m) {
		if slices.Contains(want, t) {
			return true
		}
	}
	return false
}
