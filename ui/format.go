package ui

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2/lang"

	"github.com/satchel-wallet/satchel/wallet/credential"
)

// months are the month names, translated when shown.
var months = [12]string{
	"January", "February", "March", "April", "May", "June",
	"July", "August", "September", "October", "November", "December",
}

// monthName returns the name of month m in the learner's language. The
// names are listed here so that the translation files carry them.
func monthName(m time.Month) string {
	switch m {
	case time.January:
		return lang.L("January")
	case time.February:
		return lang.L("February")
	case time.March:
		return lang.L("March")
	case time.April:
		return lang.L("April")
	case time.May:
		return lang.L("May")
	case time.June:
		return lang.L("June")
	case time.July:
		return lang.L("July")
	case time.August:
		return lang.L("August")
	case time.September:
		return lang.L("September")
	case time.October:
		return lang.L("October")
	case time.November:
		return lang.L("November")
	case time.December:
		return lang.L("December")
	}
	return months[0]
}

// day writes a date as "8 January 2024" in the learner's language, or ""
// for the zero time. Dates are shown as the credential states them (UTC),
// so that a credential issued on the 8th does not show the 7th west of
// Greenwich.
func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	t = t.UTC()
	return fmt.Sprintf("%d %s %d", t.Day(), monthName(t.Month()), t.Year())
}

// dayTime writes a moment in local time, for things that happened on this
// computer (an import, a presentation).
func dayTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	t = t.Local()
	return fmt.Sprintf("%d %s %d, %s", t.Day(), monthName(t.Month()), t.Year(), t.Format("15:04"))
}

// number writes a decimal number the way the learner's language does: a
// decimal comma in German, French and Spanish.
func number(f float64, language string) string {
	s := strconv.FormatFloat(f, 'f', -1, 64)
	switch base(language) {
	case "de", "fr", "es":
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

// ects writes a workload in ECTS credits, "" when the credential does not
// state it.
func ects(c *credential.Credential, language string) string {
	if c.ECTS == nil {
		return ""
	}
	return lang.L("{{.N}} ECTS", map[string]any{"N": number(*c.ECTS, language)})
}

// hours writes a workload in hours, "" when not stated.
func hours(c *credential.Credential, language string) string {
	if c.Hours == nil {
		return ""
	}
	return lang.N("{{.N}} hours", pluralCount(*c.Hours), map[string]any{"N": number(*c.Hours, language)})
}

// eqf writes an EQF level, "" when not stated.
func eqf(level int) string {
	if level == 0 {
		return ""
	}
	return lang.L("EQF level {{.N}}", map[string]any{"N": level})
}

// base returns the base language of a tag: "de" for "de-AT".
func base(tag string) string {
	b, _, _ := strings.Cut(tag, "-")
	b, _, _ = strings.Cut(b, "_")
	return strings.ToLower(b)
}

// in returns t in language, falling back as credential.Text.In does.
func in(t credential.Text, language string) string { return t.In(language, "en") }

// credTitle is the title of a credential, or a stand-in for one without.
func credTitle(c *credential.Credential, language string) string {
	if s := in(c.Title, language); s != "" {
		return s
	}
	return lang.L("Untitled credential")
}

// awardedBy names who awarded the credential: the awarding body, or the
// issuer when there is no other.
func awardedBy(c *credential.Credential, language string) string {
	if c.AwardingBody != nil && !c.AwardingBody.IsZero() {
		if s := in(c.AwardingBody.Name, language); s != "" {
			return s
		}
	}
	if s := in(c.Issuer.Name, language); s != "" {
		return s
	}
	return c.Issuer.ID
}

// joinNonEmpty joins the parts that are not empty with a middle dot.
func joinNonEmpty(parts ...string) string {
	out := parts[:0:0]
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, " · ")
}

// shortID shortens a credential id for display; MinIDPrefix characters
// would do, but twelve are easier to compare by eye.
func shortID(id string) string {
	if len(id) > 12 {
		return id[:12]
	}
	return id
}

// pluralCount is the count that picks the plural form for a decimal
// number: the number itself when whole, otherwise one that every
// language writes in its plural ("1.5 hours").
func pluralCount(x float64) int {
	if x == float64(int(x)) {
		return int(x)
	}
	return 2
}

// countOf says how many credentials there are.
func countOf(n int) string {
	return lang.N("{{.N}} credentials", n, map[string]any{"N": n})
}

// languageNames are the EU's official languages and a few more, each in
// itself, for the language switch of a credential.
var languageNames = map[string]string{
	"bg": "Български", "cs": "Čeština", "da": "Dansk", "de": "Deutsch", "el": "Ελληνικά",
	"en": "English", "es": "Español", "et": "Eesti", "fi": "Suomi", "fr": "Français",
	"ga": "Gaeilge", "hr": "Hrvatski", "hu": "Magyar", "it": "Italiano", "lt": "Lietuvių",
	"lv": "Latviešu", "mt": "Malti", "nl": "Nederlands", "pl": "Polski", "pt": "Português",
	"ro": "Română", "sk": "Slovenčina", "sl": "Slovenščina", "sv": "Svenska",
	"is": "Íslenska", "no": "Norsk", "nb": "Norsk bokmål", "tr": "Türkçe", "uk": "Українська",
	"ca": "Català", "eu": "Euskara", "gl": "Galego",
}

// languageName names a language tag in its own language, with the tag
// when it has a region ("Deutsch (de-AT)") or is not known.
func languageName(tag string) string {
	n, ok := languageNames[base(tag)]
	switch {
	case !ok:
		return tag
	case tag != base(tag):
		return n + " (" + tag + ")"
	}
	return n
}

// shorten cuts s to at most n characters, marking the cut, for labels
// that cannot wrap (tick boxes).
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
