// Package ldp verifies and creates Data Integrity proofs
// (https://www.w3.org/TR/vc-data-integrity/) on JSON-LD credentials and
// presentations, offline.
//
// # Suites
//
// [Verifier] checks DataIntegrityProof with the cryptosuites
// eddsa-rdfc-2022 (and its draft name eddsa-2022), ecdsa-rdfc-2019 (P-256
// and P-384), eddsa-jcs-2022 and ecdsa-jcs-2019 (P-256 and P-384), and the
// legacy Ed25519Signature2020 that many Open Badges 3.0 issuers use. The
// rdfc suites canonicalise with package wallet/rdfc (RDFC-1.0, with a work
// budget) after JSON-LD processing in safe mode with the bundled contexts
// (package wallet/jsonld); the jcs suites use RFC 8785. Selective
// disclosure (ecdsa-sd-2023, bbs-2023) and JWS-based proofs are reported as
// [ErrUnsupportedSuite]. [Signer] creates the same proofs, for the holder's
// presentations.
//
// # Results, not verdicts
//
// Verify returns one [Result] per proof: the suite, the verification method
// and its controller, the creation time, the purpose and the challenge and
// domain, and for a failed proof a [*ProofError] wrapping a sentinel that
// says which step failed ([ErrCanonicalization] with the jsonld error that
// names an unbundled context, [ErrKeyNotResolved], [ErrSignatureMismatch],
// [ErrPurposeMismatch], ...). Whether a credential is trusted — its issuer
// matches the controller, it has not expired, it is not revoked — is for
// the caller to decide.
//
// # Keys
//
// Keys come from a [KeyResolver]. [OfflineResolver], the default, resolves
// did:key ([DIDKeyResolver]) and did:jwk ([DIDJWKResolver]) from the
// identifier alone; [DocumentResolver] serves keys from DID or controller documents
// the caller already holds (fixtures, a cache, or what a did:web resolver
// fetched on the user's request). A resolver reports the purposes the
// controller authorises each key for, and a proof whose key is not
// authorised for its purpose fails. Keys embedded in the document being
// verified are never trusted: anyone could embed a key and claim any
// controller, which would make the signature prove nothing.
package ldp
