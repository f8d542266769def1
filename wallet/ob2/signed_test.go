package ob2_test

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"errors"
	"strings"
	"testing"

	"github.com/lestrrat-go/jwx/v3/jwa"
	"github.com/lestrrat-go/jwx/v3/jws"
	"github.com/satchel-wallet/satchel/internal/fixture"
	"github.com/satchel-wallet/satchel/wallet/credential"
	"github.com/satchel-wallet/satchel/wallet/ob2"
)

// fixedKey serves one key document for every URL, or an error.
type fixedKey struct {
	doc []byte
	err error
}

func (k fixedKey) FetchKey(context.Context, string) ([]byte, error) { return k.doc, k.err }

func proofOf(t *testing.T, data []byte, keys ob2.KeyFetcher) (credential.Check, *credential.Reading) {
	t.Helper()
	r, err := ob2.Read(context.Background(), data, ob2.Options{Keys: keys})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range r.Checks {
		if c.Check == credential.CheckProof {
			return c, r
		}
	}
	t.Fatal("no proof check")
	return credential.Check{}, nil
}

func TestSignedAssertion(t *testing.T) {
	token := fixture.Read(t, ob20+"simple.jwt")
	key1 := fixture.Read(t, ob20+"assets/key1.json")
	key2 := fixture.Read(t, ob20+"assets/key2.json")
	p, r := proofOf(t, token, fixedKey{doc: key1})
	if p.Status != credential.OK || p.Code != "proof.ok" || r.Signer != "https://example.org/organization.json" ||
		strings.Join(r.SignerNames, " ") != "https://example.org/organization.json http://example.org/key1.json" {
		t.Fatalf("%s %s (%s), signer %q %v", p.Status, p.Code, p.Detail, r.Signer, r.SignerNames)
	}
	sig, _ := base64.RawURLEncoding.DecodeString(string(token[strings.LastIndexByte(string(token), '.')+1:]))
	if string(r.Identity) != string(sig) {
		t.Error("identity is not the signature")
	}
	cases := []struct {
		name   string
		keys   ob2.KeyFetcher
		status credential.Status
		code   string
	}{
		{"offline", nil, credential.Skipped, "proof.needs-network"},
		{"key not published", fixedKey{err: errors.New("404 Not Found")}, credential.Skipped, "proof.key-not-found"},
		{"another issuer's key", fixedKey{doc: []byte(strings.Replace(string(key2), "key2.json", "key1.json", 1))}, credential.Failed, "proof.failed"},
		{"key document naming another key", fixedKey{doc: key2}, credential.Failed, "proof.ob2-invalid"},
		{"not a key", fixedKey{doc: []byte(`{"id":"http://example.org/key1.json","publicKeyPem":"x"}`)}, credential.Failed, "proof.ob2-invalid"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if p, _ := proofOf(t, token, tc.keys); p.Status != tc.status || p.Code != tc.code {
				t.Fatalf("%s %s (%s), want %s %s", p.Status, p.Code, p.Detail, tc.status, tc.code)
			}
		})
	}
}

// TestFlippedByte flips every bit-0 of simple.jwt in turn: no change may
// leave the signature intact. Most give a failed proof; changes that break
// the encoding, the JSON or the type are refused.
func TestFlippedByte(t *testing.T) {
	token := fixture.Read(t, ob20+"simple.jwt")
	keys := fixedKey{doc: fixture.Read(t, ob20+"assets/key1.json")}
	failed := 0
	for i := range token {
		data := []byte(string(token))
		data[i] ^= 1
		r, err := ob2.Read(context.Background(), data, ob2.Options{Keys: keys})
		if err != nil {
			if !errors.Is(err, ob2.ErrMalformed) && !errors.Is(err, ob2.ErrNotOB2) && !errors.Is(err, ob2.ErrNotAssertion) {
				t.Fatalf("byte %d: %v", i, err)
			}
			continue
		}
		for _, c := range r.Checks {
			if c.Check == credential.CheckProof && c.Status == credential.OK {
				t.Fatalf("byte %d flipped, proof still ok", i)
			}
			if c.Check == credential.CheckProof && c.Code == "proof.failed" {
				failed++
			}
		}
	}
	if failed < len(token)/2 {
		t.Errorf("only %d of %d flips gave a failed proof", failed, len(token))
	}
}

