package ui

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"runtime"
	"sort"
	"sync"
	"time"

	"github.com/satchel-wallet/satchel/wallet"
	"github.com/satchel-wallet/satchel/wallet/credential"
)

// Reading the wallet for the list happens in two steps, because decoding
// is nearly all the time it takes: 10,000 credentials are about 38 MB of
// JSON, most of a second on one core.
//
//  1. readRaw copies the records out of the store (tens of milliseconds),
//     finds each one's date added without decoding it, and puts them in
//     list order. The list shows at once from this rawList, decoding only
//     the cards that come into view.
//  2. decodeAll decodes every record, on every core, for the index (and
//     every other screen), off the UI goroutine; the list then switches
//     to the index.
//
// Both give what wallet.Credentials gives: every credential, most recently
// added first, damaged records left out and reported as a
// *wallet.DamagedError. This belongs in package wallet (a cheap listing
// with lazy decoding); it is here until the wallet has one.

// rawList is the wallet's credentials as stored, in list order, each
// decoded when first asked for. It is used on the UI goroutine only.
type rawList struct {
	ids   []string
	raws  [][]byte
	creds []credential.Credential
	done  []bool
}

// addedKey is how the date added starts in a stored record: the JSON of
// credential.Credential, whose top level alone has an "added" member (a
// quote inside a string value is escaped, so text cannot fake it).
var addedKey = []byte(`"added":"`)

// readRaw copies the credential records out of s and sorts them as the
// list shows them.
func readRaw(s wallet.Store) (*rawList, error) {
	r := &rawList{}
	err := s.View(func(tx wallet.Tx) error {
		return tx.ForEach(wallet.BucketCredentials, func(id string, v []byte) error {
			r.ids = append(r.ids, id)
			r.raws = append(r.raws, v) // ForEach lets fn keep value
			return nil
		})
	})
	var damaged *wallet.DamagedError
	if err != nil && !errors.As(err, &damaged) {
		return nil, fmt.Errorf("list credentials: %w", err)
	}
	added := make([]time.Time, len(r.ids))
	for i, raw := range r.raws {
		if k := bytes.Index(raw, addedKey); k >= 0 {
			rest := raw[k+len(addedKey):]
			if end := bytes.IndexByte(rest, '"'); end > 0 {
				added[i], _ = time.Parse(time.RFC3339Nano, string(rest[:end]))
			}
		}
	}
	order := make([]int, len(r.ids))
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(a, b int) bool {
		i, j := order[a], order[b]
		if !added[i].Equal(added[j]) {
			return added[i].After(added[j])
		}
		return r.ids[i] < r.ids[j]
	})
	ids, raws := make([]string, len(order)), make([][]byte, len(order))
	for k, i := range order {
		ids[k], raws[k] = r.ids[i], r.raws[i]
	}
	r.ids, r.raws = ids, raws
	r.creds = make([]credential.Credential, len(ids))
	r.done = make([]bool, len(ids))
	return r, err
}

func (r *rawList) len() int { return len(r.ids) }

// at decodes and returns credential i. A record that does not decode
// shows as an untitled credential with its id; decodeAll reports it.
func (r *rawList) at(i int) *credential.Credential {
	if !r.done[i] {
		r.done[i] = true
		if json.Unmarshal(r.raws[i], &r.creds[i]) != nil {
			r.creds[i] = credential.Credential{ID: r.ids[i]}
		}
	}
	return &r.creds[i]
}

// decodeAll decodes every record of r, in parallel, into a new slice (the
// UI goroutine may be decoding into r's meanwhile). It only reads r's ids
// and raws, which never change.
func decodeAll(r *rawList, damaged error) ([]credential.Credential, error) {
	out := make([]credential.Credential, len(r.raws))
	bad := make([]bool, len(r.raws))
	workers := max(1, min(runtime.GOMAXPROCS(0), len(r.raws)/256))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := w; i < len(r.raws); i += workers {
				bad[i] = json.Unmarshal(r.raws[i], &out[i]) != nil
			}
		})
	}
	wg.Wait()
	var d *wallet.DamagedError
	errors.As(damaged, &d)
	kept := out[:0]
	for i := range out {
		if bad[i] {
			if d == nil {
				d = &wallet.DamagedError{}
			}
			d.Records = append(d.Records, string(wallet.BucketCredentials)+"/"+r.ids[i])
			continue
		}
		kept = append(kept, out[i])
	}
	if d != nil {
		return kept, d
	}
	return kept, nil
}
