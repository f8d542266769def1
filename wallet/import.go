package wallet

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"runtime"
	"sync"
	"time"

	"github.com/satchel-wallet/satchel/wallet/credential"
)

// ImportStatus says what happened to one input.
type ImportStatus string

// The outcomes of importing an input.
const (
	// Imported: stored, whatever its verdict (a credential that is not
	// verified is kept, and says so).
	Imported ImportStatus = "imported"
	// Duplicate: the wallet already holds this credential; nothing changed.
	Duplicate ImportStatus = "duplicate"
	// RejectedInput: not a credential, or over a limit; nothing stored.
	RejectedInput ImportStatus = "rejected"
	// Presentation: a presentation, verified; its credentials are imported
	// in their own right (see ImportResult.Embedded).
	Presentation ImportStatus = "presentation"
)

// Input is one thing to import: a name for reports (a file name) and its
// bytes.
type Input struct {
	Name string
	Data []byte
}

// ImportResult is the outcome of importing one input.
type ImportResult struct {
	Input      string                `json:"input"`
	Status     ImportStatus          `json:"status"`
	Credential credential.Credential `json:"credential"`
	Embedded   []ImportResult        `json:"embedded,omitempty"`
}

// Checker returns a Checker over the wallet's profiles and trust list.
func (w *Wallet) Checker() (*Checker, error) {
	hs, err := w.Holders()
	if err != nil {
		return nil, err
	}
	tl, err := w.TrustList()
	if err != nil {
		return nil, err
	}
	ch, err := NewChecker(hs)
	if err != nil {
		return nil, err
	}
	ch.Trust = tl
	return ch, nil
}

// importBatch is how many credentials are written per transaction: each
// transaction syncs the file, so batching keeps bulk imports fast, while
// small batches keep a crash from losing much.
const importBatch = 256

// Import verifies every input with ch and stores the credentials. Inputs
// are verified in parallel and stored in batches; results come back in the
// order of inputs. progress, if not nil, is called after each input. A
// cancelled ctx stops the import after the inputs already under way; what
// was stored stays stored. Rejected inputs store nothing; a credential the
// wallet already has is reported as a duplicate.
func (w *Wallet) Import(ctx context.Context, ch *Checker, inputs []Input, progress func(done, total int)) ([]ImportResult, error) {
	verified := make([]*Verified, len(inputs))
	jobs := make(chan int)
	var wg sync.WaitGroup
	workers := min(runtime.GOMAXPROCS(0), max(len(inputs), 1))
	var mu sync.Mutex
	done := 0
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				verified[i] = ch.Verify(ctx, inputs[i].Data)
				if progress != nil {
					mu.Lock()
					done++
					progress(done, len(inputs))
					mu.Unlock()
				}
			}
		}()
	}
	var cancelled error
feed:
	for i := range inputs {
		select {
		case jobs <- i:
		case <-ctx.Done():
			cancelled = ctx.Err()
			break feed
		}
	}
	close(jobs)
	wg.Wait()

	results := make([]ImportResult, 0, len(inputs))
	var pending []*Verified
	for i, v := range verified {
		if v == nil {
			break // not reached before cancellation
		}
		res := ImportResult{Input: inputs[i].Name, Credential: v.Credential}
		switch {
		case v.Credential.Verification.Verdict == credential.Rejected:
			res.Status = RejectedInput
		case v.Presentation:
			res.Status = Presentation
			for j, e := range v.Embedded {
				name := fmt.Sprintf("%s#%d", inputs[i].Name, j+1)
				res.Embedded = append(res.Embedded, ImportResult{Input: name, Credential: e.Credential})
				pending = append(pending, e)
			}
		default:
			pending = append(pending, v)
		}
		results = append(results, res)
	}
	statuses, err := w.storeVerified(pending)
	if err != nil {
		return results, err
	}
	k := 0
	for i := range results {
		r := &results[i]
		switch r.Status {
		case RejectedInput:
		case Presentation:
			for j := range r.Embedded {
				r.Embedded[j].Status, r.Embedded[j].Credential = statuses[k].status, statuses[k].cred
				k++
			}
		default:
			r.Status, r.Credential = statuses[k].status, statuses[k].cred
			k++
		}
	}
	return results, cancelled
}

type stored struct {
	status ImportStatus
	cred   credential.Credential
}

// storeVerified writes verified credentials in batches, skipping those already in
// the wallet (or earlier in vs) and rejected embedded ones.
func (w *Wallet) storeVerified(vs []*Verified) ([]stored, error) {
	out := make([]stored, len(vs))
	seen := make(map[string]bool)
	now := w.now().UTC().Truncate(time.Millisecond)
	for start := 0; start < len(vs); start += importBatch {
		end := min(start+importBatch, len(vs))
		err := w.store.Update(func(tx Tx) error {
			for i := start; i < end; i++ {
				v := vs[i]
				c := v.Credential
				if c.Verification.Verdict == credential.Rejected {
					out[i] = stored{RejectedInput, c}
					continue
				}
				if seen[c.ID] {
					out[i] = stored{Duplicate, c}
					continue
				}
				seen[c.ID] = true
				if prev, err := tx.Get(BucketCredentials, c.ID); err == nil {
					var existing credential.Credential
					if json.Unmarshal(prev, &existing) == nil {
						c = existing
					}
					out[i] = stored{Duplicate, c}
					continue
				} else if !errors.Is(err, ErrNotFound) {
					return err
				}
				c.Added = now
				if err := putJSON(tx, BucketCredentials, c.ID, c); err != nil {
					return err
				}
				if err := tx.Put(BucketOriginals, c.ID, v.Original); err != nil {
					return err
				}
				out[i] = stored{Imported, c}
			}
			return nil
		})
		if err != nil {
			return out, fmt.Errorf("store credentials: %w", err)
		}
	}
	return out, nil
}

// Reverify verifies a stored credential again from its original bytes
// (dates move on; with network checks allowed, more can be checked) and
// stores the new result.
func (w *Wallet) Reverify(ctx context.Context, ch *Checker, id string) (credential.Credential, error) {
	old, orig, err := w.Credential(id)
	if err != nil {
		return credential.Credential{}, err
	}
	v := ch.Verify(ctx, orig)
	c := v.Credential
	c.ID = old.ID
	err = w.store.Update(func(tx Tx) error {
		// What the learner added (the date, tags) is read again inside
		// the transaction, so an edit made while verifying is kept.
		cur, err := tx.Get(BucketCredentials, c.ID)
		if err != nil {
			return err
		}
		var now credential.Credential
		if err := json.Unmarshal(cur, &now); err != nil {
			return fmt.Errorf("credential %s: %v: %w", c.ID, err, ErrIntegrity)
		}
		c.Added, c.Tags = now.Added, now.Tags
		return putJSON(tx, BucketCredentials, c.ID, c)
	})
	if err != nil {
		return c, fmt.Errorf("store verification: %w", err)
	}
	return c, nil
}
