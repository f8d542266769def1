package jose_test

import (
	"context"
	"crypto/ed25519"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/satchel-wallet/satchel/internal/interop"
	"github.com/satchel-wallet/satchel/wallet"
	"github.com/satchel-wallet/satchel/wallet/did"
	"github.com/satchel-wallet/satchel/wallet/jose"
)

// The interop corpus is issued by the third-party harness in
// ../shared/interop (did-jwt-vc for VC-JWTs), prepared by package
// internal/interop; every presentation made here is checked with its
// verify-vp.mjs too.

type manifest = interop.Manifest

func loadCorpus(t *testing.T) (string, *manifest) {
	t.Helper()
	return interop.CorpusManifest(t, 200)
}

// TestInteropCorpus verifies every VC-JWT of the corpus and checks the
// outcome against the manifest: "valid" verifies (issuer key from its
// did:key, within its validity period), "invalid" parses but fails, and
// "reject" is refused as input. The corpus's other rejected inputs
// (garbage, 10,000 levels of JSON) are fed to the parser too.
func TestInteropCorpus(t *testing.T) {
	dir, m := loadCorpus(t)
	issuers := map[string]bool{}
	for _, i := range m.Issuers {
		issuers[i.DID] = true
	}
	ctx := context.Background()
	r := did.NewResolver(nil)
	now := time.Now()
	counts := map[string]int{}
	for _, e := range m.Entries {
		if !strings.HasSuffix(e.File, ".jwt") && !(e.Expect == "reject" && !strings.HasSuffix(e.File, ".jsonld") && !strings.HasSuffix(e.File, ".sdjwt")) {
			continue
		}
		t.Run(e.File, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(dir, e.File))
			if err != nil {
				t.Fatal(err)
			}
			cred, err := jose.VerifyCredential(ctx, data, r, jose.Limits{})
			if err == nil {
				err = cred.Validity.Check(now, 0)
			}
			rejected := errors.Is(err, jose.ErrMalformed) || errors.Is(err, jose.ErrTooLarge)
			switch e.Expect {
			case "valid":
				if err != nil {
					t.Fatalf("want valid (%s), got %v", e.Reason, err)
				}
				if cred.Key.Source != jose.KeyFromDID || !issuers[cred.Issuer] || cred.Subject != m.Holder.DID {
					t.Fatalf("issuer %s, subject %s, key %+v", cred.Issuer, cred.Subject, cred.Key)
				}
			case "invalid":
				if err == nil || rejected {
					t.Fatalf("want a failed verification (%s), got %v", e.Reason, err)
				}
			case "reject":
				if !rejected {
					t.Fatalf("want the input rejected (%s), got %v", e.Reason, err)
				}
			default:
				t.Fatalf("unknown expectation %q", e.Expect)
			}
			counts[e.Expect]++
			t.Logf("%s: %s: %v", e.Expect, e.Reason, err)
		})
	}
	t.Logf("VC-JWT corpus: %v", counts)
	if counts["valid"] == 0 || counts["invalid"] == 0 || counts["reject"] == 0 {
		t.Fatalf("corpus incomplete: %v", counts)
	}
}

// holderSigner imports the corpus holder's key into an in-memory wallet:
// the learner's identity, as the harness knows it.
func holderSigner(t *testing.T, m *manifest) wallet.Signer {
	t.Helper()
	w := wallet.New(wallet.NewMemStore())
	if _, err := w.ImportHolderKey("elena", m.Holder.PrivateKeyJwk); err != nil {
		t.Fatal(err)
	}
	s, err := w.Signer("elena")
	if err != nil {
		t.Fatal(err)
	}
	if s.DID() != m.Holder.DID {
		t.Fatalf("holder DID %s, manifest says %s", s.DID(), m.Holder.DID)
	}
	return s
}

// vpCase is a presentation made here and what a verifier given challenge
// and domain must conclude.
type vpCase struct {
	name      string
	vp        string
	challenge string
	domain    string
	verified  bool
}

