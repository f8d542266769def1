package wallet_test

import (
	"crypto/ecdsa"
	"crypto/ed25519"
	"encoding/base64"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/lestrrat-go/jwx/v3/jwa"
	"github.com/lestrrat-go/jwx/v3/jwk"
	"github.com/lestrrat-go/jwx/v3/jws"

	"github.com/satchel-wallet/satchel/internal/fixture"
	"github.com/satchel-wallet/satchel/wallet"
	"github.com/satchel-wallet/satchel/wallet/did"
)

func newWallet(t *testing.T) *wallet.Wallet {
	t.Helper()
	return wallet.New(wallet.NewMemStore())
}

func TestInitMakesDefaultProfile(t *testing.T) {
	for _, kt := range []wallet.KeyType{wallet.KeyEd25519, wallet.KeyP256} {
		t.Run(string(kt), func(t *testing.T) {
			w := newWallet(t)
			h, err := w.Init(kt)
			if err != nil {
				t.Fatal(err)
			}
			if !h.Default || h.KeyType != kt || !strings.HasPrefix(h.DID, "did:key:z") {
				t.Fatalf("holder: %+v", h)
			}
			pub, err := did.ParseKey(h.DID)
			if err != nil {
				t.Fatal(err)
			}
			switch kt {
			case wallet.KeyEd25519:
				if _, ok := pub.(ed25519.PublicKey); !ok || !strings.HasPrefix(h.DID, "did:key:z6Mk") {
					t.Fatalf("Ed25519 holder has %T key, DID %s", pub, h.DID)
				}
			case wallet.KeyP256:
				if _, ok := pub.(*ecdsa.PublicKey); !ok || !strings.HasPrefix(h.DID, "did:key:zDn") {
					t.Fatalf("P-256 holder has %T key, DID %s", pub, h.DID)
				}
			}
			if _, err := w.Init(kt); !errors.Is(err, wallet.ErrExists) {
				t.Fatalf("second Init: want ErrExists, got %v", err)
			}
		})
	}
}

// TestSignerVerifies signs a JWS with each holder key type and checks it
// with an independent JOSE implementation, using the key decoded from the
// holder's DID.
func TestSignerVerifies(t *testing.T) {
	for _, kt := range []wallet.KeyType{wallet.KeyEd25519, wallet.KeyP256} {
		t.Run(string(kt), func(t *testing.T) {
			w := newWallet(t)
			h, err := w.Init(kt)
			if err != nil {
				t.Fatal(err)
			}
			s, err := w.Signer("")
			if err != nil {
				t.Fatal(err)
			}
			if s.DID() != h.DID || s.KeyID() != did.KeyID(h.DID) {
				t.Fatalf("signer identity %s %s", s.DID(), s.KeyID())
			}
			header := `{"alg":"` + s.Algorithm() + `"}`
			input := b64(header) + "." + b64(`{"hello":"employer"}`)
			sig, err := s.Sign([]byte(input))
			if err != nil {
				t.Fatal(err)
			}
			compact := input + "." + b64(string(sig))
			pub, _ := did.ParseKey(h.DID)
			alg := jwa.EdDSA()
			if kt == wallet.KeyP256 {
				alg = jwa.ES256()
			}
			if _, err := jws.Verify([]byte(compact), jws.WithKey(alg, pub)); err != nil {
				t.Fatalf("independent JWS verification failed: %v", err)
			}
			tampered := input + "x." + b64(string(sig))
			if _, err := jws.Verify([]byte(tampered), jws.WithKey(alg, pub)); err == nil {
				t.Fatal("tampered JWS verified")
			}
		})
	}
}

func TestProfiles(t *testing.T) {
	w := newWallet(t)
	first, err := w.Init(wallet.KeyEd25519)
	if err != nil {
		t.Fatal(err)
	}
	work, err := w.AddHolder("Work", wallet.KeyP256)
	if err != nil {
		t.Fatal(err)
	}
	if work.Default {
		t.Fatal("second profile became the default")
	}
	if _, err := w.AddHolder("work", wallet.KeyEd25519); !errors.Is(err, wallet.ErrExists) {
		t.Fatalf("duplicate name (other case): want ErrExists, got %v", err)
	}
	for _, bad := range []string{"", "   ", strings.Repeat("x", 65), "tab\there"} {
		if _, err := w.AddHolder(bad, wallet.KeyEd25519); !errors.Is(err, wallet.ErrInvalid) {
			t.Errorf("name %q: want ErrInvalid, got %v", bad, err)
		}
	}
	if err := w.SetDefaultHolder("WORK"); err != nil {
		t.Fatal(err)
	}
	hs, err := w.Holders()
	if err != nil {
		t.Fatal(err)
	}
	if len(hs) != 2 || hs[0].ID != work.ID || !hs[0].Default || hs[1].ID != first.ID || hs[1].Default {
		t.Fatalf("profiles after switching default: %+v", hs)
	}
	def, err := w.Holder("")
	if err != nil || def.ID != work.ID {
		t.Fatalf("default profile = %+v, %v", def, err)
	}
	if _, err := w.Holder("nobody"); !errors.Is(err, wallet.ErrNotFound) {
		t.Fatalf("unknown profile: want ErrNotFound, got %v", err)
	}
}

