package qr

import (
	"errors"
	"fmt"
	"strings"
)

// The sentinel errors of the package. Decoding errors wrap one of them with
// the detail (which part, which limit), so callers tell the cases apart with
// errors.Is and show the wrapped text as the technical detail.
var (
	// ErrPrefix means the text is not a Satchel QR payload: it does not
	// start with "SAT", and no '#' is followed by "SAT".
	ErrPrefix = errors.New("not a Satchel QR payload")
	// ErrVersion means the payload is Satchel's, but of a format or
	// dictionary version this build does not know; a newer Satchel reads it.
	ErrVersion = errors.New("unsupported payload version")
	// ErrMalformed means the header or the data of a part does not parse:
	// a bad part number, a character outside the encoding, a broken
	// compressed stream.
	ErrMalformed = errors.New("malformed payload")
	// ErrChecksum means the parts decoded but the result is not what was
	// encoded: a part was damaged or forged.
	ErrChecksum = errors.New("payload checksum mismatch")
	// ErrMissingParts means some parts of a set have not been read yet;
	// the error is a *MissingPartsError that says which.
	ErrMissingParts = errors.New("missing parts")
	// ErrMixedSets means a part belongs to another set than the parts read
	// before it (another presentation, or another encoding of the same).
	ErrMixedSets = errors.New("parts of different sets")
	// ErrConflict means two parts claim the same number of the same set
	// but carry different data.
	ErrConflict = errors.New("duplicate parts disagree")
	// ErrTooLarge means a limit was hit: decompressed size, compression
	// ratio, number of parts, text length, or (when encoding) the
	// presentation needs more symbols than allowed.
	ErrTooLarge = errors.New("payload exceeds a limit")
	// ErrImage means an image could not be read or holds no QR symbol that
	// decodes.
	ErrImage = errors.New("no readable QR code")
	// ErrOption means an Options value is out of range.
	ErrOption = errors.New("invalid QR option")
)

// MissingPartsError reports the parts of a set that are still missing. It
// wraps ErrMissingParts.
type MissingPartsError struct {
	Have, Total int
	Missing     []int // part numbers, 1-based, ascending
}

func (e *MissingPartsError) Error() string {
	if e.Total == 0 {
		return "missing parts: none read yet"
	}
	nums := make([]string, len(e.Missing))
	for i, n := range e.Missing {
		nums[i] = fmt.Sprint(n)
	}
	return fmt.Sprintf("missing parts: have %d of %d (missing %s)", e.Have, e.Total, strings.Join(nums, ", "))
}

// Unwrap returns ErrMissingParts.
func (e *MissingPartsError) Unwrap() error { return ErrMissingParts }
