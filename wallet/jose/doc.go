// Package jose verifies and signs the JOSE side of verifiable credentials:
// compact JSON Web Signatures (RFC 7515), VC-JWTs and VP-JWTs.
//
// # Credentials in
//
// [ParseCredential] reads a VC-JWT in either of its two forms: the JWT
// encoding of VC Data Model 1.1, where the credential sits in a "vc" claim
// beside iss, sub, jti, nbf and exp (what did-jwt-vc issues), and VC
// Data Model 2.0 secured with JOSE (VC-JOSE-COSE, typ "vc+jwt"), where the
// payload is the credential. For the first it puts the claims back into
// the credential as the 1.1 specification says, so that the caller always
// gets one credential JSON ([Credential.JSON]), with its issuer, subject
// and validity period ([Validity]) read out. [Credential.Verify] then
// checks the signature.
//
// # Keys and algorithms
//
// The key comes from a DID: the header's kid (a DID URL) or the issuer's
// DID, resolved through a [KeyResolver] (*did.Resolver: did:key and did:jwk
// offline, did:web only with a fetcher). A key resolved from kid must
// belong to the issuer the credential names ([ErrIssuerMismatch]). A key
// the token carries in its own header (jwk, or an x5c chain without a
// trust anchor) also verifies, but [KeyInfo.Source] says [KeyEmbedded]: the
// token is intact, and nothing more; the caller should say "issuer not
// confirmed".
//
// The algorithm is fixed by the key, never by the token: an Ed25519 key
// verifies only EdDSA, a P-256 key only ES256, a P-384 key only ES384, an
// RSA key (2048 bits or more) only RS256 and PS256. "none" is always
// refused, and so is any header alg that does not match the key
// ([ErrAlgorithm]); there is no path by which a token chooses how it is
// checked.
//
// # Presentations out
//
// [SignPresentation] signs a VP-JWT in the 1.1 encoding that did-jwt-vc's
// verifyPresentation accepts (iss, aud, nonce, jti, nbf, iat, exp, vp);
// [SignPresentationV2] signs a VC 2.0 presentation as "vp+jwt". Both take
// a [Signer], which wallet.Signer satisfies, and write the token with
// encoding/base64 and direct appends, so that signing costs little more
// than the signature itself. [ParsePresentation] and [Presentation.Verify]
// read them back, checking the holder's key, nonce and audience.
//
// # Untrusted input
//
// Every parser bounds its input ([Limits]: 4 MiB and a JSON depth of 100
// by default), decodes base64url strictly ([DecodeSegment]), and checks
// JSON before decoding it ([CheckJSON]: strict UTF-8, depth, no member
// named twice). Malformed input and broken limits wrap [ErrMalformed] and
// [ErrTooLarge]: the caller rejects such input rather than reporting a
// failed verification. Checking validity periods is the caller's decision
// ([Validity.Check]); so is trusting an issuer.
package jose
