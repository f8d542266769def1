package sdjwt_test

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	mrand "math/rand/v2"
	"sort"
	"strings"
	"testing"

	"github.com/lestrrat-go/jwx/v3/jwk"

	"github.com/satchel-wallet/satchel/internal/fixture"
	"github.com/satchel-wallet/satchel/wallet/did"
	"github.com/satchel-wallet/satchel/wallet/jose"
)

// keySigner is a jose.Signer over a private key read from a JWK of the
// fixtures (the sd-jwt-python settings publish their test keys).
type keySigner struct {
	priv crypto.Signer
	id   string
}

func (s *keySigner) DID() string              { return s.id }
func (s *keySigner) KeyID() string            { return did.KeyID(s.id) }
func (s *keySigner) Public() crypto.PublicKey { return s.priv.Public() }

func (s *keySigner) Algorithm() string {
	if _, ok := s.priv.(*ecdsa.PrivateKey); ok {
		return jose.ES256
	}
	return jose.EdDSA
}

func (s *keySigner) Sign(msg []byte) ([]byte, error) {
	switch k := s.priv.(type) {
	case ed25519.PrivateKey:
		return ed25519.Sign(k, msg), nil
	case *ecdsa.PrivateKey:
		d := sha256.Sum256(msg)
		r, ss, err := ecdsa.Sign(rand.Reader, k, d[:])
		if err != nil {
			return nil, err
		}
		out := make([]byte, 64)
		r.FillBytes(out[:32])
		ss.FillBytes(out[32:])
		return out, nil
	}
	return nil, fmt.Errorf("key %T", s.priv)
}

func signerFromJWK(t testing.TB, data []byte) *keySigner {
	t.Helper()
	k, err := jwk.ParseKey(data)
	if err != nil {
		t.Fatal(err)
	}
	var raw any
	if err := jwk.Export(k, &raw); err != nil {
		t.Fatal(err)
	}
	priv, ok := raw.(crypto.Signer)
	if !ok {
		t.Fatalf("JWK holds a %T", raw)
	}
	id, err := did.NewKey(priv.Public())
	if err != nil {
		t.Fatal(err)
	}
	return &keySigner{priv: priv, id: id}
}

// sd marks a value selectively disclosable for issue.
type sd struct{ v any }

// issuer makes SD-JWTs for tests, with salts from a seeded generator so
// that runs are reproducible.
type issuer struct {
	signer      *keySigner
	typ         string
	disclosures []string
	rnd         *mrand.Rand
}

func newIssuer(s *keySigner, typ string) *issuer {
	return &issuer{signer: s, typ: typ, rnd: mrand.New(mrand.NewPCG(1, 2))}
}

// issue returns the SD-JWT (issuer JWT, every Disclosure, final "~") of
// claims, where values wrapped in sd are made selectively disclosable,
// recursively.
func (is *issuer) issue(t testing.TB, claims map[string]any) string {
	t.Helper()
	is.disclosures = nil
	payload := is.transform(t, claims).(map[string]any)
	payload["_sd_alg"] = "sha-256"
	b, err := json.Marshal(payload)
	if err != nil {
		t.Fatal(err)
	}
	jwt, err := jose.SignCompact(is.signer, is.typ, "", b)
	if err != nil {
		t.Fatal(err)
	}
	return jwt + "~" + strings.Join(is.disclosures, "")
}

func (is *issuer) transform(t testing.TB, v any) any {
	switch x := v.(type) {
	case map[string]any:
		out := map[string]any{}
		var digests []string
		for _, k := range sortedKeys(x) {
			if w, ok := x[k].(sd); ok {
				digests = append(digests, is.disclose(t, []any{is.salt(), k, is.transform(t, w.v)}))
				continue
			}
			out[k] = is.transform(t, x[k])
		}
		if digests != nil {
			sort.Strings(digests)
			out["_sd"] = digests
		}
		return out
	case []any:
		out := []any{}
		for _, e := range x {
			if w, ok := e.(sd); ok {
				out = append(out, map[string]any{"...": is.disclose(t, []any{is.salt(), is.transform(t, w.v)})})
				continue
			}
			out = append(out, is.transform(t, e))
		}
		return out
	}
	return v
}

// disclose encodes a Disclosure, records it and returns its digest.
func (is *issuer) disclose(t testing.TB, parts []any) string {
	b, err := json.Marshal(parts)
	if err != nil {
		t.Fatal(err)
	}
	d := base64.RawURLEncoding.EncodeToString(b)
	is.disclosures = append(is.disclosures, d+"~")
	return hash(d)
}

func (is *issuer) salt() string {
	var b [16]byte
	for i := range b {
		b[i] = byte(is.rnd.IntN(256))
	}
	return base64.RawURLEncoding.EncodeToString(b[:])
}

func b64(b []byte) string { return base64.RawURLEncoding.EncodeToString(b) }

func hash(s string) string {
	h := sha256.Sum256([]byte(s))
	return base64.RawURLEncoding.EncodeToString(h[:])
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// signPayload signs an arbitrary payload as an issuer JWT, for inputs the
// issuer above would never make.
func signPayload(t testing.TB, s *keySigner, payload any) string {
	t.Helper()
	b, err := json.Marshal(payload)
	if err != nil {
		t.Fatal(err)
	}
	jwt, err := jose.SignCompact(s, "dc+sd-jwt", "", b)
	if err != nil {
		t.Fatal(err)
	}
	return jwt
}

// encodeDisclosure returns a Disclosure of the given parts and its digest.
func encodeDisclosure(t testing.TB, parts ...any) (string, string) {
	b, err := json.Marshal(parts)
	if err != nil {
		t.Fatal(err)
	}
	d := base64.RawURLEncoding.EncodeToString(b)
	return d, hash(d)
}

// edSigner returns an Ed25519 signer over the first key of the did:key
// test vectors, which publish its seed.
func edSigner(t testing.TB) *keySigner {
	t.Helper()
	var m map[string]struct {
		Seed string `json:"seed"`
	}
	if err := json.Unmarshal(fixture.Read(t, "vectors/did-key/test-vectors/ed25519-x25519.json"), &m); err != nil {
		t.Fatal(err)
	}
	for _, id := range sortedKeys(anyMap(m)) {
		v := m[id]
		seed, err := hex.DecodeString(v.Seed)
		if err != nil || len(seed) != ed25519.SeedSize {
			continue
		}
		priv := ed25519.NewKeyFromSeed(seed)
		if got, _ := did.NewKey(priv.Public()); got != id {
			t.Fatalf("seed of %s gives %s", id, got)
		}
		return &keySigner{priv: priv, id: id}
	}
	t.Fatal("no Ed25519 seed in the did:key vectors")
	return nil
}

func mustRead(t testing.TB, rel string) []byte {
	t.Helper()
	return fixture.Read(t, sdDir+rel)
}

// anyMap lets sortedKeys order the keys of any map of strings.
func anyMap[V any](m map[string]V) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}
