package storage_test

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/satchel-wallet/satchel/storage"
	"github.com/satchel-wallet/satchel/wallet"
	"github.com/satchel-wallet/satchel/wallet/storetest"
)

var pass = []byte("correct horse battery staple")

// newVault creates a vault in a temporary directory, closed at cleanup.
func newVault(t testing.TB) (*storage.Vault, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "wallet.satchel")
	v, err := storage.Create(path, pass)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { v.Close() })
	return v, path
}

func reopen(t testing.TB, path string) *storage.Vault {
	t.Helper()
	v, err := storage.Open(path, pass)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { v.Close() })
	return v
}

// TestStoreSuite runs the store contract against the real encrypted file,
// with the real KDF.
func TestStoreSuite(t *testing.T) {
	storetest.Run(t, storetest.Factory{
		New: func(t *testing.T) wallet.Store {
			v, _ := newVault(t)
			return v
		},
		Reopen: func(t *testing.T, s wallet.Store) wallet.Store {
			v := s.(*storage.Vault)
			if err := v.Close(); err != nil {
				t.Fatal(err)
			}
			return reopen(t, v.Path())
		},
	})
}

func fileSum(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

func TestWrongPassphraseLeavesFileUnchanged(t *testing.T) {
	v, path := newVault(t)
	if _, err := wallet.New(v).Init(wallet.KeyEd25519); err != nil {
		t.Fatal(err)
	}
	v.Close()
	before := fileSum(t, path)
	_, err := storage.Open(path, []byte("Correct horse battery staple"))
	if !errors.Is(err, wallet.ErrWrongPassphrase) {
		t.Fatalf("want ErrWrongPassphrase, got %v", err)
	}
	if err.Error() != "open wallet: wrong passphrase" {
		t.Fatalf("the message says more than it should: %q", err)
	}
	if fileSum(t, path) != before {
		t.Fatal("a failed unlock changed the file")
	}
	// A successful open of an up-to-date wallet does not write either.
	reopen(t, path).Close()
	if fileSum(t, path) != before {
		t.Fatal("opening an up-to-date wallet changed the file")
	}
}

func TestCreateRefusesExisting(t *testing.T) {
	_, path := newVault(t)
	if _, err := storage.Create(path, pass); !errors.Is(err, wallet.ErrExists) {
		t.Fatalf("want ErrExists, got %v", err)
	}
	other := filepath.Join(t.TempDir(), "notes.txt")
	os.WriteFile(other, []byte("my notes"), 0o600)
	if _, err := storage.Create(other, pass); !errors.Is(err, wallet.ErrExists) {
		t.Fatalf("want ErrExists over a plain file, got %v", err)
	}
	if b, _ := os.ReadFile(other); string(b) != "my notes" {
		t.Fatal("Create touched an existing file")
	}
	if _, err := storage.Create(filepath.Join(t.TempDir(), "w"), nil); !errors.Is(err, wallet.ErrInvalid) {
		t.Fatalf("empty passphrase: want ErrInvalid, got %v", err)
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Fatalf("Create left %d files behind", len(entries))
	}
}

func TestOpenErrors(t *testing.T) {
	dir := t.TempDir()
	if _, err := storage.Open(filepath.Join(dir, "missing"), pass); !errors.Is(err, wallet.ErrNotFound) {
		t.Fatalf("missing file: want ErrNotFound, got %v", err)
	}
	junk := filepath.Join(dir, "junk")
	os.WriteFile(junk, bytes.Repeat([]byte("not a wallet "), 1000), 0o600)
	if _, err := storage.Open(junk, pass); !errors.Is(err, storage.ErrNotVault) {
		t.Fatalf("junk file: want ErrNotVault, got %v", err)
	}
	// A valid bbolt file of some other program.
	other := filepath.Join(dir, "other.db")
	db, err := bolt.Open(other, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	db.Update(func(tx *bolt.Tx) error { _, err := tx.CreateBucket([]byte("x")); return err })
	db.Close()
	if _, err := storage.Open(other, pass); !errors.Is(err, storage.ErrNotVault) {
		t.Fatalf("foreign bbolt file: want ErrNotVault, got %v", err)
	}
}

func TestClosedVaultIsLocked(t *testing.T) {
	v, _ := newVault(t)
	v.Close()
	err := v.View(func(wallet.Tx) error { return nil })
	if !errors.Is(err, wallet.ErrLocked) {
		t.Fatalf("want ErrLocked, got %v", err)
	}
	if err := v.Close(); err != nil {
		t.Fatalf("second Close: %v", err)
	}
}

func TestChangePassphrase(t *testing.T) {
	v, path := newVault(t)
	w := wallet.New(v)
	h, err := w.Init(wallet.KeyEd25519)
	if err != nil {
		t.Fatal(err)
	}
	v.Close()
	before := rawRecords(t, path)
	v = reopen(t, path)
	next := []byte("a new and longer passphrase")
	if err := v.ChangePassphrase([]byte("wrong"), next); !errors.Is(err, wallet.ErrWrongPassphrase) {
		t.Fatalf("wrong current passphrase: want ErrWrongPassphrase, got %v", err)
	}
	if err := v.ChangePassphrase(pass, next); err != nil {
		t.Fatal(err)
	}
	v.Close()
	if after := rawRecords(t, path); !equalMaps(before, after) {
		t.Fatal("changing the passphrase rewrote records; it should rewrap only the data key")
	}
	if _, err := storage.Open(path, pass); !errors.Is(err, wallet.ErrWrongPassphrase) {
		t.Fatalf("old passphrase still opens: %v", err)
	}
	v2, err := storage.Open(path, next)
	if err != nil {
		t.Fatal(err)
	}
	defer v2.Close()
	got, err := wallet.New(v2).Holder("")
	if err != nil || got.DID != h.DID {
		t.Fatalf("after passphrase change: %+v, %v", got, err)
	}
}

// rawRecords returns every stored (sealed) record of the data buckets,
// reading the closed file directly.
func rawRecords(t *testing.T, path string) map[string]string {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second, ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	out := map[string]string{}
	db.View(func(tx *bolt.Tx) error {
		for _, b := range wallet.Buckets() {
			tx.Bucket([]byte(b)).ForEach(func(k, v []byte) error {
				out[string(b)+"/"+string(k)] = string(v)
				return nil
			})
		}
		return nil
	})
	return out
}

func equalMaps(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}
