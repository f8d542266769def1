package cli_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/spf13/cobra"

	"github.com/satchel-wallet/satchel/internal/cli"
	"github.com/satchel-wallet/satchel/internal/fixture"
	"github.com/satchel-wallet/satchel/storage"
	"github.com/satchel-wallet/satchel/wallet"
)

const testPass = "orange tractor silent meadow"

// env is a command-line environment over a temporary directory.
type env struct {
	t    *testing.T
	dir  string
	vars map[string]string
}

func newEnv(t *testing.T) *env {
	t.Helper()
	t.Setenv(storage.InsecureTestKDFEnv, "1") // the KDF is tested in storage
	dir := t.TempDir()
	return &env{t: t, dir: dir, vars: map[string]string{
		storage.WalletEnv: filepath.Join(dir, "wallet.satchel"),
		cli.PassphraseEnv: testPass,
	}}
}

func (e *env) wallet() string { return e.vars[storage.WalletEnv] }

// run runs satchel-cli in-process and returns the exit code and outputs.
func (e *env) run(args ...string) (int, string, string) {
	e.t.Helper()
	var out, errb bytes.Buffer
	code := cli.Run(context.Background(), args, cli.IO{
		In: strings.NewReader(""), Out: &out, Err: &errb,
		Getenv: func(k string) string { return e.vars[k] },
	})
	return code, out.String(), errb.String()
}

// ok runs a command that must succeed and returns its stdout.
func (e *env) ok(args ...string) string {
	e.t.Helper()
	code, out, errs := e.run(args...)
	if code != cli.ExitOK {
		e.t.Fatalf("satchel-cli %s: exit %d\n%s%s", strings.Join(args, " "), code, out, errs)
	}
	return out
}

func (e *env) jsonOf(v any, args ...string) {
	e.t.Helper()
	out := e.ok(append(args, "--json")...)
	if err := json.Unmarshal([]byte(out), v); err != nil {
		e.t.Fatalf("--json output of %v is not JSON: %v\n%s", args, err, out)
	}
}

