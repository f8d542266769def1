package stack

import (
	"slices"
	"strconv"
	"time"

	"github.com/satchel-wallet/satchel/wallet/credential"
)

// Progress is how far a stack has come towards its target.
type Progress struct {
	// Stack is the stack judged.
	Stack Stack `json:"stack"`
	// Members are the member credentials found in the wallet, in the
	// stack's order, each with its flags.
	Members []Member `json:"members"`
	// Missing are member ids with no credential in the wallet.
	Missing []string `json:"missing,omitempty"`
	// ECTS is the sum of ECTS credits over every member that states them.
	ECTS float64 `json:"ects"`
	// Hours is the sum of hours over members that state hours but no
	// ECTS; it is shown apart because hours are not credits.
	Hours float64 `json:"hours"`
	// CountedECTS is the part of ECTS that counts towards the target: the
	// credits of qualifying members, each achievement once.
	CountedECTS float64 `json:"countedEcts"`
	// RemainingECTS is how many credits are still missing; nil without an
	// ECTS target.
	RemainingECTS *float64 `json:"remainingEcts,omitempty"`
	// Requirements are the parts of the target, each met or not.
	Requirements []Requirement `json:"requirements"`
	// Complete is true when the stack has a target and meets every part.
	Complete bool `json:"complete"`
	// At is the time progress was computed for.
	At time.Time `json:"at"`
}

// Member is one member credential with what is wrong with it.
type Member struct {
	// ID is the credential's id.
	ID string `json:"id"`
	// Credential is the member's normalised view.
	Credential *credential.Credential `json:"-"`
	// Counted is true when its ECTS count towards the target.
	Counted bool `json:"counted"`
	// Flags say what keeps it from counting or what to look at.
	Flags []Flag `json:"flags,omitempty"`
}

// Flagged reports whether m has a flag with code.
func (m *Member) Flagged(code FlagCode) bool {
	for _, f := range m.Flags {
		if f.Code == code {
			return true
		}
	}
	return false
}

// Requirement is one part of a target.
type Requirement struct {
	// Kind is the part of the target: "ects", "eqf", "field", "outcome",
	// "credential" or "window".
	Kind string `json:"kind"`
	// Met is whether the members meet it.
	Met bool `json:"met"`
	// Code and Args give the sentence that explains it (see Message).
	Code string            `json:"code"`
	Args map[string]string `json:"args,omitempty"`
	// By are the members that meet it (for outcomes and credentials) or
	// that break it (for levels, fields and the window).
	By []string `json:"by,omitempty"`
}

// Message returns the requirement in an English sentence.
func (r Requirement) Message() string { return credential.Render(r.Code, r.Args) }

// Compute judges members against s's target at now. members holds the
// credentials the wallet has for s.Members (in any order; those missing are
// reported in Progress.Missing).
func Compute(s Stack, members []*credential.Credential, now time.Time) Progress {
	p := Progress{Stack: s, At: now}
	byID := make(map[string]*credential.Credential, len(members))
	for _, c := range members {
		byID[c.ID] = c
	}
	seen := make(map[string]bool, len(s.Members))
	for _, id := range s.Members {
		if seen[id] {
			continue
		}
		seen[id] = true
		c := byID[id]
		if c == nil {
			p.Missing = append(p.Missing, id)
			continue
		}
		p.Members = append(p.Members, Member{ID: id, Credential: c})
	}
	t := s.Target
	j := newJudge(t, now)
	for i := range p.Members {
		m := &p.Members[i]
		m.Flags = j.flags(m.Credential)
		switch c := m.Credential; {
		case c.ECTS != nil:
			p.ECTS += *c.ECTS
		case c.Hours != nil:
			p.Hours += *c.Hours
		}
	}
	titles := make([][][]string, len(p.Members))
	for i := range p.Members {
		titles[i] = foldedTitles(p.Members[i].Credential)
		j.titles[p.Members[i].Credential] = titles[i]
	}
	flagOverlaps(p.Members, flagDuplicates(p.Members), titles)
	for i := range p.Members {
		m := &p.Members[i]
		m.Counted = m.Credential.ECTS != nil && qualifies(m)
		if m.Counted {
			p.CountedECTS += *m.Credential.ECTS
		}
	}
	p.Requirements = j.requirements(&p)
	p.Complete = !t.IsZero()
	for _, r := range p.Requirements {
		p.Complete = p.Complete && r.Met
	}
	return p
}

// qualifies reports whether a member's credits count: no flag that rules it
// out (overlap and missing ECTS only inform), and not a later copy of a
// duplicated achievement.
func qualifies(m *Member) bool {
	for _, f := range m.Flags {
		switch f.Code {
		case FlagOverlap, FlagNoECTS:
		case FlagDuplicate:
			if !f.First {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// requirements lists each part of the target and whether p meets it.
func (j *judge) requirements(p *Progress) []Requirement {
	t := j.target
	var out []Requirement
	if t.ECTS != nil {
		left := max(0, *t.ECTS-p.CountedECTS)
		p.RemainingECTS = &left
		out = append(out, Requirement{
			Kind: "ects", Met: p.CountedECTS >= *t.ECTS, Code: "stack.req-ects",
			Args: map[string]string{"Have": num(p.CountedECTS), "Need": num(*t.ECTS), "Left": num(left)},
		})
	}
	breaking := func(kind, code string, flag FlagCode, args map[string]string) {
		r := Requirement{Kind: kind, Code: code, Args: args}
		for _, m := range p.Members {
			if m.Flagged(flag) || (flag == FlagBelowLevel && m.Flagged(FlagLevelUnknown)) {
				r.By = append(r.By, m.ID)
			}
		}
		r.Met = len(p.Members) > 0 && len(r.By) == 0
		out = append(out, r)
	}
	if t.MinEQF > 0 {
		breaking("eqf", "stack.req-eqf", FlagBelowLevel, map[string]string{"Level": strconv.Itoa(t.MinEQF)})
	}
	if len(t.Fields) > 0 {
		breaking("field", "stack.req-field", FlagOutsideField, map[string]string{"Fields": joinQuoted(t.Fields)})
	}
	if !t.Within.IsZero() {
		breaking("window", "stack.req-window", FlagOutsideWindow, map[string]string{
			"Period": t.Within.String(), "Since": t.Within.Before(j.now).Format(time.DateOnly),
		})
	}
	for _, want := range t.Outcomes {
		r := Requirement{Kind: "outcome", Code: "stack.req-outcome", Args: map[string]string{"Outcome": want}}
		for _, m := range p.Members {
			if j.coversOutcome(m.Credential, want) {
				r.By = append(r.By, m.ID)
			}
		}
		r.Met = len(r.By) > 0
		out = append(out, r)
	}
	for _, want := range t.Credentials {
		r := Requirement{Kind: "credential", Code: "stack.req-credential", Args: map[string]string{"ID": want}}
		if i := slices.IndexFunc(p.Members, func(m Member) bool { return m.ID == want }); i >= 0 {
			r.By = []string{want}
			r.Met = true
			r.Args["Title"] = p.Members[i].Credential.Title.String()
		}
		out = append(out, r)
	}
	return out
}

// num prints a credit total without needless decimals.
func num(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }
