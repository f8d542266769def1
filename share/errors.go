package share

import (
	"errors"
	"fmt"
)

// Sentinel errors of [Present]. Callers compare with errors.Is; this package
// wraps them with short lowercase context. Errors of the signing packages
// (jose, ldp, sdjwt) stay in the chain.
var (
	// ErrNoCredentials means a presentation was asked for with no
	// credential in it.
	ErrNoCredentials = errors.New("no credential chosen")

	// ErrIncompatible means a chosen credential cannot go into the chosen
	// presentation format (see [Compatible]); the error is an
	// [*IncompatibleError] saying which credential and what would work.
	ErrIncompatible = errors.New("credential cannot go in this presentation format")

	// ErrOptions means the options are unusable: an unknown format, a
	// missing challenge or domain where the format requires one, a
	// disclosure list for a format that cannot disclose selectively.
	ErrOptions = errors.New("unusable presentation options")

	// ErrHolderKey means the holder's key cannot sign this presentation:
	// a key type the format has no suite for, or (SD-JWT) not the key the
	// credential is bound to.
	ErrHolderKey = errors.New("holder key cannot sign this presentation")

	// ErrNotDisclosable means a claim named in [Options.Disclose] is not
	// one of the credential's selectively disclosable claims.
	ErrNotDisclosable = errors.New("no such disclosable claim")
)

// IncompatibleError says why one credential cannot go into a presentation
// format. It wraps [ErrIncompatible].
type IncompatibleError struct {
	// Credential is the wallet's id of the credential.
	Credential string
	// Kind names what the credential is, e.g. "VC 2.0 JSON-LD", "SD-JWT VC".
	Kind string
	// Format is the presentation format asked for.
	Format Format
	// Reason says why, and what to use instead.
	Reason string
}

// Error names the credential, the format and the reason.
func (e *IncompatibleError) Error() string {
	return fmt.Sprintf("credential %s (%s) cannot be presented as %s: %s", shortID(e.Credential), e.Kind, e.Format, e.Reason)
}

// shortID shortens a wallet id (hex SHA-256) for messages; twelve digits
// name a credential unambiguously in any real wallet.
func shortID(id string) string {
	if len(id) > 12 {
		return id[:12]
	}
	return id
}

// Unwrap returns [ErrIncompatible].
func (e *IncompatibleError) Unwrap() error { return ErrIncompatible }
