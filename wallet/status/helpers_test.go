package status

import (
	"bytes"
	"compress/gzip"
	"compress/zlib"
	"context"
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"testing"
	"time"

	"github.com/satchel-wallet/satchel/internal/fixture"
	"github.com/satchel-wallet/satchel/wallet/did"
	"github.com/satchel-wallet/satchel/wallet/jsonld"
	"github.com/satchel-wallet/satchel/wallet/ldp"
)

// now is the time the tests judge validity at: after every fixture list
// was signed, before any expires (except the one meant to have expired).
var now = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)

// readJSON parses a fixture file.
func readJSON(t testing.TB, rel string) map[string]any {
	t.Helper()
	doc, err := jsonld.ParseObject(fixture.Read(t, rel), MaxDocumentSize)
	if err != nil {
		t.Fatalf("%s: %v", rel, err)
	}
	return doc
}

// gzipB64 compresses raw with gzip and encodes it base64url, as a W3C
// encodedList without its multibase prefix.
func gzipB64(t testing.TB, raw []byte) string {
	t.Helper()
	var b bytes.Buffer
	w, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
	w.Write(raw)
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return base64.RawURLEncoding.EncodeToString(b.Bytes())
}

// zlibB64 compresses raw with zlib and encodes it base64url, as a Token
// Status List lst.
func zlibB64(t testing.TB, raw []byte) string {
	t.Helper()
	var b bytes.Buffer
	w, _ := zlib.NewWriterLevel(&b, zlib.BestCompression)
	w.Write(raw)
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return base64.RawURLEncoding.EncodeToString(b.Bytes())
}

// issuerKey is a test issuer: an Ed25519 did:key from a fixed seed.
type issuerKey struct {
	key ed25519.PrivateKey
	did string
}

func newIssuer(t testing.TB, seed byte) issuerKey {
	t.Helper()
	key := ed25519.NewKeyFromSeed(bytes.Repeat([]byte{seed}, ed25519.SeedSize))
	d, err := did.NewKey(key.Public())
	if err != nil {
		t.Fatal(err)
	}
	return issuerKey{key, d}
}

// listCredential returns a BitstringStatusListCredential issued and signed
// by iss (eddsa-rdfc-2022) with the given encodedList and purpose; edit,
// when not nil, changes the document after signing.
func listCredential(t testing.TB, iss issuerKey, url, encoded, purpose string, extra map[string]any, edit func(map[string]any)) []byte {
	t.Helper()
	doc := map[string]any{
		"@context": []any{"https://www.w3.org/ns/credentials/v2"},
		"id":       url,
		"type":     []any{"VerifiableCredential", "BitstringStatusListCredential"},
		"issuer":   iss.did,
		"credentialSubject": map[string]any{
			"id":            url + "#list",
			"type":          "BitstringStatusList",
			"statusPurpose": purpose,
			"encodedList":   encoded,
		},
	}
	for k, v := range extra {
		doc[k] = v
	}
	return signedJSON(t, iss, doc, edit)
}

// signedJSON signs doc as iss (eddsa-rdfc-2022), applies the edits, and
// returns the JSON.
func signedJSON(t testing.TB, iss issuerKey, doc map[string]any, edits ...func(map[string]any)) []byte {
	t.Helper()
	s := ldp.Signer{Key: iss.key, VerificationMethod: did.KeyID(iss.did)}
	signed, err := s.Sign(context.Background(), doc, ldp.SignOptions{Created: now.Add(-time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	for _, edit := range edits {
		if edit != nil {
			edit(signed)
		}
	}
	b, err := json.Marshal(signed)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// bitstring returns a list of n bytes with the given MSB-first bits set.
func bitstring(n int, set ...int) []byte {
	b := make([]byte, n)
	for _, i := range set {
		b[i/8] |= 0x80 >> (i % 8)
	}
	return b
}

// signToken makes a compact JWS with header and claims, signed with key
// (ed25519.PrivateKey as EdDSA, *ecdsa.PrivateKey on P-256 as ES256).
func signToken(t testing.TB, key crypto.Signer, header, claims map[string]any) []byte {
	t.Helper()
	input := string(unsignedToken(t, header, claims))
	input = input[:len(input)-1]
	var sig []byte
	switch k := key.(type) {
	case ed25519.PrivateKey:
		sig = ed25519.Sign(k, []byte(input))
	case *ecdsa.PrivateKey:
		d := sha256.Sum256([]byte(input))
		r, s, err := ecdsa.Sign(rand.Reader, k, d[:])
		if err != nil {
			t.Fatal(err)
		}
		sig = make([]byte, 64)
		r.FillBytes(sig[:32])
		s.FillBytes(sig[32:])
	default:
		t.Fatalf("key %T", key)
	}
	return []byte(input + "." + base64.RawURLEncoding.EncodeToString(sig))
}

// unsignedToken returns header and claims as a compact JWS with an empty
// signature: "header.payload.".
func unsignedToken(t testing.TB, header, claims map[string]any) []byte {
	t.Helper()
	enc := func(v any) string {
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		return base64.RawURLEncoding.EncodeToString(b)
	}
	return []byte(enc(header) + "." + enc(claims) + ".")
}

// keyFor returns a TokenKeyFunc that knows one issuer's key.
func keyFor(issuer string, pub crypto.PublicKey) TokenKeyFunc {
	return func(_ context.Context, iss, _ string) (crypto.PublicKey, error) {
		if iss != issuer {
			return nil, ErrFetch // any error: the key is unknown
		}
		return pub, nil
	}
}
