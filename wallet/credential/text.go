package credential

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// Text is a value in one or more languages: each entry pairs a language
// tag (BCP 47, as the credential gives it, e.g. "en", "de-AT") with the
// text in that language, sorted by tag, one entry a tag. The empty tag
// holds a value given without a language.
//
// It is a sorted slice rather than a map because a wallet holds tens of
// thousands of them, nearly all with one language: an entry costs 32
// bytes where the smallest map costs over 300. In JSON it is an object
// from tag to text, as a map would be.
type Text []Lang

// Lang is the text of a Text in one language.
type Lang struct {
	Tag   string // a BCP 47 language tag; empty for none
	Value string
}

// TextOf returns the Text of tag and value pairs, e.g.
// TextOf("en", "Data protection", "de", "Datenschutz"); a later pair with
// the same tag replaces an earlier one. It panics if pairs has an odd
// length, like strings.NewReplacer.
func TextOf(pairs ...string) Text {
	if len(pairs)%2 != 0 {
		panic("credential.TextOf: odd number of arguments")
	}
	var t Text
	for i := 0; i < len(pairs); i += 2 {
		t.put(pairs[i], pairs[i+1])
	}
	return t
}

// Plain returns a Text holding s without a language, or nil if s is empty.
func Plain(s string) Text {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil
	}
	return Text{{Value: s}}
}

// IsZero reports whether t holds no text.
func (t Text) IsZero() bool {
	for _, l := range t {
		if l.Value != "" {
			return false
		}
	}
	return true
}

// Get returns the text with exactly the tag lang, or "".
func (t Text) Get(lang string) string {
	if i, ok := t.find(lang); ok {
		return t[i].Value
	}
	return ""
}

func (t Text) find(lang string) (int, bool) {
	return slices.BinarySearchFunc(t, lang, func(l Lang, tag string) int { return strings.Compare(l.Tag, tag) })
}

// put sets the text for tag as given, keeping t sorted.
func (t *Text) put(tag, s string) {
	i, ok := t.find(tag)
	if ok {
		(*t)[i].Value = s
		return
	}
	*t = slices.Insert(*t, i, Lang{Tag: tag, Value: s})
}

// Set adds text in lang (empty for none), ignoring empty text; the tag is
// kept in lower case.
func (t *Text) Set(lang, s string) {
	s = strings.TrimSpace(s)
	if s == "" {
		return
	}
	t.put(strings.ToLower(lang), s)
}

// In returns the text in the first of prefs that t has, matching a tag
// exactly or by its base language ("en-GB" finds "en", "en" finds "en-IE");
// failing that the text without a language, then English, then the first
// language in alphabetical order, so that the result is always the same.
func (t Text) In(prefs ...string) string {
	if len(t) == 0 {
		return ""
	}
	for _, p := range prefs {
		p = strings.ToLower(p)
		if v := t.Get(p); v != "" {
			return v
		}
		base, _, _ := strings.Cut(p, "-")
		if v := t.Get(base); v != "" {
			return v
		}
		for _, l := range t {
			if lb, _, _ := strings.Cut(l.Tag, "-"); l.Tag != "" && lb == base && l.Value != "" {
				return l.Value
			}
		}
	}
	for _, tag := range []string{"", "en"} {
		if v := t.Get(tag); v != "" {
			return v
		}
	}
	for _, l := range t {
		if l.Tag != "" && l.Value != "" {
			return l.Value
		}
	}
	return ""
}

// String returns the text in the default order of In.
func (t Text) String() string { return t.In() }

// Languages returns the language tags t has text in, sorted; the empty tag
// is left out.
func (t Text) Languages() []string {
	out := make([]string, 0, len(t))
	for _, l := range t {
		if l.Tag != "" && l.Value != "" {
			out = append(out, l.Tag)
		}
	}
	return out
}

// Values returns every text of t, in language order, for searching.
func (t Text) Values() []string {
	out := make([]string, 0, len(t))
	for _, l := range t {
		if l.Value != "" {
			out = append(out, l.Value)
		}
	}
	return out
}

// Map returns a new Text with f applied to the text in every language.
func (t Text) Map(f func(string) string) Text {
	if t == nil {
		return nil
	}
	out := make(Text, len(t))
	for i, l := range t {
		out[i] = Lang{Tag: l.Tag, Value: f(l.Value)}
	}
	return out
}

// MarshalJSON writes t as an object from tag to text, tags in order.
func (t Text) MarshalJSON() ([]byte, error) {
	if t == nil {
		return []byte("null"), nil
	}
	var b bytes.Buffer
	b.WriteByte('{')
	for i, l := range t {
		if i > 0 {
			b.WriteByte(',')
		}
		k, err := json.Marshal(l.Tag)
		if err != nil {
			return nil, err
		}
		v, err := json.Marshal(l.Value)
		if err != nil {
			return nil, err
		}
		b.Write(k)
		b.WriteByte(':')
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// UnmarshalJSON reads an object from tag to text; null is no text. Of two
// members with the same tag, the later wins, as with a map. The wallet
// decodes every credential when it opens, so this reads the object
// directly rather than through a map or a json.Decoder.
func (t *Text) UnmarshalJSON(data []byte) error {
	r := textReader{data: data}
	r.space()
	if r.literal("null") {
		*t = nil
		return nil
	}
	if !r.byte('{') {
		return fmt.Errorf("text: want an object of language tags, got %.20q", data)
	}
	out := make(Text, 0, 1)
	for first := true; ; first = false {
		r.space()
		if r.byte('}') {
			break
		}
		if !first && !r.byte(',') {
			return fmt.Errorf("text: want , or } at offset %d", r.at)
		}
		r.space()
		tag, err := r.str()
		if err != nil {
			return err
		}
		r.space()
		if !r.byte(':') {
			return fmt.Errorf("text: want : after %q", tag)
		}
		r.space()
		v := "" // null, as for a map
		if !r.literal("null") {
			if v, err = r.str(); err != nil {
				return fmt.Errorf("text %q: %w", tag, err)
			}
		}
		out.put(tag, v)
	}
	*t = slices.Clip(out)
	return nil
}

// textReader reads the JSON of a Text, which encoding/json has already
// checked is well formed.
type textReader struct {
	data []byte
	at   int
}

func (r *textReader) space() {
	for r.at < len(r.data) && strings.IndexByte(" \t\r\n", r.data[r.at]) >= 0 {
		r.at++
	}
}

func (r *textReader) byte(c byte) bool {
	if r.at < len(r.data) && r.data[r.at] == c {
		r.at++
		return true
	}
	return false
}

func (r *textReader) literal(s string) bool {
	if bytes.HasPrefix(r.data[r.at:], []byte(s)) {
		r.at += len(s)
		return true
	}
	return false
}

// str reads a JSON string; one with escapes goes through encoding/json.
func (r *textReader) str() (string, error) {
	if !r.byte('"') {
		return "", fmt.Errorf("text: want a string at offset %d", r.at)
	}
	start, escaped := r.at, false
	for r.at < len(r.data) {
		switch r.data[r.at] {
		case '\\':
			escaped = true
			r.at += 2
			continue
		case '"':
			raw := r.data[start:r.at]
			r.at++
			if !escaped && utf8.Valid(raw) {
				return string(raw), nil
			}
			var s string
			err := json.Unmarshal(r.data[start-1:r.at], &s)
			return s, err
		}
		r.at++
	}
	return "", fmt.Errorf("text: unterminated string")
}
