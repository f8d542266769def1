package stack

import (
	"strconv"
	"strings"
	"time"

	"github.com/satchel-wallet/satchel/wallet/credential"
)

// FlagCode names what is wrong with, or worth a look at, a member.
type FlagCode string

// The flags a member can carry.
const (
	FlagExpired       FlagCode = "expired"
	FlagNotVerified   FlagCode = "not-verified"
	FlagBelowLevel    FlagCode = "below-level"
	FlagLevelUnknown  FlagCode = "level-unknown"
	FlagOutsideField  FlagCode = "outside-field"
	FlagOutsideWindow FlagCode = "outside-window"
	FlagNoECTS        FlagCode = "no-ects"
	FlagDuplicate     FlagCode = "duplicate"
	FlagOverlap       FlagCode = "overlap"
)

// Flag is one thing to know about a member.
type Flag struct {
	Code FlagCode          `json:"code"`
	Args map[string]string `json:"args,omitempty"`
	// With are the other members involved (duplicates, overlaps).
	With []string `json:"with,omitempty"`
	// First marks, in a group of duplicates, the earliest award: the one
	// whose credits count.
	First bool `json:"first,omitempty"`
}

// Message returns the flag in an English sentence.
func (f Flag) Message() string { return credential.Render("stack."+string(f.Code), f.Args) }

// judge holds a target prepared for matching.
type judge struct {
	target Target
	now    time.Time
	since  time.Time
	fields []matcher
	// fieldNames is the target's fields, quoted for flag sentences.
	fieldNames string
	outcomes   map[string]matcher
	// words caches outcomeTexts per credential: every outcome requirement
	// looks at every member's outcomes.
	words map[*credential.Credential][][]string
	// titles holds the members' folded outcome titles (see foldedTitles),
	// computed once for overlaps and requirements alike.
	titles map[*credential.Credential][][]string
}

func newJudge(t Target, now time.Time) *judge {
	j := &judge{
		target: t, now: now,
		outcomes: make(map[string]matcher, len(t.Outcomes)),
		words:    make(map[*credential.Credential][][]string),
		titles:   make(map[*credential.Credential][][]string),
	}
	if !t.Within.IsZero() {
		j.since = t.Within.Before(now)
	}
	for _, f := range t.Fields {
		j.fields = append(j.fields, newMatcher(f))
	}
	j.fieldNames = joinQuoted(t.Fields)
	for _, o := range t.Outcomes {
		j.outcomes[o] = newMatcher(o)
	}
	return j
}

// flags returns the flags c earns on its own, against the target.
func (j *judge) flags(c *credential.Credential) []Flag {
	var out []Flag
	add := func(code FlagCode, args map[string]string) { out = append(out, Flag{Code: code, Args: args}) }
	if c.Expired(j.now) {
		add(FlagExpired, map[string]string{"Date": c.ValidUntil.Format(time.DateOnly)})
	}
	if v := c.Verification.Verdict; v != credential.Verified {
		add(FlagNotVerified, map[string]string{"Verdict": string(v)})
	}
	if t := j.target; t.MinEQF > 0 {
		switch {
		case c.EQF == 0:
			add(FlagLevelUnknown, map[string]string{"Min": strconv.Itoa(t.MinEQF)})
		case c.EQF < t.MinEQF:
			add(FlagBelowLevel, map[string]string{"Level": strconv.Itoa(c.EQF), "Min": strconv.Itoa(t.MinEQF)})
		}
	}
	if len(j.fields) > 0 && !j.inField(c) {
		add(FlagOutsideField, map[string]string{"Fields": j.fieldNames})
	}
	if !j.since.IsZero() && (c.Issued.IsZero() || c.Issued.Before(j.since)) {
		args := map[string]string{"Period": j.target.Within.String(), "Since": j.since.Format(time.DateOnly)}
		if !c.Issued.IsZero() {
			args["Issued"] = c.Issued.Format(time.DateOnly)
		}
		add(FlagOutsideWindow, args)
	}
	if j.target.ECTS != nil && c.ECTS == nil {
		args := map[string]string{}
		if c.Hours != nil {
			args["Hours"] = num(*c.Hours)
		}
		add(FlagNoECTS, args)
	}
	return out
}

// inField reports whether one of c's fields of study is one of the
// target's.
func (j *judge) inField(c *credential.Credential) bool {
	for _, m := range j.fields {
		for _, f := range c.FieldOfStudy {
			if m.code != "" {
				if strings.HasPrefix(f.Code, m.code) || strings.HasPrefix(iscedCode(f.ID), m.code) {
					return true
				}
				continue
			}
			if m.matchText(f.Label.Values()...) {
				return true
			}
		}
	}
	return false
}

// iscedCode returns the code at the end of an ISCED-F concept URI.
func iscedCode(id string) string {
	if i := strings.LastIndex(id, "/isced-f/"); i >= 0 {
		return id[i+len("/isced-f/"):]
	}
	return ""
}

// coversOutcome reports whether one of c's learning outcomes is want.
func (j *judge) coversOutcome(c *credential.Credential, want string) bool {
	m, ok := j.outcomes[want]
	if !ok {
		m = newMatcher(want)
	}
	if m.uri != "" {
		return m.coversOutcome(c, nil)
	}
	ws, ok := j.words[c]
	if !ok {
		titles, ok := j.titles[c]
		if !ok {
			titles = foldedTitles(c)
		}
		ws = outcomeTexts(c, titles)
		j.words[c] = ws
	}
	return m.coversOutcome(c, ws)
}

// joinQuoted lists requirements for a sentence, each in double quotes.
func joinQuoted(vs []string) string {
	var b strings.Builder
	for i, v := range vs {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteByte('"')
		b.WriteString(v)
		b.WriteByte('"')
	}
	return b.String()
}