// TestChangedClaim re-encodes simple.jwt with its issue date changed and
// its signature kept.
func TestChangedClaim(t *testing.T) {
	parts := strings.Split(string(fixture.Read(t, ob20+"simple.jwt")), ".")
	payload, _ := base64.RawURLEncoding.DecodeString(parts[1])
	payload = []byte(strings.Replace(string(payload), "2016-12-31", "2015-12-31", 1))
	parts[1] = base64.RawURLEncoding.EncodeToString(payload)
	p, _ := proofOf(t, []byte(strings.Join(parts, ".")), fixedKey{doc: fixture.Read(t, ob20+"assets/key1.json")})
	if p.Code != "proof.failed" {
		t.Fatalf("%s %s", p.Status, p.Code)
	}
}

// TestAlgorithmFixedByKey: the token cannot choose how it is checked.
func TestAlgorithmFixedByKey(t *testing.T) {
	ec, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	der, _ := x509.MarshalPKIXPublicKey(&ec.PublicKey)
	keyDoc, _ := json.Marshal(map[string]string{
		"id": "https://issuer.example/key", "type": "CryptographicKey",
		"owner": "https://issuer.example/profile", "publicKeyPem": string(pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: der})),
	})
	claims := map[string]any{
		"@context": "https://w3id.org/openbadges/v2", "type": "Assertion", "id": "urn:uuid:1",
		"recipient": map[string]any{"type": "email", "hashed": false, "identity": "ana@example.org"},
		"badge":     map[string]any{"type": "BadgeClass", "name": "Signed ES256", "issuer": map[string]any{"id": "https://issuer.example/profile", "name": "Issuer"}},
		"issuedOn":  "2024-01-02T03:04:05Z", "verification": map[string]any{"type": "signed", "creator": "https://issuer.example/key"},
	}
	payload, _ := json.Marshal(claims)
	good, err := jws.Sign(payload, jws.WithKey(jwa.ES256(), ec))
	if err != nil {
		t.Fatal(err)
	}
	head := func(h string) string { return base64.RawURLEncoding.EncodeToString([]byte(h)) }
	body := base64.RawURLEncoding.EncodeToString(payload)
	cases := []struct {
		name, token string
		code        string
	}{
		{"ES256 with a P-256 key", string(good), "proof.ok"},
		{"none", head(`{"alg":"none"}`) + "." + body + ".", "proof.ob2-invalid"},
		{"HMAC with the public key as secret", head(`{"alg":"HS256"}`) + "." + body + "." + head("x"), "proof.ob2-invalid"},
		{"RS256 claimed for an EC key", head(`{"alg":"RS256"}`) + "." + body + "." + strings.Split(string(good), ".")[2], "proof.ob2-invalid"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p, r := proofOf(t, []byte(tc.token), fixedKey{doc: keyDoc})
			if p.Code != tc.code {
				t.Fatalf("%s %s (%s)", p.Status, p.Code, p.Detail)
			}
			if tc.code == "proof.ok" && (r.Credential.Title.String() != "Signed ES256" || r.Credential.Issuer.Name.String() != "Issuer" ||
				len(r.Subjects) != 1 || r.Subjects[0] != "ana@example.org" || r.Credential.Learner.ID != "ana@example.org") {
				t.Errorf("normalised %+v, subjects %v", r.Credential, r.Subjects)
			}
		})
	}
}

func TestHostedClaimingSigned(t *testing.T) {
	data := []byte(`{"@context":"https://w3id.org/openbadges/v2","type":"Assertion","id":"https://x.example/a","recipient":{"type":"email","identity":"a@b.example"},"badge":"https://x.example/b","issuedOn":"2020-01-01","verification":{"type":"SignedBadge","creator":"https://x.example/k"}}`)
	if p, _ := proofOf(t, data, nil); p.Code != "proof.ob2-signature-missing" || p.Status != credential.Failed {
		t.Fatalf("%s %s", p.Status, p.Code)
	}
}
