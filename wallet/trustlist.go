package wallet

import (
	"errors"
	"fmt"

	"github.com/satchel-wallet/satchel/wallet/credential"
	"github.com/satchel-wallet/satchel/wallet/status"
	"github.com/satchel-wallet/satchel/wallet/trust"
)

// settingTrustList is the BucketSettings record holding the trust list.
const settingTrustList = "trust-list"

// statusEntries reads the revocation entries a credential points at.
func statusEntries(doc map[string]any) []credential.StatusEntry { return status.Entries(doc) }

// TrustList returns the learner's trust list (empty until they add to it).
func (w *Wallet) TrustList() (*trust.List, error) {
	var l *trust.List
	err := w.store.View(func(tx Tx) error {
		data, err := tx.Get(BucketSettings, settingTrustList)
		if errors.Is(err, ErrNotFound) {
			l = trust.New()
			return nil
		}
		if err != nil {
			return err
		}
		l, err = trust.Parse(data)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("trust list: %w", err)
	}
	return l, nil
}

// SetTrustList stores the learner's trust list.
func (w *Wallet) SetTrustList(l *trust.List) error {
	data, err := l.Marshal()
	if err != nil {
		return fmt.Errorf("trust list: %w", err)
	}
	return w.store.Update(func(tx Tx) error { return tx.Put(BucketSettings, settingTrustList, data) })
}
