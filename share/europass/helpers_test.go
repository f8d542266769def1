package europass_test

import (
	"context"
	"encoding/json"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/satchel-wallet/satchel/internal/fixture"
	"github.com/satchel-wallet/satchel/internal/interop"
	"github.com/satchel-wallet/satchel/wallet"
	"github.com/satchel-wallet/satchel/wallet/credential"
)

// update rewrites the golden files in testdata/ instead of comparing.
var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// exportTime is the fixed "now" of the exports under test, so that their
// output (ids, dates) is the same on every run.
var exportTime = time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)

// manifest is the part of the interop corpus's manifest.json the tests
// read: the holder every valid credential was issued to, and the files.
type manifest struct {
	Holder struct {
		DID  string `json:"did"`
		Name string `json:"name"`
	} `json:"holder"`
	Entries []struct {
		File   string `json:"file"`
		Format string `json:"format"`
		Expect string `json:"expect"`
	} `json:"entries"`
}

// requireTool skips a test whose external tool is missing, with the
// command that installs it, or fails it when SATCHEL_REQUIRE_TOOLS=1 (as
// make test sets, after scripts/deps.sh installed the tools).
func requireTool(t testing.TB, tool, pkg string) {
	t.Helper()
	if _, err := exec.LookPath(tool); err != nil {
		if os.Getenv("SATCHEL_REQUIRE_TOOLS") == "1" {
			t.Fatalf("%s is missing and SATCHEL_REQUIRE_TOOLS=1: %v", tool, err)
		}
		t.Skipf("%s is missing; install it with: sudo apt-get install -y %s (make test does)", tool, pkg)
	}
}

var (
	corpusOnce sync.Once
	corpusDir  string
	corpusMan  manifest
)

// loadCorpus returns the folder and manifest of the interop corpus of 200
// credentials (generated once by package internal/interop).
func loadCorpus(t testing.TB) (string, *manifest) {
	t.Helper()
	requireTool(t, "node", "nodejs npm")
	corpusOnce.Do(func() {
		corpusDir = interop.Corpus(t, 200)
		data, err := os.ReadFile(filepath.Join(corpusDir, "manifest.json"))
		if err != nil {
			t.Fatalf("corpus manifest: %v", err)
		}
		if err := json.Unmarshal(data, &corpusMan); err != nil {
			t.Fatal(err)
		}
	})
	if corpusMan.Holder.DID == "" {
		t.Fatal("the corpus manifest names no holder")
	}
	return corpusDir, &corpusMan
}

// holderDID is the corpus's holder, whose wallet the tests play.
func holderDID(t testing.TB) string {
	_, m := loadCorpus(t)
	return m.Holder.DID
}

var (
	checkerOnce sync.Once
	checkerVal  *wallet.Checker
	checkerErr  error
)

// checker returns a Checker for the corpus's holder, judging validity at
// a fixed time so that results do not change with the date.
func checker(t testing.TB) *wallet.Checker {
	t.Helper()
	did := holderDID(t)
	checkerOnce.Do(func() {
		checkerVal, checkerErr = wallet.NewChecker([]wallet.Holder{{ID: "h1", Name: "Elena", DID: did, FullName: "Elena Marković"}})
		if checkerVal != nil {
			checkerVal.Now = exportTime
		}
	})
	if checkerErr != nil {
		t.Fatal(checkerErr)
	}
	return checkerVal
}

// verify imports data as the wallet does, without storing it.
func verify(t testing.TB, data []byte) *wallet.Verified {
	t.Helper()
	return checker(t).Verify(context.Background(), data)
}

// readFile reads a file, failing the test if it cannot.
func readFile(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// corpusCredentials imports every corpus credential that is not refused
// (the valid ones and the well-formed invalid ones), in manifest order.
func corpusCredentials(t testing.TB) []*wallet.Verified {
	t.Helper()
	dir, m := loadCorpus(t)
	var out []*wallet.Verified
	for _, e := range m.Entries {
		if e.Expect == "reject" {
			continue
		}
		v := verify(t, readFile(t, filepath.Join(dir, e.File)))
		if v.Credential.Verification.Verdict == credential.Rejected {
			continue
		}
		out = append(out, v)
	}
	return out
}

// fixtureCredentials imports every credential among the shared fixtures of
// the formats Satchel converts: the Open Badges 3.0 and CLR vectors, the
// Digital Credentials Consortium's fixtures, Open Badges 2.0, the SD-JWT
// examples, and the European Digital Credentials (JSON-LD and XML).
// Presentations give their credentials; refused files are left out.
func fixtureCredentials(t testing.TB) map[string]*wallet.Verified {
	t.Helper()
	root := fixture.Root(t)
	out := map[string]*wallet.Verified{}
	for _, dir := range []string{"vectors/ob3", "vectors/ob2-baked", "vectors/sd-jwt", "edc"} {
		err := filepath.WalkDir(filepath.Join(root, dir), func(path string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			switch filepath.Ext(path) {
			case ".json", ".jsonld", ".jwt", ".png", ".svg", ".xml", ".sdjwt", ".txt":
			default:
				return nil
			}
			if info, err := d.Info(); err != nil || info.Size() > 4<<20 {
				return err
			}
			rel, _ := filepath.Rel(root, path)
			v := verify(t, readFile(t, path))
			add(out, rel, v)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return out
}

func add(out map[string]*wallet.Verified, name string, v *wallet.Verified) {
	if v.Credential.Verification.Verdict == credential.Rejected {
		return
	}
	if v.Presentation {
		for i, e := range v.Embedded {
			add(out, name+"#"+string(rune('1'+i)), e)
		}
		return
	}
	out[name] = v
}
