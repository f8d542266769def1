package elm

import (
	"errors"
	"math"
	"strconv"
	"strings"
)

// errCalendar means a duration uses years, months, weeks or days, which
// do not say how many hours of learning they hold.
var errCalendar = errors.New("duration in calendar units")

// maxDurationHours bounds a workload: a hundred years of learning, far
// beyond any credential, and small enough that the sum cannot lose
// precision.
const maxDurationHours = 100 * 366 * 24

// durationHours reads an ISO 8601 duration (the xsd:duration of ELM's
// volumeOfLearning and workload: PnYnMnWnDTnHnMnS) as a number of hours.
//
// Only the time part converts: hours, minutes and seconds (PT60H, PT90M,
// PT1H30M). Years, months, weeks and days do not, unless zero: a volume of
// learning is a number of hours of study, and a month or a day of learning
// is not a fixed number of them (xsd:duration would count a day as 24
// hours, which makes a school diploma's P60D 1440 hours). Worse, EDC
// issuers have been seen writing "P60M", sixty months in ISO 8601, for
// sixty minutes. Such durations return errCalendar, and the credential's
// hours are then left unstated rather than guessed. A fraction is allowed
// on any component, with "." or ",", as ISO 8601 allows it on the last.
func durationHours(s string) (float64, error) {
	s = strings.TrimSpace(s)
	if len(s) < 3 || (s[0] != 'P' && s[0] != 'p') || len(s) > 64 {
		return 0, errors.New("not an ISO 8601 duration")
	}
	rest := strings.ToUpper(s[1:])
	inTime := false
	hours := 0.0
	seen := ""
	for rest != "" {
		if rest[0] == 'T' {
			if inTime || len(rest) == 1 {
				return 0, errors.New("misplaced T in duration")
			}
			inTime = true
			rest = rest[1:]
			continue
		}
		i := 0
		for i < len(rest) && (rest[i] >= '0' && rest[i] <= '9' || rest[i] == '.' || rest[i] == ',') {
			i++
		}
		if i == 0 || i == len(rest) {
			return 0, errors.New("malformed duration component")
		}
		n, err := strconv.ParseFloat(strings.ReplaceAll(rest[:i], ",", "."), 64)
		if err != nil || n < 0 || math.IsInf(n, 0) || math.IsNaN(n) {
			return 0, errors.New("malformed duration number")
		}
		unit := rest[i]
		key := string(unit)
		if inTime {
			key = "T" + key
		}
		if strings.Contains(seen, "|"+key+"|") {
			return 0, errors.New("duration component repeated")
		}
		seen += "|" + key + "|"
		switch key {
		case "Y", "M", "W", "D":
			if n != 0 {
				return 0, errCalendar
			}
		case "TH":
			hours += n
		case "TM":
			hours += n / 60
		case "TS":
			hours += n / 3600
		default:
			return 0, errors.New("unknown duration unit")
		}
		rest = rest[i+1:]
	}
	if seen == "" {
		return 0, errors.New("empty duration")
	}
	if hours > maxDurationHours {
		return 0, errors.New("duration out of range")
	}
	return hours, nil
}
