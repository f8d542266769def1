// Package storetest is the behavioural test suite that every implementation
// of [wallet.Store] must pass. The encrypted vault and the in-memory store
// run the same suite, so the domain can rely on one contract.
package storetest

import (
	"bytes"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/satchel-wallet/satchel/wallet"
)

// Factory makes stores for the suite.
type Factory struct {
	// New returns an empty store. The suite does not close it; register
	// cleanup with t.Cleanup.
	New func(t *testing.T) wallet.Store
	// Reopen closes s and opens the same data again, or returns s itself for
	// stores that do not persist.
	Reopen func(t *testing.T, s wallet.Store) wallet.Store
}

// Run runs every behaviour test against stores made by f.
func Run(t *testing.T, f Factory) {
	tests := []struct {
		name string
		fn   func(*testing.T, Factory)
	}{
		{"PutGet", testPutGet},
		{"GetMissing", testGetMissing},
		{"Overwrite", testOverwrite},
		{"Delete", testDelete},
		{"BucketsAreSeparate", testBucketsSeparate},
		{"ForEachVisitsAll", testForEach},
		{"ForEachStops", testForEachStops},
		{"UpdateRollsBack", testRollback},
		{"ReadYourWrites", testReadYourWrites},
		{"ValuesAreCopies", testCopies},
		{"ViewIsReadOnly", testReadOnly},
		{"BadKeys", testBadKeys},
		{"EmptyAndLargeValues", testSizes},
		{"Persistence", testPersistence},
		{"Concurrent", testConcurrent},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { tc.fn(t, f) })
	}
}

func put(t *testing.T, s wallet.Store, b wallet.Bucket, id string, v []byte) {
	t.Helper()
	if err := s.Update(func(tx wallet.Tx) error { return tx.Put(b, id, v) }); err != nil {
		t.Fatalf("put %s/%s: %v", b, id, err)
	}
}

func get(s wallet.Store, b wallet.Bucket, id string) ([]byte, error) {
	var v []byte
	err := s.View(func(tx wallet.Tx) error {
		var err error
		v, err = tx.Get(b, id)
		return err
	})
	return v, err
}

func mustGet(t *testing.T, s wallet.Store, b wallet.Bucket, id string) []byte {
	t.Helper()
	v, err := get(s, b, id)
	if err != nil {
		t.Fatalf("get %s/%s: %v", b, id, err)
	}
	return v
}

func all(t *testing.T, s wallet.Store, b wallet.Bucket) map[string]string {
	t.Helper()
	got := map[string]string{}
	err := s.View(func(tx wallet.Tx) error {
		return tx.ForEach(b, func(id string, v []byte) error {
			if _, dup := got[id]; dup {
				return fmt.Errorf("id %q visited twice", id)
			}
			got[id] = string(v)
			return nil
		})
	})
	if err != nil {
		t.Fatalf("ForEach %s: %v", b, err)
	}
	return got
}

func testPutGet(t *testing.T, f Factory) {
	s := f.New(t)
	put(t, s, wallet.BucketCredentials, "c1", []byte(`{"title":"Data literacy"}`))
	if got := mustGet(t, s, wallet.BucketCredentials, "c1"); string(got) != `{"title":"Data literacy"}` {
		t.Fatalf("got %q", got)
	}
}

func testGetMissing(t *testing.T, f Factory) {
	s := f.New(t)
	_, err := get(s, wallet.BucketCredentials, "nope")
	if !errors.Is(err, wallet.ErrNotFound) {
		t.Fatalf("want ErrNotFound, got %v", err)
	}
}

func testOverwrite(t *testing.T, f Factory) {
	s := f.New(t)
	put(t, s, wallet.BucketMeta, "k", []byte("one"))
	put(t, s, wallet.BucketMeta, "k", []byte("two"))
	if got := mustGet(t, s, wallet.BucketMeta, "k"); string(got) != "two" {
		t.Fatalf("got %q, want two", got)
	}
	if n := len(all(t, s, wallet.BucketMeta)); n != 1 {
		t.Fatalf("%d records after overwrite, want 1", n)
	}
}

