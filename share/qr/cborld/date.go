package cborld

import (
	"fmt"
	"math"
	"strconv"
	"time"
)

// cborld writes xsd:dateTime and xsd:date values as seconds since the
// epoch and rebuilds them with JavaScript's Date.prototype.toISOString.
// This file reproduces that function: a value reads back only if the text
// is exactly what it prints.

// maxDateMillis is the range of a JavaScript Date, ±100,000,000 days from
// the epoch: outside it, toISOString throws.
const maxDateMillis = 8.64e15

// jsDateMillis applies JavaScript's TimeClip to a millisecond count: NaN
// and values out of range fail, others are truncated toward zero.
func jsDateMillis(ms float64) (int64, bool) {
	if math.IsNaN(ms) || math.Abs(ms) > maxDateMillis {
		return 0, false
	}
	return int64(ms), true // truncates toward zero, as ToIntegerOrInfinity
}

// isoString formats ms since the epoch as toISOString does:
// YYYY-MM-DDTHH:mm:ss.sssZ, with a signed six-digit year outside 0-9999.
func isoString(ms int64) string {
	t := time.UnixMilli(ms).UTC()
	y := t.Year()
	var year string
	switch {
	case y < 0:
		year = fmt.Sprintf("-%06d", -y)
	case y > 9999:
		year = fmt.Sprintf("+%06d", y)
	default:
		year = fmt.Sprintf("%04d", y)
	}
	return fmt.Sprintf("%s-%02d-%02dT%02d:%02d:%02d.%03dZ", year, int(t.Month()), t.Day(),
		t.Hour(), t.Minute(), t.Second(), t.Nanosecond()/1e6)
}

// decodeDateTime rebuilds an xsd:dateTime from seconds (a number: printed
// without milliseconds when they are zero) or from [seconds, milliseconds]
// (always printed with them).
func decodeDateTime(v any) (string, error) {
	if pair, ok := v.([]any); ok {
		sec, ok1 := jsNumber(pair[0])
		milli, ok2 := jsNumber(pair[1])
		if !ok1 || !ok2 {
			return "", fmt.Errorf("%w: a dateTime of [%T, %T], not two numbers", ErrMalformed, pair[0], pair[1])
		}
		ms, ok := jsDateMillis(sec*1000 + milli)
		if !ok {
			return "", fmt.Errorf("%w: a dateTime out of range", ErrMalformed)
		}
		return isoString(ms), nil
	}
	sec, _ := jsNumber(v)
	ms, ok := jsDateMillis(sec * 1000)
	if !ok {
		return "", fmt.Errorf("%w: a dateTime out of range", ErrMalformed)
	}
	s := isoString(ms)
	if len(s) > 5 && s[len(s)-5:] == ".000Z" {
		s = s[:len(s)-5] + "Z"
	}
	return s, nil
}

// decodeDate rebuilds an xsd:date from seconds: the date part of the
// dateTime.
func decodeDate(v any) (string, error) {
	sec, _ := jsNumber(v)
	ms, ok := jsDateMillis(sec * 1000)
	if !ok {
		return "", fmt.Errorf("%w: a date out of range", ErrMalformed)
	}
	s := isoString(ms)
	for i := range len(s) {
		if s[i] == 'T' {
			return s[:i], nil
		}
	}
	return s, nil
}

// parseISO reads the fields of toISOString's format, or its date part
// alone: a year of 4 digits or a sign and 6, then fixed-width fields.
// Whether the text is exactly what toISOString prints is checked by
// printing the result again.
func parseISO(s string, withTime bool) (time.Time, bool) {
	yearLen := 4
	if len(s) > 0 && (s[0] == '+' || s[0] == '-') {
		yearLen = 7
	}
	want := yearLen + len("-MM-DD")
	if withTime {
		want += len("THH:mm:ss.sssZ")
	}
	if len(s) != want {
		return time.Time{}, false
	}
	num := func(i, n int) (int, bool) {
		for _, c := range s[i : i+n] {
			if c < '0' || c > '9' {
				return 0, false
			}
		}
		v, err := strconv.Atoi(s[i : i+n])
		return v, err == nil
	}
	y, ok := num(yearLen-4, 4) // "+0" or "-0" then 4 digits, or 4 digits
	if yearLen == 7 {
		y, ok = num(1, 6)
	}
	if !ok {
		return time.Time{}, false
	}
	if s[0] == '-' {
		y = -y
	}
	p := yearLen
	mo, ok1 := num(p+1, 2)
	d, ok2 := num(p+4, 2)
	if !ok1 || !ok2 {
		return time.Time{}, false
	}
	if !withTime {
		return time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC), true
	}
	h, ok1 := num(p+7, 2)
	mi, ok2 := num(p+10, 2)
	sec, ok3 := num(p+13, 2)
	ms, ok4 := num(p+16, 3)
	if !ok1 || !ok2 || !ok3 || !ok4 {
		return time.Time{}, false
	}
	return time.Date(y, time.Month(mo), d, h, mi, sec, ms*1e6, time.UTC), true
}

// encodeDateTime returns the CBOR-LD form of an xsd:dateTime value: the
// seconds when the text is toISOString's without milliseconds, the pair
// [seconds, milliseconds] when it is toISOString's with them, and false
// otherwise (the value is then written as text).
func encodeDateTime(s string) (any, bool) {
	short := len(s) > 1 && s[len(s)-1] == 'Z' && !containsByte(s, '.')
	full := s
	if short {
		full = s[:len(s)-1] + ".000Z"
	}
	t, ok := parseISO(full, true)
	if !ok {
		return nil, false
	}
	ms := t.UnixMilli()
	if math.Abs(float64(ms)) > maxDateMillis || isoString(ms) != full {
		return nil, false
	}
	sec := floorDiv(ms, 1000)
	if short {
		return sec, true
	}
	return []any{sec, ms - sec*1000}, true
}

// encodeDate returns the seconds of an xsd:date value that toISOString's
// date part prints exactly, or false.
func encodeDate(s string) (any, bool) {
	t, ok := parseISO(s, false)
	if !ok {
		return nil, false
	}
	ms := t.UnixMilli()
	if math.Abs(float64(ms)) > maxDateMillis {
		return nil, false
	}
	if got, _ := decodeDate(ms / 1000); got != s {
		return nil, false
	}
	return ms / 1000, true
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && a < 0 {
		q--
	}
	return q
}

func containsByte(s string, c byte) bool {
	for i := range len(s) {
		if s[i] == c {
			return true
		}
	}
	return false
}
