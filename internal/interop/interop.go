// Package interop gives tests the third-party harness in ../shared/interop:
// issuers and verifiers built on well-known JavaScript libraries
// (digitalbazaar's vc, did-jwt-vc, @sd-jwt, vpqr). Satchel must accept what
// they issue, and its presentations must verify there.
//
// The shared folder is read-only, so the harness is copied to
// build/interop in the repository and its packages installed there once
// (npm ci), again only when its package-lock.json changes. SATCHEL_INTEROP
// names an already prepared copy instead.
//
// A machine without Node.js fails the tests that need it, with the command
// that installs it: make test installs it where missing.
package interop

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"

	"github.com/satchel-wallet/satchel/internal/fixture"
)

var (
	once     sync.Once
	dir      string
	setupErr error
)

// Dir returns the prepared harness folder.
func Dir(t testing.TB) string {
	t.Helper()
	if d := os.Getenv("SATCHEL_INTEROP"); d != "" {
		return d
	}
	src := filepath.Join(filepath.Dir(fixture.Root(t)), "interop")
	once.Do(func() { dir, setupErr = prepare(src) })
	if setupErr != nil {
		t.Fatalf("interop harness: %v", setupErr)
	}
	return dir
}

// prepare copies src to build/interop and installs its packages when the
// lock file differs from the last install.
func prepare(src string) (string, error) {
	if _, err := exec.LookPath("node"); err != nil {
		return "", fmt.Errorf("node is missing (Node.js 20 or newer): make test installs it, or run: sudo apt-get install -y nodejs npm")
	}
	root, err := moduleRoot()
	if err != nil {
		return "", err
	}
	dst := filepath.Join(root, "build", "interop")
	// Test binaries of several packages prepare the harness at once; a
	// file lock makes one install it while the others wait.
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return "", err
	}
	lf, err := os.OpenFile(dst+".lock", os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return "", err
	}
	defer lf.Close()
	if err := syscall.Flock(int(lf.Fd()), syscall.LOCK_EX); err != nil {
		return "", fmt.Errorf("lock %s: %w", lf.Name(), err)
	}
	defer syscall.Flock(int(lf.Fd()), syscall.LOCK_UN) //nolint:errcheck // closing unlocks too
	lock, err := os.ReadFile(filepath.Join(src, "package-lock.json"))
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256(lock)
	stamp := filepath.Join(dst, ".installed")
	if got, err := os.ReadFile(stamp); err == nil && bytes.Equal(got, []byte(hex.EncodeToString(sum[:]))) {
		return dst, copyTree(src, dst) // scripts may have changed; node_modules stays
	}
	if err := os.RemoveAll(dst); err != nil {
		return "", err
	}
	if err := copyTree(src, dst); err != nil {
		return "", err
	}
	cmd := exec.Command("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error")
	cmd.Dir = dst
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("npm ci in %s: %v\n%s", dst, err, out)
	}
	return dst, os.WriteFile(stamp, []byte(hex.EncodeToString(sum[:])), 0o644)
}

// copyTree copies the harness's files (not node_modules), making them
// writable.
func copyTree(src, dst string) error {
	return filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		if d.IsDir() {
			if d.Name() == "node_modules" {
				return filepath.SkipDir
			}
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		mode := os.FileMode(0o644)
		if info, err := d.Info(); err == nil && info.Mode()&0o111 != 0 {
			mode = 0o755
		}
		target := filepath.Join(dst, rel)
		if old, err := os.ReadFile(target); err == nil && bytes.Equal(old, data) {
			return nil // unchanged: never rewrite a script another test may be running
		}
		// A new file is renamed into place, so a reader sees the old
		// script or the new one, never half of one.
		tmp := target + ".tmp"
		if err := os.WriteFile(tmp, data, mode); err != nil {
			return err
		}
		return os.Rename(tmp, target)
	})
}

func moduleRoot() (string, error) {
	d, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d, nil
		}
		parent := filepath.Dir(d)
		if parent == d {
			return "", fmt.Errorf("no go.mod above %s", d)
		}
		d = parent
	}
}

// Node runs a harness script with args and returns its standard output.
func Node(t testing.TB, script string, args ...string) []byte {
	t.Helper()
	d := Dir(t)
	cmd := exec.Command("node", append([]string{script}, args...)...)
	cmd.Dir = d
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node %s %v: %v\n%s", script, args, err, stderr.String())
	}
	return out
}

var (
	corpusMu   sync.Mutex
	corpusDirs = map[int]string{}
)

