package wallet_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/satchel-wallet/satchel/internal/fixture"
	"github.com/satchel-wallet/satchel/wallet"
	"github.com/satchel-wallet/satchel/wallet/credential"
)

// maxFuzzSeed keeps seeds small enough for the fuzzer to mutate usefully.
const maxFuzzSeed = 32 << 10

// FuzzVerify feeds arbitrary input to the whole pipeline: format
// recognition and every reader behind it. It must never panic, and every
// input must come out with a verdict that agrees with its checks.
func FuzzVerify(f *testing.F) {
	for _, pattern := range []string{
		"vectors/ob3/spec-ldp-testvector/signed.json",
		"vectors/ob3/1edtech-validator/ob30/*.json",
		"vectors/ob3/1edtech-validator/ob30/*.jwt",
		"vectors/ob3/1edtech-validator/clr20/*.jwt",
		"vectors/ob2-baked/1edtech-validator/ob20/*.json",
		"vectors/ob2-baked/1edtech-validator/ob20/*.jwt",
		"vectors/ob2-baked/mozilla-openbadges-bakery/*.svg",
		"edc/elm-v2-xml/EDC_WileECoyote_Simple.xml",
		"edc/ebsi-vcdm2-elm32/Microcredential_-_Data_and_software_business.json",
		"vectors/sd-jwt/extracted/*.txt",
	} {
		files, _ := filepath.Glob(filepath.Join(fixture.Root(f), pattern))
		for _, file := range files {
			if b, err := os.ReadFile(file); err == nil && len(b) <= maxFuzzSeed {
				f.Add(b)
			}
		}
	}
	for _, b := range [][]byte{testdataFile(f, "corpus-vc2.jsonld"), []byte("\x89PNG\r\n\x1a\n"), []byte("a.b.c"), []byte("a.b.c~d~")} {
		f.Add(b)
	}
	ch, err := wallet.NewChecker([]wallet.Holder{{Name: "Elena", DID: "did:key:z6MkprXS1mF5fNkf4B5YB37ponfwW9fDSw56ZG1JAicJXUAc"}})
	if err != nil {
		f.Fatal(err)
	}
	ch.MaxBytes = 1 << 20
	f.Fuzz(func(t *testing.T, data []byte) {
		v := ch.Verify(context.Background(), data)
		ver := v.Credential.Verification
		failed := false
		for _, c := range ver.Checks {
			failed = failed || c.Status == credential.Failed
			if c.Message == "" || c.Message == c.Code {
				t.Fatalf("check %s has no sentence: %+v", c.Check, c)
			}
		}
		switch ver.Verdict {
		case credential.Verified:
			if failed {
				t.Fatalf("verified with a failed check: %+v", ver.Checks)
			}
		case credential.Rejected:
			if len(ver.Checks) != 1 || ver.Checks[0].Check != credential.CheckFormat {
				t.Fatalf("rejected without the format check saying why: %+v", ver.Checks)
			}
		case credential.NotVerified:
		default:
			t.Fatalf("verdict %q", ver.Verdict)
		}
	})
}

func testdataFile(tb testing.TB, name string) []byte {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join("vc", "testdata", name))
	if err != nil {
		tb.Fatal(err)
	}
	return b
}
