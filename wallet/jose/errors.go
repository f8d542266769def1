package jose

import "errors"

// Sentinel errors. Callers compare with errors.Is; this package wraps them
// with short lowercase context that says what went wrong. Errors from DID
// resolution (did.ErrNeedsNetwork, did.ErrUnsupportedMethod, ...) come
// wrapped as they are, so that a caller can tell "needs the network" from
// "forged".
var (
	// ErrMalformed means the input is not a well-formed compact JWS, VC-JWT
	// or VP-JWT: wrong number of segments, characters outside base64url,
	// header or payload that is not a UTF-8 JSON object, a missing "alg",
	// a critical header parameter Satchel does not understand, or claims of
	// the wrong type. Such input is rejected, not merely unverified.
	ErrMalformed = errors.New("malformed JOSE input")

	// ErrTooLarge means the input breaks a limit of [Limits]: its size or
	// the nesting depth of its JSON. It is rejected like [ErrMalformed].
	ErrTooLarge = errors.New("input over limit")

	// ErrAlgorithm means the header's "alg" is not allowed for the key:
	// "none", an algorithm of another key type (EdDSA with an EC key,
	// HS256 with anything, ...), or one the key's JWK rules out.
	ErrAlgorithm = errors.New("algorithm not allowed for the key")

	// ErrWeakKey means the key is of an allowed type but too weak to trust
	// (RSA below 2048 bits).
	ErrWeakKey = errors.New("key too weak")

	// ErrSignature means the signature does not verify with the key: the
	// token was changed after signing, or signed by another key.
	ErrSignature = errors.New("signature does not verify")

	// ErrNoKey means the token names no key Satchel can find: no DID in
	// "kid" or in the issuer, and no key in the header. Its signature
	// cannot be checked; the token is not known to be forged either.
	ErrNoKey = errors.New("no key to verify the signature with")

	// ErrIssuerMismatch means the signing key is controlled by a DID other
	// than the issuer (or holder) the token names.
	ErrIssuerMismatch = errors.New("signing key does not belong to the issuer")

	// ErrNotCredential means a well-formed JWT is not a verifiable
	// credential (no "vc" claim and no credential payload); a presentation
	// given where a credential was expected is this error too.
	ErrNotCredential = errors.New("not a verifiable credential")

	// ErrNotPresentation means a well-formed JWT is not a verifiable
	// presentation.
	ErrNotPresentation = errors.New("not a verifiable presentation")

	// ErrClaimConflict means a JWT claim and the credential inside say
	// different things (iss against issuer, sub against
	// credentialSubject.id, jti against id).
	ErrClaimConflict = errors.New("JWT claims contradict the credential")

	// ErrExpired means the validity period ended before the time checked.
	ErrExpired = errors.New("expired")

	// ErrNotYetValid means the validity period starts after the time
	// checked.
	ErrNotYetValid = errors.New("not yet valid")

	// ErrAudience means a presentation is not addressed to the verifier
	// (its "aud" does not hold the expected audience).
	ErrAudience = errors.New("wrong audience")

	// ErrNonce means a presentation does not carry the verifier's nonce
	// (challenge).
	ErrNonce = errors.New("wrong nonce")

	// ErrSigner means a [Signer] is unusable: its algorithm does not match
	// its key, or it returned a signature of the wrong form.
	ErrSigner = errors.New("unusable signer")
)
