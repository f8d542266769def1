package wallet

import (
	"errors"
	"fmt"

	"github.com/satchel-wallet/satchel/wallet/search"
)

// Index builds a search index over every credential in the wallet and the
// collections that hold each, with titles and names sorted for lang. It
// returns a *DamagedError alongside the index when records were skipped.
func (w *Wallet) Index(lang string) (*search.Index, error) {
	creds, err := w.Credentials()
	var damaged *DamagedError
	if err != nil && !errors.As(err, &damaged) {
		return nil, err
	}
	var in map[string][]string
	err = w.store.View(func(tx Tx) error {
		var err error
		in, err = collectionOps.membership(tx)
		return err
	})
	if err != nil && !errors.As(err, &damaged) {
		return nil, fmt.Errorf("read collections: %w", err)
	}
	docs := make([]search.Doc, len(creds))
	for i := range creds {
		docs[i] = search.Doc{Credential: &creds[i], Collections: in[creds[i].ID]}
	}
	ix := search.Build(docs, lang)
	if damaged != nil {
		return ix, damaged
	}
	return ix, nil
}
