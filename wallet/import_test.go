package wallet_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/satchel-wallet/satchel/internal/interop"
	"github.com/satchel-wallet/satchel/wallet"
	"github.com/satchel-wallet/satchel/wallet/credential"
)

// corpusWallet returns a memory wallet whose holder is the corpus holder,
// with its checker, and the corpus folder.
func corpusWallet(t *testing.T) (*wallet.Wallet, *wallet.Checker, string, manifest) {
	t.Helper()
	dir, mp := interop.CorpusManifest(t, 200)
	m := *mp
	w := wallet.New(wallet.NewMemStore())
	keys := loadKeys(t)
	if _, err := w.ImportHolderKey("Elena", keys); err != nil {
		t.Fatal(err)
	}
	ch, err := w.Checker()
	if err != nil {
		t.Fatal(err)
	}
	return w, ch, dir, m
}

// loadKeys returns the corpus holder's private JWK from the harness.
func loadKeys(t *testing.T) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(interop.Dir(t), "keys.json"))
	if err != nil {
		t.Fatal(err)
	}
	var k struct {
		Holder struct {
			PrivateKeyJwk jsonRaw `json:"privateKeyJwk"`
		} `json:"holder"`
	}
	if err := jsonUnmarshal(data, &k); err != nil || len(k.Holder.PrivateKeyJwk) == 0 {
		t.Fatalf("keys.json holder key: %v", err)
	}
	return k.Holder.PrivateKeyJwk
}

func inputs(t *testing.T, dir string, files ...string) []wallet.Input {
	t.Helper()
	var in []wallet.Input
	for _, f := range files {
		data, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		in = append(in, wallet.Input{Name: f, Data: data})
	}
	return in
}

