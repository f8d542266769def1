package storage

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/satchel-wallet/satchel/wallet"
)

// RestoreOptions controls [Restore].
type RestoreOptions struct {
	// Force allows replacing an existing wallet. The replaced file is kept
	// beside the new one, renamed, and its name is returned.
	Force bool
	// Validate checks every record before anything is replaced; nil means
	// wallet.ValidateRecord.
	Validate func(b wallet.Bucket, id string, value []byte) error
}

// RestoreInfo describes a finished restore.
type RestoreInfo struct {
	BackupInfo
	// Replaced is where the wallet that was at the path went, if any.
	Replaced string `json:"replaced,omitempty"`
}

// restoreBatch is the number of records written per transaction: each
// transaction syncs to disk, so batching makes restoring thousands of
// credentials take seconds rather than minutes.
const restoreBatch = 512

// Restore reads the backup r, protected by passphrase, into a new wallet at
// path whose passphrase is the backup's. Everything is verified first — the
// backup decrypts and authenticates to its end, every record validates, the
// record count matches — in a new file beside path; only then does that file
// take path's place. A wallet already at path is never replaced unless
// opts.Force is set, and then it is kept as path.before-restore-<time>.
func Restore(r io.Reader, passphrase []byte, path string, opts RestoreOptions) (*RestoreInfo, error) {
	validate := opts.Validate
	if validate == nil {
		validate = wallet.ValidateRecord
	}
	var current *bolt.DB
	if _, err := os.Stat(path); err == nil {
		if !opts.Force {
			return nil, fmt.Errorf("restore: a wallet already exists at %s: %w", path, wallet.ErrExists)
		}
		// Holding the current wallet's lock makes sure no Satchel window
		// is using it while it is replaced.
		db, err := openDB(path)
		if err != nil {
			return nil, fmt.Errorf("restore: %w", err)
		}
		current = db
		defer current.Close()
	}
	plain, err := openBackup(r, passphrase)
	if err != nil {
		return nil, fmt.Errorf("restore: %w", err)
	}
	br, err := newBackupReader(plain)
	if err != nil {
		return nil, fmt.Errorf("restore: %w", err)
	}

	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("restore: %w", err)
	}
	tmp, err := os.CreateTemp(dir, ".satchel-restore-*")
	if err != nil {
		return nil, fmt.Errorf("restore: %w", err)
	}
	tmpPath := tmp.Name()
	tmp.Close()
	defer os.Remove(tmpPath) // gone by rename on success

	info, err := fill(tmpPath, passphrase, br, validate)
	if err != nil {
		return nil, fmt.Errorf("restore: %w", err)
	}
	out := &RestoreInfo{BackupInfo: *info}
	if current != nil {
		out.Replaced = fmt.Sprintf("%s.before-restore-%s", path, time.Now().UTC().Format("20060102T150405Z"))
		if err := os.Rename(path, out.Replaced); err != nil {
			return nil, fmt.Errorf("restore: keep the current wallet: %w", err)
		}
	}
	if err := os.Rename(tmpPath, path); err != nil {
		return nil, fmt.Errorf("restore: %w", err)
	}
	syncDir(dir)
	return out, nil
}

// fill creates a vault at path and writes every record of br into it,
// validating each. The vault is closed when fill returns.
func fill(path string, passphrase []byte, br *backupReader, validate func(wallet.Bucket, string, []byte) error) (*BackupInfo, error) {
	db, err := bolt.Open(path, fileMode, &bolt.Options{Timeout: LockTimeout})
	if err != nil {
		return nil, err
	}
	defer db.Close()
	keys, err := initVault(db, passphrase)
	if err != nil {
		return nil, err
	}
	defer keys.wipe()
	v := &Vault{path: path, db: db, keys: keys}

	seen := make(map[string]bool)
	info := &BackupInfo{Created: br.header.Created, Schema: br.header.Schema}
	type rec struct {
		b     wallet.Bucket
		id    string
		value []byte
	}
	batch := make([]rec, 0, restoreBatch)
	flush := func() error {
		err := v.Update(func(tx wallet.Tx) error {
			for _, r := range batch {
				if err := tx.Put(r.b, r.id, r.value); err != nil {
					return err
				}
			}
			return nil
		})
		batch = batch[:0]
		return err
	}
	for {
		b, id, value, err := br.next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		if err := validate(b, id, value); err != nil {
			return nil, fmt.Errorf("record %s/%s: %w", b, id, err)
		}
		if key := string(b) + "\x00" + id; seen[key] {
			return nil, fmt.Errorf("record %s/%s appears twice: %w", b, id, ErrNotBackup)
		} else {
			seen[key] = true
		}
		batch = append(batch, rec{b, id, value})
		info.Records++
		if len(batch) == restoreBatch {
			if err := flush(); err != nil {
				return nil, err
			}
		}
	}
	if err := flush(); err != nil {
		return nil, err
	}
	return info, db.Sync()
}
