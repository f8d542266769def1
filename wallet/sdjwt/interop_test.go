package sdjwt_test

import (
	"context"
	"crypto"
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
	"github.com/satchel-wallet/satchel/wallet/sdjwt"
)

// The interop corpus is issued by the third-party harness in
// ../shared/interop (@sd-jwt/sd-jwt-vc for SD-JWT VCs), prepared by
// package internal/interop.

type manifest = interop.Manifest

func loadCorpus(t *testing.T) (string, *manifest) {
	t.Helper()
	return interop.CorpusManifest(t, 200)
}

// TestInteropCorpus verifies every SD-JWT VC of the corpus (issuer key
// from the kid did:key, every digest, validity period) and checks the
// outcome against the manifest. The tampered Disclosure, which the
// harness's library would silently drop, must be rejected.
func TestInteropCorpus(t *testing.T) {
	dir, m := loadCorpus(t)
	holderKey, err := did.ParsePublicJWK(m.Holder.PublicKeyJwk)
	if err != nil {
		t.Fatal(err)
	}
	issuers := map[string]bool{}
	for _, i := range m.Issuers {
		issuers[i.DID] = true
	}
	ctx := context.Background()
	opts := sdjwt.Options{Resolver: did.NewResolver(nil)}
	counts := map[string]int{}
	for _, e := range m.Entries {
		if !strings.HasSuffix(e.File, ".sdjwt") {
			continue
		}
		t.Run(e.File, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(dir, e.File))
			if err != nil {
				t.Fatal(err)
			}
			tok, err := sdjwt.Verify(ctx, string(data), opts)
			if err == nil {
				err = tok.Validity.Check(time.Now(), 0)
			}
			rejected := errors.Is(err, sdjwt.ErrMalformed) || errors.Is(err, sdjwt.ErrTooLarge)
			switch e.Expect {
			case "valid":
				if err != nil {
					t.Fatalf("want valid (%s), got %v", e.Reason, err)
				}
				if !tok.IsVC() || tok.VCT == "" || !issuers[tok.Issuer] || tok.Key.Source != jose.KeyFromDID ||
					tok.Claims.Subject != m.Holder.DID || !holderKey.Key.(interface{ Equal(crypto.PublicKey) bool }).Equal(tok.HolderKey) {
					t.Fatalf("token %+v", tok)
				}
				if len(tok.Disclosures) < 3 {
					t.Fatalf("%d Disclosures", len(tok.Disclosures))
				}
			case "invalid":
				if err == nil {
					t.Fatalf("want a failed verification (%s)", e.Reason)
				}
				if e.File == "neg-tampered-disclosure.sdjwt" && !errors.Is(err, sdjwt.ErrUnreferenced) {
					t.Fatalf("edited Disclosure: want ErrUnreferenced, got %v", err)
				}
			case "reject":
				if !rejected {
					t.Fatalf("want the input rejected (%s), got %v", e.Reason, err)
				}
			}
			counts[e.Expect]++
			t.Logf("%s: %s: %v", e.Expect, e.Reason, err)
		})
	}
	t.Logf("SD-JWT corpus: %v", counts)
	if counts["valid"] == 0 || counts["invalid"] == 0 {
		t.Fatalf("corpus incomplete: %v", counts)
	}
}

// otherKeySigner offers the holder's public key but signs with another:
// a KB-JWT forged by someone who copied the credential.
type otherKeySigner struct {
	jose.Signer
	pub crypto.PublicKey
}

func (s otherKeySigner) Public() crypto.PublicKey { return s.pub }

type vpCase struct {
	name             string
	vp               string
	challenge        string
	domain           string
	verified         bool
	satchelRejects   error // the error Satchel's own check must give
	parseFailsInside bool
}

