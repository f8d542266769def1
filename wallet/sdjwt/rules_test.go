package sdjwt_test

import (
	"crypto/sha512"
	"encoding/base64"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/satchel-wallet/satchel/wallet/jose"
	"github.com/satchel-wallet/satchel/wallet/sdjwt"
)

// TestRejections builds SD-JWTs that break one rule of RFC 9901 §7.1 each,
// signed by the sd-jwt-python test issuer, and checks the error.
func TestRejections(t *testing.T) {
	set := loadPySettings(t)
	iss := set.issuerKey
	dGiven, hGiven := encodeDisclosure(t, "salt-1", "given_name", "Elena")
	dFamily, hFamily := encodeDisclosure(t, "salt-2", "family_name", "Marković")
	dGiven2, hGiven2 := encodeDisclosure(t, "salt-3", "given_name", "Mallory")
	dElem, hElem := encodeDisclosure(t, "salt-4", "DE")
	dSD, _ := encodeDisclosure(t, "salt-5", "_sd", []string{"x"})
	dDots, _ := encodeDisclosure(t, "salt-6", "...", "x")
	dForeign, _ := encodeDisclosure(t, "salt-7", "grade", "A")
	ok := signPayload(t, iss, map[string]any{"iss": set.issuer, "_sd": []string{hGiven, hFamily}, "nationalities": []any{map[string]any{"...": hElem}}})
	cases := []struct {
		name string
		in   string
		want error
	}{
		{"duplicate Disclosure", ok + "~" + dGiven + "~" + dGiven + "~" + dFamily + "~", sdjwt.ErrDuplicateDisclosure},
		{"unreferenced Disclosure", ok + "~" + dGiven + "~" + dForeign + "~", sdjwt.ErrUnreferenced},
		{"duplicate digest in _sd", signPayload(t, iss, map[string]any{"_sd": []string{hGiven, hGiven}}) + "~" + dGiven + "~", sdjwt.ErrDuplicateDigest},
		{"duplicate digest, decoys too", signPayload(t, iss, map[string]any{"_sd": []string{"decoy", "decoy"}}) + "~", sdjwt.ErrDuplicateDigest},
		{"digest in _sd and in an array", signPayload(t, iss, map[string]any{"_sd": []string{hElem}, "a": []any{map[string]any{"...": hElem}}}) + "~", sdjwt.ErrDuplicateDigest},
		{"disclosed name already plain", signPayload(t, iss, map[string]any{"given_name": "Eve", "_sd": []string{hGiven}}) + "~" + dGiven + "~", sdjwt.ErrClaimClash},
		{"disclosed name twice", signPayload(t, iss, map[string]any{"_sd": []string{hGiven, hGiven2}}) + "~" + dGiven + "~" + dGiven2 + "~", sdjwt.ErrClaimClash},
		{"claim named _sd", ok + "~" + dSD + "~", sdjwt.ErrClaimClash},
		{"claim named ...", ok + "~" + dDots + "~", sdjwt.ErrClaimClash},
		{"array element from _sd", signPayload(t, iss, map[string]any{"_sd": []string{hElem}}) + "~" + dElem + "~", sdjwt.ErrMalformed},
		{"claim as array element", signPayload(t, iss, map[string]any{"a": []any{map[string]any{"...": hGiven}}}) + "~" + dGiven + "~", sdjwt.ErrMalformed},
		{"_sd not an array", signPayload(t, iss, map[string]any{"_sd": hGiven}) + "~", sdjwt.ErrMalformed},
		{"_sd holds a number", signPayload(t, iss, map[string]any{"_sd": []any{1}}) + "~", sdjwt.ErrMalformed},
		{"... holds a number", signPayload(t, iss, map[string]any{"a": []any{map[string]any{"...": 1}}}) + "~", sdjwt.ErrMalformed},
		{"unknown _sd_alg", signPayload(t, iss, map[string]any{"_sd_alg": "md5"}) + "~", sdjwt.ErrUnsupportedHash},
		{"_sd_alg not a string", signPayload(t, iss, map[string]any{"_sd_alg": 256}) + "~", sdjwt.ErrMalformed},
		{"no tilde", ok, sdjwt.ErrMalformed},
		{"empty Disclosure", ok + "~~" + dGiven + "~", sdjwt.ErrMalformed},
		{"Disclosure without closing tilde", ok + "~" + dGiven, sdjwt.ErrMalformed},
		{"Disclosure with padding", ok + "~" + dGiven + "=~", sdjwt.ErrMalformed},
		{"Disclosure not base64url", ok + "~" + strings.Replace(dGiven, dGiven[3:4], "+", 1) + "~", sdjwt.ErrMalformed},
		{"Disclosure not JSON", ok + "~" + b64([]byte(`["s","n"`)) + "~", sdjwt.ErrMalformed},
		{"Disclosure not an array", ok + "~" + b64([]byte(`{"s":"n"}`)) + "~", sdjwt.ErrMalformed},
		{"Disclosure of one element", ok + "~" + b64([]byte(`["s"]`)) + "~", sdjwt.ErrMalformed},
		{"Disclosure of four elements", ok + "~" + b64([]byte(`["s","n","v","w"]`)) + "~", sdjwt.ErrMalformed},
		{"salt not a string", ok + "~" + b64([]byte(`[1,"n","v"]`)) + "~", sdjwt.ErrMalformed},
		{"name not a string", ok + "~" + b64([]byte(`["s",1,"v"]`)) + "~", sdjwt.ErrMalformed},
		{"Disclosure not UTF-8", ok + "~" + b64([]byte("[\"s\",\"n\",\"\xff\"]")) + "~", sdjwt.ErrMalformed},
		{"Disclosure with a member twice", ok + "~" + b64([]byte(`["s","n",{"a":1,"a":2}]`)) + "~", sdjwt.ErrMalformed},
		{"issuer JWT of two segments", "eyJhbGciOiJFUzI1NiJ9.e30~", sdjwt.ErrMalformed},
		{"issuer JWT payload an array", signPayload(t, iss, []any{1}) + "~", sdjwt.ErrMalformed},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if _, err := sdjwt.Parse(c.in, sdjwt.Limits{}); !errors.Is(err, c.want) {
				t.Fatalf("want %v, got %v", c.want, err)
			}
		})
	}
	// Decoy digests, which no Disclosure matches, are fine, and the valid
	// base case parses.
	decoys := signPayload(t, iss, map[string]any{"_sd": []string{hGiven, hash("decoy-1"), hash("decoy-2")}, "a": []any{map[string]any{"...": hash("decoy-3")}}})
	tok, err := sdjwt.Parse(decoys+"~"+dGiven+"~", sdjwt.Limits{})
	if err != nil || string(tok.Payload) != `{"a":[],"given_name":"Elena"}` {
		t.Fatalf("decoys: %v, %s", err, tok.Payload)
	}
	if _, err := sdjwt.Parse(ok+"~"+dGiven+"~"+dFamily+"~"+dElem+"~", sdjwt.Limits{}); err != nil {
		t.Fatalf("valid base case: %v", err)
	}
}

