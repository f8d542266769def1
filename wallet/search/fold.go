package search

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// folders pools the folding transformer: a transform.Chain keeps state and
// is not safe for concurrent use, and building one per call would cost more
// than folding a short string.
var folders = sync.Pool{New: func() any {
	return transform.Chain(
		norm.NFKD,                          // split letters from their accents, expand ligatures and width variants
		cases.Fold(),                       // full case folding: ß→ss, final ς→σ, Σ→σ
		norm.NFKD,                          // folding can yield a composed letter again
		runes.Remove(runes.In(unicode.Mn)), // drop the accents
	)
}}

// letters maps the letters that have no decomposition, and so keep their
// stroke or ligature after NFKD, to the plain letters a learner types on a
// keyboard without them. Only lower-case forms: it runs after case
// folding. (ß, ĳ, ſ and ŀ need no entry: case folding or NFKD handle them.)
// The middle dot is Catalan's l·l, removed so that "col·legi" is one word,
// as its writers read it.
var letters = strings.NewReplacer(
	"ł", "l", "ø", "o", "đ", "d", "ð", "d", "ħ", "h", "ı", "i", "ŧ", "t",
	"ƀ", "b", "ɨ", "i", "ƶ", "z", "ȥ", "z",
	"æ", "ae", "œ", "oe", "þ", "th",
	"·", "",
)

// Fold returns the normal form of s that search compares: compatibility
// decomposition (NFKD), Unicode full case folding, combining marks removed,
// and the letters without a decomposition (ł, ø, đ, æ, œ, þ, ...) spelled
// with plain letters. "Łódź", "LODZ" and "lodz" fold alike, as do
// "Straße" and "STRASSE", "Πληροφορική" and "πληροφορικη". Folding does
// not trim or collapse spaces.
func Fold(s string) string {
	if isASCII(s) {
		return asciiLower(s)
	}
	tab := foldTable()
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf:
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			b.WriteByte(byte(r))
		case r < tableRunes:
			b.WriteString(tab[r])
		default:
			return foldChain(s)
		}
	}
	return b.String()
}

// tableRunes bounds the runes Fold looks up in a table rather than running
// the x/text chain: below it lie the alphabetic scripts (Latin, Greek,
// Cyrillic, Armenian, Hebrew, Arabic, the Indic scripts, ...) that make up
// nearly all credential text. The table takes about 200 KB, built on first
// use in a few milliseconds, and makes folding several times faster. Text
// with a rune above it (CJK, Hangul, ligatures, full-width forms) goes
// through the chain whole.
const tableRunes = 0x3000

// foldTable holds the folded form of every rune below tableRunes, computed
// with the chain. Folding rune by rune gives what folding the whole string
// gives, except where NFKD would reorder several combining marks on one
// letter: the chain drops the nonspacing ones, so only the rare spacing
// marks it keeps (in some Indic scripts) can come out in another order.
var foldTable = sync.OnceValue(func() *[tableRunes]string {
	var t [tableRunes]string
	for r := range rune(tableRunes) {
		t[r] = foldChain(string(r))
	}
	return &t
})

// foldChain folds s with the x/text chain and the table of letters.
func foldChain(s string) string {
	t := folders.Get().(transform.Transformer)
	out, _, err := transform.String(t, s)
	folders.Put(t)
	if err != nil {
		// The chain only fails on invalid state, which a fresh String
		// call cannot reach; lower-casing keeps search working if it does.
		out = strings.ToLower(s)
	}
	if isASCII(out) {
		return out
	}
	return letters.Replace(out)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func asciiLower(s string) string {
	i := 0
	for i < len(s) && (s[i] < 'A' || s[i] > 'Z') {
		i++
	}
	if i == len(s) {
		return s
	}
	b := []byte(s)
	for ; i < len(b); i++ {
		if 'A' <= b[i] && b[i] <= 'Z' {
			b[i] += 'a' - 'A'
		}
	}
	return string(b)
}

// isWord reports whether r belongs to a word: a letter, a digit, or a mark
// that folding kept (the vowel signs of Indic scripts are spacing marks).
func isWord(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || '0' <= r && r <= '9' || 'A' <= r && r <= 'Z'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// appendTokens appends the words of the folded string f to dst: the maximal
// runs of letters, digits and marks. The tokens share f's memory.
func appendTokens(dst []string, f string) []string {
	start := -1
	for i, r := range f {
		if isWord(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			dst = append(dst, f[start:i])
			start = -1
		}
	}
	if start >= 0 {
		dst = append(dst, f[start:])
	}
	return dst
}

// Tokens returns the folded words of s, in order, as search indexes them.
func Tokens(s string) []string {
	return appendTokens(nil, Fold(s))
}