// TestInteropPresentations makes SD-JWT+KB presentations of corpus
// credentials for the corpus holder with Satchel's code and checks them
// with Satchel's verifier and, when the harness is given, with its
// verify-vp.mjs (@sd-jwt/sd-jwt-vc plus the harness's own checks).
func TestInteropPresentations(t *testing.T) {
	dir, m := loadCorpus(t)
	w := wallet.New(wallet.NewMemStore())
	if _, err := w.ImportHolderKey("elena", m.Holder.PrivateKeyJwk); err != nil {
		t.Fatal(err)
	}
	holder, err := w.Signer("elena")
	if err != nil {
		t.Fatal(err)
	}
	var issued []*sdjwt.Token
	for _, e := range m.Entries {
		if e.Expect == "valid" && strings.HasSuffix(e.File, ".sdjwt") {
			data, _ := os.ReadFile(filepath.Join(dir, e.File))
			tok, err := sdjwt.Parse(string(data), sdjwt.Limits{})
			if err != nil {
				t.Fatal(err)
			}
			issued = append(issued, tok)
		}
	}
	// One credential with a grade (ES256 issuer), one without (EdDSA).
	var graded, eddsa *sdjwt.Token
	for _, tok := range issued {
		if _, err := tok.Select("/grade"); err == nil && graded == nil && tok.JWS.Header.Alg == jose.ES256 {
			graded = tok
		}
		if tok.JWS.Header.Alg == jose.EdDSA && eddsa == nil {
			eddsa = tok
		}
	}
	if graded == nil || eddsa == nil {
		t.Fatal("corpus lacks an ES256 credential with a grade or an EdDSA one")
	}
	const challenge, domain = "c-7d3e0b91", "https://employer.example"
	opts := sdjwt.PresentOptions{Audience: domain, Nonce: challenge}
	present := func(tok *sdjwt.Token, s jose.Signer, pointers ...string) string {
		chosen, err := tok.Select(pointers...)
		if err != nil {
			t.Fatal(err)
		}
		p, err := tok.Present(s, chosen, opts)
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	good := present(graded, holder, "/grade", "/learning_outcomes")
	goodEd := present(eddsa, holder, "/learning_outcomes/1", "/learner_name")
	// A Disclosure with one character changed.
	parts := strings.Split(good, "~")
	parts[1] = flip(parts[1], len(parts[1])/2)
	tampered := strings.Join(parts, "~")
	// A Disclosure the holder made up, with a KB-JWT over it by the right
	// key: only the digest check catches it.
	forgedD, _ := encodeDisclosure(t, "c2FsdHNhbHRzYWx0", "grade", "A")
	withForged := dropKB(good) + forgedD + "~"
	withForged += kbJWT(t, holder, withForged, challenge, domain)
	_, attacker := edKeyPair(t)
	cases := []vpCase{
		{"grade and learning outcomes (ES256 issuer)", good, challenge, domain, true, nil, false},
		{"one outcome and the name (EdDSA issuer)", goodEd, challenge, domain, true, nil, false},
		{"everything", present(eddsa, holder, ""), challenge, domain, true, nil, false},
		{"wrong challenge", good, "c-other", domain, false, sdjwt.ErrKeyBinding, false},
		{"wrong domain", good, challenge, "https://attacker.example", false, sdjwt.ErrKeyBinding, false},
		{"no KB-JWT", dropKB(good), challenge, domain, false, sdjwt.ErrKeyBinding, false},
		{"KB-JWT by another key", present(graded, otherKeySigner{Signer: attacker, pub: holder.Public()}, "/grade"), challenge, domain, false, jose.ErrSignature, false},
		{"tampered Disclosure", tampered, challenge, domain, false, nil, true},
		{"Disclosure forged by the holder", withForged, challenge, domain, false, nil, true},
	}
	out := t.TempDir()
	ctx := context.Background()
	for i, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := sdjwt.Verify(ctx, c.vp, sdjwt.Options{Resolver: did.NewResolver(nil), KeyBinding: &sdjwt.Expect{Nonce: c.challenge, Audience: c.domain, Now: time.Now(), MaxAge: time.Hour, Leeway: time.Minute}})
			switch {
			case c.verified && err != nil:
				t.Fatalf("Satchel: %v", err)
			case c.parseFailsInside && !errors.Is(err, sdjwt.ErrUnreferenced) && !errors.Is(err, sdjwt.ErrMalformed):
				t.Fatalf("Satchel: want the Disclosure refused, got %v", err)
			case c.satchelRejects != nil && !errors.Is(err, c.satchelRejects):
				t.Fatalf("Satchel: want %v, got %v", c.satchelRejects, err)
			}
			file := filepath.Join(out, "sd-jwt-kb-"+string(rune('a'+i))+".sdjwt")
			if err := os.WriteFile(file, []byte(c.vp), 0o600); err != nil {
				t.Fatal(err)
			}
			checkWithHarness(t, file, c)
		})
	}
}

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

// kbJWT signs a Key Binding JWT over presented with s.
func kbJWT(t *testing.T, s jose.Signer, presented, nonce, aud string) string {
	t.Helper()
	payload, _ := json.Marshal(map[string]any{"iat": time.Now().Unix(), "aud": aud, "nonce": nonce, "sd_hash": hash(presented)})
	kb, err := jose.SignCompact(s, sdjwt.TypeKB, "", payload)
	if err != nil {
		t.Fatal(err)
	}
	return kb
}

// edKeyPair makes a fresh Ed25519 signer: a key nobody trusts.
func edKeyPair(t *testing.T) (crypto.PublicKey, *keySigner) {
	t.Helper()
	s := signerFromJWK(t, []byte(`{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo","d":"nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A"}`))
	return s.Public(), s
}
