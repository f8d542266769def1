package credential

import (
	"slices"
	"strings"
)

// Text is a value in one or more languages: a language tag (BCP 47, as the
// credential gives it, e.g. "en", "de-AT") maps to the text in that
// language. The empty tag holds a value given without a language.
type Text map[string]string

// Plain returns a Text holding s without a language, or nil if s is empty.
func Plain(s string) Text {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil
	}
	return Text{"": s}
}

// IsZero reports whether t holds no text.
func (t Text) IsZero() bool {
	for _, v := range t {
		if v != "" {
			return false
		}
	}
	return true
}

// Set adds text in lang (empty for none), ignoring empty text.
func (t *Text) Set(lang, s string) {
	s = strings.TrimSpace(s)
	if s == "" {
		return
	}
	if *t == nil {
		*t = Text{}
	}
	(*t)[strings.ToLower(lang)] = s
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
		if v := t[p]; v != "" {
			return v
		}
		base, _, _ := strings.Cut(p, "-")
		if v := t[base]; v != "" {
			return v
		}
		for _, l := range t.Languages() {
			if lb, _, _ := strings.Cut(l, "-"); lb == base && t[l] != "" {
				return t[l]
			}
		}
	}
	for _, l := range []string{"", "en"} {
		if v := t[l]; v != "" {
			return v
		}
	}
	for _, l := range t.Languages() {
		if t[l] != "" {
			return t[l]
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
	for l, v := range t {
		if l != "" && v != "" {
			out = append(out, l)
		}
	}
	slices.Sort(out)
	return out
}

// Values returns every text of t, in language order, for searching.
func (t Text) Values() []string {
	out := make([]string, 0, len(t))
	if v := t[""]; v != "" {
		out = append(out, v)
	}
	for _, l := range t.Languages() {
		out = append(out, t[l])
	}
	return out
}