func TestImportStoresAndRecognisesDuplicates(t *testing.T) {
	w, ch, dir, m := corpusWallet(t)
	var files []string
	for _, e := range m.Entries[:30] {
		files = append(files, e.File)
	}
	files = append(files, "neg-garbage.bin", "neg-tampered-vc2.jsonld", "neg-expired-sdjwt.sdjwt")
	res, err := w.Import(context.Background(), ch, inputs(t, dir, files...), nil)
	if err != nil {
		t.Fatal(err)
	}
	counts := map[wallet.ImportStatus]int{}
	for _, r := range res {
		counts[r.Status]++
	}
	if counts[wallet.Imported] != 32 || counts[wallet.RejectedInput] != 1 || len(res) != 33 {
		t.Fatalf("statuses: %v", counts)
	}
	creds, err := w.Credentials()
	if err != nil || len(creds) != 32 {
		t.Fatalf("%d credentials stored (%v), want 32", len(creds), err)
	}
	// Again: every one a duplicate, nothing new stored.
	again, err := w.Import(context.Background(), ch, inputs(t, dir, files...), nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range again {
		if r.Status != wallet.Duplicate && r.Status != wallet.RejectedInput {
			t.Fatalf("%s imported again as %s", r.Input, r.Status)
		}
	}
	if creds, _ := w.Credentials(); len(creds) != 32 {
		t.Fatalf("re-import changed the count to %d", len(creds))
	}
	// A pretty-printed copy of a JSON-LD credential is the same credential.
	first := inputs(t, dir, m.Entries[0].File)[0]
	var buf bytes.Buffer
	if err := json.Indent(&buf, first.Data, "", "\t"); err != nil {
		t.Fatal(err)
	}
	pretty := wallet.Input{Name: "pretty.jsonld", Data: buf.Bytes()}
	res, _ = w.Import(context.Background(), ch, []wallet.Input{pretty}, nil)
	if res[0].Status != wallet.Duplicate {
		t.Fatalf("reformatted copy: %s", res[0].Status)
	}
}

func TestImportPresentation(t *testing.T) {
	w, ch, dir, m := corpusWallet(t)
	var creds []string
	for _, e := range m.Entries {
		if strings.HasSuffix(e.File, ".jsonld") && e.Expect == "valid" && len(creds) < 2 {
			creds = append(creds, filepath.Join(dir, e.File))
		}
	}
	vp := filepath.Join(t.TempDir(), "vp.json")
	interop.Node(t, "make-vp.mjs", append([]string{"--format", "ldp", "--challenge", "c-1", "--domain", "d.example", "--out", vp}, creds...)...)
	res, err := w.Import(context.Background(), ch, inputs(t, filepath.Dir(vp), filepath.Base(vp)), nil)
	if err != nil {
		t.Fatal(err)
	}
	if res[0].Status != wallet.Presentation || res[0].Credential.Verification.Verdict != credential.Verified || len(res[0].Embedded) != 2 {
		t.Fatalf("presentation: %s %s %d: %s", res[0].Status, res[0].Credential.Verification.Verdict, len(res[0].Embedded), summary(res[0].Credential.Verification))
	}
	for _, e := range res[0].Embedded {
		if e.Status != wallet.Imported || e.Credential.Verification.Verdict != credential.Verified {
			t.Fatalf("embedded %s: %s %s", e.Input, e.Status, e.Credential.Verification.Verdict)
		}
	}
}

func TestLookupDeleteReverify(t *testing.T) {
	w, ch, dir, m := corpusWallet(t)
	var expiring string
	for _, e := range m.Entries {
		if e.Expect == "valid" && strings.HasSuffix(e.File, ".jsonld") {
			expiring = e.File
			break
		}
	}
	res, err := w.Import(context.Background(), ch, inputs(t, dir, expiring), nil)
	if err != nil || res[0].Status != wallet.Imported {
		t.Fatalf("import: %v %v", err, res)
	}
	id := res[0].Credential.ID
	got, orig, err := w.Credential(id[:8])
	if err != nil || got.ID != id || len(orig) == 0 {
		t.Fatalf("lookup by prefix: %v", err)
	}
	if _, _, err := w.Credential(id[:3]); !errors.Is(err, wallet.ErrInvalid) {
		t.Fatalf("too short a prefix: %v", err)
	}
	if _, _, err := w.Credential("ffffffffffff"); !errors.Is(err, wallet.ErrNotFound) {
		t.Fatalf("unknown id: %v", err)
	}
	// Time moves on: re-verifying in 2040 finds credentials with an end
	// date expired, and the stored verification changes with it.
	later := *ch
	later.Now = time.Date(2040, 1, 1, 0, 0, 0, 0, time.UTC)
	re, err := w.Reverify(context.Background(), &later, id)
	if err != nil {
		t.Fatal(err)
	}
	if !got.ValidUntil.IsZero() && re.Verification.Verdict != credential.NotVerified {
		t.Fatalf("re-verify in 2040: %s", re.Verification.Verdict)
	}
	if re.Verification.CheckedAt.Year() != 2040 {
		t.Fatalf("checked at %v", re.Verification.CheckedAt)
	}
	if _, err := w.DeleteCredential(id[:10]); err != nil {
		t.Fatal(err)
	}
	if _, _, err := w.Credential(id); !errors.Is(err, wallet.ErrNotFound) {
		t.Fatalf("after delete: %v", err)
	}
}

func TestImportCancel(t *testing.T) {
	w, ch, dir, m := corpusWallet(t)
	var files []string
	for _, e := range m.Entries[:100] {
		files = append(files, e.File)
	}
	ctx, cancel := context.WithCancel(context.Background())
	res, err := w.Import(ctx, ch, inputs(t, dir, files...), func(done, total int) {
		if done == 10 {
			cancel()
		}
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("want context.Canceled, got %v", err)
	}
	creds, _ := w.Credentials()
	if len(res) >= 100 || len(creds) != len(res) || len(res) < 10 {
		t.Fatalf("cancelled after 10: %d results, %d stored", len(res), len(creds))
	}
}
