package storage_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"filippo.io/age"

	"github.com/satchel-wallet/satchel/storage"
	"github.com/satchel-wallet/satchel/wallet"
)

// sampleWallet fills a vault with a profile, credentials, and originals of
// awkward shapes: binary, JSON with whitespace, empty.
func sampleWallet(t *testing.T, v *storage.Vault) map[string]string {
	t.Helper()
	if _, err := wallet.New(v).Init(wallet.KeyEd25519); err != nil {
		t.Fatal(err)
	}
	recs := map[string][]byte{
		"credentials/c1":   []byte(`{"title":"Γλώσσα και πολιτισμός","ects":5}`),
		"credentials/c2":   []byte(`{"title":"Cloud \u003cbasics\u003e & more"}`),
		"originals/c1":     []byte("{\n  \"name\": \"pretty printed\"\n}\n"),
		"originals/c2":     {0x89, 'P', 'N', 'G', 0, 1, 2, 0xff},
		"collections/work": []byte(`{"id":"work","name":"Work"}`),
		"log/1":            []byte(`[1,2,3]`),
		"settings/empty":   []byte(`{}`),
	}
	err := v.Update(func(tx wallet.Tx) error {
		for k, val := range recs {
			b, id, _ := strings.Cut(k, "/")
			if err := tx.Put(wallet.Bucket(b), id, val); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return dump(t, v)
}

// dump returns every record of the store as "bucket/id" -> value.
func dump(t *testing.T, s wallet.Store) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := s.View(func(tx wallet.Tx) error {
		for _, b := range wallet.Buckets() {
			if err := tx.ForEach(b, func(id string, v []byte) error {
				out[string(b)+"/"+id] = string(v)
				return nil
			}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func backupFile(t *testing.T, v *storage.Vault) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "wallet.satchel-backup")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := v.Backup(f, pass); err != nil {
		t.Fatal(err)
	}
	return path
}

func restore(t *testing.T, backup, target string, force bool) (*storage.RestoreInfo, error) {
	t.Helper()
	f, err := os.Open(backup)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	return storage.Restore(f, pass, target, storage.RestoreOptions{Force: force})
}

func TestBackupRestoreRoundTrip(t *testing.T) {
	t.Setenv(storage.InsecureTestKDFEnv, "1")
	v, _ := newVault(t)
	want := sampleWallet(t, v)
	backup := backupFile(t, v)

	target := filepath.Join(t.TempDir(), "restored.satchel")
	info, err := restore(t, backup, target, false)
	if err != nil {
		t.Fatal(err)
	}
	if info.Records != len(want) || info.Replaced != "" {
		t.Fatalf("restore info: %+v, want %d records", info, len(want))
	}
	r := reopen(t, target)
	if got := dump(t, r); !equalMaps(got, want) {
		t.Fatalf("restored records differ:\n got %q\nwant %q", got, want)
	}
	if rep, err := r.Check(); err != nil || !rep.OK() {
		t.Fatalf("restored wallet fails check: %+v %v", rep, err)
	}
}

// TestBackupOpensWithAgeTool decrypts a backup with the standard age
// command (driven through a pseudo-terminal, the only place it reads a
// passphrase from) and checks the documented inner format.
func TestBackupOpensWithAgeTool(t *testing.T) {
	ageBin, err := exec.LookPath("age")
	if err != nil {
		t.Fatal("the age command is missing; `make test` installs it (Debian package age)")
	}
	scriptBin, err := exec.LookPath("script")
	if err != nil {
		t.Fatal("the script command (util-linux) is missing")
	}
	t.Setenv(storage.InsecureTestKDFEnv, "1")
	v, _ := newVault(t)
	want := sampleWallet(t, v)
	backup := backupFile(t, v)

	plain := filepath.Join(t.TempDir(), "plain.jsonl")
	cmd := exec.Command(scriptBin, "-qec", ageBin+" -d -o "+plain+" "+backup, "/dev/null")
	stdin, _ := cmd.StdinPipe()
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	stdin.Write(append(bytes.Clone(pass), '\n'))
	err = cmd.Wait()
	stdin.Close()
	if err != nil {
		t.Fatalf("age -d: %v\n%s", err, out.String())
	}
	data, err := os.ReadFile(plain)
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	var lines []map[string]any
	for sc.Scan() {
		var m map[string]any
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatalf("line %d is not JSON: %v", len(lines)+1, err)
		}
		lines = append(lines, m)
	}
	if len(lines) != len(want)+2 {
		t.Fatalf("%d lines, want header + %d records + trailer", len(lines), len(want))
	}
	if lines[0]["satchel"] != "backup" || lines[0]["version"] != 1.0 {
		t.Fatalf("header: %v", lines[0])
	}
	if last := lines[len(lines)-1]; last["end"] != true || last["records"] != float64(len(want)) {
		t.Fatalf("trailer: %v", last)
	}
	if !bytes.Contains(data, []byte(`"json":{"title":"Γλώσσα και πολιτισμός","ects":5}`)) {
		t.Fatal("a JSON record is not stored readably in the backup")
	}
}

func TestRestoreNeverOverwritesUnasked(t *testing.T) {
	t.Setenv(storage.InsecureTestKDFEnv, "1")
	v, _ := newVault(t)
	sampleWallet(t, v)
	backup := backupFile(t, v)

	existing, path := newVault(t)
	fillRecords(t, existing, "mine")
	existing.Close()
	before := fileSum(t, path)
	if _, err := restore(t, backup, path, false); !errors.Is(err, wallet.ErrExists) {
		t.Fatalf("want ErrExists, got %v", err)
	}
	if fileSum(t, path) != before {
		t.Fatal("restore without force changed the existing wallet")
	}

	// While another window has it open, even --force must wait its turn.
	held := reopen(t, path)
	if _, err := restore(t, backup, path, true); !errors.Is(err, wallet.ErrInUse) {
		t.Fatalf("restore over an open wallet: want ErrInUse, got %v", err)
	}
	held.Close()

	info, err := restore(t, backup, path, true)
	if err != nil {
		t.Fatal(err)
	}
	if info.Replaced == "" || fileSum(t, info.Replaced) != before {
		t.Fatalf("the replaced wallet was not kept intact: %+v", info)
	}
	if got := dump(t, reopen(t, path)); got["credentials/mine"] != "" || got["credentials/c1"] == "" {
		t.Fatal("the restored wallet does not hold the backup's records")
	}
}

// encryptInner encrypts an inner backup document the way Backup does, so
// that tests can restore hand-made (broken) contents.
func encryptInner(t *testing.T, inner string) string {
	t.Helper()
	r, err := age.NewScryptRecipient(string(pass))
	if err != nil {
		t.Fatal(err)
	}
	r.SetWorkFactor(10)
	var buf bytes.Buffer
	w, _ := age.Encrypt(&buf, r)
	w.Write([]byte(inner))
	w.Close()
	path := filepath.Join(t.TempDir(), "crafted.satchel-backup")
	os.WriteFile(path, buf.Bytes(), 0o600)
	return path
}

func TestRestoreVerifiesEverythingFirst(t *testing.T) {
	t.Setenv(storage.InsecureTestKDFEnv, "1")
	v, _ := newVault(t)
	sampleWallet(t, v)
	good := backupFile(t, v)
	goodBytes, _ := os.ReadFile(good)

	const hdr = `{"satchel":"backup","version":1,"created":"2026-11-22T10:00:00Z","format":1,"schema":1}` + "\n"
	flipped := bytes.Clone(goodBytes)
	flipped[len(flipped)-40] ^= 1
	truncated := goodBytes[:len(goodBytes)-30]
	write := func(b []byte) string {
		p := filepath.Join(t.TempDir(), "b")
		os.WriteFile(p, b, 0o600)
		return p
	}
	cases := map[string]struct {
		path string
		want error
	}{
		"flipped byte":     {write(flipped), storage.ErrNotBackup},
		"truncated":        {write(truncated), storage.ErrNotBackup},
		"not age":          {write([]byte("hello, this is not a backup")), storage.ErrNotBackup},
		"no header":        {encryptInner(t, `{"bucket":"log","id":"x","json":{}}`+"\n"), storage.ErrNotBackup},
		"no trailer":       {encryptInner(t, hdr+`{"bucket":"log","id":"x","json":{}}`+"\n"), storage.ErrNotBackup},
		"count mismatch":   {encryptInner(t, hdr+`{"bucket":"log","id":"x","json":{}}`+"\n"+`{"end":true,"records":2}`+"\n"), storage.ErrNotBackup},
		"after trailer":    {encryptInner(t, hdr+`{"end":true}`+"\n"+`{"bucket":"log","id":"x","json":{}}`+"\n"), storage.ErrNotBackup},
		"duplicate":        {encryptInner(t, hdr+`{"bucket":"log","id":"x","json":{}}`+"\n"+`{"bucket":"log","id":"x","json":{}}`+"\n"+`{"end":true,"records":2}`+"\n"), storage.ErrNotBackup},
		"unknown bucket":   {encryptInner(t, hdr+`{"bucket":"secrets","id":"x","json":{}}`+"\n"+`{"end":true,"records":1}`+"\n"), wallet.ErrInvalid},
		"broken profile":   {encryptInner(t, hdr+`{"bucket":"holders","id":"h","json":{"id":"h","did":"did:key:z6Mk","privateKey":{"kty":"OKP"}}}`+"\n"+`{"end":true,"records":1}`+"\n"), wallet.ErrInvalid},
		"newer schema":     {encryptInner(t, `{"satchel":"backup","version":1,"schema":99}`+"\n"), storage.ErrNewerVersion},
		"two values":       {encryptInner(t, hdr+`{"bucket":"log","id":"x","json":{},"base64":"AA=="}`+"\n"+`{"end":true,"records":1}`+"\n"), storage.ErrNotBackup},
		"wrong passphrase": {encryptWith(t, "another passphrase", hdr), wallet.ErrWrongPassphrase},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			existing, path := newVault(t)
			fillRecords(t, existing, "precious")
			existing.Close()
			before := fileSum(t, path)
			f, err := os.Open(c.path)
			if err != nil {
				t.Fatal(err)
			}
			_, err = storage.CheckBackup(f, pass)
			f.Close()
			if !errors.Is(err, c.want) {
				t.Fatalf("CheckBackup: want %v, got %v", c.want, err)
			}
			_, err = restore(t, c.path, path, true)
			if !errors.Is(err, c.want) {
				t.Fatalf("want %v, got %v", c.want, err)
			}
			if fileSum(t, path) != before {
				t.Fatal("a failed restore changed the existing wallet")
			}
			entries, _ := os.ReadDir(filepath.Dir(path))
			if len(entries) != 1 {
				t.Fatalf("a failed restore left %d files in the directory", len(entries))
			}
		})
	}
}

func encryptWith(t *testing.T, passphrase, inner string) string {
	t.Helper()
	r, _ := age.NewScryptRecipient(passphrase)
	r.SetWorkFactor(10)
	var buf bytes.Buffer
	w, _ := age.Encrypt(&buf, r)
	w.Write([]byte(inner))
	w.Close()
	path := filepath.Join(t.TempDir(), "other.satchel-backup")
	os.WriteFile(path, buf.Bytes(), 0o600)
	return path
}
