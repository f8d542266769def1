package sdjwt

import "errors"

// Sentinel errors. Callers compare with errors.Is; this package wraps them
// with short lowercase context. Errors of the issuer JWS and of key
// resolution come from package jose and package did, wrapped as they are
// (jose.ErrMalformed, jose.ErrSignature, did.ErrNeedsNetwork, ...).
var (
	// ErrMalformed means the input is not a well-formed SD-JWT: no "~",
	// an empty or undecodable Disclosure, a Disclosure that is not a JSON
	// array of two or three elements, a "_sd" that is not an array of
	// strings, or a Disclosure of the wrong kind for where its digest is.
	// Such input is rejected.
	ErrMalformed = errors.New("malformed SD-JWT")

	// ErrTooLarge means the input breaks a limit of [Limits]: size,
	// number of Disclosures, or JSON depth (counted through nested
	// Disclosures). It is rejected like [ErrMalformed].
	ErrTooLarge = errors.New("SD-JWT over limit")

	// ErrUnsupportedHash means "_sd_alg" names a hash other than sha-256,
	// sha-384 and sha-512.
	ErrUnsupportedHash = errors.New("unsupported _sd_alg")

	// ErrDuplicateDisclosure means the same Disclosure appears twice.
	ErrDuplicateDisclosure = errors.New("duplicate Disclosure")

	// ErrDuplicateDigest means a digest appears twice in the payload and
	// the Disclosures together (RFC 9901 §7.1 requires rejecting this).
	ErrDuplicateDigest = errors.New("duplicate digest")

	// ErrUnreferenced means a Disclosure's digest appears nowhere in the
	// payload or the other Disclosures: it was edited, or added by someone
	// other than the issuer. RFC 9901 §7.1 requires rejecting the SD-JWT.
	ErrUnreferenced = errors.New("Disclosure not referenced by any digest")

	// ErrClaimClash means a disclosed claim name is already present in
	// its object, or is "_sd" or "...".
	ErrClaimClash = errors.New("disclosed claim name clashes")

	// ErrKeyBinding means the Key Binding JWT is missing where one was
	// required, or fails a check: typ, signature by the cnf key, nonce,
	// aud, iat or sd_hash.
	ErrKeyBinding = errors.New("key binding does not verify")

	// ErrNoHolderKey means the SD-JWT has no cnf.jwk, so nothing can be
	// bound to a holder.
	ErrNoHolderKey = errors.New("no holder key (cnf.jwk) in the SD-JWT")

	// ErrHolderKeyMismatch means the signer offered for a presentation is
	// not the key the credential is bound to.
	ErrHolderKeyMismatch = errors.New("signer is not the credential's holder key")

	// ErrNotDisclosable means a presentation asked for a Disclosure the
	// SD-JWT does not have.
	ErrNotDisclosable = errors.New("no such Disclosure")
)