// Corpus returns the folder of the harness's credential corpus of n valid
// credentials plus its negative cases, with manifest.json.
// gen-corpus.mjs is deterministic, so the corpus is generated once into
// build/interop/corpus-N and reused by every test package (they run as
// parallel processes: each generates into a folder of its own and renames
// it into place; the first to finish wins, and the others use its copy).
func Corpus(t testing.TB, n int) string {
	t.Helper()
	corpusMu.Lock()
	defer corpusMu.Unlock()
	if d, ok := corpusDirs[n]; ok {
		return d
	}
	dst := filepath.Join(Dir(t), fmt.Sprintf("corpus-%d", n))
	if _, err := os.Stat(filepath.Join(dst, "manifest.json")); err != nil {
		tmp, err := os.MkdirTemp(Dir(t), ".corpus-")
		if err != nil {
			t.Fatal(err)
		}
		Node(t, "gen-corpus.mjs", tmp, fmt.Sprint(n))
		if err := os.Rename(tmp, dst); err != nil {
			os.RemoveAll(tmp) // another process was first
		}
	}
	corpusDirs[n] = dst
	return dst
}

// BenchResults is what the harness's bench.mjs measured.
type BenchResults struct {
	Node    string `json:"node"`
	CPU     string `json:"cpu"`
	Results []struct {
		Name      string  `json:"name"`
		OpsPerSec float64 `json:"opsPerSec"`
		Failures  int     `json:"failures"`
	} `json:"results"`
}

// Bench runs the third-party libraries' benchmark on n items of each kind.
func Bench(t testing.TB, n int) *BenchResults {
	t.Helper()
	out := Node(t, "bench.mjs", "--n", fmt.Sprint(n))
	var r BenchResults
	if err := json.Unmarshal(out, &r); err != nil {
		t.Fatalf("bench.mjs printed %q: %v", out, err)
	}
	return &r
}

// OpsPerSec returns the throughput of the measurement whose name contains
// part, failing the test if it is missing or had failures.
func (r *BenchResults) OpsPerSec(t testing.TB, part string) float64 {
	t.Helper()
	for _, m := range r.Results {
		if strings.Contains(m.Name, part) {
			if m.Failures > 0 {
				t.Fatalf("%s: %d failures in the third-party run", m.Name, m.Failures)
			}
			return m.OpsPerSec
		}
	}
	t.Fatalf("bench.mjs has no %q", part)
	return 0
}

// Manifest is the harness's description of a corpus it issued
// (manifest.json): the holder, the issuers, and each file with what is
// expected of it.
type Manifest struct {
	Holder struct {
		DID           string          `json:"did"`
		Name          string          `json:"name"`
		PrivateKeyJwk json.RawMessage `json:"privateKeyJwk"`
		PublicKeyJwk  json.RawMessage `json:"publicKeyJwk"`
	} `json:"holder"`
	Issuers []struct {
		DID string `json:"did"`
	} `json:"issuers"`
	Entries []Entry `json:"entries"`
}

// Entry is one file of a corpus with what the harness expects of it.
type Entry struct {
	File   string   `json:"file"`
	Format string   `json:"format"`
	Expect string   `json:"expect"`
	Reason string   `json:"reason"`
	Title  string   `json:"title"`
	ECTS   *float64 `json:"ects"`
	EQF    *int     `json:"eqf"`
	Issuer string   `json:"issuer"`
	Grade  *string  `json:"grade"`
}

// CorpusManifest returns the folder of the corpus of n credentials (see
// Corpus) and its manifest.
func CorpusManifest(t testing.TB, n int) (string, *Manifest) {
	t.Helper()
	dir := Corpus(t, n)
	data, err := os.ReadFile(filepath.Join(dir, "manifest.json"))
	if err != nil {
		t.Fatalf("corpus manifest: %v", err)
	}
	var m Manifest
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatalf("corpus manifest: %v", err)
	}
	return dir, &m
}

// RequireNode skips a test that needs Node.js where it is missing, or fails
// it when SATCHEL_REQUIRE_TOOLS=1 (as make test sets), so that CI never
// passes by skipping.
func RequireNode(t testing.TB) {
	t.Helper()
	if _, err := exec.LookPath("node"); err != nil {
		if os.Getenv("SATCHEL_REQUIRE_TOOLS") == "1" {
			t.Fatalf("node is missing and SATCHEL_REQUIRE_TOOLS=1: %v", err)
		}
		t.Skip("node (Node.js 20 or newer) is missing: the third-party harness and its corpus cannot run; make test installs it")
	}
}
