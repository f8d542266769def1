package core_test

import (
	"context"
	"crypto"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/base64"
	"path/filepath"
	"strings"
	"testing"

	"github.com/satchel-wallet/satchel/internal/interop"
	"github.com/satchel-wallet/satchel/internal/sharetest"
	"github.com/satchel-wallet/satchel/share"
	"github.com/satchel-wallet/satchel/wallet"
	"github.com/satchel-wallet/satchel/wallet/did"
)

// The presentations of these tests are made as Satchel makes them: corpus
// credentials (issued by the third-party harness in ../shared/interop to
// one holder, whose private key its manifest gives) imported into an
// in-memory wallet holding that key, presented with share.Present and
// encoded with qr.Encode.

const (
	challenge = "c-verifier-7d1e"
	domain    = "https://careers.example.com"
)

type corpus struct {
	dir string
	m   *interop.Manifest
}

func loadCorpus(t testing.TB) *corpus {
	t.Helper()
	interop.RequireNode(t)
	dir, m := interop.CorpusManifest(t, 200)
	return &corpus{dir: dir, m: m}
}

// files returns the first n valid files of the corpus in format.
func (c *corpus) files(t testing.TB, format string, n int) []string {
	t.Helper()
	var out []string
	for _, e := range c.m.Entries {
		if e.Format == format && e.Expect == "valid" && len(out) < n {
			out = append(out, filepath.Join(c.dir, e.File))
		}
	}
	if len(out) < n {
		t.Fatalf("corpus has %d valid %s files, want %d", len(out), format, n)
	}
	return out
}

// holderWallet is an in-memory wallet with the corpus holder's key.
type holderWallet struct {
	w      *wallet.Wallet
	signer wallet.Signer
}

func newHolderWallet(t testing.TB, c *corpus) *holderWallet {
	t.Helper()
	w, s := sharetest.Holder(t, c.m.Holder.PrivateKeyJwk)
	return &holderWallet{w: w, signer: s}
}

// items imports files as a learner would and returns them for presenting.
func (hw *holderWallet) items(t testing.TB, files ...string) []share.Item {
	t.Helper()
	return sharetest.Items(t, hw.w, files...)
}

// present signs a presentation of items with s.
func present(t testing.TB, s wallet.Signer, items []share.Item, o share.Options) []byte {
	t.Helper()
	if o.Challenge == "" {
		o.Challenge = challenge
	}
	if o.Domain == "" {
		o.Domain = domain
	}
	vp, _, err := share.Present(context.Background(), s, items, o)
	if err != nil {
		t.Fatal(err)
	}
	return vp
}

// otherSigner is a holder key that is not the corpus holder's.
type otherSigner struct {
	priv     ed25519.PrivateKey
	did, kid string
}

func newOtherSigner(t testing.TB) *otherSigner {
	t.Helper()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	id, err := did.NewKey(priv.Public())
	if err != nil {
		t.Fatal(err)
	}
	return &otherSigner{priv: priv, did: id, kid: did.KeyID(id)}
}

func (s *otherSigner) DID() string              { return s.did }
func (s *otherSigner) KeyID() string            { return s.kid }
func (s *otherSigner) Public() crypto.PublicKey { return s.priv.Public() }
func (s *otherSigner) Algorithm() string        { return "EdDSA" }
func (s *otherSigner) Sign(msg []byte) ([]byte, error) {
	return s.priv.Sign(rand.Reader, msg, crypto.Hash(0))
}

// tamperJWT changes the id in a VP-JWT's payload, keeping its signature.
func tamperJWT(t testing.TB, vp []byte) []byte {
	t.Helper()
	parts := strings.SplitN(string(vp), ".", 3)
	payload, err := base64.RawURLEncoding.DecodeString(parts[1])
	if err != nil {
		t.Fatal(err)
	}
	changed := strings.Replace(string(payload), "urn:uuid:", "urn:uuid:0", 1)
	if changed == string(payload) {
		t.Fatal("nothing to tamper with in the VP-JWT payload")
	}
	return []byte(parts[0] + "." + base64.RawURLEncoding.EncodeToString([]byte(changed)) + "." + parts[2])
}