func testDelete(t *testing.T, f Factory) {
	s := f.New(t)
	put(t, s, wallet.BucketStacks, "s", []byte("x"))
	if err := s.Update(func(tx wallet.Tx) error { return tx.Delete(wallet.BucketStacks, "s") }); err != nil {
		t.Fatal(err)
	}
	if _, err := get(s, wallet.BucketStacks, "s"); !errors.Is(err, wallet.ErrNotFound) {
		t.Fatalf("after delete: want ErrNotFound, got %v", err)
	}
	err := s.Update(func(tx wallet.Tx) error { return tx.Delete(wallet.BucketStacks, "s") })
	if !errors.Is(err, wallet.ErrNotFound) {
		t.Fatalf("second delete: want ErrNotFound, got %v", err)
	}
}

func testBucketsSeparate(t *testing.T, f Factory) {
	s := f.New(t)
	put(t, s, wallet.BucketCredentials, "same", []byte("credential"))
	put(t, s, wallet.BucketOriginals, "same", []byte("original"))
	if got := mustGet(t, s, wallet.BucketCredentials, "same"); string(got) != "credential" {
		t.Fatalf("credentials/same = %q", got)
	}
	if got := mustGet(t, s, wallet.BucketOriginals, "same"); string(got) != "original" {
		t.Fatalf("originals/same = %q", got)
	}
	if n := len(all(t, s, wallet.BucketLog)); n != 0 {
		t.Fatalf("log has %d records, want 0", n)
	}
}