// TestHashAlgorithms checks that _sd_alg is honoured: digests made with
// sha-384 and sha-512 match, and sha-256 digests do not.
func TestHashAlgorithms(t *testing.T) {
	set := loadPySettings(t)
	d, _ := encodeDisclosure(t, "salt", "given_name", "Elena")
	for _, alg := range []string{"sha-384", "sha-512"} {
		t.Run(alg, func(t *testing.T) {
			var sum []byte
			if alg == "sha-384" {
				h := sha512.Sum384([]byte(d))
				sum = h[:]
			} else {
				h := sha512.Sum512([]byte(d))
				sum = h[:]
			}
			dg := base64.RawURLEncoding.EncodeToString(sum)
			in := signPayload(t, set.issuerKey, map[string]any{"_sd_alg": alg, "_sd": []string{dg}}) + "~" + d + "~"
			tok, err := sdjwt.Parse(in, sdjwt.Limits{})
			if err != nil || tok.HashAlg != alg || string(tok.Payload) != `{"given_name":"Elena"}` {
				t.Fatalf("%v, %+v", err, tok)
			}
			wrong := signPayload(t, set.issuerKey, map[string]any{"_sd_alg": alg, "_sd": []string{hash(d)}}) + "~" + d + "~"
			if _, err := sdjwt.Parse(wrong, sdjwt.Limits{}); !errors.Is(err, sdjwt.ErrUnreferenced) {
				t.Fatalf("sha-256 digest under %s: %v", alg, err)
			}
		})
	}
}

