package search

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/satchel-wallet/satchel/wallet/credential"
)

// Query selects, orders and pages credentials. Its zero value matches every
// credential, newest first. The conditions combine with AND; a list
// condition (EQF, Verdicts, Formats, Collections) matches any of its
// values, except Tags, which must all be present.
type Query struct {
	// Text is what the learner typed: words that must all match, and
	// phrases in double quotes. See the package documentation.
	Text string
	// Issuer matches the issuer or the awarding body: their exact id, or
	// otherwise words that each begin a word of one party's name (in any
	// language), folded. Only the first MaxWords words count.
	Issuer string
	// EQF lists the EQF levels to keep; 0 stands for "no level stated".
	EQF []int
	// ECTSMin and ECTSMax bound the ECTS credits, both inclusive. A
	// credential that does not state its credits never matches a bound.
	ECTSMin, ECTSMax *float64
	// From and To bound the date of issuing, as days: from the start of
	// From's day to the end of To's day, each in its own location. A zero
	// value leaves that side open; a credential without a date of issuing
	// never matches a bound.
	From, To time.Time
	// Verdicts lists the verification verdicts to keep.
	Verdicts []credential.Verdict
	// Formats lists the formats to keep.
	Formats []credential.Format
	// Collections lists collection ids; a credential in any of them matches.
	Collections []string
	// Tags lists tags the credential must all have, compared folded (so
	// "Études" finds "etudes"). Empty tags are ignored.
	Tags []string
	// Expired, when set, keeps only the expired credentials (true) or only
	// the others (false), as of Now; a zero Now means the time of the call.
	Expired *bool
	Now     time.Time
	// Sort orders the results; Reverse turns its natural direction round.
	// Credentials without the sort key come last either way, and equal
	// keys are ordered by credential ID.
	Sort    SortKey
	Reverse bool
	// Offset skips that many results; Limit, when positive, caps how many
	// are returned. Result.Total counts them all.
	Offset, Limit int
}

// Result is the answer to a Query.
type Result struct {
	// Credentials are the matching credentials, sorted, from Offset and at
	// most Limit of them. The index's credentials are shared, not copied:
	// do not modify them.
	Credentials []*credential.Credential
	// Total is the number of matching credentials, before Offset and Limit.
	Total int
	// Truncated reports that Query.Text went past MaxWords or MaxWordBytes
	// and was cut; the results are those of the shortened query.
	Truncated bool
}

// SortKey names an order of the results.
type SortKey int

// The sort keys. Each has a natural direction: dates newest first, names
// from A to Z (folded, in the index's language), credits largest first.
const (
	SortIssued SortKey = iota // date of issuing
	SortAdded                 // date added to the wallet
	SortTitle                 // title
	SortIssuer                // issuer's name
	SortECTS                  // ECTS credits
	numSortKeys
)

var sortNames = [numSortKeys]string{"issued", "added", "title", "issuer", "ects"}

// String returns the key's name, as ParseSort reads it.
func (k SortKey) String() string {
	if k < 0 || k >= numSortKeys {
		return fmt.Sprintf("SortKey(%d)", int(k))
	}
	return sortNames[k]
}

// ParseSort returns the SortKey named s: "issued", "added", "title",
// "issuer" or "ects", in any case. An empty s gives the default,
// SortIssued.
func ParseSort(s string) (SortKey, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "" {
		return SortIssued, nil
	}
	for k, n := range sortNames {
		if n == s {
			return SortKey(k), nil
		}
	}
	return 0, fmt.Errorf("sort by %q: %w", s, ErrUnknownSort)
}

// Limits on Query.Text. Each word costs a scan of the vocabulary and a
// union of posting lists, so the number of words bounds the work of a
// query whatever is pasted into the search box; 32 is more than any search
// a person types. Words are cut at 64 bytes (folded): the longest words of
// real titles (German compounds) are shorter, and a cut word still matches
// as the beginning of the long word it came from, so cutting only widens
// a search, never empties it.
const (
	MaxWords     = 32
	MaxWordBytes = 64
)

// minInfix is the shortest word, in letters, that also matches inside
// tokens ("informatik" in "wirtschaftsinformatik"). Shorter words match
// only the beginnings of tokens: "art" inside every "start" and "part"
// would be noise.
const minInfix = 4

// term is one condition of the query text: a single word, or a phrase of
// words that must follow each other within one value.
type term struct {
	words []word
}

// word is a folded query word and how it may match a token.
type word struct {
	text   string
	prefix bool // may match the beginning of a longer token
	infix  bool // may match anywhere inside a token
}

// parseText splits the query text into terms. Double-quoted parts ("data
// science", also with typographic quotes) are phrases. Outside quotes the
// text splits at white space, and a piece that folds to several tokens,
// like "e-learning" or a URI, is a phrase of them too. truncated reports
// that a limit cut the query.
func parseText(s string) (terms []term, truncated bool) {
	n := 0
	add := func(piece string) {
		toks := Tokens(piece)
		if len(toks) > MaxWords-n {
			toks = toks[:MaxWords-n]
			truncated = true
		}
		if len(toks) == 0 {
			return
		}
		n += len(toks)
		t := term{words: make([]word, 0, len(toks))}
		for i, tok := range toks {
			w := word{text: tok, prefix: i == len(toks)-1}
			if len(tok) > MaxWordBytes {
				w.text = cutRunes(tok, MaxWordBytes)
				w.prefix = true
				truncated = true
			}
			w.infix = len(toks) == 1 && utf8.RuneCountInString(w.text) >= minInfix
			t.words = append(t.words, w)
		}
		terms = append(terms, t)
	}
	for i, part := range splitQuotes(s) {
		if i%2 == 1 {
			add(part)
			continue
		}
		for _, piece := range strings.Fields(part) {
			add(piece)
		}
	}
	return terms, truncated
}

// isQuote reports whether r opens or closes a phrase.
func isQuote(r rune) bool {
	switch r {
	case '"', '“', '”', '„', '«', '»':
		return true
	}
	return false
}

// splitQuotes splits s at quotes: the odd parts were inside quotes. An
// unclosed quote runs to the end.
func splitQuotes(s string) []string {
	var parts []string
	last := 0
	for i, r := range s {
		if isQuote(r) {
			parts = append(parts, s[last:i])
			last = i + utf8.RuneLen(r)
		}
	}
	return append(parts, s[last:])
}

// cutRunes returns s cut to at most n bytes at a rune boundary.
func cutRunes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}
