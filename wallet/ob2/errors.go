package ob2

import (
	"errors"
	"fmt"
)

// Sentinel errors. [Read] returns an error only when the input is not an
// Open Badges assertion or baked image, or cannot be read; a broken or
// uncheckable signature is a check in the reading. Callers compare with
// errors.Is.
var (
	// ErrNotOB2 means the input is neither a PNG or SVG image nor the JSON
	// or JWS of an Open Badges assertion: some other file, or a credential
	// of another format (an Open Badges 3.0 credential is a W3C Verifiable
	// Credential, read by another reader).
	ErrNotOB2 = errors.New("not an Open Badges 2.0 assertion")

	// ErrNotBaked means the input is a PNG or SVG image that carries no
	// Open Badges data: an image that was never baked.
	ErrNotBaked = errors.New("the image carries no badge")

	// ErrNotAssertion means the input is an Open Badges document of
	// another kind: a BadgeClass, an issuer Profile, a CryptographicKey, a
	// RevocationList. The learner's badge is the assertion that points to
	// them.
	ErrNotAssertion = errors.New("an Open Badges document that is not an assertion")

	// ErrMalformed means the input looks like a baked image or an assertion
	// but is damaged: a truncated or corrupt PNG, an SVG that is not
	// well-formed XML, badge data that is not valid JSON or JWS, required
	// fields of the wrong type.
	ErrMalformed = errors.New("malformed badge data")

	// ErrTooLarge means the input breaks a limit of [Options] or of this
	// package: its size, an image's dimensions, a compressed chunk that
	// expands too far, JSON nested too deep, too many PNG chunks or XML
	// tokens.
	ErrTooLarge = errors.New("badge data over limit")

	// ErrDTD means an SVG declares a document type with an internal
	// subset, where entities are declared. encoding/xml would not expand
	// them; Satchel refuses them outright.
	ErrDTD = errors.New("XML entity declarations are not accepted")

	// ErrRemote means the input holds only the web address of its
	// assertion (an older baked badge, or a hosted assertion baked by URL):
	// reading it needs the network. The error is a [*RemoteError] holding
	// the address.
	ErrRemote = errors.New("the badge only points to its assertion on the web")
)

// RemoteError is returned when a badge holds only the address of its
// assertion. It wraps [ErrRemote]; URL is the address, for a caller that
// may fetch it with the learner's permission.
type RemoteError struct {
	URL string
}

// Error says where the assertion is.
func (e *RemoteError) Error() string {
	return fmt.Sprintf("the badge only points to its assertion at %s", e.URL)
}

// Unwrap returns [ErrRemote].
func (e *RemoteError) Unwrap() error { return ErrRemote }
