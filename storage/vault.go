package storage

import (
	"crypto/rand"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"time"

	bolt "go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"

	"github.com/satchel-wallet/satchel/wallet"
)

// LockTimeout is how long opening waits for another process to release the
// file before giving up with wallet.ErrInUse. One second keeps the answer
// well inside the two seconds a learner should wait for it.
const LockTimeout = time.Second

// fileMode keeps the wallet readable by its owner only.
const fileMode = 0o600

// Vault is an open, unlocked wallet file. It implements wallet.Store and is
// safe for concurrent use. Close locks it again.
type Vault struct {
	path string

	mu   sync.RWMutex // guards db and keys against Close
	db   *bolt.DB
	keys *recordKeys
}

var _ wallet.Store = (*Vault)(nil)

// Create makes a new vault at path, protected by passphrase, and returns it
// open. It never replaces an existing file: if path exists the error
// matches wallet.ErrExists. The file appears at path only once it is
// complete, so an interrupted Create leaves nothing behind.
func Create(path string, passphrase []byte) (*Vault, error) {
	if len(passphrase) == 0 {
		return nil, fmt.Errorf("create wallet: empty passphrase: %w", wallet.ErrInvalid)
	}
	if _, err := os.Stat(path); err == nil {
		return nil, fmt.Errorf("create wallet: %s: %w", path, wallet.ErrExists)
	}
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("create wallet: %w", err)
	}
	tmp, err := os.CreateTemp(dir, ".satchel-new-*")
	if err != nil {
		return nil, fmt.Errorf("create wallet: %w", err)
	}
	tmpPath := tmp.Name()
	tmp.Close()
	defer os.Remove(tmpPath) // after the link below it is only a second name

	db, err := bolt.Open(tmpPath, fileMode, &bolt.Options{Timeout: LockTimeout})
	if err != nil {
		return nil, fmt.Errorf("create wallet: %w", err)
	}
	keys, err := initVault(db, passphrase)
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("create wallet: %w", err)
	}
	// A hard link publishes the finished file atomically and, unlike
	// rename, fails if another process created path meanwhile.
	if err := os.Link(tmpPath, path); err != nil {
		db.Close()
		keys.wipe()
		if errors.Is(err, fs.ErrExist) {
			return nil, fmt.Errorf("create wallet: %s: %w", path, wallet.ErrExists)
		}
		return nil, fmt.Errorf("create wallet: %w", err)
	}
	syncDir(dir)
	return &Vault{path: path, db: db, keys: keys}, nil
}

// initVault writes the header and every bucket of a new vault.
func initVault(db *bolt.DB, passphrase []byte) (*recordKeys, error) {
	dataKey := make([]byte, dataKeySize)
	_, _ = rand.Read(dataKey)
	defer clear(dataKey)
	params := DefaultKDF().withSalt()
	kek := params.deriveKEK(passphrase)
	defer clear(kek)
	kdf := params.marshal()
	wrapped, err := wrapKey(kek, dataKey, kdf)
	if err != nil {
		return nil, err
	}
	err = db.Update(func(tx *bolt.Tx) error {
		h, err := tx.CreateBucket(headerBucket)
		if err != nil {
			return err
		}
		for k, v := range map[string][]byte{
			keyFormat: u32(formatVersion), keySchema: u32(schemaVersion), keyKDF: kdf, keyWrapped: wrapped,
		} {
			if err := h.Put([]byte(k), v); err != nil {
				return err
			}
		}
		return createBuckets(tx)
	})
	if err != nil {
		return nil, err
	}
	return newRecordKeys(dataKey)
}

