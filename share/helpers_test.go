package share_test

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/sha256"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/satchel-wallet/satchel/internal/interop"
	"github.com/satchel-wallet/satchel/internal/sharetest"
	"github.com/satchel-wallet/satchel/share"
	"github.com/satchel-wallet/satchel/wallet"
	"github.com/satchel-wallet/satchel/wallet/credential"
	"github.com/satchel-wallet/satchel/wallet/did"
)

// The corpus is issued by the third-party harness in ../shared/interop
// (prepared in build/interop by package internal/interop). Its valid
// credentials are all issued to one holder, whose private key the
// manifest gives, so the wallet under test imports that key and presents
// as that holder.

type manifest = interop.Manifest

// requireNode skips or fails a test that needs Node.js where it is missing.
func requireNode(t testing.TB) { t.Helper(); interop.RequireNode(t) }

// corpus holds the loaded interop corpus.
type corpus struct {
	dir string
	m   manifest
}

func loadCorpus(t testing.TB) *corpus {
	t.Helper()
	requireNode(t)
	dir, m := interop.CorpusManifest(t, 200)
	return &corpus{dir: dir, m: *m}
}

// files returns the first n files of the corpus in format with the given
// expectation.
func (c *corpus) files(t testing.TB, format, expect string, n int) []string {
	t.Helper()
	var out []string
	for _, e := range c.m.Entries {
		if e.Format == format && e.Expect == expect && len(out) < n {
			out = append(out, filepath.Join(c.dir, e.File))
		}
	}
	if len(out) < n {
		t.Fatalf("corpus has %d %s %s files, want %d", len(out), expect, format, n)
	}
	return out
}

// testWallet is an in-memory wallet with the corpus holder's key.
type testWallet struct {
	w      *wallet.Wallet
	signer wallet.Signer
}

func newHolderWallet(t testing.TB, c *corpus) *testWallet {
	t.Helper()
	w, s := sharetest.Holder(t, c.m.Holder.PrivateKeyJwk)
	if s.DID() != c.m.Holder.DID {
		t.Fatalf("holder DID %s, manifest says %s", s.DID(), c.m.Holder.DID)
	}
	return &testWallet{w: w, signer: s}
}

// importFiles imports files into the wallet as a learner would and returns
// them as presentation items.
func (tw *testWallet) importFiles(t testing.TB, files ...string) []share.Item {
	t.Helper()
	return sharetest.Items(t, tw.w, files...)
}

// harnessResult is what verify-vp.mjs prints.
type harnessResult struct {
	Format      string `json:"format"`
	Verified    bool   `json:"verified"`
	Holder      string `json:"holder"`
	Error       string `json:"error"`
	Credentials []struct {
		Verified        bool   `json:"verified"`
		SubjectIsHolder bool   `json:"subjectIsHolder"`
		Error           string `json:"error"`
	} `json:"credentials"`
}

// verifyVP runs the harness's verify-vp.mjs, the third-party verifier, on
// a presentation. extra are further arguments (--now).
func verifyVP(t testing.TB, vp []byte, challenge, domain string, extra ...string) harnessResult {
	t.Helper()
	requireNode(t)
	dir := interop.Dir(t)
	file := filepath.Join(t.TempDir(), "vp.txt")
	if err := os.WriteFile(file, vp, 0o600); err != nil {
		t.Fatal(err)
	}
	args := append([]string{"verify-vp.mjs", file, "--challenge", challenge, "--domain", domain}, extra...)
	cmd := exec.Command("node", args...)
	cmd.Dir = dir
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, _ := cmd.Output() // exit status 1 means "not verified"; the JSON says why
	var r harnessResult
	if err := json.Unmarshal(out, &r); err != nil {
		t.Fatalf("verify-vp.mjs printed %q (%s): %v", out, stderr.String(), err)
	}
	return r
}

// otherSigner is a signer that is not the corpus holder; impostor makes
// it claim another DID while signing with its own key.
type otherSigner struct {
	priv     crypto.Signer
	did, kid string
}

func newOtherSigner(t testing.TB) *otherSigner {
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

func (s *otherSigner) impostor(victim string) *otherSigner {
	return &otherSigner{priv: s.priv, did: victim, kid: did.KeyID(victim)}
}

func (s *otherSigner) DID() string              { return s.did }
func (s *otherSigner) KeyID() string            { return s.kid }
func (s *otherSigner) Public() crypto.PublicKey { return s.priv.Public() }
func (s *otherSigner) Algorithm() string {
	if _, ok := s.priv.(*ecdsa.PrivateKey); ok {
		return "ES256"
	}
	return "EdDSA"
}

func (s *otherSigner) Sign(msg []byte) ([]byte, error) {
	return s.priv.Sign(rand.Reader, msg, crypto.Hash(0))
}

// find returns a check of a verification by name.
func find(checks []credential.Check, name credential.CheckName) credential.Check {
	for _, c := range checks {
		if c.Check == name {
			return c
		}
	}
	return credential.Check{}
}

// sdHash is the KB-JWT sd_hash of a presented SD-JWT.
func sdHash(presented string) []byte {
	h := sha256.Sum256([]byte(presented))
	return h[:]
}

// dump shows a result for a failure message.
func dump(res *share.Result) string {
	b, _ := json.MarshalIndent(res, "", "  ")
	return string(b)
}
