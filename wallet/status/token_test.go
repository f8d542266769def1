package status

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"maps"
	"testing"

	"github.com/satchel-wallet/satchel/wallet/credential"
)

// TestTokenStatusList checks Status List Tokens built from the examples of
// draft-ietf-oauth-status-list (their signing key is not published, so
// they are signed here): the 2-bit list 0xC9 0x44 0xF9 holds, from entry 0,
// 1 (invalid), 2 (suspended), 0 (valid), 3 (application-specific).
func TestTokenStatusList(t *testing.T) {
	const (
		issuer = "https://issuer.example"
		uri    = "https://issuer.example/statuslists/1"
	)
	key := newIssuer(t, 7).key
	other := newIssuer(t, 8).key
	p256, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	header := map[string]any{"alg": "EdDSA", "kid": "12", "typ": "statuslist+jwt"}
	claims := map[string]any{
		"sub": uri, "iat": 1686920170, "exp": 2291720170, "ttl": 43200,
		"status_list": map[string]any{"bits": 2, "lst": "eNo76fITAAPfAgc"},
	}
	edit := func(m map[string]any, k string, v any) map[string]any {
		m = maps.Clone(m)
		if v == nil {
			delete(m, k)
		} else {
			m[k] = v
		}
		return m
	}
	token := signToken(t, key, header, claims)
	keys := keyFor(issuer, key.Public())
	cases := []struct {
		name   string
		body   []byte
		index  int
		keys   TokenKeyFunc
		status credential.Status
		code   string
		args   map[string]string
	}{
		{"invalid", token, 0, keys, credential.Failed, "status.revoked", nil},
		{"suspended", token, 1, keys, credential.Failed, "status.suspended", nil},
		{"valid", token, 2, keys, credential.OK, "status.ok", nil},
		{"application-specific", token, 3, keys, credential.Warning, "status.unknown-value", map[string]string{"Value": "0x03"}},
		{"last entry", token, 11, keys, credential.Warning, "status.unknown-value", nil},
		{"past the end", token, 12, keys, credential.Warning, "status.error", map[string]string{"Problem": "the credential's position is not in the list at " + uri}},
		{"1-bit example", signToken(t, key, header, edit(claims, "status_list", map[string]any{"bits": 1, "lst": "eNrbuRgAAhcBXQ"})), 3, keys, credential.Failed, "status.revoked", nil},
		{"ES256", signToken(t, p256, edit(header, "alg", "ES256"), claims), 2, keyFor(issuer, p256.Public()), credential.OK, "status.ok", nil},
		{"no key resolver", token, 2, nil, credential.Warning, "status.unverified", map[string]string{"Says": "valid", "Problem": "Satchel has no key to check its signature with"}},
		{"no key resolver, past the end", token, 12, nil, credential.Warning, "status.unverified", map[string]string{"Says": ""}},
		{"unknown key", token, 0, keyFor("https://other.example", key.Public()), credential.Warning, "status.unverified", map[string]string{"Says": "revoked", "Problem": "the key that signed it could not be found"}},
		{"signed by another key", signToken(t, other, header, claims), 2, keys, credential.Warning, "status.unverified", map[string]string{"Problem": "its signature does not match its content"}},
		{"alg of another key type", signToken(t, key, edit(header, "alg", "ES256"), claims), 2, keys, credential.Warning, "status.unverified", map[string]string{"Problem": "it is signed in a way Satchel cannot check"}},
		{"alg none", unsignedToken(t, edit(header, "alg", "none"), claims), 2, keys, credential.Warning, "status.unverified", map[string]string{"Problem": "it is signed in a way Satchel cannot check"}},
		{"list of another address", signToken(t, key, header, edit(claims, "sub", "https://issuer.example/statuslists/2")), 2, keys, credential.Warning, "status.unverified", map[string]string{"Problem": "it is the list of another address"}},
		{"other issuer", signToken(t, key, header, edit(claims, "iss", "https://other.example")), 2, keyFor("https://other.example", key.Public()), credential.Warning, "status.unverified", map[string]string{"Problem": "it is issued by https://other.example, not by the credential's issuer"}},
		{"same issuer named", signToken(t, key, header, edit(claims, "iss", issuer)), 2, keys, credential.OK, "status.ok", nil},
		{"expired", signToken(t, key, header, edit(claims, "exp", 1700000000)), 2, keys, credential.Warning, "status.error", map[string]string{"Problem": "the list at " + uri + " is outside its validity period"}},
		{"wrong typ", signToken(t, key, edit(header, "typ", "JWT"), claims), 2, keys, credential.Warning, "status.error", map[string]string{"Problem": "the list at " + uri + " is damaged"}},
		{"no status_list", signToken(t, key, header, edit(claims, "status_list", nil)), 2, keys, credential.Warning, "status.error", nil},
		{"bits 3", signToken(t, key, header, edit(claims, "status_list", map[string]any{"bits": 3, "lst": "eNo76fITAAPfAgc"})), 2, keys, credential.Warning, "status.error", nil},
		{
			"zlib bomb", signToken(t, key, header, edit(claims, "status_list", map[string]any{"bits": 1, "lst": zlibB64(t, make([]byte, MaxListSize+1))})), 2, keys,
			credential.Warning, "status.error",
			map[string]string{"Problem": "the list at " + uri + " is larger than Satchel accepts"},
		},
		{
			"claim names in another case", signToken(t, key, header, map[string]any{"SUB": uri, "Status_List": map[string]any{"bits": 2, "lst": "eNo76fITAAPfAgc"}}), 2, keys,
			credential.Warning, "status.error",
			map[string]string{"Problem": "the list at " + uri + " is damaged"},
		},
		{"bits as text", signToken(t, key, header, edit(claims, "status_list", map[string]any{"bits": "2", "lst": "eNo76fITAAPfAgc"})), 2, keys, credential.Warning, "status.error", nil},
		{"not a JWT", []byte(`{"status_list":{}}`), 2, keys, credential.Warning, "status.error", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			es := []credential.StatusEntry{{Type: TypeTokenStatusList, ListURL: uri, Index: c.index}}
			got := Check(context.Background(), es, issuer, Options{Fetcher: StaticFetcher{uri: c.body}, TokenKey: c.keys, Now: now})
			if got.Status != c.status || got.Code != c.code {
				t.Fatalf("got %s %s %v\n  detail: %s\nwant %s %s", got.Status, got.Code, got.Args, got.Detail, c.status, c.code)
			}
			for k, v := range c.args {
				if got.Args[k] != v {
					t.Errorf("arg %s = %q, want %q", k, got.Args[k], v)
				}
			}
		})
	}
}
