package wallet

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"sort"
	"sync"
	"time"

	"github.com/satchel-wallet/satchel/wallet/credential"
)

// A Listing is every credential of a wallet as stored, most recently added
// first, each decoded only when asked for. Decoding is nearly all the time
// reading a wallet takes (10,000 credentials are about 38 MB of JSON, most
// of a second on one core), so a screen can show a Listing at once,
// decoding the entries in view, while DecodeAll decodes the rest on every
// core in the background.
//
// At is for one goroutine; DecodeAll may run beside it, since it reads
// only what never changes.
type Listing struct {
	ids   []string
	raws  [][]byte
	creds []credential.Credential
	done  []bool
	// damaged names the records the store could not open.
	damaged error
}

// addedKey is how the date added starts in a stored record: the JSON of
// credential.Credential, whose top level alone has an "added" member (a
// quote inside a string value is escaped, so text cannot fake it).
var addedKey = []byte(`"added":"`)

// List copies the credential records out of the wallet and puts them in
// list order, most recently added first, without decoding them. Records
// the store cannot open are left out and reported by DecodeAll; any other
// failure is an error.
func (w *Wallet) List() (*Listing, error) {
	l := &Listing{}
	err := w.store.View(func(tx Tx) error {
		return tx.ForEach(BucketCredentials, func(id string, v []byte) error {
			l.ids = append(l.ids, id)
			l.raws = append(l.raws, v) // ForEach lets fn keep value
			return nil
		})
	})
	var damaged *DamagedError
	if err != nil && !errors.As(err, &damaged) {
		return nil, fmt.Errorf("list credentials: %w", err)
	}
	l.damaged = err
	added := make([]time.Time, len(l.ids))
	for i, raw := range l.raws {
		if k := bytes.Index(raw, addedKey); k >= 0 {
			rest := raw[k+len(addedKey):]
			if end := bytes.IndexByte(rest, '"'); end > 0 {
				added[i], _ = time.Parse(time.RFC3339Nano, string(rest[:end]))
			}
		}
	}
	order := make([]int, len(l.ids))
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(a, b int) bool {
		i, j := order[a], order[b]
		if !added[i].Equal(added[j]) {
			return added[i].After(added[j])
		}
		return l.ids[i] < l.ids[j]
	})
	ids, raws := make([]string, len(order)), make([][]byte, len(order))
	for k, i := range order {
		ids[k], raws[k] = l.ids[i], l.raws[i]
	}
	l.ids, l.raws = ids, raws
	l.creds = make([]credential.Credential, len(ids))
	l.done = make([]bool, len(ids))
	return l, nil
}

// Damaged is a *DamagedError naming the records the store could not
// open, or nil.
func (l *Listing) Damaged() error { return l.damaged }

// Len is the number of credentials listed.
func (l *Listing) Len() int { return len(l.ids) }

// At decodes and returns credential i. A record that does not decode
// comes back as an untitled credential with its id; DecodeAll reports it.
func (l *Listing) At(i int) *credential.Credential {
	if !l.done[i] {
		l.done[i] = true
		if json.Unmarshal(l.raws[i], &l.creds[i]) != nil {
			l.creds[i] = credential.Credential{ID: l.ids[i]}
		}
	}
	return &l.creds[i]
}

// DecodeAll decodes every credential, on every core, into a new slice in
// list order: what Credentials returns. Records that could not be opened
// or decoded are left out and named by a *DamagedError.
func (l *Listing) DecodeAll() ([]credential.Credential, error) {
	out := make([]credential.Credential, len(l.raws))
	bad := make([]bool, len(l.raws))
	workers := max(1, min(runtime.GOMAXPROCS(0), len(l.raws)/256))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := w; i < len(l.raws); i += workers {
				bad[i] = json.Unmarshal(l.raws[i], &out[i]) != nil
			}
		})
	}
	wg.Wait()
	var d *DamagedError
	if errors.As(l.damaged, &d) {
		d = &DamagedError{Records: slices.Clone(d.Records)}
	}
	kept := out[:0]
	for i := range out {
		if bad[i] {
			if d == nil {
				d = &DamagedError{}
			}
			d.Records = append(d.Records, string(BucketCredentials)+"/"+l.ids[i])
			continue
		}
		kept = append(kept, out[i])
	}
	if d != nil {
		return kept, d
	}
	return kept, nil
}
