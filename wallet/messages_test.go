package wallet_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/satchel-wallet/satchel/wallet/credential"
	_ "github.com/satchel-wallet/satchel/wallet/stack" // registers its sentences
)

// checkCode matches a string literal that looks like a check code.
var checkCode = regexp.MustCompile(`"((?:format|proof|holder|validity|status|issuer|accreditation)\.[a-z0-9-]+)"`)

// TestEveryCheckCodeHasASentence finds every check code written in the
// wallet's source and requires a registered English sentence for it: a
// check shown as its bare code tells the learner nothing.
func TestEveryCheckCodeHasASentence(t *testing.T) {
	msgs := credential.Messages()
	found := 0
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, m := range checkCode.FindAllSubmatch(src, -1) {
			code := string(m[1])
			found++
			if code == "issuer.id" { // a JSON path in jose, not a check code
				continue
			}
			if _, ok := msgs[code]; !ok {
				t.Errorf("%s: check code %s has no sentence", path, code)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if found < 50 {
		t.Fatalf("found only %d check codes: the pattern is broken", found)
	}
}