// TestInteropPresentations makes VP-JWTs for the corpus holder with
// Satchel's code and checks them with Satchel's verifier and, when the
// harness is given, with its verify-vp.mjs (did-jwt-vc): the valid ones
// verify, the wrong-nonce, wrong-audience, tampered, forged and
// bad-credential ones do not.
func TestInteropPresentations(t *testing.T) {
	dir, m := loadCorpus(t)
	holder := holderSigner(t, m)
	read := func(name string) string {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		return strings.TrimSpace(string(b))
	}
	var eddsa, es256, ldp string
	for _, e := range m.Entries {
		switch {
		case e.Expect == "valid" && e.Format == "vc1-jwt-eddsa" && eddsa == "":
			eddsa = read(e.File)
		case e.Expect == "valid" && e.Format == "vc1-jwt-es256" && es256 == "":
			es256 = read(e.File)
		case e.Expect == "valid" && e.Format == "vc1-ldp-ed25519-2020" && ldp == "":
			ldp = read(e.File)
		}
	}
	const challenge, domain = "c-4f1a9e2b", "https://admissions.example.edu"
	opts := jose.PresentationOptions{Audience: domain, Nonce: challenge}
	sign := func(s jose.Signer, creds ...jose.VPCredential) string {
		vp, err := jose.SignPresentation(s, creds, opts)
		if err != nil {
			t.Fatal(err)
		}
		return vp
	}
	// A signer that claims the holder's DID with another key.
	_, forged, _ := ed25519.GenerateKey(nil)
	impostor := &testKey{priv: forged, did: holder.DID(), alg: jose.EdDSA}

	// A P-256 holder (a did:key vector key imported into a wallet), for
	// ES256 presentations; the credential's subject is then not the holder,
	// which verifiers only report.
	p256 := walletSigner(t, vectorKeys(t)["P-256"])

	good := sign(holder, jose.VPCredential{Compact: eddsa}, jose.VPCredential{Compact: es256}, jose.VPCredential{JSON: json.RawMessage(ldp)})
	cases := []vpCase{
		{"two VC-JWTs and a JSON-LD credential", good, challenge, domain, true},
		{"one VC-JWT", sign(holder, jose.VPCredential{Compact: eddsa}), challenge, domain, true},
		{"ES256 holder", sign(p256, jose.VPCredential{Compact: es256}), challenge, domain, true},
		{"wrong challenge", good, "c-other", domain, false},
		{"wrong domain", good, challenge, "https://attacker.example", false},
		{"tampered", good[:len(good)/2] + flip(good[len(good)/2]) + good[len(good)/2+1:], challenge, domain, false},
		{"signed by another key", sign(impostor, jose.VPCredential{Compact: eddsa}), challenge, domain, false},
		{"tampered credential inside", sign(holder, jose.VPCredential{Compact: read("neg-tampered-jwt-eddsa.jwt")}), challenge, domain, false},
		{"expired credential inside", sign(holder, jose.VPCredential{Compact: read("neg-expired-jwt-es256.jwt")}), challenge, domain, false},
	}
	out := t.TempDir()
	ctx := context.Background()
	for i, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			// Satchel's own verifier: presentation, then each credential.
			p, err := jose.VerifyPresentation(ctx, []byte(c.vp), nil, jose.Expect{Audience: c.domain, Nonce: c.challenge}, jose.Limits{})
			for j := 0; err == nil && j < len(p.Credentials); j++ {
				if p.Credentials[j].Compact == "" {
					continue // JSON-LD: package ldp's job
				}
				var cred *jose.Credential
				if cred, err = jose.VerifyCredential(ctx, []byte(p.Credentials[j].Compact), nil, jose.Limits{}); err == nil {
					err = cred.Validity.Check(time.Now(), 0)
				}
			}
			if (err == nil) != c.verified {
				t.Fatalf("Satchel: verified=%v (%v), want %v", err == nil, err, c.verified)
			}
			file := filepath.Join(out, "vp-jwt-"+string(rune('a'+i))+".jwt")
			if err := os.WriteFile(file, []byte(c.vp), 0o600); err != nil {
				t.Fatal(err)
			}
			checkWithHarness(t, file, c)
		})
	}
}

// checkWithHarness runs the harness's verify-vp.mjs on a presentation,
// the third-party verifier.
func checkWithHarness(t *testing.T, file string, c vpCase) {
	t.Helper()
	harness := interop.Dir(t)
	cmd := exec.Command("node", "verify-vp.mjs", file, "--challenge", c.challenge, "--domain", c.domain)
	cmd.Dir = harness
	outb, _ := cmd.Output() // exit status 1 means "not verified"; the JSON says why
	var res struct {
		Verified bool   `json:"verified"`
		Error    string `json:"error"`
	}
	if err := json.Unmarshal(outb, &res); err != nil {
		t.Fatalf("verify-vp.mjs printed %q: %v", outb, err)
	}
	if res.Verified != c.verified {
		t.Fatalf("verify-vp.mjs: verified=%v (%s), want %v", res.Verified, res.Error, c.verified)
	}
	t.Logf("verify-vp.mjs: verified=%v %s", res.Verified, res.Error)
}
