package storage_test

import (
	"crypto/rand"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/satchel-wallet/satchel/storage"
	"github.com/satchel-wallet/satchel/wallet"
)

// BenchmarkUnlock measures opening a vault with the real KDF parameters
// (Argon2id, 64 MiB, t=3, p=4): the wait a learner has at unlock.
func BenchmarkUnlock(b *testing.B) {
	v, path := newVault(b)
	v.Close()
	b.ReportAllocs()
	for b.Loop() {
		v, err := storage.Open(path, pass)
		if err != nil {
			b.Fatal(err)
		}
		v.Close()
	}
}

// credentialRecord is a value of the size of a normalised credential
// record (about 2 KiB).
func credentialRecord() []byte {
	v := make([]byte, 2048)
	rand.Read(v)
	return v
}

func BenchmarkPut(b *testing.B) {
	b.Setenv(storage.InsecureTestKDFEnv, "1")
	v, _ := newVault(b)
	val := credentialRecord()
	b.ReportAllocs()
	b.SetBytes(int64(len(val)))
	i := 0
	for b.Loop() {
		i++
		if err := v.Update(func(tx wallet.Tx) error {
			return tx.Put(wallet.BucketCredentials, fmt.Sprintf("cred-%d", i), val)
		}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkGet(b *testing.B) {
	b.Setenv(storage.InsecureTestKDFEnv, "1")
	v, _ := newVault(b)
	fill(b, v, 1000)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		i++
		if err := v.View(func(tx wallet.Tx) error {
			_, err := tx.Get(wallet.BucketCredentials, fmt.Sprintf("cred-%05d", i%1000))
			return err
		}); err != nil {
			b.Fatal(err)
		}
	}
}

func fill(b *testing.B, v *storage.Vault, n int) {
	b.Helper()
	val := credentialRecord()
	err := v.Update(func(tx wallet.Tx) error {
		for i := range n {
			if err := tx.Put(wallet.BucketCredentials, fmt.Sprintf("cred-%05d", i), val); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
}

// BenchmarkOpenAndList10k opens a vault of 10,000 credential records with
// the real KDF and lists them all (every record decrypted); the listing's
// share is reported as list-ms (target: at most 300 ms).
func BenchmarkOpenAndList10k(b *testing.B) {
	path := filepath.Join(b.TempDir(), "big.satchel")
	v, err := storage.Create(path, pass)
	if err != nil {
		b.Fatal(err)
	}
	fill(b, v, 10_000)
	v.Close()
	b.ReportAllocs()
	var listNs int64
	for b.Loop() {
		v, err := storage.Open(path, pass)
		if err != nil {
			b.Fatal(err)
		}
		start := nowNanos()
		n := 0
		if err := v.View(func(tx wallet.Tx) error {
			return tx.ForEach(wallet.BucketCredentials, func(string, []byte) error { n++; return nil })
		}); err != nil || n != 10_000 {
			b.Fatalf("listed %d: %v", n, err)
		}
		listNs += nowNanos() - start
		v.Close()
	}
	b.ReportMetric(float64(listNs)/float64(b.N)/1e6, "list-ms")
}

func nowNanos() int64 { return time.Now().UnixNano() }
