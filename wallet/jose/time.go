package jose

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"time"
)

// maxNumericDate is the last second of year 9999: later times cannot be
// written as a VC dateTime, and larger numbers are not a date anyone meant.
const maxNumericDate = 253402300799

// numericDate reads a JWT NumericDate (RFC 7519 §2): seconds since the
// epoch, possibly with a fraction. A missing claim gives nil.
func numericDate(v any, name string) (*time.Time, error) {
	if v == nil {
		return nil, nil
	}
	n, ok := v.(json.Number)
	if !ok {
		return nil, fmt.Errorf("claim %q is not a number: %w", name, ErrMalformed)
	}
	f, err := strconv.ParseFloat(string(n), 64)
	if err != nil || math.IsNaN(f) || f < 0 || f > maxNumericDate {
		return nil, fmt.Errorf("claim %q = %s is not a date: %w", name, n, ErrMalformed)
	}
	sec, frac := math.Modf(f)
	t := time.Unix(int64(sec), int64(frac*1e9)).UTC()
	return &t, nil
}

// dateTime reads a VC date-time string (xsd:dateTime, as RFC 3339). One
// without a time zone is read as UTC, as VC 1.1 issuers sometimes write.
// A missing value gives nil.
func dateTime(v any, name string) (*time.Time, error) {
	if v == nil {
		return nil, nil
	}
	s, ok := v.(string)
	if !ok {
		return nil, fmt.Errorf("%s is not a string: %w", name, ErrMalformed)
	}
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05.999999999"} {
		if t, err := time.Parse(layout, s); err == nil {
			t = t.UTC()
			return &t, nil
		}
	}
	return nil, fmt.Errorf("%s %q is not a date-time: %w", name, s, ErrMalformed)
}

// formatDate writes a time as a VC date-time in UTC, to the second, the
// form VC-JWT decoders produce from nbf and exp.
func formatDate(t time.Time) string {
	return t.UTC().Format("2006-01-02T15:04:05Z")
}

// latest and earliest combine optional times.
func latest(ts ...*time.Time) *time.Time {
	var out *time.Time
	for _, t := range ts {
		if t != nil && (out == nil || t.After(*out)) {
			out = t
		}
	}
	return out
}

func earliest(ts ...*time.Time) *time.Time {
	var out *time.Time
	for _, t := range ts {
		if t != nil && (out == nil || t.Before(*out)) {
			out = t
		}
	}
	return out
}

// Validity is the period in which a credential or presentation is valid,
// combined from everything it says: JWT nbf and exp, and the credential's
// validFrom / validUntil (VC 2.0) or issuanceDate / expirationDate (VC
// 1.1). Where two say different things, the narrower period wins.
type Validity struct {
	// From is the start of the period; nil when nothing sets one.
	From *time.Time
	// Until is the end of the period; nil when the credential does not
	// expire.
	Until *time.Time
}

// Check returns nil if t falls in the period, allowing leeway either side
// for clocks that disagree, and otherwise an error wrapping [ErrExpired]
// or [ErrNotYetValid]. Verification does not call it: checking the time
// is the caller's decision.
func (v Validity) Check(t time.Time, leeway time.Duration) error {
	if v.Until != nil && t.After(v.Until.Add(leeway)) {
		return fmt.Errorf("valid until %s: %w", v.Until.Format(time.RFC3339), ErrExpired)
	}
	if v.From != nil && t.Before(v.From.Add(-leeway)) {
		return fmt.Errorf("valid from %s: %w", v.From.Format(time.RFC3339), ErrNotYetValid)
	}
	return nil
}
