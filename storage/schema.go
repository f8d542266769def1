package storage

import (
	"encoding/binary"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"github.com/satchel-wallet/satchel/wallet"
)

// headerBucket holds the vault header; see the package documentation.
var headerBucket = []byte("vault")

// Header keys.
const (
	keyFormat  = "format"
	keySchema  = "schema"
	keyKDF     = "kdf"
	keyWrapped = "key"
)

// schemaVersion is the record schema this version writes. Raise it with a
// migration whenever the buckets or the shape of records change.
const schemaVersion uint32 = 1

// migration moves a vault from schema to-1 to schema to. It runs inside one
// bbolt transaction with the vault's keys, so it can rewrite sealed records.
type migration struct {
	to  uint32
	run func(tx *bolt.Tx, keys *recordKeys) error
}

// migrations lists every migration in order. Schema 1 is the first, so the
// list is empty; missing buckets are created without a migration.
var migrations []migration

type header struct {
	format, schema uint32
	kdf            KDFParams
	kdfRaw         []byte
	wrapped        []byte
}

func readHeader(tx *bolt.Tx) (header, error) {
	var h header
	b := tx.Bucket(headerBucket)
	if b == nil {
		return h, ErrNotVault
	}
	format, schema := b.Get([]byte(keyFormat)), b.Get([]byte(keySchema))
	kdf, wrapped := b.Get([]byte(keyKDF)), b.Get([]byte(keyWrapped))
	if len(format) != 4 || len(schema) != 4 || kdf == nil || wrapped == nil {
		return h, fmt.Errorf("incomplete header: %w", ErrNotVault)
	}
	h.format, h.schema = binary.BigEndian.Uint32(format), binary.BigEndian.Uint32(schema)
	if h.format > formatVersion {
		return h, fmt.Errorf("file format %d (this version reads up to %d): %w", h.format, formatVersion, ErrNewerVersion)
	}
	if h.format < 1 {
		return h, fmt.Errorf("file format %d: %w", h.format, ErrNotVault)
	}
	if h.schema > schemaVersion {
		return h, fmt.Errorf("schema %d (this version reads up to %d): %w", h.schema, schemaVersion, ErrNewerVersion)
	}
	var err error
	h.kdf, err = parseKDF(kdf)
	h.kdfRaw = append([]byte(nil), kdf...)
	h.wrapped = append([]byte(nil), wrapped...)
	return h, err
}

// migrate brings an unlocked vault to the current schema and makes sure
// every bucket exists. It writes to the file only when something is missing
// or old, so opening an up-to-date wallet changes nothing on disk.
func migrate(db *bolt.DB, keys *recordKeys) error {
	var schema uint32
	missing := false
	if err := db.View(func(tx *bolt.Tx) error {
		schema = binary.BigEndian.Uint32(tx.Bucket(headerBucket).Get([]byte(keySchema)))
		for _, b := range wallet.Buckets() {
			if tx.Bucket([]byte(b)) == nil {
				missing = true
			}
		}
		return nil
	}); err != nil {
		return err
	}
	if schema == schemaVersion && !missing {
		return nil
	}
	return db.Update(func(tx *bolt.Tx) error {
		if err := createBuckets(tx); err != nil {
			return err
		}
		for _, m := range migrations {
			if m.to <= schema {
				continue
			}
			if err := m.run(tx, keys); err != nil {
				return fmt.Errorf("migrate to schema %d: %w", m.to, err)
			}
			schema = m.to
		}
		return tx.Bucket(headerBucket).Put([]byte(keySchema), u32(schemaVersion))
	})
}

// createBuckets creates every bucket of the wallet schema that is missing.
func createBuckets(tx *bolt.Tx) error {
	for _, b := range wallet.Buckets() {
		if _, err := tx.CreateBucketIfNotExists([]byte(b)); err != nil {
			return fmt.Errorf("bucket %s: %w", b, err)
		}
	}
	return nil
}

func u32(n uint32) []byte { return binary.BigEndian.AppendUint32(nil, n) }
