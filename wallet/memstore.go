package wallet

import (
	"bytes"
	"fmt"
	"sort"
	"sync"
)

// MemStore is a [Store] held in memory. It keeps nothing on disk and is
// meant for tests and for short sessions that must leave no trace, such as
// verifying a presentation. It is safe for concurrent use; Updates are
// serialised and Views run in parallel with each other.
type MemStore struct {
	mu   sync.RWMutex
	data map[Bucket]map[string][]byte
}

var _ Store = (*MemStore)(nil)

// NewMemStore returns an empty store with every bucket of the schema.
func NewMemStore() *MemStore {
	m := &MemStore{data: make(map[Bucket]map[string][]byte)}
	for _, b := range Buckets() {
		m.data[b] = make(map[string][]byte)
	}
	return m
}

// View runs fn in a read-only transaction.
func (m *MemStore) View(fn func(Tx) error) error {
	m.mu.RLock()
	defer m.mu.RUnlock()
	return fn(&memTx{store: m})
}

// Update runs fn in a read-write transaction. Writes are kept aside and
// applied only when fn returns nil.
func (m *MemStore) Update(fn func(Tx) error) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	tx := &memTx{store: m, writable: true, pending: make(map[Bucket]map[string][]byte)}
	if err := fn(tx); err != nil {
		return err
	}
	for b, recs := range tx.pending {
		for id, v := range recs {
			if v == nil {
				delete(m.data[b], id)
			} else {
				m.data[b][id] = v
			}
		}
	}
	return nil
}

// memTx is a transaction of MemStore. pending maps ids to new values; a nil
// value marks a deletion.
type memTx struct {
	store    *MemStore
	writable bool
	pending  map[Bucket]map[string][]byte
}

func (t *memTx) lookup(b Bucket, id string) ([]byte, bool) {
	if v, ok := t.pending[b][id]; ok {
		return v, v != nil
	}
	v, ok := t.store.data[b][id]
	return v, ok
}

func (t *memTx) Get(b Bucket, id string) ([]byte, error) {
	if err := ValidateKey(b, id); err != nil {
		return nil, err
	}
	v, ok := t.lookup(b, id)
	if !ok {
		return nil, fmt.Errorf("%s/%s: %w", b, id, ErrNotFound)
	}
	return bytes.Clone(v), nil
}

func (t *memTx) set(b Bucket, id string, v []byte) {
	if t.pending[b] == nil {
		t.pending[b] = make(map[string][]byte)
	}
	t.pending[b][id] = v
}

func (t *memTx) Put(b Bucket, id string, value []byte) error {
	if !t.writable {
		return ErrReadOnly
	}
	if err := ValidateKey(b, id); err != nil {
		return err
	}
	v := bytes.Clone(value)
	if v == nil {
		v = []byte{}
	}
	t.set(b, id, v)
	return nil
}

func (t *memTx) Delete(b Bucket, id string) error {
	if !t.writable {
		return ErrReadOnly
	}
	if err := ValidateKey(b, id); err != nil {
		return err
	}
	if _, ok := t.lookup(b, id); !ok {
		return fmt.Errorf("%s/%s: %w", b, id, ErrNotFound)
	}
	t.set(b, id, nil)
	return nil
}

func (t *memTx) ForEach(b Bucket, fn func(id string, value []byte) error) error {
	if err := ValidateKey(b, "-"); err != nil {
		return err
	}
	ids := make([]string, 0, len(t.store.data[b])+len(t.pending[b]))
	for id := range t.store.data[b] {
		if _, shadowed := t.pending[b][id]; !shadowed {
			ids = append(ids, id)
		}
	}
	for id, v := range t.pending[b] {
		if v != nil {
			ids = append(ids, id)
		}
	}
	sort.Strings(ids)
	for _, id := range ids {
		v, _ := t.lookup(b, id)
		if err := fn(id, bytes.Clone(v)); err != nil {
			return err
		}
	}
	return nil
}
