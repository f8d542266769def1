package jose_test

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/base64"
	"encoding/json"
	"errors"
	"math/big"
	"testing"
	"time"

	"github.com/satchel-wallet/satchel/wallet/did"
	"github.com/satchel-wallet/satchel/wallet/jose"
)

func TestVC11Merge(t *testing.T) {
	k := vectorKeys(t)["Ed25519"]
	hdr := map[string]any{"alg": "EdDSA", "typ": "JWT", "kid": did.KeyID(k.did)}
	vc := func(extra map[string]any) map[string]any {
		m := map[string]any{
			"@context":          []any{jose.ContextV1},
			"type":              []any{"VerifiableCredential", "OpenBadgeCredential"},
			"issuer":            map[string]any{"type": []any{"Profile"}, "name": "Tallinn Digital Skills Academy"},
			"credentialSubject": map[string]any{"type": []any{"AchievementSubject"}},
		}
		for k, v := range extra {
			m[k] = v
		}
		return m
	}
	claims := map[string]any{"iss": k.did, "sub": "did:example:learner", "jti": "urn:uuid:1", "nbf": 1705244400, "exp": 2051222399}
	with := func(c map[string]any, v map[string]any) map[string]any {
		out := map[string]any{"vc": v}
		for k, x := range c {
			out[k] = x
		}
		return out
	}
	tok := token(t, k.priv, hdr, with(claims, vc(nil)))
	cred, err := jose.VerifyCredential(context.Background(), []byte(tok), nil, jose.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	if err := json.Unmarshal(cred.JSON, &got); err != nil {
		t.Fatal(err)
	}
	want := map[string]any{
		"issuer":       map[string]any{"id": k.did, "type": []any{"Profile"}, "name": "Tallinn Digital Skills Academy"},
		"issuanceDate": "2024-01-14T15:00:00Z", "expirationDate": "2034-12-31T23:59:59Z",
		"id": "urn:uuid:1", "credentialSubject": map[string]any{"id": "did:example:learner", "type": []any{"AchievementSubject"}},
	}
	for name, v := range want {
		if b1, b2 := mustJSON(t, got[name]), mustJSON(t, v); b1 != b2 {
			t.Errorf("%s = %s, want %s", name, b1, b2)
		}
	}
	if cred.Format != jose.FormatVC11 || cred.Issuer != k.did || cred.Subject != "did:example:learner" || cred.ID != "urn:uuid:1" ||
		cred.Key.Source != jose.KeyFromDID || cred.Key.Controller != k.did || cred.Key.Alg != jose.EdDSA {
		t.Fatalf("credential %+v key %+v", cred, cred.Key)
	}
	if cred.Validity.From.Unix() != 1705244400 || cred.Validity.Until.Unix() != 2051222399 {
		t.Fatalf("validity %v", cred.Validity)
	}
	now := time.Unix(1750000000, 0)
	if err := cred.Validity.Check(now, 0); err != nil {
		t.Fatal(err)
	}
	if err := cred.Validity.Check(time.Unix(2051222399+120, 0), time.Minute); !errors.Is(err, jose.ErrExpired) {
		t.Fatalf("expired: %v", err)
	}
	if err := cred.Validity.Check(time.Unix(1705244400-120, 0), time.Minute); !errors.Is(err, jose.ErrNotYetValid) {
		t.Fatalf("not yet valid: %v", err)
	}
	if err := cred.Validity.Check(time.Unix(1705244400-30, 0), time.Minute); err != nil {
		t.Fatalf("within leeway: %v", err)
	}

	// A VC 2.0 credential in a "vc" claim gets validFrom and validUntil.
	v2 := vc(map[string]any{"@context": []any{jose.ContextV2}})
	cred, err = jose.ParseCredential([]byte(token(t, k.priv, hdr, with(claims, v2))), jose.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	got = nil
	if err := json.Unmarshal(cred.JSON, &got); err != nil {
		t.Fatal(err)
	}
	if got["validFrom"] != "2024-01-14T15:00:00Z" || got["validUntil"] != "2034-12-31T23:59:59Z" || got["issuanceDate"] != nil {
		t.Fatalf("VC 2.0 dates: %s", cred.JSON)
	}

	// iat stands in for a missing nbf, and only fills a gap.
	noNbf := map[string]any{"iss": k.did, "iat": 1705244400}
	cred, err = jose.ParseCredential([]byte(token(t, k.priv, hdr, with(noNbf, vc(map[string]any{"issuanceDate": "2023-01-01T00:00:00Z"})))), jose.Limits{})
	if err != nil || cred.Validity.From.Year() != 2023 {
		t.Fatalf("iat beside an issuanceDate: %v %v", err, cred.Validity)
	}

	conflicts := map[string]map[string]any{
		"iss against issuer":     vc(map[string]any{"issuer": "did:key:other"}),
		"iss against issuer.id":  vc(map[string]any{"issuer": map[string]any{"id": "did:key:other"}}),
		"sub against subject id": vc(map[string]any{"credentialSubject": map[string]any{"id": "did:example:other"}}),
		"jti against id":         vc(map[string]any{"id": "urn:uuid:2"}),
		"nbf against issuance":   vc(map[string]any{"issuanceDate": "2024-01-15T15:00:00Z"}),
		"exp against expiration": vc(map[string]any{"expirationDate": "2030-01-01T00:00:00Z"}),
	}
	for name, v := range conflicts {
		t.Run(name, func(t *testing.T) {
			if _, err := jose.ParseCredential([]byte(token(t, k.priv, hdr, with(claims, v))), jose.Limits{}); !errors.Is(err, jose.ErrClaimConflict) {
				t.Fatalf("want ErrClaimConflict, got %v", err)
			}
		})
	}
	same := vc(map[string]any{"issuanceDate": "2024-01-14T15:00:00.400Z", "issuer": k.did, "id": "urn:uuid:1"})
	if _, err := jose.ParseCredential([]byte(token(t, k.priv, hdr, with(claims, same))), jose.Limits{}); err != nil {
		t.Fatalf("claims that agree: %v", err)
	}
}

func TestCredentialForms(t *testing.T) {
	k := vectorKeys(t)["P-256"]
	hdr := map[string]any{"alg": "ES256", "kid": did.KeyID(k.did)}
	v2 := map[string]any{
		"@context": []any{jose.ContextV2}, "type": []any{"VerifiableCredential"}, "issuer": k.did,
		"validFrom": "2024-01-01T00:00:00Z", "validUntil": "2030-01-01T00:00:00Z",
		"credentialSubject": map[string]any{"id": "did:example:learner"},
	}
	cases := []struct {
		name    string
		header  map[string]any
		payload any
		want    error
		format  jose.Format
	}{
		{"VC 2.0 with typ vc+jwt", map[string]any{"alg": "ES256", "kid": did.KeyID(k.did), "typ": "vc+jwt"}, v2, nil, jose.FormatVC20},
		{"VC 2.0 with typ application/vc+jwt", map[string]any{"alg": "ES256", "kid": did.KeyID(k.did), "typ": "application/vc+jwt"}, v2, nil, jose.FormatVC20},
		{"VC 2.0 without typ", hdr, v2, nil, jose.FormatVC20},
		{"VC 2.0 with an iss that differs", hdr, merge(v2, map[string]any{"iss": "did:key:other"}), jose.ErrClaimConflict, ""},
		{"VC 2.0 with a bad date", hdr, merge(v2, map[string]any{"validFrom": "yesterday"}), jose.ErrMalformed, ""},
		{"VC 2.0 without an issuer", hdr, merge(v2, map[string]any{"issuer": nil}), jose.ErrMalformed, ""},
		{"a presentation", hdr, map[string]any{"iss": k.did, "vp": map[string]any{}}, jose.ErrNotCredential, ""},
		{"an SD-JWT issuer JWT", hdr, merge(v2, map[string]any{"_sd_alg": "sha-256"}), jose.ErrNotCredential, ""},
		{"a plain JWT", hdr, map[string]any{"iss": k.did, "sub": "x"}, jose.ErrNotCredential, ""},
		{"a JWT of an array", hdr, []any{1, 2}, jose.ErrMalformed, ""},
		{"vc not an object", hdr, map[string]any{"iss": k.did, "vc": "x"}, jose.ErrMalformed, ""},
		{"nbf a string", hdr, map[string]any{"iss": k.did, "vc": map[string]any{}, "nbf": "2024"}, jose.ErrMalformed, ""},
		{"exp negative", hdr, map[string]any{"iss": k.did, "vc": map[string]any{}, "exp": -1}, jose.ErrMalformed, ""},
		{"aud a number", hdr, map[string]any{"iss": k.did, "vc": map[string]any{}, "aud": 5}, jose.ErrMalformed, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cred, err := jose.VerifyCredential(context.Background(), []byte(token(t, k.priv, c.header, c.payload)), nil, jose.Limits{})
			if !errors.Is(err, c.want) {
				t.Fatalf("want %v, got %v", c.want, err)
			}
			if err == nil && (cred.Format != c.format || cred.Key.Alg != jose.ES256 || cred.Validity.Until.Year() != 2030) {
				t.Fatalf("credential %+v", cred)
			}
		})
	}
}

func merge(a, b map[string]any) map[string]any {
	out := map[string]any{}
	for k, v := range a {
		out[k] = v
	}
	for k, v := range b {
		out[k] = v
	}
	return out
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestKeySources checks where the key comes from, and what it is bound to.
func TestKeySources(t *testing.T) {
	keys := vectorKeys(t)
	ed, p256 := keys["Ed25519"], keys["P-256"]
	ctx := context.Background()
	vc := map[string]any{"type": "VerifiableCredential"}

	// did:jwk issuer, the key named by its #0.
	jwkDID, _ := did.NewJWK(p256.Public())
	// did:web issuer, its document served by a StaticFetcher.
	const webDID = "did:web:issuer.example:satchel"
	pubJWK, _ := did.MarshalPublicJWK(ed.Public())
	doc, _ := json.Marshal(map[string]any{
		"id": webDID,
		"verificationMethod": []any{map[string]any{
			"id": "#key-1", "type": "JsonWebKey2020", "controller": webDID, "publicKeyJwk": json.RawMessage(pubJWK),
		}},
		"assertionMethod": []any{"#key-1"},
	})
	fetcher := did.StaticFetcher{}
	if err := fetcher.Add(webDID, doc); err != nil {
		t.Fatal(err)
	}
	online := did.NewResolver(fetcher)
	// An x5c chain: a self-signed certificate for the P-256 key.
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "Example Issuer"}, NotBefore: time.Now(), NotAfter: time.Now().Add(time.Hour)}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, p256.Public(), p256.priv)
	if err != nil {
		t.Fatal(err)
	}
	x5c := []string{base64.StdEncoding.EncodeToString(der)}
	edJWK, _ := did.MarshalPublicJWK(ed.Public())

	cases := []struct {
		name   string
		tok    string
		r      jose.KeyResolver
		want   error
		source jose.KeySource
	}{
		{"kid did:key of the issuer", token(t, ed.priv, map[string]any{"alg": "EdDSA", "kid": did.KeyID(ed.did)}, map[string]any{"iss": ed.did, "vc": vc}), nil, nil, jose.KeyFromDID},
		{"no kid, issuer did:key", token(t, ed.priv, map[string]any{"alg": "EdDSA"}, map[string]any{"iss": ed.did, "vc": vc}), nil, nil, jose.KeyFromDID},
		{"relative kid", token(t, ed.priv, map[string]any{"alg": "EdDSA", "kid": "#" + ed.did[8:]}, map[string]any{"iss": ed.did, "vc": vc}), nil, nil, jose.KeyFromDID},
		{"did:jwk issuer", token(t, p256.priv, map[string]any{"alg": "ES256", "kid": jwkDID + "#0"}, map[string]any{"iss": jwkDID, "vc": vc}), nil, nil, jose.KeyFromDID},
		{"did:web issuer, online", token(t, ed.priv, map[string]any{"alg": "EdDSA", "kid": webDID + "#key-1"}, map[string]any{"iss": webDID, "vc": vc}), online, nil, jose.KeyFromDID},
		{"did:web issuer, offline", token(t, ed.priv, map[string]any{"alg": "EdDSA", "kid": webDID + "#key-1"}, map[string]any{"iss": webDID, "vc": vc}), nil, did.ErrNeedsNetwork, 0},
		{"kid of another DID than the issuer", token(t, ed.priv, map[string]any{"alg": "EdDSA", "kid": did.KeyID(ed.did)}, map[string]any{"iss": p256.did, "vc": vc}), nil, jose.ErrIssuerMismatch, 0},
		{"kid DID, issuer a URL", token(t, ed.priv, map[string]any{"alg": "EdDSA", "kid": did.KeyID(ed.did)}, map[string]any{"iss": "https://issuer.example", "vc": vc}), nil, jose.ErrIssuerMismatch, 0},
		{"signed by another key than the issuer's", token(t, keys["P-256"].priv, map[string]any{"alg": "ES256"}, map[string]any{"iss": keys["P-384"].did, "vc": vc}), nil, jose.ErrAlgorithm, 0},
		{"header jwk", token(t, ed.priv, map[string]any{"alg": "EdDSA", "jwk": json.RawMessage(edJWK)}, map[string]any{"iss": "https://issuer.example", "vc": vc}), nil, nil, jose.KeyEmbedded},
		{"header jwk for another alg", token(t, ed.priv, map[string]any{"alg": "EdDSA", "jwk": json.RawMessage(`{"kty":"OKP","crv":"Ed25519","alg":"ES256","x":"` + b64(ed.Public().(ed25519.PublicKey)) + `"}`)}, map[string]any{"iss": "https://issuer.example", "vc": vc}), nil, jose.ErrAlgorithm, 0},
		{"header jwk, private", token(t, ed.priv, map[string]any{"alg": "EdDSA", "jwk": json.RawMessage(`{"kty":"OKP","crv":"Ed25519","d":"AAAA","x":"` + b64(ed.Public().(ed25519.PublicKey)) + `"}`)}, map[string]any{"iss": "https://issuer.example", "vc": vc}), nil, jose.ErrMalformed, 0},
		{"header x5c", token(t, p256.priv, map[string]any{"alg": "ES256", "x5c": x5c}, map[string]any{"iss": "https://issuer.example", "vc": vc}), nil, nil, jose.KeyEmbedded},
		{"no key anywhere", token(t, ed.priv, map[string]any{"alg": "EdDSA", "kid": "key-1"}, map[string]any{"iss": "https://issuer.example", "vc": vc}), nil, jose.ErrNoKey, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cred, err := jose.VerifyCredential(ctx, []byte(c.tok), c.r, jose.Limits{})
			if !errors.Is(err, c.want) {
				t.Fatalf("want %v, got %v", c.want, err)
			}
			if err != nil {
				return
			}
			if cred.Key.Source != c.source {
				t.Fatalf("source %s, want %s", cred.Key.Source, c.source)
			}
			if c.source == jose.KeyFromDID && cred.Key.Controller != cred.Issuer {
				t.Fatalf("key of %s for issuer %s", cred.Key.Controller, cred.Issuer)
			}
			if c.name == "header x5c" && (cred.Key.Certificate == nil || cred.Key.Certificate.Subject.CommonName != "Example Issuer") {
				t.Fatal("certificate not reported")
			}
		})
	}
	// A key the caller provides.
	tok := token(t, ed.priv, map[string]any{"alg": "EdDSA"}, map[string]any{"iss": "https://issuer.example", "vc": vc})
	cred, err := jose.ParseCredential([]byte(tok), jose.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if err := cred.VerifyWithKey(p256.Public()); !errors.Is(err, jose.ErrAlgorithm) {
		t.Fatalf("provided key of another type: %v", err)
	}
	if err := cred.VerifyWithKey(ed.Public()); err != nil || cred.Key.Source != jose.KeyProvided {
		t.Fatalf("provided key: %v", err)
	}
}
