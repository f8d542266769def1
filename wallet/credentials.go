package wallet

import (
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/satchel-wallet/satchel/wallet/credential"
)

// Credentials returns every stored credential, most recently added first.
// Damaged records are left out and reported as a *DamagedError alongside
// the rest.
func (w *Wallet) Credentials() ([]credential.Credential, error) {
	var out []credential.Credential
	err := w.store.View(func(tx Tx) error {
		return tx.ForEach(BucketCredentials, func(id string, v []byte) error {
			var c credential.Credential
			if err := json.Unmarshal(v, &c); err != nil {
				return fmt.Errorf("credential %s: %v: %w", id, err, ErrIntegrity)
			}
			out = append(out, c)
			return nil
		})
	})
	var damaged *DamagedError
	if err != nil && !errors.As(err, &damaged) {
		return nil, fmt.Errorf("list credentials: %w", err)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if !out[i].Added.Equal(out[j].Added) {
			return out[i].Added.After(out[j].Added)
		}
		return out[i].ID < out[j].ID
	})
	return out, err
}

// MinIDPrefix is the shortest id prefix that names a credential; ids are
// hex SHA-256 values, and eight digits keep accidental clashes rare even
// in a large wallet.
const MinIDPrefix = 6

// Credential returns the stored credential whose id is id or starts with
// it (at least MinIDPrefix characters), and its original bytes.
func (w *Wallet) Credential(id string) (credential.Credential, []byte, error) {
	var c credential.Credential
	var orig []byte
	err := w.store.View(func(tx Tx) error {
		var err error
		if c, err = getCredential(tx, id); err != nil {
			return err
		}
		orig, err = tx.Get(BucketOriginals, c.ID)
		return err
	})
	return c, orig, err
}

// getCredential reads the credential that id (or an id prefix) names.
func getCredential(tx Tx, id string) (credential.Credential, error) {
	var c credential.Credential
	full, err := resolveID(tx, id)
	if err != nil {
		return c, err
	}
	v, err := tx.Get(BucketCredentials, full)
	if err != nil {
		return c, err
	}
	if err := json.Unmarshal(v, &c); err != nil {
		return c, fmt.Errorf("credential %s: %v: %w", full, err, ErrIntegrity)
	}
	c.ID = full
	return c, nil
}

// resolveID finds the one credential id that id names.
func resolveID(tx Tx, id string) (string, error) {
	id = strings.ToLower(strings.TrimSpace(id))
	if len(id) == 64 {
		return id, nil
	}
	if len(id) < MinIDPrefix {
		return "", fmt.Errorf("credential id %q is too short: give at least %d characters: %w", id, MinIDPrefix, ErrInvalid)
	}
	var matches []string
	err := tx.ForEach(BucketCredentials, func(k string, _ []byte) error {
		if strings.HasPrefix(k, id) {
			matches = append(matches, k)
		}
		return nil
	})
	var damaged *DamagedError
	if err != nil && !errors.As(err, &damaged) {
		return "", err
	}
	switch len(matches) {
	case 0:
		return "", fmt.Errorf("credential %s: %w", id, ErrNotFound)
	case 1:
		return matches[0], nil
	}
	return "", fmt.Errorf("credential id %s is ambiguous (%d credentials start with it): %w", id, len(matches), ErrInvalid)
}

// Deleted says what deleting a credential took with it.
type Deleted struct {
	// Credential is the deleted credential.
	Credential credential.Credential
	// Collections and Stacks name the collections and stacks that held it
	// and lost it as a member.
	Collections []string
	Stacks      []string
}

// DeleteCredential removes a credential and its original, and takes it out
// of every collection and stack, all in one transaction.
func (w *Wallet) DeleteCredential(id string) (Deleted, error) {
	var d Deleted
	err := w.store.Update(func(tx Tx) error {
		full, err := resolveID(tx, id)
		if err != nil {
			return err
		}
		if v, err := tx.Get(BucketCredentials, full); err == nil {
			_ = json.Unmarshal(v, &d.Credential)
		}
		d.Credential.ID = full
		if err := tx.Delete(BucketCredentials, full); err != nil {
			return err
		}
		if err := tx.Delete(BucketOriginals, full); err != nil && !errors.Is(err, ErrNotFound) {
			return err
		}
		if d.Collections, err = collectionOps.dropEverywhere(tx, full); err != nil {
			return err
		}
		d.Stacks, err = stackOps.dropEverywhere(tx, full)
		return err
	})
	if err != nil {
		return d, fmt.Errorf("delete credential: %w", err)
	}
	return d, nil
}
