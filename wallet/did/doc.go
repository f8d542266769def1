// Package did encodes, decodes and resolves the decentralised identifiers
// Satchel uses for holders and meets in credentials.
//
//   - did:key (https://w3c-ccg.github.io/did-method-key/) carries a public
//     key in the identifier itself: "did:key:" + multibase base58btc ("z")
//     of a multicodec-prefixed key. Satchel creates Ed25519 and P-256
//     holder keys and reads Ed25519, P-256, P-384, P-521 and RSA keys from
//     issuers.
//   - did:jwk carries a public JWK, base64url-encoded, in the identifier.
//   - did:web names a DID document published at an https URL derived from
//     the identifier ([WebURL]).
//
// [Resolver] resolves all three to keys: did:key and did:jwk locally,
// did:web only through a [Fetcher] the caller passes, because Satchel works
// offline unless the learner allows the network; without one, did:web
// fails with [ErrNeedsNetwork]. Package fetch has the bounded https fetcher
// for when the learner does.
//
// secp256k1 and BLS12-381 keys are recognised and refused with
// [ErrUnsupportedKey]: Go's standard library implements neither curve, and no
// credential format Satchel verifies requires them.
package did