func TestLimits(t *testing.T) {
	set := loadPySettings(t)
	is := newIssuer(set.issuerKey, "dc+sd-jwt")
	issued := is.issue(t, map[string]any{"a": sd{1}, "b": sd{2}, "c": sd{3}, "d": sd{4}})
	if _, err := sdjwt.Parse(issued, sdjwt.Limits{MaxDisclosures: 3}); !errors.Is(err, sdjwt.ErrTooLarge) {
		t.Fatalf("4 Disclosures over a limit of 3: %v", err)
	}
	if _, err := sdjwt.Parse(issued, sdjwt.Limits{MaxDisclosures: 4}); err != nil {
		t.Fatalf("4 Disclosures within a limit of 4: %v", err)
	}
	if _, err := sdjwt.Parse(issued, sdjwt.Limits{MaxBytes: len(issued) - 1}); !errors.Is(err, sdjwt.ErrTooLarge) {
		t.Fatalf("size limit: %v", err)
	}
	if _, err := sdjwt.Parse(strings.Repeat("~", 5000), sdjwt.Limits{}); !errors.Is(err, sdjwt.ErrTooLarge) {
		t.Fatalf("5000 empty Disclosures: %v", err)
	}
	// 150 Disclosures nested in one another: each is shallow JSON, but the
	// payload they rebuild is 150 levels deep.
	var v any = "bottom"
	for range 150 {
		v = map[string]any{"x": sd{v}}
	}
	deep := is.issue(t, v.(map[string]any))
	if _, err := sdjwt.Parse(deep, sdjwt.Limits{}); !errors.Is(err, sdjwt.ErrTooLarge) {
		t.Fatalf("nesting through Disclosures: %v", err)
	}
	if _, err := sdjwt.Parse(deep, sdjwt.Limits{MaxDepth: 400}); err != nil {
		t.Fatalf("nesting within a raised limit: %v", err)
	}
}

