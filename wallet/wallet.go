package wallet

import (
	"crypto/rand"
	"encoding/hex"
	"time"
)

// Wallet is the learner's wallet: the operations the desktop app and the
// command line share, over a [Store].
type Wallet struct {
	store Store
	now   func() time.Time
}

// New returns a Wallet over store.
func New(store Store) *Wallet {
	return &Wallet{store: store, now: time.Now}
}

// Store returns the store the wallet keeps its records in.
func (w *Wallet) Store() Store { return w.store }

// newID returns a random record id: 16 bytes as hex, unique without
// coordination and revealing nothing.
func newID() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b) // crypto/rand.Read never fails on supported platforms
	return hex.EncodeToString(b)
}