func testForEach(t *testing.T, f Factory) {
	s := f.New(t)
	want := map[string]string{}
	err := s.Update(func(tx wallet.Tx) error {
		for i := range 300 {
			id := fmt.Sprintf("rec-%03d", i)
			want[id] = strings.Repeat("v", i)
			if err := tx.Put(wallet.BucketCredentials, id, []byte(want[id])); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	got := all(t, s, wallet.BucketCredentials)
	if len(got) != len(want) {
		t.Fatalf("ForEach visited %d, want %d", len(got), len(want))
	}
	for id, v := range want {
		if got[id] != v {
			t.Fatalf("%s: got %d bytes, want %d", id, len(got[id]), len(v))
		}
	}
}

func testForEachStops(t *testing.T, f Factory) {
	s := f.New(t)
	for _, id := range []string{"a", "b", "c"} {
		put(t, s, wallet.BucketCollections, id, []byte(id))
	}
	stop := errors.New("stop")
	n := 0
	err := s.View(func(tx wallet.Tx) error {
		return tx.ForEach(wallet.BucketCollections, func(string, []byte) error {
			n++
			return stop
		})
	})
	if !errors.Is(err, stop) || n != 1 {
		t.Fatalf("err = %v after %d calls; want the callback's error after 1", err, n)
	}
}

func testRollback(t *testing.T, f Factory) {
	s := f.New(t)
	put(t, s, wallet.BucketMeta, "kept", []byte("before"))
	boom := errors.New("boom")
	err := s.Update(func(tx wallet.Tx) error {
		if err := tx.Put(wallet.BucketMeta, "kept", []byte("after")); err != nil {
			return err
		}
		if err := tx.Put(wallet.BucketMeta, "new", []byte("x")); err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("Update returned %v, want the function's error", err)
	}
	if got := mustGet(t, s, wallet.BucketMeta, "kept"); string(got) != "before" {
		t.Fatalf("rolled-back write is visible: %q", got)
	}
	if _, err := get(s, wallet.BucketMeta, "new"); !errors.Is(err, wallet.ErrNotFound) {
		t.Fatalf("rolled-back record exists: %v", err)
	}
}

func testReadYourWrites(t *testing.T, f Factory) {
	s := f.New(t)
	put(t, s, wallet.BucketHolders, "gone", []byte("x"))
	err := s.Update(func(tx wallet.Tx) error {
		if err := tx.Put(wallet.BucketHolders, "h", []byte("new")); err != nil {
			return err
		}
		if v, err := tx.Get(wallet.BucketHolders, "h"); err != nil || string(v) != "new" {
			return fmt.Errorf("inside the transaction: got %q, %v", v, err)
		}
		if err := tx.Delete(wallet.BucketHolders, "gone"); err != nil {
			return err
		}
		if _, err := tx.Get(wallet.BucketHolders, "gone"); !errors.Is(err, wallet.ErrNotFound) {
			return fmt.Errorf("deleted record still visible: %v", err)
		}
		ids := []string{}
		if err := tx.ForEach(wallet.BucketHolders, func(id string, _ []byte) error {
			ids = append(ids, id)
			return nil
		}); err != nil {
			return err
		}
		if len(ids) != 1 || ids[0] != "h" {
			return fmt.Errorf("ForEach inside the transaction saw %v, want [h]", ids)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func testCopies(t *testing.T, f Factory) {
	s := f.New(t)
	v := []byte("original")
	put(t, s, wallet.BucketMeta, "k", v)
	copy(v, "XXXXXXXX")
	got := mustGet(t, s, wallet.BucketMeta, "k")
	if string(got) != "original" {
		t.Fatalf("store kept the caller's slice: %q", got)
	}
	got[0] = 'Z'
	if again := mustGet(t, s, wallet.BucketMeta, "k"); string(again) != "original" {
		t.Fatalf("Get returned the store's own slice: %q", again)
	}
}

func testReadOnly(t *testing.T, f Factory) {
	s := f.New(t)
	put(t, s, wallet.BucketMeta, "k", []byte("v"))
	err := s.View(func(tx wallet.Tx) error { return tx.Put(wallet.BucketMeta, "x", []byte("y")) })
	if !errors.Is(err, wallet.ErrReadOnly) {
		t.Fatalf("Put in View: want ErrReadOnly, got %v", err)
	}
	err = s.View(func(tx wallet.Tx) error { return tx.Delete(wallet.BucketMeta, "k") })
	if !errors.Is(err, wallet.ErrReadOnly) {
		t.Fatalf("Delete in View: want ErrReadOnly, got %v", err)
	}
}

func testBadKeys(t *testing.T, f Factory) {
	s := f.New(t)
	cases := []struct {
		b  wallet.Bucket
		id string
	}{
		{"no-such-bucket", "id"},
		{wallet.BucketMeta, ""},
		{wallet.BucketMeta, strings.Repeat("x", wallet.MaxIDLength+1)},
	}
	for _, c := range cases {
		err := s.Update(func(tx wallet.Tx) error { return tx.Put(c.b, c.id, []byte("v")) })
		if !errors.Is(err, wallet.ErrInvalid) {
			t.Errorf("Put(%q, %d-byte id): want ErrInvalid, got %v", c.b, len(c.id), err)
		}
	}
}

func testSizes(t *testing.T, f Factory) {
	s := f.New(t)
	big := bytes.Repeat([]byte{0xA5, 0x00, 0xFF}, 1<<20/3)
	put(t, s, wallet.BucketOriginals, "big", big)
	put(t, s, wallet.BucketOriginals, "empty", nil)
	put(t, s, wallet.BucketOriginals, "ünïcödé id ✓", []byte("u"))
	if got := mustGet(t, s, wallet.BucketOriginals, "big"); !bytes.Equal(got, big) {
		t.Fatalf("1 MiB value came back different (%d bytes)", len(got))
	}
	if got := mustGet(t, s, wallet.BucketOriginals, "empty"); len(got) != 0 {
		t.Fatalf("empty value came back as %d bytes", len(got))
	}
	if got := mustGet(t, s, wallet.BucketOriginals, "ünïcödé id ✓"); string(got) != "u" {
		t.Fatalf("unicode id: %q", got)
	}
}

func testPersistence(t *testing.T, f Factory) {
	s := f.New(t)
	put(t, s, wallet.BucketCredentials, "c", []byte("stays"))
	put(t, s, wallet.BucketCredentials, "d", []byte("goes"))
	if err := s.Update(func(tx wallet.Tx) error { return tx.Delete(wallet.BucketCredentials, "d") }); err != nil {
		t.Fatal(err)
	}
	s = f.Reopen(t, s)
	got := all(t, s, wallet.BucketCredentials)
	if len(got) != 1 || got["c"] != "stays" {
		t.Fatalf("after reopen: %v", got)
	}
}

func testConcurrent(t *testing.T, f Factory) {
	s := f.New(t)
	var wg sync.WaitGroup
	errs := make(chan error, 64)
	for w := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 25 {
				id := fmt.Sprintf("w%d-%02d", w, i)
				if err := s.Update(func(tx wallet.Tx) error {
					return tx.Put(wallet.BucketLog, id, []byte(id))
				}); err != nil {
					errs <- err
					return
				}
				if _, err := get(s, wallet.BucketLog, id); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	got := all(t, s, wallet.BucketLog)
	ids := make([]string, 0, len(got))
	for id, v := range got {
		if id != v {
			t.Fatalf("%s holds %q", id, v)
		}
		ids = append(ids, id)
	}
	sort.Strings(ids)
	if len(ids) != 100 {
		t.Fatalf("%d records after concurrent writes, want 100", len(ids))
	}
}
