package trust

import "errors"

// Sentinel errors. Callers compare with errors.Is; each comes wrapped with
// lowercase context naming the entry (its position and name) and the
// value at fault, so that the message can be shown as it is.
var (
	// ErrMalformed means the file is not a trust list: not UTF-8 JSON, a
	// member Satchel does not know, a value of the wrong type, or data
	// after the list.
	ErrMalformed = errors.New("malformed trust list")

	// ErrVersion means the file has no version, or one this Satchel does
	// not read (a newer Satchel wrote it).
	ErrVersion = errors.New("unsupported trust list version")

	// ErrTooLarge means the file, or an entry, breaks a limit of limits.go.
	ErrTooLarge = errors.New("trust list over limit")

	// ErrInvalidEntry means an entry lacks a required member or holds a
	// value that is not what its member says (a domain with a path, a
	// DID that is a URL, a date that is not a date).
	ErrInvalidEntry = errors.New("invalid trust list entry")

	// ErrDuplicate means two entries share a name or an identifier (a DID,
	// domain, organisation name or organisation identifier). Each belongs
	// to one entry, so that a match always names one source.
	ErrDuplicate = errors.New("duplicate in trust list")
)
