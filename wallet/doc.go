// Package wallet is the domain of Satchel, a learner-held wallet for
// micro-credentials: the holder identities (profiles, each with a did:key),
// and, as the wallet grows, the credential model, import and verification,
// collections and stacks.
//
// The package knows nothing of windows or databases. It declares the small
// interfaces it needs from the outside — chiefly [Store], a transactional
// record store — and the outer packages implement them: storage.Vault keeps
// the records in an encrypted bbolt file, [MemStore] keeps them in memory for
// tests and for throw-away sessions. Both pass the same behavioural suite in
// package storetest.
//
// [Wallet] is the entry point: it wraps a Store and offers the operations the
// desktop app and the command line share, so that both take one code path.
//
// Errors are wrapped with context; callers test them with [errors.Is]
// against the sentinels in errors.go. Only the ui and cmd packages turn them
// into words for people.
package wallet
