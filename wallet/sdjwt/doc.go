// Package sdjwt reads, verifies and presents Selective Disclosure JWTs
// (RFC 9901) and SD-JWT VCs (typ "dc+sd-jwt", and "vc+sd-jwt" of earlier
// drafts).
//
// An SD-JWT is an issuer-signed JWT whose payload holds digests instead of
// some claims, followed by Disclosures (salt, name, value) that reveal
// them, and, when presented, a Key Binding JWT by which the holder proves
// possession of the key the credential names (cnf.jwk):
//
//	<issuer JWT>~<Disclosure>~...~<Disclosure>~[<KB-JWT>]
//
// # Reading
//
// [Parse] checks everything that needs no key. Every Disclosure is
// decoded strictly and hashed; every digest in "_sd" arrays and in
// {"...": digest} array elements is followed, recursively through the
// Disclosures, with the hash "_sd_alg" names (sha-256 by default, sha-384
// and sha-512 accepted). As RFC 9901 §7.1 requires, and unlike some
// libraries that silently drop them, a Disclosure no digest references is
// an error ([ErrUnreferenced]): an edited or foreign Disclosure never
// passes as "not disclosed". Duplicate Disclosures, digests met twice,
// and disclosed names that clash are errors too. The result is a [Token]
// with the processed payload and every Disclosure, each with its JSON
// Pointer and parent, so that the learner can later choose what to reveal.
//
// # Verifying
//
// [Token.VerifyIssuer] checks the issuer's signature through package jose:
// the key from the kid DID URL (which must belong to iss) or iss itself
// when it is a DID, or else a jwk or x5c in the header, which proves
// integrity only; the algorithm is fixed by the key. [Token.VerifyKeyBinding]
// checks a KB-JWT: typ kb+jwt, signed by cnf.jwk, nonce, aud, iat and
// sd_hash over exactly the string presented. [Verify] does all of it.
// Checking validity periods is the caller's decision (jose.Validity.Check).
//
// # Presenting
//
// [Token.Select] finds Disclosures by JSON Pointer and [Token.Present]
// writes issuer JWT~chosen Disclosures~KB-JWT, signed by a jose.Signer
// (wallet.Signer satisfies it) that must hold the credential's cnf key.
//
// # Limits
//
// [Limits] bounds the input size (4 MiB by default), the number of
// Disclosures (1000) and the JSON depth (100), counted through nested
// Disclosures, so that a hostile input is refused quickly. The compact
// form is the only serialisation read; the JSON serialisation of RFC 9901
// §8 is not.
package sdjwt
