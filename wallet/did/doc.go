// Package did encodes and decodes the decentralised identifiers Satchel uses
// for holders and meets in credentials.
//
// did:key (https://w3c-ccg.github.io/did-method-key/) carries a public key in
// the identifier itself: "did:key:" + multibase base58btc("z") of a
// multicodec-prefixed key. Satchel creates Ed25519 and P-256 holder keys and
// reads Ed25519, P-256, P-384, P-521 and RSA keys from issuers. Resolving a
// did:key needs no network, which is why holders use it.
//
// secp256k1 and BLS12-381 keys are recognised and refused with
// [ErrUnsupportedKey]: Go's standard library implements neither curve, and no
// credential format Satchel verifies requires them.
package did
