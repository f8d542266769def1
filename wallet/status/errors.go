package status

import "errors"

// Sentinel errors. Callers compare with errors.Is; each comes wrapped with
// short lowercase context saying which list and what went wrong. A
// [Result] whose list could not be confirmed wraps [ErrUnverified] around
// the cause (an ldp or jose error).
var (
	// ErrMalformed means a status entry, a status list credential or a
	// Status List Token is damaged: it does not parse, lacks a required
	// member, is of the wrong type or purpose, or its list does not decode
	// (bad base64url, a truncated or corrupt gzip or zlib stream).
	ErrMalformed = errors.New("malformed status list")

	// ErrTooLarge means a list breaks one of the limits in limits.go: the
	// document, the compressed or the decompressed list is too large.
	ErrTooLarge = errors.New("status list over limit")

	// ErrIndex means the credential's index is negative, missing, or past
	// the end of the list.
	ErrIndex = errors.New("status list index out of range")

	// ErrUnsupported means the credential uses a status mechanism Satchel
	// does not check (an unknown entry type, a W3C list secured as a JWT,
	// a statusSize over 1, a purpose other than revocation and suspension).
	ErrUnsupported = errors.New("unsupported status mechanism")

	// ErrUnverified means the list could not be confirmed as the issuer's:
	// its proof or signature is missing or does not verify, its key could
	// not be found, or it was issued by someone other than the
	// credential's issuer. What such a list says is reported, never relied
	// on.
	ErrUnverified = errors.New("status list not verified")

	// ErrListValidity means the status list credential or token is expired
	// or not yet valid at the time checked.
	ErrListValidity = errors.New("status list outside its validity period")

	// ErrFetch means the list could not be fetched: a network error, an
	// HTTP status other than 200, a refused address or redirect.
	ErrFetch = errors.New("status list not available")
)

// Causes of ErrUnverified that the learner's message names; they are
// wrapped together with it.
var (
	errIssuerMismatch = errors.New("list issuer is not the credential's issuer")
	errOtherList      = errors.New("token is the list of another address")
	errNoTokenKey     = errors.New("no key resolver for Status List Tokens")
	errTokenKey       = errors.New("token key not found")
	errSignerMismatch = errors.New("list signed by someone other than its issuer")
	// errBadEntry marks a problem of the credential's entry rather than
	// of the list (beside ErrMalformed or ErrIndex).
	errBadEntry = errors.New("status entry damaged")
)