func sum(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

func TestInitAndHolders(t *testing.T) {
	e := newEnv(t)
	var created struct {
		Wallet string
		Holder wallet.Holder
	}
	e.jsonOf(&created, "init")
	if created.Wallet != e.wallet() || !strings.HasPrefix(created.Holder.DID, "did:key:z6Mk") || !created.Holder.Default {
		t.Fatalf("init: %+v", created)
	}
	if code, _, errs := e.run("init"); code != cli.ExitUsage || !strings.Contains(errs, "already exists") {
		t.Fatalf("second init: exit %d, %s", code, errs)
	}

	e.ok("holder", "add", "--name", "Work", "--key", "p256")
	jwkFile := filepath.Join(e.dir, "old.jwk")
	var vectors map[string]struct {
		VerificationMethod struct{ PrivateKeyJwk json.RawMessage } `json:"verificationMethod"`
	}
	json.Unmarshal(fixture.Read(t, "vectors/did-key/test-vectors/nist-curves.json"), &vectors)
	const vectorDID = "did:key:zDnaerDaTF5BXEavCrfRZEk316dpbLsfPDZ3WJ5hRTPFU2169"
	os.WriteFile(jwkFile, vectors[vectorDID].VerificationMethod.PrivateKeyJwk, 0o600)
	out := e.ok("holder", "import-key", "--jwk", jwkFile, "--name", "Old wallet")
	if !strings.Contains(out, vectorDID) {
		t.Fatalf("import-key printed %q, want the vector's DID", out)
	}
	e.ok("holder", "default", "old wallet")

	var list struct{ Holders []wallet.Holder }
	e.jsonOf(&list, "holder", "list")
	if len(list.Holders) != 3 || list.Holders[0].DID != vectorDID || !list.Holders[0].Default {
		t.Fatalf("holder list: %+v", list.Holders)
	}
	text := e.ok("holder", "list")
	if !strings.Contains(text, "Old wallet  yes") || !strings.Contains(text, created.Holder.DID) {
		t.Fatalf("holder list text:\n%s", text)
	}

	doc := e.ok("holder", "export-public", "Old wallet")
	var d struct{ ID string }
	if json.Unmarshal([]byte(doc), &d); d.ID != vectorDID || strings.Contains(doc, `"d"`) {
		t.Fatalf("export-public: %s", doc)
	}
	jwk := e.ok("holder", "export-public", "default", "--format", "jwk")
	if !strings.Contains(jwk, `"kty":"OKP"`) || strings.Contains(jwk, `"d"`) {
		t.Fatalf("export-public jwk: %s", jwk)
	}

	// The private key moves to another wallet by an explicit export.
	keyFile := filepath.Join(e.dir, "moved.jwk")
	e.ok("holder", "export-key", "default", "-o", keyFile)
	if st, _ := os.Stat(keyFile); st.Mode().Perm() != 0o600 {
		t.Fatalf("exported key file mode %v", st.Mode().Perm())
	}
	if code, _, _ := e.run("holder", "export-key", "default", "-o", keyFile); code != cli.ExitUsage {
		t.Fatal("export-key overwrote an existing file")
	}
	other := newEnv(t)
	other.ok("init")
	if out := other.ok("holder", "import-key", "--jwk", keyFile, "--name", "moved"); !strings.Contains(out, created.Holder.DID) {
		t.Fatalf("moved identity: %s", out)
	}

	for _, bad := range [][]string{
		{"holder", "add"},
		{"holder", "add", "--name", "x", "--key", "rsa"},
		{"holder", "default"},
		{"holder", "nope"},
		{"nope"},
		{"init", "--bogus"},
	} {
		if code, _, _ := e.run(bad...); code != cli.ExitUsage {
			t.Errorf("%v: exit %d, want %d", bad, code, cli.ExitUsage)
		}
	}
	if code, _, errs := e.run("holder", "default", "nobody"); code != cli.ExitUsage || !strings.Contains(errs, `profile "nobody"`) {
		t.Errorf("unknown profile: exit %d: %s", code, errs)
	}
}

func TestWrongPassphraseInProcess(t *testing.T) {
	e := newEnv(t)
	e.ok("init")
	before := sum(t, e.wallet())
	e.vars[cli.PassphraseEnv] = "not the passphrase"
	var doc map[string]string
	code, out, errs := e.run("holder", "list", "--json")
	if code != cli.ExitUsage {
		t.Fatalf("exit %d", code)
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil || doc["error"] != "wrong passphrase" {
		t.Fatalf("--json error document: %q", out)
	}
	if !strings.HasPrefix(errs, "satchel-cli: wrong passphrase\n") {
		t.Fatalf("stderr: %q", errs)
	}
	if sum(t, e.wallet()) != before {
		t.Fatal("a wrong passphrase changed the file")
	}
}

func TestPassphraseSources(t *testing.T) {
	e := newEnv(t)
	delete(e.vars, cli.PassphraseEnv)
	if code, _, errs := e.run("init"); code != cli.ExitUsage || !strings.Contains(errs, "no passphrase") {
		t.Fatalf("no passphrase anywhere: exit %d: %s", code, errs)
	}
	short := filepath.Join(e.dir, "short")
	os.WriteFile(short, []byte("abc\n"), 0o600)
	if code, _, errs := e.run("init", "--passphrase-file", short); code != cli.ExitUsage || !strings.Contains(errs, "at least 8") {
		t.Fatalf("short passphrase: exit %d: %s", code, errs)
	}
	file := filepath.Join(e.dir, "pass")
	os.WriteFile(file, []byte(testPass+"\r\nsecond line ignored\n"), 0o600)
	e.ok("init", "--passphrase-file", file)
	e.vars[cli.PassphraseEnv] = testPass // the file's first line, without CRLF
	e.ok("holder", "list")
}

func TestPasswd(t *testing.T) {
	e := newEnv(t)
	e.ok("init")
	e.vars[cli.NewPassphraseEnv] = "a different passphrase now"
	e.ok("passwd")
	if code, _, _ := e.run("holder", "list"); code != cli.ExitUsage {
		t.Fatal("the old passphrase still opens the wallet")
	}
	e.vars[cli.PassphraseEnv] = "a different passphrase now"
	e.ok("holder", "list")
}

func TestCheckBackupRestore(t *testing.T) {
	e := newEnv(t)
	var created struct{ Holder wallet.Holder }
	e.jsonOf(&created, "init")
	var check struct {
		OK     bool
		Report storage.CheckReport
	}
	e.jsonOf(&check, "check")
	if !check.OK || check.Report.Records != 2 {
		t.Fatalf("check of a new wallet: %+v", check)
	}

	backup := filepath.Join(e.dir, "w.backup")
	e.ok("backup", "-o", backup)
	if code, _, _ := e.run("backup", "-o", backup); code != cli.ExitUsage {
		t.Fatal("backup overwrote an existing file without --force")
	}
	// Restoring over the existing wallet needs --force.
	before := sum(t, e.wallet())
	if code, _, errs := e.run("restore", backup); code != cli.ExitUsage || !strings.Contains(errs, "--force") {
		t.Fatalf("restore over a wallet: exit %d: %s", code, errs)
	}
	if sum(t, e.wallet()) != before {
		t.Fatal("restore without --force changed the wallet")
	}
	var restored struct {
		Restore storage.RestoreInfo
	}
	e.jsonOf(&restored, "restore", backup, "--force")
	if restored.Restore.Records != 2 || restored.Restore.Replaced == "" {
		t.Fatalf("restore: %+v", restored)
	}
	if sum(t, restored.Restore.Replaced) != before {
		t.Fatal("the replaced wallet was not kept as it was")
	}
	var list struct{ Holders []wallet.Holder }
	e.jsonOf(&list, "holder", "list")
	if len(list.Holders) != 1 || list.Holders[0].DID != created.Holder.DID {
		t.Fatalf("restored wallet: %+v", list)
	}

	// A backup under its own passphrase restores into a new path.
	bp := filepath.Join(e.dir, "backup-pass")
	os.WriteFile(bp, []byte("the backup's own passphrase\n"), 0o600)
	backup2 := filepath.Join(e.dir, "w2.backup")
	e.ok("backup", "-o", backup2, "--backup-passphrase-file", bp)
	fresh := newEnv(t)
	if code, _, errs := fresh.run("restore", backup2); code != cli.ExitUsage || !strings.Contains(errs, "wrong passphrase") {
		t.Fatalf("restore with the wallet passphrase: exit %d: %s", code, errs)
	}
	fresh.vars[cli.PassphraseEnv] = "the backup's own passphrase"
	fresh.ok("restore", backup2)
	fresh.ok("holder", "list")
}

// TestHelpEverywhere runs --help on every command of the tree.
func TestHelpEverywhere(t *testing.T) {
	e := newEnv(t)
	code, out, _ := e.run("--help")
	if code != cli.ExitOK || !strings.Contains(out, "Exit codes") {
		t.Fatalf("root --help: exit %d", code)
	}
	var paths [][]string
	var walk func(c *cobra.Command, prefix []string)
	walk = func(c *cobra.Command, prefix []string) {
		for _, sub := range c.Commands() {
			p := append(append([]string{}, prefix...), sub.Name())
			paths = append(paths, p)
			walk(sub, p)
		}
	}
	walk(cli.Command(), nil)
	if len(paths) < 10 {
		t.Fatalf("only %d commands found", len(paths))
	}
	for _, p := range paths {
		code, out, _ := e.run(append(p, "--help")...)
		if code != cli.ExitOK || !strings.Contains(out, "Usage:") {
			t.Errorf("%v --help: exit %d", p, code)
		}
	}
}

var (
	buildOnce sync.Once
	binPath   string
	buildErr  error
)

// binary builds satchel-cli with CGO_ENABLED=0, as shipped.
func binary(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "satchel-cli-bin")
		if err != nil {
			buildErr = err
			return
		}
		binPath = filepath.Join(dir, "satchel-cli")
		cmd := exec.Command("go", "build", "-o", binPath, "github.com/satchel-wallet/satchel/cmd/satchel-cli")
		cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
		if out, err := cmd.CombinedOutput(); err != nil {
			buildErr = err
			t.Logf("%s", out)
		}
	})
	if buildErr != nil {
		t.Fatalf("build satchel-cli with CGO_ENABLED=0: %v", buildErr)
	}
	return binPath
}

