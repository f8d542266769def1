package stack

import (
	"strings"
	"unicode"

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
	return strings.FieldsFunc(search.Fold(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// matchText reports whether every word of m starts a word of texts.
func (m matcher) matchText(texts ...string) bool {
	var have []string
	for _, t := range texts {
		have = append(have, words(t)...)
	}
	return m.matchWords(have)
}

// matchWords reports whether every word of m starts one of have.
func (m matcher) matchWords(have []string) bool {
	if len(m.words) == 0 {
		return false
	}
	for _, w := range m.words {
		found := false
		for _, h := range have {
			if strings.HasPrefix(h, w) {
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

// outcomeWords returns, for each learning outcome of c, the folded words
// of its title, description and skill names in every language.
func outcomeWords(c *credential.Credential) [][]string {
	out := make([][]string, len(c.LearningOutcomes))
	for k, o := range c.LearningOutcomes {
		var ws []string
		for _, t := range []credential.Text{o.Title, o.Description} {
			for _, v := range t {
				ws = append(ws, words(v)...)
			}
		}
		for _, s := range o.Skills {
			for _, v := range s.Label {
				ws = append(ws, words(v)...)
			}
		}
		out[k] = ws
	}
	return out
}

// coversOutcome reports whether one learning outcome of c matches m: by the
// outcome's or a linked skill's identifier, or by its words in any
// language (ws, from outcomeWords; computed here when nil).
func (m matcher) coversOutcome(c *credential.Credential, ws [][]string) bool {
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
	if ws == nil {
		ws = outcomeWords(c)
	}
	for _, w := range ws {
		if m.matchWords(w) {
			return true
		}
	}
	return false
}
