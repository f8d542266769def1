package elm

import "errors"

// Sentinel errors. [Read] returns an error only when the input is not a
// European Digital Credential at all or cannot be used; the caller rejects
// such input. Everything else, a broken seal included, is a check in the
// reading. Errors are wrapped with lower-case context; compare with
// errors.Is.
var (
	// ErrNotEDC means the input is not a European Digital Credential: not
	// JSON, JSON of another kind (an Open Badge, a plain VC), a JAdES seal
	// whose payload is not an EDC, or a detached seal that does not carry
	// the credential it seals.
	ErrNotEDC = errors.New("not a European Digital Credential")

	// ErrMalformed means the input looks like an EDC but cannot be read:
	// broken JSON, a sealed payload that is not JSON, a seal envelope
	// without signatures. A JSON syntax problem also wraps the
	// wallet/jsonld sentinel that names it (jsonld.ErrTooDeep, ...).
	ErrMalformed = errors.New("malformed European Digital Credential")

	// ErrTooLarge means the input is longer than [Options.MaxBytes].
	ErrTooLarge = errors.New("too large for a European Digital Credential")

	// ErrLimit means the input breaks one of the limits on seals: too many
	// signatures, too many certificates in a chain, a certificate that is
	// too large (see limits.go). No honest EDC comes near them.
	ErrLimit = errors.New("over a limit on European Digital Credentials")
)
