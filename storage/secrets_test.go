package storage_test

import (
	"bytes"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/mr-tron/base58"
	bolt "go.etcd.io/bbolt"

	"github.com/satchel-wallet/satchel/storage"
	"github.com/satchel-wallet/satchel/wallet"
	"github.com/satchel-wallet/satchel/wallet/did"
)

// TestNoSecretInFile stores a credential with a known title and a holder
// key, then searches the raw file for the title, the DID, the key's
// identifier and every encoding of the key bytes, public and private.
func TestNoSecretInFile(t *testing.T) {
	v, path := newVault(t)
	w := wallet.New(v)
	h, err := w.Init(wallet.KeyEd25519)
	if err != nil {
		t.Fatal(err)
	}
	const title = "Advanced Data Literacy for Public Administration"
	const credID = "urn:uuid:5e8d4a34-7f0e-4f4b-9d1c-2a8c1d9b6f10"
	err = v.Update(func(tx wallet.Tx) error {
		if err := tx.Put(wallet.BucketCredentials, credID, []byte(`{"title":"`+title+`"}`)); err != nil {
			return err
		}
		return tx.Put(wallet.BucketOriginals, credID, []byte(`{"name":"`+title+`","credentialSubject":{"id":"`+h.DID+`"}}`))
	})
	if err != nil {
		t.Fatal(err)
	}
	privJWK, err := w.ExportPrivateKey("")
	if err != nil {
		t.Fatal(err)
	}
	var jwk struct{ D, X string }
	if err := json.Unmarshal(privJWK, &jwk); err != nil {
		t.Fatal(err)
	}
	d, _ := base64.RawURLEncoding.DecodeString(jwk.D)
	x, _ := base64.RawURLEncoding.DecodeString(jwk.X)
	pub, _ := did.ParseKey(h.DID)
	mb, _ := did.Multibase(pub)
	v.Close()

	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	needles := map[string][]byte{
		"title":                []byte(title),
		"title (lower case)":   []byte(strings.ToLower(title)),
		"credential id":        []byte(credID),
		"DID":                  []byte(h.DID),
		"multibase key":        []byte(mb),
		"key fragment":         []byte(strings.TrimPrefix(mb, "z6Mk")),
		"private key bytes":    d,
		"private key base64":   []byte(jwk.D),
		"private key hex":      []byte(hex.EncodeToString(d)),
		"private key base58":   []byte(base58.Encode(d)),
		"public key bytes":     x,
		"public key base64":    []byte(jwk.X),
		"profile name in JSON": []byte(`"name":"default"`),
		"JWK marker":           []byte(`"kty":"OKP"`),
	}
	for name, n := range needles {
		if len(n) < 8 {
			t.Fatalf("needle %s is too short to mean anything", name)
		}
		if bytes.Contains(raw, n) {
			t.Errorf("the raw file contains the %s", name)
		}
	}
	// The test is only meaningful if it can find things: the bucket names
	// are meant to be in clear.
	if !bytes.Contains(raw, []byte("credentials")) {
		t.Fatal("the bucket name is not in the file; the search is broken")
	}
}

// tamper edits the closed file with bbolt directly.
func tamper(t *testing.T, path string, fn func(tx *bolt.Tx) error) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Update(fn); err != nil {
		t.Fatal(err)
	}
	db.Close()
}