func TestBinaryExitCodes(t *testing.T) {
	bin := binary(t)
	e := newEnv(t)
	e.ok("init")
	before := sum(t, e.wallet())

	cmd := exec.Command(bin, "holder", "list")
	cmd.Env = append(os.Environ(), storage.WalletEnv+"="+e.wallet(), cli.PassphraseEnv+"=wrong passphrase")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != cli.ExitUsage {
		t.Fatalf("wrong passphrase: %v", err)
	}
	if !strings.HasPrefix(stderr.String(), "satchel-cli: wrong passphrase\n") {
		t.Fatalf("stderr: %q", stderr.String())
	}
	if sum(t, e.wallet()) != before {
		t.Fatal("the file changed")
	}

	// A second process on a wallet this process holds open.
	v, err := storage.Open(e.wallet(), []byte(testPass))
	if err != nil {
		t.Fatal(err)
	}
	defer v.Close()
	cmd = exec.Command(bin, "holder", "list")
	cmd.Env = append(os.Environ(), storage.WalletEnv+"="+e.wallet(), cli.PassphraseEnv+"="+testPass)
	stderr.Reset()
	cmd.Stderr = &stderr
	start := time.Now()
	err = cmd.Run()
	took := time.Since(start)
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != cli.ExitUsage {
		t.Fatalf("second process: %v", err)
	}
	if !strings.Contains(stderr.String(), "the wallet is open in another Satchel window") {
		t.Fatalf("second process said %q", stderr.String())
	}
	// The two seconds a learner may wait are measured on Open itself in
	// package storage (TestSecondProcessGetsClearErrorQuickly); here the
	// time includes starting a process, which a loaded machine slows, so
	// only a hang fails.
	if took >= 15*time.Second {
		t.Fatalf("second process took %v to give up", took)
	}
	t.Logf("second process refused in %v", took)
}
