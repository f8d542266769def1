package ldp

import (
	"errors"
	"strconv"
)

// Sentinel errors. Callers compare with errors.Is; a failed proof comes as
// a [*ProofError] wrapping one of them, with the proof's details. Errors from
// packages jsonld and rdfc stay in the chain too, so
// errors.Is(err, jsonld.ErrUnknownContext) and errors.As(err, *jsonld.ContextError)
// work on a verification error.
var (
	// ErrNoProof means the document has no proof.
	ErrNoProof = errors.New("no proof")

	// ErrMalformedProof means a proof lacks a required field, has one of the
	// wrong type, or its proofValue does not decode.
	ErrMalformedProof = errors.New("malformed proof")

	// ErrUnsupportedSuite means the proof type or cryptosuite is not one
	// Satchel verifies (for example ecdsa-sd-2023 or a JWS proof).
	ErrUnsupportedSuite = errors.New("unsupported proof type or cryptosuite")

	// ErrCanonicalization means the document or the proof options could not
	// be turned into the bytes the signature covers: a context that is not
	// bundled, a JSON-LD safe mode violation, a dataset too complex to
	// canonicalise. The chain holds the jsonld or rdfc error.
	ErrCanonicalization = errors.New("canonicalization failed")

	// ErrKeyNotResolved means no key could be found for the verification
	// method: an unknown DID method, a did:web that needs the network, a
	// malformed identifier.
	ErrKeyNotResolved = errors.New("verification method not resolvable")

	// ErrKeyMismatch means the resolved key cannot be used with the proof's
	// cryptosuite (for example a P-256 key for eddsa-rdfc-2022).
	ErrKeyMismatch = errors.New("key type does not match the cryptosuite")

	// ErrSignatureMismatch means the signature does not verify: the document
	// or the proof options were changed after signing, or another key signed.
	ErrSignatureMismatch = errors.New("signature does not match")

	// ErrPurposeMismatch means the proof's proofPurpose is not the one the
	// caller expects, or the key's controller has not authorised the key for
	// that purpose.
	ErrPurposeMismatch = errors.New("proof purpose mismatch")

	// ErrChallengeMismatch means an authentication proof's challenge is
	// missing or differs from the verifier's.
	ErrChallengeMismatch = errors.New("challenge mismatch")

	// ErrDomainMismatch means an authentication proof's domain is missing or
	// differs from the verifier's.
	ErrDomainMismatch = errors.New("domain mismatch")

	// ErrPreviousProof means a proof names a previousProof that the
	// document does not hold.
	ErrPreviousProof = errors.New("previous proof not found")

	// ErrInvalidKey means a verification method or key document is malformed.
	ErrInvalidKey = errors.New("invalid verification method")
)

// ProofError reports why one proof of a document failed.
type ProofError struct {
	// Index is the proof's position in the document's proof list.
	Index int
	// Type and Cryptosuite name the proof's kind, as far as they were read.
	Type, Cryptosuite string
	// VerificationMethod is the proof's verification method, if read.
	VerificationMethod string
	// Err is the cause; it wraps one of the sentinels.
	Err error
}

// Error names the proof and its cause.
func (e *ProofError) Error() string {
	s := "ldp: proof " + strconv.Itoa(e.Index)
	if e.Type != "" {
		s += " (" + e.Type
		if e.Cryptosuite != "" {
			s += "/" + e.Cryptosuite
		}
		s += ")"
	}
	return s + ": " + e.Err.Error()
}

// Unwrap returns the cause.
func (e *ProofError) Unwrap() error { return e.Err }
