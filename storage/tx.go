package storage

import (
	"encoding/hex"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"github.com/satchel-wallet/satchel/wallet"
)

// vaultTx implements wallet.Tx over a bbolt transaction, sealing on the way
// in and opening on the way out.
type vaultTx struct {
	tx       *bolt.Tx
	keys     *recordKeys
	writable bool
}

func (t *vaultTx) bucket(b wallet.Bucket, id string) (*bolt.Bucket, error) {
	if err := wallet.ValidateKey(b, id); err != nil {
		return nil, err
	}
	bk := t.tx.Bucket([]byte(b))
	if bk == nil {
		return nil, fmt.Errorf("bucket %s is missing from the file: %w", b, wallet.ErrIntegrity)
	}
	return bk, nil
}

func (t *vaultTx) Get(b wallet.Bucket, id string) ([]byte, error) {
	bk, err := t.bucket(b, id)
	if err != nil {
		return nil, err
	}
	name := t.keys.name(b, id)
	sealed := bk.Get(name)
	if sealed == nil {
		return nil, fmt.Errorf("%s/%s: %w", b, id, wallet.ErrNotFound)
	}
	v, err := t.keys.open(b, name, sealed)
	if err != nil {
		return nil, fmt.Errorf("%s/%s: %w", b, id, err)
	}
	return v, nil
}

func (t *vaultTx) Put(b wallet.Bucket, id string, value []byte) error {
	if !t.writable {
		return wallet.ErrReadOnly
	}
	bk, err := t.bucket(b, id)
	if err != nil {
		return err
	}
	name := t.keys.name(b, id)
	return bk.Put(name, t.keys.seal(b, name, value))
}

func (t *vaultTx) Delete(b wallet.Bucket, id string) error {
	if !t.writable {
		return wallet.ErrReadOnly
	}
	bk, err := t.bucket(b, id)
	if err != nil {
		return err
	}
	name := t.keys.name(b, id)
	if bk.Get(name) == nil {
		return fmt.Errorf("%s/%s: %w", b, id, wallet.ErrNotFound)
	}
	return bk.Delete(name)
}

func (t *vaultTx) ForEach(b wallet.Bucket, fn func(id string, value []byte) error) error {
	bk, err := t.bucket(b, "-")
	if err != nil {
		return err
	}
	var damaged []string
	err = bk.ForEach(func(k, sealed []byte) error {
		id, err := t.keys.id(b, k)
		if err != nil {
			damaged = append(damaged, string(b)+"/"+hex.EncodeToString(k))
			return nil
		}
		v, err := t.keys.open(b, k, sealed)
		if err != nil {
			damaged = append(damaged, string(b)+"/"+id)
			return nil
		}
		return fn(id, v)
	})
	if err != nil {
		return err
	}
	if len(damaged) > 0 {
		return &wallet.DamagedError{Records: damaged}
	}
	return nil
}
