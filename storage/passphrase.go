package storage

import (
	"errors"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"github.com/satchel-wallet/satchel/wallet"
)

// ChangePassphrase replaces the passphrase. The current passphrase is asked
// for again even though the vault is open, so that an unattended unlocked
// window cannot be used to take the wallet over. Only the 32-byte wrapped
// data key is rewritten, under a fresh salt and the current default KDF
// parameters; no record is touched.
func (v *Vault) ChangePassphrase(current, next []byte) error {
	if len(next) == 0 {
		return fmt.Errorf("change passphrase: empty passphrase: %w", wallet.ErrInvalid)
	}
	v.mu.RLock()
	defer v.mu.RUnlock()
	if v.db == nil {
		return wallet.ErrLocked
	}
	return v.db.Update(func(tx *bolt.Tx) error {
		hdr, err := readHeader(tx)
		if err != nil {
			return err
		}
		kek := hdr.kdf.deriveKEK(current)
		dataKey, err := unwrapKey(kek, hdr.wrapped, hdr.kdfRaw)
		clear(kek)
		if errors.Is(err, errUnwrap) {
			return wallet.ErrWrongPassphrase
		}
		if err != nil {
			return err
		}
		defer clear(dataKey)
		params := DefaultKDF().withSalt()
		kdf := params.marshal()
		newKEK := params.deriveKEK(next)
		defer clear(newKEK)
		wrapped, err := wrapKey(newKEK, dataKey, kdf)
		if err != nil {
			return err
		}
		h := tx.Bucket(headerBucket)
		if err := h.Put([]byte(keyKDF), kdf); err != nil {
			return err
		}
		return h.Put([]byte(keyWrapped), wrapped)
	})
}

// CheckPassphrase reports whether passphrase is the vault's: nil if it
// is, wallet.ErrWrongPassphrase if not. The app asks for the passphrase
// again before it writes a backup, so that the backup opens with the
// passphrase the learner knows, and so that a window left unlocked cannot
// be used to carry a copy away. It costs one key derivation.
func (v *Vault) CheckPassphrase(passphrase []byte) error {
	v.mu.RLock()
	defer v.mu.RUnlock()
	if v.db == nil {
		return wallet.ErrLocked
	}
	var hdr header
	if err := v.db.View(func(tx *bolt.Tx) error {
		var err error
		hdr, err = readHeader(tx)
		return err
	}); err != nil {
		return err
	}
	kek := hdr.kdf.deriveKEK(passphrase)
	defer clear(kek)
	dataKey, err := unwrapKey(kek, hdr.wrapped, hdr.kdfRaw)
	if errors.Is(err, errUnwrap) {
		return wallet.ErrWrongPassphrase
	}
	clear(dataKey)
	return err
}