func fillRecords(t *testing.T, v *storage.Vault, ids ...string) {
	t.Helper()
	err := v.Update(func(tx wallet.Tx) error {
		for _, id := range ids {
			if err := tx.Put(wallet.BucketCredentials, id, []byte(`{"id":"`+id+`"}`)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// storedValues returns the raw stored values of the credentials bucket in
// key order.
func storedKeys(t *testing.T, path string) [][]byte {
	t.Helper()
	var keys [][]byte
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second, ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	db.View(func(tx *bolt.Tx) error {
		return tx.Bucket([]byte(wallet.BucketCredentials)).ForEach(func(k, _ []byte) error {
			keys = append(keys, bytes.Clone(k))
			return nil
		})
	})
	db.Close()
	return keys
}

func TestTamperedRecordIsReportedAlone(t *testing.T) {
	v, path := newVault(t)
	ids := []string{"alpha", "bravo", "charlie", "delta"}
	fillRecords(t, v, ids...)
	v.Close()

	// Flip one byte of one sealed value in the raw file itself.
	raw, _ := os.ReadFile(path)
	keys := storedKeys(t, path)
	var victim string
	db, _ := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true})
	var sealed []byte
	db.View(func(tx *bolt.Tx) error {
		sealed = bytes.Clone(tx.Bucket([]byte(wallet.BucketCredentials)).Get(keys[0]))
		return nil
	})
	db.Close()
	at := bytes.Index(raw, sealed)
	if at < 0 || bytes.Contains(raw[at+1:], sealed) {
		t.Fatal("could not locate the sealed record uniquely in the file")
	}
	raw[at+len(sealed)/2] ^= 0x01
	if err := os.WriteFile(path, raw, 0o600); err != nil {
		t.Fatal(err)
	}

	v = reopen(t, path)
	var intact []string
	err := v.View(func(tx wallet.Tx) error {
		return tx.ForEach(wallet.BucketCredentials, func(id string, _ []byte) error {
			intact = append(intact, id)
			return nil
		})
	})
	var damaged *wallet.DamagedError
	if !errors.As(err, &damaged) || len(damaged.Records) != 1 || !errors.Is(err, wallet.ErrIntegrity) {
		t.Fatalf("want one damaged record, got %v", err)
	}
	victim = strings.TrimPrefix(damaged.Records[0], "credentials/")
	if len(intact) != 3 {
		t.Fatalf("%d intact records, want 3", len(intact))
	}
	for _, id := range intact {
		if id == victim {
			t.Fatalf("%s reported both intact and damaged", id)
		}
	}
	err = v.View(func(tx wallet.Tx) error {
		_, err := tx.Get(wallet.BucketCredentials, victim)
		return err
	})
	if !errors.Is(err, wallet.ErrIntegrity) {
		t.Fatalf("Get of the damaged record: want ErrIntegrity, got %v", err)
	}
	rep, err := v.Check()
	if err != nil {
		t.Fatal(err)
	}
	if rep.OK() || len(rep.Damaged) != 1 || rep.Damaged[0] != "credentials/"+victim || rep.Records != 3 {
		t.Fatalf("check report: %+v", rep)
	}
	// The damaged record can be deleted and the wallet is whole again.
	if err := v.Update(func(tx wallet.Tx) error { return tx.Delete(wallet.BucketCredentials, victim) }); err != nil {
		t.Fatal(err)
	}
	if rep, _ := v.Check(); !rep.OK() {
		t.Fatalf("after deleting the damaged record: %+v", rep)
	}
}

func TestSwappedRecordsBothFail(t *testing.T) {
	v, path := newVault(t)
	fillRecords(t, v, "one", "two", "three")
	v.Close()
	keys := storedKeys(t, path)
	tamper(t, path, func(tx *bolt.Tx) error {
		b := tx.Bucket([]byte(wallet.BucketCredentials))
		a, c := bytes.Clone(b.Get(keys[0])), bytes.Clone(b.Get(keys[1]))
		if err := b.Put(keys[0], c); err != nil {
			return err
		}
		return b.Put(keys[1], a)
	})
	v = reopen(t, path)
	rep, err := v.Check()
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Damaged) != 2 || rep.Records != 1 {
		t.Fatalf("swapping two records: %+v", rep)
	}
}

func TestMovedRecordFails(t *testing.T) {
	v, path := newVault(t)
	fillRecords(t, v, "moved")
	v.Close()
	keys := storedKeys(t, path)
	tamper(t, path, func(tx *bolt.Tx) error {
		val := bytes.Clone(tx.Bucket([]byte(wallet.BucketCredentials)).Get(keys[0]))
		return tx.Bucket([]byte(wallet.BucketStacks)).Put(keys[0], val)
	})
	v = reopen(t, path)
	rep, _ := v.Check()
	if len(rep.Damaged) != 1 || !strings.HasPrefix(rep.Damaged[0], "stacks/") || rep.Records != 1 {
		t.Fatalf("a record copied into another bucket: %+v", rep)
	}
}

// setKDF rewrites the stored KDF parameters of a closed vault.
func setKDF(t *testing.T, path string, edit func(m map[string]any)) {
	t.Helper()
	tamper(t, path, func(tx *bolt.Tx) error {
		h := tx.Bucket([]byte("vault"))
		var m map[string]any
		if err := json.Unmarshal(h.Get([]byte("kdf")), &m); err != nil {
			return err
		}
		edit(m)
		b, _ := json.Marshal(m)
		return h.Put([]byte("kdf"), b)
	})
}

func TestKDFParametersBounded(t *testing.T) {
	cases := map[string]func(m map[string]any){
		"4 GiB of memory":  func(m map[string]any) { m["m"] = 4 << 20 },
		"a million passes": func(m map[string]any) { m["t"] = 1_000_000 },
		"255 lanes":        func(m map[string]any) { m["p"] = 255 },
		"1 MiB of memory":  func(m map[string]any) { m["m"] = 1024 },
		"one pass":         func(m map[string]any) { m["t"] = 1 },
		"short salt":       func(m map[string]any) { m["salt"] = "AAAA" },
		"scrypt":           func(m map[string]any) { m["alg"] = "scrypt" },
	}
	for name, edit := range cases {
		t.Run(name, func(t *testing.T) {
			v, path := newVault(t)
			v.Close()
			setKDF(t, path, edit)
			start := time.Now()
			_, err := storage.Open(path, pass)
			if !errors.Is(err, storage.ErrKDFParams) {
				t.Fatalf("want ErrKDFParams, got %v", err)
			}
			// Refusing must not run the KDF at all.
			if d := time.Since(start); d > 2*time.Second {
				t.Fatalf("refusal took %v", d)
			}
		})
	}
}

// TestInsecureTestKDFRefusedNormally makes sure a vault created in the
// cheap test mode is refused once the mode is off.
func TestInsecureTestKDFRefusedNormally(t *testing.T) {
	t.Setenv(storage.InsecureTestKDFEnv, "1")
	v, path := newVault(t)
	v.Close()
	t.Setenv(storage.InsecureTestKDFEnv, "")
	if _, err := storage.Open(path, pass); !errors.Is(err, storage.ErrKDFParams) {
		t.Fatalf("want ErrKDFParams, got %v", err)
	}
}
