package wallet_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/satchel-wallet/satchel/internal/interop"
	"github.com/satchel-wallet/satchel/wallet"
	"github.com/satchel-wallet/satchel/wallet/credential"
)

// corpusFiles returns the valid corpus files of one format.
func corpusFiles(tb testing.TB, format string) [][]byte {
	tb.Helper()
	dir := interop.Corpus(tb, 200)
	var m manifest
	data, err := os.ReadFile(filepath.Join(dir, "manifest.json"))
	if err != nil {
		tb.Fatal(err)
	}
	if err := jsonUnmarshal(data, &m); err != nil {
		tb.Fatal(err)
	}
	var out [][]byte
	for _, e := range m.Entries {
		if e.Format == format && e.Expect == "valid" {
			b, err := os.ReadFile(filepath.Join(dir, e.File))
			if err != nil {
				tb.Fatal(err)
			}
			out = append(out, b)
		}
	}
	if len(out) == 0 {
		tb.Fatalf("no %s credentials in the corpus", format)
	}
	return out
}

// benchVerify verifies the corpus credentials of a format in turn through
// the whole pipeline: detection, parsing, normalising, proof, and the
// wallet's own checks.
func benchVerify(b *testing.B, format string) {
	files := corpusFiles(b, format)
	ch, err := wallet.NewChecker([]wallet.Holder{{Name: "Elena", DID: "did:key:z6MkprXS1mF5fNkf4B5YB37ponfwW9fDSw56ZG1JAicJXUAc"}})
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		v := ch.Verify(ctx, files[i%len(files)])
		if v.Credential.Verification.Verdict != credential.Verified {
			b.Fatalf("%s: %s", format, summary(v.Credential.Verification))
		}
		i++
	}
}

// The formats of the harness's corpus, as its manifest names them.
var benchFormats = []string{"vc2-ldp-eddsa-rdfc-2022", "vc1-ldp-ed25519-2020", "vc1-jwt-eddsa", "vc1-jwt-es256", "sd-jwt-vc"}

func BenchmarkVerifyCorpus(b *testing.B) {
	for _, f := range benchFormats {
		b.Run(f, func(b *testing.B) { benchVerify(b, f) })
	}
}
