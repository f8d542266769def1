package elm

import (
	"context"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"errors"
	"path/filepath"
	"testing"

	"github.com/satchel-wallet/satchel/internal/fixture"
	"github.com/satchel-wallet/satchel/wallet/credential"
)

// fuzzSeeds are every JSON fixture of the EDC folders and an Open Badge,
// and small sealed documents made here. The four sealed samples are kept
// as they are (their seals verify); in the unsealed ones, strings longer
// than a kilobyte (embedded images) are cut short, so that the fuzzer
// spends its time on structure rather than on base64.
func fuzzSeeds(f *testing.F) [][]byte {
	f.Helper()
	var out [][]byte
	for _, pattern := range []string{"edc/elm-v3/*.json*", "edc/ebsi-vcdm2-elm32/*.json", "edc/edc-software-v2.0.6/jsonld/*"} {
		matches, err := filepath.Glob(filepath.Join(fixture.Root(f), filepath.FromSlash(pattern)))
		if err != nil || len(matches) == 0 {
			f.Fatalf("no fixtures for %s", pattern)
		}
		for _, m := range matches {
			rel, _ := filepath.Rel(fixture.Root(f), m)
			data := fixture.Read(f, filepath.ToSlash(rel))
			var doc any
			if json.Unmarshal(data, &doc) == nil {
				if m, ok := doc.(map[string]any); ok && m["payload"] == nil {
					data, _ = json.Marshal(shorten(doc))
				}
			}
			out = append(out, data)
		}
	}
	keys(f)
	pki := newPKI(f, ecKey, nil)
	xvals, _ := json.Marshal(map[string]any{"xVals": []any{map[string]any{"x509Cert": map[string]any{"val": base64.StdEncoding.EncodeToString(pki.ca.Raw)}}}})
	vp := `{"type":["VerifiablePresentation"],"holder":"did:key:z","verifiableCredential":[` + minimalEDC + `,"a.b.c"]}`
	out = append(out,
		seal(f, ecKey, []byte(minimalEDC), sealOpts{alg: algES256, sigT: sigTIn, certs: []*x509.Certificate{pki.leaf, pki.ca}}),
		seal(f, ecKey, []byte(minimalEDC), sealOpts{
			alg: algES256, sigT: sigTIn, certs: []*x509.Certificate{pki.leaf}, b64: true, flattened: true,
			unprotected: map[string]any{"etsiU": []any{base64.RawURLEncoding.EncodeToString(xvals)}},
		}),
		seal(f, ecKey, []byte(vp), sealOpts{alg: algES256, sigT: sigTIn, certs: []*x509.Certificate{pki.leaf}}),
		accredited(`, "accreditation": {"id": "urn:acc:1", "organisation": {"id": "urn:epass:org:1"}, "expiryDate": "2030-01-01T00:00:00Z",
			"limitEQFLevel": {"id": "http://data.europa.eu/snb/eqf/6"}, "limitField": {"id": "http://data.europa.eu/snb/isced-f/06"}}`),
		fixture.Read(f, "vectors/ob3/spec-ldp-testvector/signed.json"), []byte(minimalEDC))
	return out
}

// shorten cuts every string in v longer than a kilobyte to its first 64
// bytes.
func shorten(v any) any {
	switch x := v.(type) {
	case string:
		if len(x) > 1024 {
			return x[:64]
		}
	case []any:
		for i := range x {
			x[i] = shorten(x[i])
		}
	case map[string]any:
		for k := range x {
			x[k] = shorten(x[k])
		}
	}
	return v
}

// FuzzRead reads whole documents: sealed, unsealed, presentations, and
// whatever the fuzzer makes of them. Read must not panic, must return a
// reading or one of the package's errors, and a reading must carry a
// proof check.
func FuzzRead(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := Read(context.Background(), data, Options{Now: testNow})
		if err != nil {
			if !errors.Is(err, ErrNotEDC) && !errors.Is(err, ErrMalformed) && !errors.Is(err, ErrTooLarge) && !errors.Is(err, ErrLimit) {
				t.Fatalf("unexpected error: %v", err)
			}
			return
		}
		proof := false
		for _, c := range r.Checks {
			proof = proof || c.Check == credential.CheckProof
			if c.Message == c.Code {
				t.Fatalf("check %s has no sentence", c.Code)
			}
		}
		if !proof || len(r.Identity) == 0 {
			t.Fatalf("reading without a proof check or identity: %+v", r.Checks)
		}
		if _, err := json.Marshal(r.Credential); err != nil {
			t.Fatalf("credential does not marshal: %v", err)
		}
		_ = Detect(data)
	})
}

// FuzzJAdESHeader fuzzes the header rules alone: a protected header (as
// its JSON, encoded here) and an unprotected one.
func FuzzJAdESHeader(f *testing.F) {
	f.Add([]byte(`{"alg":"RS256","b64":false,"crit":["b64","sigT"],"sigT":"2023-09-27T11:54:17Z","x5c":["AAAA"]}`), []byte(`{}`))
	f.Add([]byte(`{"alg":"ES256","crit":["sigD"],"sigD":{"mId":"http://uri.etsi.org/19182/ObjectIdByURI"}}`), []byte(`{"etsiU":["e30"]}`))
	f.Add([]byte(`{"alg":"PS256","x5t#S256":"abc"}`), []byte(`{"x5c":["MIIB"]}`))
	for _, s := range fuzzSeeds(f) {
		var doc struct {
			Signatures []struct {
				Protected string
				Header    json.RawMessage
			}
		}
		if json.Unmarshal(s, &doc) == nil {
			for _, sig := range doc.Signatures {
				if raw, err := b64url(sig.Protected); err == nil {
					f.Add(raw, []byte(sig.Header))
				}
			}
		}
	}
	f.Fuzz(func(t *testing.T, protected, unprotected []byte) {
		var u map[string]any
		_ = json.Unmarshal(unprotected, &u)
		h, err := parseHeader(b64urlEncode(protected), u, DefaultMaxBytes)
		var he *headerError
		switch {
		case err == nil && h == nil:
			t.Fatal("no header and no error")
		case err != nil && !errors.As(err, &he) && !errors.Is(err, ErrLimit):
			t.Fatalf("unexpected error: %v", err)
		case err == nil:
			if len(h.x5c) > maxChain || h.alg == "" || (!h.b64 && !containsString(h.crit, "b64")) {
				t.Fatalf("header breaks the rules: %+v", h)
			}
			validationCerts(u, DefaultMaxBytes)
		}
	})
}
