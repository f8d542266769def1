package e2e_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/satchel-wallet/satchel/internal/interop"
	"github.com/satchel-wallet/satchel/storage"
	"github.com/satchel-wallet/satchel/wallet"
)

// corpusInputs returns the first n valid credentials of the harness's
// 10,000-credential corpus (every format: JSON-LD VC 1.1 and 2.0, VC-JWT
// EdDSA and ES256, SD-JWT VC), read into memory.
func corpusInputs(b *testing.B, n int) []wallet.Input {
	b.Helper()
	dir := interop.Corpus(b, 10000)
	var m struct {
		Entries []struct{ File, Expect string }
	}
	data, err := os.ReadFile(filepath.Join(dir, "manifest.json"))
	if err != nil {
		b.Fatal(err)
	}
	if err := json.Unmarshal(data, &m); err != nil {
		b.Fatal(err)
	}
	var in []wallet.Input
	for _, e := range m.Entries {
		if e.Expect != "valid" {
			continue
		}
		d, err := os.ReadFile(filepath.Join(dir, e.File))
		if err != nil {
			b.Fatal(err)
		}
		in = append(in, wallet.Input{Name: e.File, Data: d})
		if len(in) == n {
			return in
		}
	}
	b.Fatalf("the corpus has only %d valid credentials", len(in))
	return nil
}

// BenchmarkImport imports 1,000 and 10,000 distinct credentials into a new
// encrypted vault: verification (in parallel), normalising, sealing and
// writing in batches. The vault's key derivation is not part of it.
func BenchmarkImport(b *testing.B) {
	b.Setenv(storage.InsecureTestKDFEnv, "1")
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			inputs := corpusInputs(b, n)
			for b.Loop() {
				b.StopTimer()
				path := filepath.Join(b.TempDir(), "wallet.satchel")
				v, err := storage.Create(path, []byte("benchmark passphrase"))
				if err != nil {
					b.Fatal(err)
				}
				w := wallet.New(v)
				if _, err := w.Init(wallet.KeyEd25519); err != nil {
					b.Fatal(err)
				}
				ch, err := w.Checker()
				if err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				res, err := w.Import(context.Background(), ch, inputs, nil)
				b.StopTimer()
				if err != nil {
					b.Fatal(err)
				}
				for _, r := range res {
					if r.Status != wallet.Imported {
						b.Fatalf("%s: %s", r.Input, r.Status)
					}
				}
				v.Close()
				b.StartTimer()
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*n), "µs/credential")
		})
	}
}
