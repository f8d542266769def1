package stack

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// ErrInvalid means a stack or its target breaks a rule; the wrapping error
// says which.
var ErrInvalid = errors.New("invalid stack")

// Stack is a learner-defined goal and the credentials gathered towards it.
type Stack struct {
	// ID is the wallet's record id for the stack.
	ID string `json:"id"`
	// Name is the learner's name for the goal, unique in the wallet.
	Name string `json:"name"`
	// Description is an optional note.
	Description string `json:"description,omitempty"`
	// Created is when the stack was made.
	Created time.Time `json:"created,omitzero"`
	// Target is what the learner aims for; the zero Target only gathers.
	Target Target `json:"target,omitzero"`
	// Members are the ids of the member credentials, in the order added.
	Members []string `json:"members,omitempty"`
}

// Target is what a stack aims for. Every part is optional.
type Target struct {
	// ECTS is the total of ECTS credits to reach.
	ECTS *float64 `json:"ects,omitempty"`
	// MinEQF is the lowest EQF level (1 to 8) a member may have.
	MinEQF int `json:"minEqf,omitempty"`
	// Fields are fields of study: ISCED-F codes ("06", "0613", matched as
	// prefixes) or words matched against the field's name.
	Fields []string `json:"fields,omitempty"`
	// Outcomes are learning outcomes the members must cover between them:
	// a skill URI, or words that must all appear in one outcome.
	Outcomes []string `json:"outcomes,omitempty"`
	// Credentials are ids of credentials that must be members.
	Credentials []string `json:"credentials,omitempty"`
	// Within is a time window: members must have been issued within this
	// period before the day progress is computed.
	Within Period `json:"within,omitzero"`
}

// IsZero reports whether t sets nothing.
func (t Target) IsZero() bool {
	return t.ECTS == nil && t.MinEQF == 0 && len(t.Fields) == 0 && len(t.Outcomes) == 0 &&
		len(t.Credentials) == 0 && t.Within.IsZero()
}

// Limits on what a learner can put in a stack. They keep records small and
// progress fast; no real goal comes near them.
const (
	MaxNameLength   = 200
	MaxMembers      = 5000
	MaxRequirements = 100
	maxTargetECTS   = 10000
)

// Validate checks the stack's name and target.
func (s *Stack) Validate() error {
	name := strings.TrimSpace(s.Name)
	if name == "" {
		return fmt.Errorf("a stack needs a name: %w", ErrInvalid)
	}
	if utf8.RuneCountInString(name) > MaxNameLength {
		return fmt.Errorf("stack name longer than %d characters: %w", MaxNameLength, ErrInvalid)
	}
	if len(s.Members) > MaxMembers {
		return fmt.Errorf("a stack holds at most %d credentials: %w", MaxMembers, ErrInvalid)
	}
	return s.Target.Validate()
}

// Validate checks that t asks for something possible.
func (t Target) Validate() error {
	if t.ECTS != nil && (*t.ECTS <= 0 || *t.ECTS > maxTargetECTS) {
		return fmt.Errorf("target of %g ECTS: give a number above 0 and at most %d: %w", *t.ECTS, maxTargetECTS, ErrInvalid)
	}
	if t.MinEQF < 0 || t.MinEQF > 8 {
		return fmt.Errorf("EQF level %d: levels go from 1 to 8: %w", t.MinEQF, ErrInvalid)
	}
	if n := len(t.Fields) + len(t.Outcomes) + len(t.Credentials); n > MaxRequirements {
		return fmt.Errorf("%d required fields, outcomes and credentials: at most %d: %w", n, MaxRequirements, ErrInvalid)
	}
	for _, list := range [][]string{t.Fields, t.Outcomes, t.Credentials} {
		for _, v := range list {
			if strings.TrimSpace(v) == "" || len(v) > 1000 {
				return fmt.Errorf("requirement %q: empty or too long: %w", v, ErrInvalid)
			}
		}
	}
	return nil
}

// Period is a calendar period: years, months and days, so that "5y" means
// five calendar years whatever the leap days.
type Period struct {
	Years, Months, Days int
}

// IsZero reports whether p is empty.
func (p Period) IsZero() bool { return p == Period{} }

// Before returns the start of the period that ends at t.
func (p Period) Before(t time.Time) time.Time { return t.AddDate(-p.Years, -p.Months, -p.Days) }

// String returns p as ParsePeriod reads it, e.g. "1y6mo".
func (p Period) String() string {
	if p.IsZero() {
		return ""
	}
	var b strings.Builder
	for _, part := range []struct {
		n    int
		unit string
	}{{p.Years, "y"}, {p.Months, "mo"}, {p.Days, "d"}} {
		if part.n != 0 {
			b.WriteString(strconv.Itoa(part.n) + part.unit)
		}
	}
	return b.String()
}

// ParsePeriod reads a period such as "5y", "18mo", "2w", "90d", "1y6mo", or
// the ISO 8601 form "P5Y6M".
func ParsePeriod(s string) (Period, error) {
	orig := s
	s = strings.ToLower(strings.Join(strings.Fields(s), ""))
	iso := strings.HasPrefix(s, "p")
	if iso {
		s = s[1:]
	}
	var p Period
	if s == "" {
		return p, fmt.Errorf("period %q: give a number and a unit, e.g. 5y, 18mo, 90d: %w", orig, ErrInvalid)
	}
	for s != "" {
		i := 0
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		if i == 0 || i > 4 {
			return Period{}, fmt.Errorf("period %q: give a number and a unit, e.g. 5y, 18mo, 90d: %w", orig, ErrInvalid)
		}
		n, _ := strconv.Atoi(s[:i])
		s = s[i:]
		unit := strings.TrimLeft(s, "abcdefghijklmnopqrstuvwxyz")
		unit = s[:len(s)-len(unit)]
		s = s[len(unit):]
		switch {
		case unit == "y" || unit == "year" || unit == "years":
			p.Years += n
		case unit == "mo" || unit == "month" || unit == "months" || (iso && unit == "m"):
			p.Months += n
		case unit == "w" || unit == "week" || unit == "weeks":
			p.Days += 7 * n
		case unit == "d" || unit == "day" || unit == "days":
			p.Days += n
		default:
			return Period{}, fmt.Errorf("period %q: unknown unit %q (use y, mo, w or d): %w", orig, unit, ErrInvalid)
		}
	}
	if p.Years > 200 || p.Months > 2400 || p.Days > 73000 {
		return Period{}, fmt.Errorf("period %q is longer than any career: %w", orig, ErrInvalid)
	}
	return p, nil
}

// MarshalText writes p as String does.
func (p Period) MarshalText() ([]byte, error) { return []byte(p.String()), nil }

// UnmarshalText reads p as ParsePeriod does; empty text is the zero period.
func (p *Period) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*p = Period{}
		return nil
	}
	v, err := ParsePeriod(string(b))
	if err != nil {
		return err
	}
	*p = v
	return nil
}