// TestPresentAndKeyBinding presents the PID example of the SD-JWT draft
// (its holder key is published in the sd-jwt-python settings) and checks
// the Key Binding rules.
func TestPresentAndKeyBinding(t *testing.T) {
	set := loadPySettings(t)
	var pid *example
	for _, e := range loadExamples(t) {
		if e.File == "extracted/sdjwt-05.txt" {
			pid = e
		}
	}
	tok, err := sdjwt.Parse(pid.form(), sdjwt.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	// Pointers and parents: street_address sits in the disclosed address.
	var street, address *sdjwt.Disclosure
	for _, d := range tok.Disclosures {
		switch d.Pointer {
		case "/address/street_address":
			street = d
		case "/address":
			address = d
		}
	}
	if street == nil || address == nil || street.Parent != address.Digest || address.Parent != "" {
		t.Fatalf("pointers: street %+v, address %+v", street, address)
	}
	chosen, err := tok.Select("/address/street_address", "/age_equal_or_over/18")
	if err != nil {
		t.Fatal(err)
	}
	now := time.Unix(1_700_000_000, 0)
	opts := sdjwt.PresentOptions{Audience: set.verifier, Nonce: "n-0S6_WzA2Mj", IssuedAt: now}
	pres, err := tok.Present(set.holderKey, chosen, opts)
	if err != nil {
		t.Fatal(err)
	}
	got, err := sdjwt.Parse(pres, sdjwt.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	// The parents come along: address and age_equal_or_over.
	if len(got.Disclosures) != 4 {
		t.Fatalf("%d Disclosures presented, want 4", len(got.Disclosures))
	}
	if string(got.Payload) == "" || !strings.Contains(string(got.Payload), `"address":{"street_address":"Heidestraße 17"}`) {
		t.Fatalf("payload %s", got.Payload)
	}
	if err := got.VerifyIssuerWithKey(issuerKeyA5(t)); err != nil {
		t.Fatal(err)
	}
	want := sdjwt.Expect{Nonce: opts.Nonce, Audience: opts.Audience, Now: now.Add(time.Minute), MaxAge: 5 * time.Minute}
	kb, err := got.VerifyKeyBinding(want)
	if err != nil || !kb.IssuedAt.Equal(now) {
		t.Fatalf("key binding: %v %+v", err, kb)
	}
	bad := []struct {
		name string
		in   string
		want sdjwt.Expect
	}{
		{"wrong nonce", pres, sdjwt.Expect{Nonce: "other"}},
		{"wrong audience", pres, sdjwt.Expect{Audience: "https://other.example"}},
		{"too old", pres, sdjwt.Expect{Now: now.Add(time.Hour), MaxAge: 5 * time.Minute}},
		{"from the future", pres, sdjwt.Expect{Now: now.Add(-time.Hour)}},
		{"no KB-JWT", pres[:strings.LastIndexByte(pres, '~')+1], sdjwt.Expect{}},
		// Part 3 is the leaf "18", whose removal leaves the rest consistent.
		{"Disclosure removed after binding", dropDisclosure(pres, 3), sdjwt.Expect{}},
	}
	for _, c := range bad {
		t.Run(c.name, func(t *testing.T) {
			tok, err := sdjwt.Parse(c.in, sdjwt.Limits{})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := tok.VerifyKeyBinding(c.want); !errors.Is(err, sdjwt.ErrKeyBinding) {
				t.Fatalf("want ErrKeyBinding, got %v", err)
			}
		})
	}
	// A KB-JWT by another key, and one whose alg does not fit the key.
	ed := edSigner(t)
	other := dropKB(pres) + signKB(t, ed, "kb+jwt", dropKB(pres))
	if tok, _ := sdjwt.Parse(other, sdjwt.Limits{}); tok != nil {
		if _, err := tok.VerifyKeyBinding(sdjwt.Expect{}); !errors.Is(err, jose.ErrAlgorithm) {
			t.Fatalf("EdDSA KB-JWT for a P-256 cnf key: %v", err)
		}
	}
	attacker := signerFromJWK(t, []byte(`{"kty":"EC","crv":"P-256","d":"WsGosxrp0XK7VEviPL9xBm3fBb7Xys2vLhPGhESNoXY","x":"bN-hp3IN0GZB3OlaQnHDPhY4nZsZbQyo4wY-y1NWCvA","y":"vaSsH5jt9zt3aQvTvrSaFYLyjPG9Ug-2vntoNXlCbVU"}`))
	forged := dropKB(pres) + signKB(t, attacker, "kb+jwt", dropKB(pres))
	if tok, _ := sdjwt.Parse(forged, sdjwt.Limits{}); tok != nil {
		if _, err := tok.VerifyKeyBinding(sdjwt.Expect{}); !errors.Is(err, jose.ErrSignature) {
			t.Fatalf("KB-JWT by another P-256 key: %v", err)
		}
	}
	wrongTyp := dropKB(pres) + signKB(t, set.holderKey, "JWT", dropKB(pres))
	if tok, _ := sdjwt.Parse(wrongTyp, sdjwt.Limits{}); tok != nil {
		if _, err := tok.VerifyKeyBinding(sdjwt.Expect{}); !errors.Is(err, sdjwt.ErrKeyBinding) {
			t.Fatalf("typ JWT: %v", err)
		}
	}
	// Presenting needs the holder's key, the verifier's parameters and
	// Disclosures the credential has.
	if _, err := tok.Present(attacker, chosen, opts); !errors.Is(err, sdjwt.ErrHolderKeyMismatch) {
		t.Fatalf("other signer: %v", err)
	}
	if _, err := tok.Present(set.holderKey, []string{"nope"}, opts); !errors.Is(err, sdjwt.ErrNotDisclosable) {
		t.Fatalf("unknown digest: %v", err)
	}
	if _, err := tok.Present(set.holderKey, chosen, sdjwt.PresentOptions{Audience: set.verifier}); err == nil {
		t.Fatal("presented without a nonce")
	}
	if _, err := tok.Select("/no/such/claim"); !errors.Is(err, sdjwt.ErrNotDisclosable) {
		t.Fatalf("unknown pointer: %v", err)
	}
	noCnf, err := sdjwt.Parse(strings.TrimSpace(string(mustRead(t, "extracted/sdjwtvc-02.txt"))), sdjwt.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := noCnf.Present(set.holderKey, nil, opts); !errors.Is(err, sdjwt.ErrNoHolderKey) {
		t.Fatalf("no cnf: %v", err)
	}
}

// dropKB returns the presentation without its KB-JWT, ending in "~".
func dropKB(s string) string { return s[:strings.LastIndexByte(s, '~')+1] }

// dropDisclosure removes the i-th "~"-separated part.
func dropDisclosure(s string, i int) string {
	parts := strings.Split(s, "~")
	return strings.Join(append(parts[:i:i], parts[i+1:]...), "~")
}

// signKB signs a KB-JWT over presented with s.
func signKB(t *testing.T, s *keySigner, typ, presented string) string {
	t.Helper()
	payload, _ := json.Marshal(map[string]any{"iat": 1_700_000_000, "aud": "https://example.com/verifier", "nonce": "n", "sd_hash": hash(presented)})
	kb, err := jose.SignCompact(s, typ, "", payload)
	if err != nil {
		t.Fatal(err)
	}
	return kb
}
