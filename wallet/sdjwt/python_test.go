package sdjwt_test

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"testing"

	"github.com/satchel-wallet/satchel/internal/fixture"
	"github.com/satchel-wallet/satchel/wallet/did"
	"github.com/satchel-wallet/satchel/wallet/jose"
	"github.com/satchel-wallet/satchel/wallet/sdjwt"
)

// pyDir holds the sd-jwt-python test cases: for each, the claims an issuer
// makes selectively disclosable (tagged !sd), what the holder discloses,
// and the claims the verifier must end up with.
const pyDir = sdDir + "sd-jwt-python-testcases/"

type pySettings struct {
	issuer, verifier string
	iat, exp         json.Number
	nonce            string
	issuerKey        *keySigner
	holderKey        *keySigner
}

func loadPySettings(t *testing.T) *pySettings {
	t.Helper()
	v, err := parseYAML(string(fixture.Read(t, pyDir+"settings.yml")))
	if err != nil {
		t.Fatal(err)
	}
	m := v.(map[string]any)
	ids := m["identifiers"].(map[string]any)
	keys := m["key_settings"].(map[string]any)
	jwkOf := func(k any) []byte {
		b, err := json.Marshal(k)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	return &pySettings{
		issuer:    ids["issuer"].(string),
		verifier:  ids["verifier"].(string),
		iat:       m["iat"].(json.Number),
		exp:       m["exp"].(json.Number),
		nonce:     m["key_binding_nonce"].(string),
		issuerKey: signerFromJWK(t, jwkOf(keys["issuer_keys"].([]any)[0])),
		holderKey: signerFromJWK(t, jwkOf(keys["holder_key"])),
	}
}

// TestPythonTestcases issues each test case's claims with the test cases'
// issuer key, presents what the holder discloses (with a KB-JWT signed by
// the holder key where the case asks), verifies the presentation, and
// compares the processed payload with the case's expected claims. The
// JSON serialisation cases run in the compact form, the only one Satchel
// reads; the result they expect is the same.
func TestPythonTestcases(t *testing.T) {
	set := loadPySettings(t)
	dirs, err := os.ReadDir(fixture.Path(t, pyDir))
	if err != nil {
		t.Fatal(err)
	}
	ran := 0
	for _, d := range dirs {
		if !d.IsDir() {
			continue
		}
		ran++
		t.Run(d.Name(), func(t *testing.T) {
			v, err := parseYAML(string(fixture.Read(t, filepath.Join(pyDir, d.Name(), "specification.yml"))))
			if err != nil {
				t.Fatal(err)
			}
			spec := v.(map[string]any)
			kb, _ := spec["key_binding"].(bool)
			claims := map[string]any{"iss": set.issuer, "iat": set.iat, "exp": set.exp}
			want := map[string]any{"iss": set.issuer, "iat": set.iat, "exp": set.exp}
			for k, v := range spec["user_claims"].(map[string]any) {
				claims[k] = v
			}
			for k, v := range asMap(spec["expect_verified_user_claims"]) {
				want[k] = v
			}
			if kb {
				cnf := map[string]any{"jwk": publicJWK(t, set.holderKey)}
				claims["cnf"], want["cnf"] = cnf, cnf
			}
			issued := newIssuer(set.issuerKey, "example+sd-jwt").issue(t, claims)
			if hdr, ok := spec["extra_header_parameters"]; ok {
				// header_mod adds "kid": 42. RFC 7515 §4.1.4 makes kid a
				// string; Satchel refuses the token rather than guess.
				tampered := withHeader(t, set.issuerKey, issued, hdr.(map[string]any))
				if _, err := sdjwt.Parse(tampered, sdjwt.Limits{}); !errors.Is(err, sdjwt.ErrMalformed) {
					t.Fatalf("numeric kid: want ErrMalformed, got %v", err)
				}
				return
			}
			tok, err := sdjwt.Parse(issued, sdjwt.Limits{})
			if err != nil {
				t.Fatalf("parse issued: %v", err)
			}
			var chosen []string
			pointers := map[string]string{}
			for _, d := range tok.Disclosures {
				pointers[d.Pointer] = d.Digest
			}
			selectDisclosed(spec["user_claims"], spec["holder_disclosed_claims"], "", func(ptr string) {
				dg, ok := pointers[ptr]
				if !ok {
					t.Fatalf("no Disclosure at %s", ptr)
				}
				chosen = append(chosen, dg)
			})
			var presented string
			if kb {
				presented, err = tok.Present(set.holderKey, chosen, sdjwt.PresentOptions{Audience: set.verifier, Nonce: set.nonce})
			} else {
				presented, err = tok.Disclose(chosen)
			}
			if err != nil {
				t.Fatal(err)
			}
			opts := sdjwt.Options{Resolver: did.NewResolver(nil)}
			if kb {
				opts.KeyBinding = &sdjwt.Expect{Nonce: set.nonce, Audience: set.verifier}
			}
			// The issuer is an https URL: verify with its key explicitly.
			got, err := sdjwt.Parse(presented, sdjwt.Limits{})
			if err != nil {
				t.Fatalf("parse presented: %v", err)
			}
			if err := got.VerifyIssuerWithKey(set.issuerKey.Public()); err != nil {
				t.Fatal(err)
			}
			if kb {
				if _, err := got.VerifyKeyBinding(*opts.KeyBinding); err != nil {
					t.Fatal(err)
				}
			}
			if _, err := sdjwt.Verify(context.Background(), presented, opts); !errors.Is(err, jose.ErrNoKey) {
				t.Fatalf("Verify with no key for an https issuer: %v", err)
			}
			var gotClaims, wantClaims map[string]any
			mustRoundTrip(t, got.Payload, &gotClaims)
			mustRoundTrip(t, want, &wantClaims)
			if !reflect.DeepEqual(gotClaims, wantClaims) {
				t.Fatalf("processed payload:\n got %s\nwant %s", got.Payload, mustJSON(wantClaims))
			}
		})
	}
	if ran < 17 {
		t.Fatalf("ran %d test cases, want 17", ran)
	}
}

// selectDisclosed walks the issuer's claims beside the holder's choice,
// as sd-jwt-python's holder does: a true or non-empty choice at a
// selectively disclosable position discloses it (true: with all it holds),
// a structure chooses inside it.
func selectDisclosed(claims, choice any, ptr string, pick func(string)) {
	if w, ok := claims.(sd); ok {
		if !truthy(choice) {
			return
		}
		pick(ptr)
		claims = w.v
	}
	switch c := claims.(type) {
	case map[string]any:
		for k, v := range c {
			var sub any
			if m, ok := choice.(map[string]any); ok {
				sub = m[k]
			} else if choice == true {
				sub = true
			}
			selectDisclosed(v, sub, ptr+"/"+k, pick)
		}
	case []any:
		for i, v := range c {
			var sub any
			if l, ok := choice.([]any); ok && i < len(l) {
				sub = l[i]
			} else if choice == true {
				sub = true
			}
			selectDisclosed(v, sub, ptr+"/"+strconv.Itoa(i), pick)
		}
	}
}

func truthy(v any) bool {
	switch x := v.(type) {
	case bool:
		return x
	case map[string]any:
		return len(x) > 0
	case []any:
		return len(x) > 0
	}
	return false
}

func asMap(v any) map[string]any {
	m, _ := v.(map[string]any)
	return m
}

func mustRoundTrip(t *testing.T, in, out any) {
	t.Helper()
	b, ok := in.(json.RawMessage)
	if !ok {
		var err error
		if b, err = json.Marshal(in); err != nil {
			t.Fatal(err)
		}
	}
	if err := json.Unmarshal(b, out); err != nil {
		t.Fatal(err)
	}
}

func publicJWK(t *testing.T, s *keySigner) map[string]any {
	t.Helper()
	b, err := did.MarshalPublicJWK(s.Public())
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	mustRoundTrip(t, json.RawMessage(b), &m)
	return m
}

// withHeader re-signs the issuer JWT of an SD-JWT with extra header
// parameters.
func withHeader(t *testing.T, s *keySigner, issued string, extra map[string]any) string {
	t.Helper()
	tok, err := sdjwt.Parse(issued, sdjwt.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	h := map[string]any{"alg": s.Algorithm(), "typ": "example+sd-jwt"}
	for k, v := range extra {
		h[k] = v
	}
	hb, _ := json.Marshal(h)
	input := b64(hb) + "." + b64(tok.JWS.Payload)
	sig, err := s.Sign([]byte(input))
	if err != nil {
		t.Fatal(err)
	}
	return input + "." + b64(sig) + issued[len(tok.JWS.Raw()):]
}
