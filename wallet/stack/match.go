package stack

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/satchel-wallet/satchel/wallet/credential"
	"github.com/satchel-wallet/satchel/wallet/search"
)

// matcher is a requirement prepared for matching: a URI compared with
// identifiers, an ISCED-F code compared as a prefix, or words that must all
// start a word of the text (case and accents ignored).
type matcher struct {
	uri   string
	code  string
	words []string
}

func newMatcher(s string) matcher {
	s = strings.TrimSpace(s)
	switch {
	case strings.Contains(s, "://") || strings.HasPrefix(s, "urn:"):
		return matcher{uri: s}
	case s != "" && strings.Trim(s, "0123456789") == "":
		return matcher{code: s}
	}
	return matcher{words: words(s)}
}

// words splits s into folded words.
func words(s string) []string {
	return strings.FieldsFunc(search.Fold(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// foldedTitles returns, for each learning outcome of c, its title folded
// in every language it has: what overlaps compare and outcome
// requirements read, folded once.
func foldedTitles(c *credential.Credential) [][]string {
	out := make([][]string, len(c.LearningOutcomes))
	for k, o := range c.LearningOutcomes {
		ts := make([]string, 0, len(o.Title))
		for _, t := range o.Title {
			if f := search.Fold(t.Value); f != "" {
				ts = append(ts, f)
			}
		}
		out[k] = ts
	}
	return out
}

// matchText reports whether every word of m starts a word of texts.
func (m matcher) matchText(texts ...string) bool {
	folded := make([]string, len(texts))
	for i, t := range texts {
		folded[i] = search.Fold(t)
	}
	return m.matchFolded(folded)
}

// matchFolded reports whether every word of m starts a word of one of the
// folded texts.
func (m matcher) matchFolded(texts []string) bool {
	if len(m.words) == 0 {
		return false
	}
	for _, w := range m.words {
		found := false
		for _, t := range texts {
			if startsWord(t, w) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// startsWord reports whether w occurs in t at the start of a word: at the
// beginning, or after a character that is neither a letter nor a digit.
// It searches without splitting t, so matching allocates nothing.
func startsWord(t, w string) bool {
	for off := 0; ; {
		i := strings.Index(t[off:], w)
		if i < 0 {
			return false
		}
		i += off
		if i == 0 {
			return true
		}
		r, _ := utf8.DecodeLastRuneInString(t[:i])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return true
		}
		off = i + 1
	}
}

// outcomeTexts returns, for each learning outcome of c, its folded texts:
// the titles (from foldedTitles), descriptions and skill names in every
// language.
func outcomeTexts(c *credential.Credential, titles [][]string) [][]string {
	out := make([][]string, len(c.LearningOutcomes))
	for k, o := range c.LearningOutcomes {
		ts := titles[k]
		if len(o.Description) > 0 || len(o.Skills) > 0 {
			ts = slices.Clone(ts)
			for _, v := range o.Description {
				ts = append(ts, search.Fold(v.Value))
			}
			for _, s := range o.Skills {
				for _, v := range s.Label {
					ts = append(ts, search.Fold(v.Value))
				}
			}
		}
		out[k] = ts
	}
	return out
}

// coversOutcome reports whether one learning outcome of c matches m: by the
// outcome's or a linked skill's identifier, or by its words in any
// language (texts, from outcomeTexts; computed here when nil).
func (m matcher) coversOutcome(c *credential.Credential, texts [][]string) bool {
	if m.uri != "" {
		for _, o := range c.LearningOutcomes {
			if o.ID == m.uri {
				return true
			}
			for _, s := range o.Skills {
				if s.ID == m.uri {
					return true
				}
			}
		}
		return false
	}
	if len(m.words) == 0 {
		return false
	}
	if texts == nil {
		texts = outcomeTexts(c, foldedTitles(c))
	}
	for _, t := range texts {
		if m.matchFolded(t) {
			return true
		}
	}
	return false
}
