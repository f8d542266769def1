package wallet

import (
	"fmt"
	"time"
)

// Collection is a named group of credentials. A credential can be in many
// collections; deleting a collection keeps its credentials.
type Collection struct {
	// ID is the collection's record id.
	ID string `json:"id"`
	// Name is the learner's name for it, unique in the wallet (ignoring
	// case and accents).
	Name string `json:"name"`
	// Created is when the collection was made.
	Created time.Time `json:"created,omitzero"`
	// Members are the ids of its credentials, in the order added.
	Members []string `json:"members,omitempty"`
}

var collectionOps = groupOps[Collection]{
	bucket:  BucketCollections,
	noun:    "collection",
	id:      func(c *Collection) *string { return &c.ID },
	name:    func(c *Collection) *string { return &c.Name },
	members: func(c *Collection) *[]string { return &c.Members },
}

// Collections returns every collection, by name.
func (w *Wallet) Collections() ([]Collection, error) {
	var out []Collection
	err := w.store.View(func(tx Tx) error {
		var err error
		out, err = collectionOps.all(tx)
		return err
	})
	if err != nil {
		return out, fmt.Errorf("list collections: %w", err)
	}
	return out, nil
}

// Collection returns the collection whose id or name is ref.
func (w *Wallet) Collection(ref string) (Collection, error) {
	var c Collection
	err := w.store.View(func(tx Tx) error {
		var err error
		c, err = collectionOps.find(tx, ref)
		return err
	})
	return c, err
}

// CreateCollection makes an empty collection named name.
func (w *Wallet) CreateCollection(name string) (Collection, error) {
	c := Collection{Name: name, Created: w.now().UTC().Truncate(time.Second)}
	err := w.store.Update(func(tx Tx) error { return collectionOps.create(tx, &c) })
	if err != nil {
		return c, fmt.Errorf("create collection: %w", err)
	}
	return c, nil
}

// RenameCollection renames the collection ref.
func (w *Wallet) RenameCollection(ref, name string) (Collection, error) {
	var c Collection
	err := w.store.Update(func(tx Tx) error {
		var err error
		c, err = collectionOps.rename(tx, ref, name)
		return err
	})
	if err != nil {
		return c, fmt.Errorf("rename collection: %w", err)
	}
	return c, nil
}

// DeleteCollection deletes the collection ref; its credentials stay.
func (w *Wallet) DeleteCollection(ref string) (Collection, error) {
	var c Collection
	err := w.store.Update(func(tx Tx) error {
		var err error
		c, err = collectionOps.remove(tx, ref)
		return err
	})
	if err != nil {
		return c, fmt.Errorf("delete collection: %w", err)
	}
	return c, nil
}

// AddToCollection adds credentials (ids or id prefixes) to the collection
// ref, and returns it with the ids newly added. Nothing is added unless
// every id names a credential.
func (w *Wallet) AddToCollection(ref string, ids ...string) (Collection, []string, error) {
	var c Collection
	var added []string
	err := w.store.Update(func(tx Tx) error {
		var err error
		c, added, err = collectionOps.addMembers(tx, ref, ids)
		return err
	})
	if err != nil {
		return c, nil, fmt.Errorf("add to collection: %w", err)
	}
	return c, added, nil
}

// RemoveFromCollection takes credentials out of the collection ref, and
// returns it with the ids that were in it.
func (w *Wallet) RemoveFromCollection(ref string, ids ...string) (Collection, []string, error) {
	var c Collection
	var removed []string
	err := w.store.Update(func(tx Tx) error {
		var err error
		c, removed, err = collectionOps.removeMembers(tx, ref, ids)
		return err
	})
	if err != nil {
		return c, nil, fmt.Errorf("remove from collection: %w", err)
	}
	return c, removed, nil
}