// Open unlocks the vault at path with passphrase. A wrong passphrase gives
// an error matching wallet.ErrWrongPassphrase and leaves the file untouched;
// a file held by another process gives wallet.ErrInUse after LockTimeout.
func Open(path string, passphrase []byte) (*Vault, error) {
	db, err := openDB(path)
	if err != nil {
		return nil, err
	}
	keys, err := unlock(db, passphrase)
	if err == nil {
		err = migrate(db, keys)
	}
	if err != nil {
		db.Close()
		if keys != nil {
			keys.wipe()
		}
		return nil, fmt.Errorf("open wallet: %w", err)
	}
	return &Vault{path: path, db: db, keys: keys}, nil
}

// openDB opens the bbolt file, translating its failures into the errors a
// learner can act on.
func openDB(path string) (db *bolt.DB, err error) {
	if _, err := os.Stat(path); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("open wallet: no wallet at %s: %w", path, wallet.ErrNotFound)
		}
		return nil, fmt.Errorf("open wallet: %w", err)
	}
	// bbolt can panic on a file that is damaged in its page structure;
	// such a file is reported, not allowed to crash the app.
	defer func() {
		if r := recover(); r != nil {
			db, err = nil, fmt.Errorf("open wallet: the file is damaged (%v): %w", r, wallet.ErrIntegrity)
		}
	}()
	db, err = bolt.Open(path, fileMode, &bolt.Options{Timeout: LockTimeout})
	switch {
	case err == nil:
		return db, nil
	case errors.Is(err, bolterrors.ErrTimeout):
		return nil, fmt.Errorf("open wallet: %s: %w", path, wallet.ErrInUse)
	case errors.Is(err, bolterrors.ErrInvalid), errors.Is(err, bolterrors.ErrVersionMismatch):
		return nil, fmt.Errorf("open wallet: %s: %w", path, ErrNotVault)
	case errors.Is(err, bolterrors.ErrChecksum):
		return nil, fmt.Errorf("open wallet: %s: the file is damaged: %w", path, wallet.ErrIntegrity)
	}
	return nil, fmt.Errorf("open wallet: %w", err)
}

// unlock reads the header, derives the KEK and unwraps the data key.
func unlock(db *bolt.DB, passphrase []byte) (*recordKeys, error) {
	var hdr header
	if err := db.View(func(tx *bolt.Tx) error {
		var err error
		hdr, err = readHeader(tx)
		return err
	}); err != nil {
		return nil, err
	}
	kek := hdr.kdf.deriveKEK(passphrase)
	defer clear(kek)
	dataKey, err := unwrapKey(kek, hdr.wrapped, hdr.kdfRaw)
	if errors.Is(err, errUnwrap) {
		return nil, wallet.ErrWrongPassphrase
	}
	if err != nil {
		return nil, err
	}
	defer clear(dataKey)
	return newRecordKeys(dataKey)
}

// Path returns the file the vault is kept in.
func (v *Vault) Path() string { return v.path }

// Close locks the vault: it forgets the keys and releases the file.
// Closing twice is harmless.
func (v *Vault) Close() error {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.db == nil {
		return nil
	}
	v.keys.wipe()
	err := v.db.Close()
	v.db, v.keys = nil, nil
	return err
}

// View runs fn in a read-only transaction.
func (v *Vault) View(fn func(wallet.Tx) error) error {
	v.mu.RLock()
	defer v.mu.RUnlock()
	if v.db == nil {
		return wallet.ErrLocked
	}
	return v.db.View(func(tx *bolt.Tx) error {
		return fn(&vaultTx{tx: tx, keys: v.keys})
	})
}

// Update runs fn in a read-write transaction, committed (and synced to disk)
// only if fn returns nil.
func (v *Vault) Update(fn func(wallet.Tx) error) error {
	v.mu.RLock()
	defer v.mu.RUnlock()
	if v.db == nil {
		return wallet.ErrLocked
	}
	return v.db.Update(func(tx *bolt.Tx) error {
		return fn(&vaultTx{tx: tx, keys: v.keys, writable: true})
	})
}

// syncDir makes a new directory entry durable. Failure only weakens
// durability after a power cut, so it is not reported.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
}
