// Package storage keeps a Satchel wallet in one encrypted bbolt file. Its
// [Vault] implements [wallet.Store].
//
// # File layout
//
//	vault/                      header, the only bucket not of the wallet schema
//	  format -> uint32 BE       layout and sealing version (1); bound into every record's AD
//	  schema -> uint32 BE       record schema version, raised by migrations
//	  kdf    -> JSON            {"alg":"argon2id","v":19,"m":KiB,"t":passes,"p":lanes,"salt":b64}
//	  key    -> nonce || ct     the data key wrapped by the key-encryption key
//	<bucket>/                   one per wallet.Buckets(): meta, holders, credentials, ...
//	  name(id) -> nonce || ct   one sealed record
//
// # Keys
//
// The passphrase goes through Argon2id with the stored parameters (64 MiB,
// 3 passes, 4 lanes and a 16-byte salt when created) to a key-encryption
// key (KEK). The KEK wraps a random 256-bit data key with XChaCha20-Poly1305;
// changing the passphrase rewraps those 32 bytes and touches nothing else.
// From the data key, HKDF-SHA256 derives three subkeys: one seals record
// values, two hide record ids.
//
// # Records
//
// Each value is sealed with XChaCha20-Poly1305 under a fresh random 24-byte
// nonce, with associated data = format | bucket | stored name, so a record
// moved to another bucket or swapped with another fails to open.
//
// Record ids are hidden too, because the wallet's ids can be meaningful (a
// content hash tells whether a given credential is present). The stored name
// of id in bucket b is tag || XChaCha20(id) with tag = HMAC-SHA256(b | id)
// truncated to 24 bytes and used as the nonce: a deterministic, authenticated
// encryption (the synthetic-IV construction). The same id always maps to the
// same name, so lookups are direct, and the name decrypts back to the id, so
// a damaged value can still be reported by id.
//
// Nothing in the file is plaintext but bucket names, the two version numbers,
// the KDF parameters and the wrapped key.
//
// # Processes
//
// bbolt locks the file; a second process waits at most [LockTimeout] and then
// gets [wallet.ErrInUse]. Writes are synchronous (bbolt's default): when
// Update returns, the record is on disk.
package storage
