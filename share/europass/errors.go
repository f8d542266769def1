package europass

import "errors"

// The errors the exports return, wrapped with what was being exported.
var (
	// ErrNotEDC means an original export was asked of a credential that
	// did not arrive as a European Digital Credential; use ELM to convert
	// it instead.
	ErrNotEDC = errors.New("not a European Digital Credential")
	// ErrMismatch means the original bytes given are not those of the
	// credential: they read as another credential, or not at all.
	ErrMismatch = errors.New("the original is not this credential")
	// ErrNoOriginal means an export needs the credential's original bytes
	// and none were given: an SD-JWT VC is exported with only the claims
	// the learner discloses, which only its original holds apart.
	ErrNoOriginal = errors.New("the original credential is needed")
	// ErrNotDisclosable means a claim named to disclose is not one the
	// SD-JWT VC can disclose.
	ErrNotDisclosable = errors.New("no such disclosable claim")
	// ErrRejected means the credential was rejected on import (it is not
	// a credential, or broke a limit), so there is nothing to export.
	ErrRejected = errors.New("a rejected input cannot be exported")
	// ErrNoCredentials means a CV or PDF was asked for with no credential.
	ErrNoCredentials = errors.New("no credentials selected")
)
