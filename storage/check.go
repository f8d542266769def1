package storage

import (
	"fmt"

	bolt "go.etcd.io/bbolt"

	"github.com/satchel-wallet/satchel/wallet"
)

// CheckReport is the result of [Vault.Check].
type CheckReport struct {
	// Records counts the records that opened and authenticated.
	Records int `json:"records"`
	// Buckets counts intact records per bucket.
	Buckets map[wallet.Bucket]int `json:"buckets"`
	// Damaged names each record that failed, as "bucket/id".
	Damaged []string `json:"damaged"`
	// Structure lists problems bbolt found in the file's page structure.
	Structure []string `json:"structure"`
}

// OK reports whether the check found nothing wrong.
func (r *CheckReport) OK() bool { return len(r.Damaged) == 0 && len(r.Structure) == 0 }

// Check walks the whole file: first bbolt's own consistency check of pages
// and free lists, then every record of every bucket is opened and
// authenticated. Damaged records are listed by id; the walk never stops at
// one, and the vault stays usable. The error is non-nil only if the check
// itself could not run.
func (v *Vault) Check() (rep *CheckReport, err error) {
	v.mu.RLock()
	defer v.mu.RUnlock()
	if v.db == nil {
		return nil, wallet.ErrLocked
	}
	rep = &CheckReport{Buckets: map[wallet.Bucket]int{}, Damaged: []string{}, Structure: []string{}}
	err = v.db.View(func(tx *bolt.Tx) error {
		for e := range tx.Check() {
			rep.Structure = append(rep.Structure, e.Error())
		}
		for _, b := range wallet.Buckets() {
			if err := v.checkBucket(tx, b, rep); err != nil {
				return err
			}
		}
		return nil
	})
	return rep, err
}

func (v *Vault) checkBucket(tx *bolt.Tx, b wallet.Bucket, rep *CheckReport) (err error) {
	// A page damaged badly enough can make bbolt panic while walking it; the
	// check reports that and goes on with the next bucket.
	defer func() {
		if r := recover(); r != nil {
			rep.Structure = append(rep.Structure, fmt.Sprintf("bucket %s: walk aborted: %v", b, r))
		}
	}()
	if tx.Bucket([]byte(b)) == nil {
		rep.Structure = append(rep.Structure, fmt.Sprintf("bucket %s is missing", b))
		return nil
	}
	vt := &vaultTx{tx: tx, keys: v.keys}
	err = vt.ForEach(b, func(string, []byte) error {
		rep.Records++
		rep.Buckets[b]++
		return nil
	})
	if d, ok := err.(*wallet.DamagedError); ok {
		rep.Damaged = append(rep.Damaged, d.Records...)
		return nil
	}
	return err
}
