// Package status checks whether an issuer has revoked or suspended a
// credential, from the status list the credential points at.
//
// # Mechanisms
//
// Three are read:
//
//   - W3C Bitstring Status List v1.0: a BitstringStatusListEntry names a
//     BitstringStatusListCredential and an index; its encodedList is the
//     multibase base64url ("u") of a GZIP-compressed bitstring, entry 0
//     being the most significant bit of the first byte
//     ([DecodeBitstring], [Bit]). Purposes revocation and suspension
//     decide the check; message and refresh entries decide nothing.
//   - StatusList2021, its community-draft predecessor: the same with
//     StatusList2021Entry and StatusList2021Credential, and base64url
//     without the multibase prefix ([DecodeStatusList2021]).
//   - IETF Token Status List (draft-ietf-oauth-status-list), used by SD-JWT
//     VCs: the status.status_list claim gives idx and uri; the uri serves a
//     Status List Token, a JWT of typ statuslist+jwt whose status_list
//     claim holds bits (1, 2, 4 or 8) and lst, the base64url of a
//     ZLIB-compressed byte array whose entries fill each byte from the
//     least significant bit ([DecodeTokenStatusList]). 0x00 is valid,
//     0x01 invalid (reported as revoked), 0x02 suspended.
//
// [Entries] extracts the entries from a credential's JSON, and [Check]
// turns them into the status check of a verification (its doc lists every
// outcome). A W3C list secured as a JWT rather than with a Data Integrity
// proof, W3C entries with a statusSize over 1, and other mechanisms (for
// example 1EdTechRevocationList) are reported as unsupported.
//
// # A list is a credential too
//
// What a list says counts only when the list is verified: a W3C list
// credential's Data Integrity proof with package wallet/ldp (its key must
// belong to the list's issuer), a Status List Token's signature with a key
// the caller resolves ([Options.TokenKey]; the algorithm follows from the
// key, as package wallet/jose does it), and the token's sub must be the
// address it was fetched from. The list's issuer must be the credential's
// issuer unless the caller accepts it ([Options.AcceptListIssuer]): the W3C
// specification allows them to differ, and the Digital Credentials
// Consortium's test credentials, signed by many issuers, share one list
// signed by another key. A list that cannot be confirmed gives a warning
// (status.unverified) that says so and what the list claims, never a
// revoked or valid verdict.
//
// # Offline by default
//
// Nothing is fetched unless the caller passes a [Fetcher]: without one the
// check is skipped with status.offline, naming the list's address.
// fetch.HTTP fetches over https only, with a size cap, a timeout and no
// redirect that changes the scheme; [StaticFetcher] serves lists from
// memory.
//
// # Untrusted input
//
// Lists come from servers the credential names, so every size is bounded
// before the work it causes (see limits.go): the document
// ([MaxDocumentSize]), the compressed list ([MaxCompressedSize]), and the
// decompressed list ([MaxListSize]), at which inflation stops, so a gzip
// bomb is refused after a few milliseconds; one compressed stream only,
// with nothing after it; indexes are range-checked against the list; and
// a credential may name at most [MaxEntries] lists.
package status
