package wallet

import "fmt"

// Bucket names a group of records in a [Store]. The set of buckets is fixed
// by the wallet's schema: [Buckets] lists them all, and a store refuses any
// other name.
type Bucket string

// The buckets of the wallet schema.
const (
	// BucketMeta holds small wallet-wide records such as the default profile.
	BucketMeta Bucket = "meta"
	// BucketHolders holds one record per holder profile, with its private key.
	BucketHolders Bucket = "holders"
	// BucketCredentials holds the normalised view and verification result of
	// each imported credential.
	BucketCredentials Bucket = "credentials"
	// BucketOriginals holds the original bytes of each credential, kept apart
	// from BucketCredentials so that listing never has to read them.
	BucketOriginals Bucket = "originals"
	// BucketCollections holds the learner's collections.
	BucketCollections Bucket = "collections"
	// BucketStacks holds the learner's stacks.
	BucketStacks Bucket = "stacks"
	// BucketLog holds the presentation log.
	BucketLog Bucket = "log"
	// BucketSettings holds settings that travel with the wallet (trust list,
	// limits); user-interface preferences live outside the wallet.
	BucketSettings Bucket = "settings"
)

// Buckets returns every bucket of the schema, in a fixed order.
func Buckets() []Bucket {
	return []Bucket{
		BucketMeta, BucketHolders, BucketCredentials, BucketOriginals,
		BucketCollections, BucketStacks, BucketLog, BucketSettings,
	}
}

// MaxIDLength bounds record ids. Ids are hashes, UUIDs or short names; the
// bound keeps a bad caller from turning keys into payloads.
const MaxIDLength = 256

// ValidateKey reports whether b and id may name a record.
func ValidateKey(b Bucket, id string) error {
	known := false
	for _, k := range Buckets() {
		if k == b {
			known = true
			break
		}
	}
	if !known {
		return fmt.Errorf("bucket %q: %w", b, ErrInvalid)
	}
	if id == "" || len(id) > MaxIDLength {
		return fmt.Errorf("record id of %d bytes (want 1 to %d): %w", len(id), MaxIDLength, ErrInvalid)
	}
	return nil
}

// Store keeps the wallet's records. Every read and write happens inside a
// transaction: View for reads, Update for writes. An Update whose function
// returns an error changes nothing.
type Store interface {
	// View runs fn in a read-only transaction.
	View(fn func(Tx) error) error
	// Update runs fn in a read-write transaction and commits it if fn
	// returns nil; otherwise every write of fn is discarded.
	Update(fn func(Tx) error) error
}

// Tx is a transaction over a [Store]. It is valid only inside the function
// it was passed to.
type Tx interface {
	// Get returns a copy of the record's value, or an error matching
	// ErrNotFound, or one matching ErrIntegrity if the record is damaged.
	Get(b Bucket, id string) ([]byte, error)
	// Put creates or replaces a record. The store keeps its own copy.
	Put(b Bucket, id string, value []byte) error
	// Delete removes a record; deleting an absent record is ErrNotFound.
	// A damaged record can be deleted.
	Delete(b Bucket, id string) error
	// ForEach calls fn for every intact record of b. fn may keep value. A
	// non-nil error from fn stops the walk and is returned. Damaged records
	// are skipped and reported at the end as a *DamagedError.
	ForEach(b Bucket, fn func(id string, value []byte) error) error
}