// TestImportKey imports the P-256 key from the did:key test vectors and
// checks that the profile gets exactly the vector's DID.
func TestImportKey(t *testing.T) {
	var vectors map[string]struct {
		VerificationMethod struct {
			PrivateKeyJwk json.RawMessage `json:"privateKeyJwk"`
		} `json:"verificationMethod"`
	}
	if err := json.Unmarshal(fixture.Read(t, "vectors/did-key/test-vectors/nist-curves.json"), &vectors); err != nil {
		t.Fatal(err)
	}
	const want = "did:key:zDnaerx9CtbPJ1q36T5Ln5wYt3MQYeGRG5ehnPAmxcf5mDZpv"
	w := newWallet(t)
	h, err := w.ImportHolderKey("from my old wallet", vectors[want].VerificationMethod.PrivateKeyJwk)
	if err != nil {
		t.Fatal(err)
	}
	if h.DID != want || !h.Imported || h.KeyType != wallet.KeyP256 || !h.Default {
		t.Fatalf("imported profile: %+v", h)
	}
	if _, err := w.ImportHolderKey("again", vectors[want].VerificationMethod.PrivateKeyJwk); !errors.Is(err, wallet.ErrExists) {
		t.Fatalf("same key twice: want ErrExists, got %v", err)
	}

	// An Ed25519 JWK made by an independent library imports to its did:key.
	pub, priv, _ := ed25519.GenerateKey(nil)
	k, _ := jwk.Import(priv)
	data, _ := json.Marshal(k)
	h2, err := w.ImportHolderKey("ed", data)
	if err != nil {
		t.Fatal(err)
	}
	if wantDID, _ := did.NewKey(pub); h2.DID != wantDID {
		t.Fatalf("Ed25519 import: DID %s, want %s", h2.DID, wantDID)
	}
}

func TestImportKeyRejects(t *testing.T) {
	w := newWallet(t)
	pub, _, _ := ed25519.GenerateKey(nil)
	pubJWK, _ := jwk.Import(pub)
	pubData, _ := json.Marshal(pubJWK)
	cases := map[string][]byte{
		"public only": pubData,
		"not JSON":    []byte("-----BEGIN PRIVATE KEY-----"),
		"P-384":       []byte(`{"kty":"EC","crv":"P-384","x":"lInTxl8fjLKp_UCrxI0WDklahi-7-_6JbtiHjiRvMvhedhKVdHBfi2HCY8t_QJyc","y":"y6N1IC-2mXxHreETBW7K3mBcw0qGr3CWHCs-yl09yCQRLcyfGv7XhqAngHOu51Zv","d":"ty_7K3TjBAF-TXsCZ_JGwBjYW-bhwdh4kDE5jcXNqxQ51JFXIWGM3JKb5X-S5cr-"}`),
		"huge":        make([]byte, 1<<20),
	}
	for name, data := range cases {
		t.Run(name, func(t *testing.T) {
			if _, err := w.ImportHolderKey(name, data); !errors.Is(err, wallet.ErrInvalid) {
				t.Fatalf("want ErrInvalid, got %v", err)
			}
		})
	}
	if hs, _ := w.Holders(); len(hs) != 0 {
		t.Fatalf("a rejected import left %d profiles", len(hs))
	}
}

func TestExportPublicHasNoSecret(t *testing.T) {
	w := newWallet(t)
	h, err := w.Init(wallet.KeyEd25519)
	if err != nil {
		t.Fatal(err)
	}
	priv, err := w.ExportPrivateKey("")
	if err != nil {
		t.Fatal(err)
	}
	var pk struct{ D string }
	if err := json.Unmarshal(priv, &pk); err != nil || pk.D == "" {
		t.Fatalf("private export has no d: %s", priv)
	}
	for _, f := range []wallet.PublicFormat{wallet.PublicDIDDocument, wallet.PublicJWK} {
		out, err := w.ExportPublic(h.Name, f)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(out), pk.D) || strings.Contains(string(out), `"d"`) {
			t.Fatalf("%s export contains the private key: %s", f, out)
		}
		if !strings.Contains(string(out), strings.TrimPrefix(h.DID, "did:key:")) && f == wallet.PublicDIDDocument {
			t.Fatalf("DID document lacks the key: %s", out)
		}
	}
	// The exported private key re-imports to the same identity elsewhere.
	other := newWallet(t)
	again, err := other.ImportHolderKey("moved", priv)
	if err != nil || again.DID != h.DID {
		t.Fatalf("re-import: %v, %s vs %s", err, again.DID, h.DID)
	}
}

func TestValidateRecord(t *testing.T) {
	w := newWallet(t)
	h, err := w.Init(wallet.KeyEd25519)
	if err != nil {
		t.Fatal(err)
	}
	var rec []byte
	if err := w.Store().View(func(tx wallet.Tx) error {
		rec, err = tx.Get(wallet.BucketHolders, h.ID)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if err := wallet.ValidateRecord(wallet.BucketHolders, h.ID, rec); err != nil {
		t.Fatalf("valid profile record refused: %v", err)
	}
	// A record whose DID does not belong to its key is refused.
	other, _, _ := ed25519.GenerateKey(nil)
	otherDID, _ := did.NewKey(other)
	forged := strings.Replace(string(rec), h.DID, otherDID, 1)
	if err := wallet.ValidateRecord(wallet.BucketHolders, h.ID, []byte(forged)); !errors.Is(err, wallet.ErrInvalid) {
		t.Fatalf("forged profile: want ErrInvalid, got %v", err)
	}
	if err := wallet.ValidateRecord(wallet.BucketHolders, "other-id", rec); !errors.Is(err, wallet.ErrInvalid) {
		t.Fatalf("moved profile: want ErrInvalid, got %v", err)
	}
	if err := wallet.ValidateRecord(wallet.BucketCollections, "c", []byte("{not json")); !errors.Is(err, wallet.ErrInvalid) {
		t.Fatalf("bad JSON: want ErrInvalid, got %v", err)
	}
	if err := wallet.ValidateRecord(wallet.BucketOriginals, "o", []byte{0xff, 0x00}); err != nil {
		t.Fatalf("binary original refused: %v", err)
	}
}

func b64(s string) string { return base64.RawURLEncoding.EncodeToString([]byte(s)) }
