package elm

import (
	"context"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"errors"
	"testing"

	"github.com/satchel-wallet/satchel/wallet/credential"
)

// Breaking a header rule fails the proof check (or, for what Satchel
// cannot check, skips it); it is never an error.
func TestHeaderRules(t *testing.T) {
	keys(t)
	pki := newPKI(t, ecKey, nil)
	other := newPKI(t, rsaKey, nil)
	base := sealOpts{alg: algES256, sigT: sigTIn, certs: []*x509.Certificate{pki.leaf}}
	with := func(f func(o *sealOpts)) sealOpts { o := base; f(&o); return o }
	hdr := func(f func(h map[string]any)) sealOpts { return with(func(o *sealOpts) { o.header = f }) }
	tests := []struct {
		name   string
		opts   sealOpts
		status credential.Status
		code   string
	}{
		{"as the EDC software seals", base, credential.OK, "proof.elm-sealed"},
		{"flattened serialization", with(func(o *sealOpts) { o.flattened = true }), credential.OK, "proof.elm-sealed"},
		{"base64url payload (b64 true)", with(func(o *sealOpts) { o.b64 = true }), credential.OK, "proof.elm-sealed"},
		{"certificate chain in x5c", with(func(o *sealOpts) { o.certs = []*x509.Certificate{pki.leaf, pki.ca} }), credential.OK, "proof.elm-sealed"},
		{"critical extension not understood", hdr(func(h map[string]any) { h["crit"] = []string{"b64", "sigT", "exp"}; h["exp"] = 1 }), credential.Failed, "proof.elm-header"},
		{"crit lists a missing name", hdr(func(h map[string]any) { h["crit"] = []string{"b64", "sigT", "sigD"} }), credential.Failed, "proof.elm-header"},
		{"crit lists a registered name", hdr(func(h map[string]any) { h["crit"] = []string{"b64", "alg"} }), credential.Failed, "proof.elm-header"},
		{"crit is empty", hdr(func(h map[string]any) { h["crit"] = []string{} }), credential.Failed, "proof.elm-header"},
		{"b64:false not critical", hdr(func(h map[string]any) { h["crit"] = []string{"sigT"} }), credential.Failed, "proof.elm-header"},
		{"b64 not a boolean", hdr(func(h map[string]any) { h["b64"] = "false" }), credential.Failed, "proof.elm-header"},
		{"sigT not a time", hdr(func(h map[string]any) { h["sigT"] = "yesterday" }), credential.Failed, "proof.elm-header"},
		{"alg none", hdr(func(h map[string]any) { h["alg"] = "none" }), credential.Failed, "proof.elm-header"},
		{"no alg", hdr(func(h map[string]any) { delete(h, "alg") }), credential.Failed, "proof.elm-header"},
		{"x5t#S256 of another certificate", hdr(func(h map[string]any) {
			h["x5t#S256"] = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
		}), credential.Failed, "proof.elm-header"},
		{"no certificate", hdr(func(h map[string]any) { delete(h, "x5c") }), credential.Failed, "proof.key-not-found"},
		{"certificate of another key", with(func(o *sealOpts) { o.certs = []*x509.Certificate{other.leaf} }), credential.Failed, "proof.failed"},
		{"x5c chain with a stranger", with(func(o *sealOpts) { o.certs = []*x509.Certificate{pki.leaf, other.leaf} }), credential.Failed, "proof.elm-chain"},
		{"detached (sigD)", hdr(func(h map[string]any) {
			h["sigD"] = map[string]any{"mId": "http://uri.etsi.org/19182/ObjectIdByURI", "pars": []string{"doc"}}
			h["crit"] = []string{"b64", "sigT", "sigD"}
		}), credential.Skipped, "proof.unsupported"},
		{"name in both headers", with(func(o *sealOpts) { o.unprotected = map[string]any{"sigT": "2024-06-01T10:00:00Z"} }), credential.Failed, "proof.elm-header"},
		{"crit unprotected", with(func(o *sealOpts) {
			o.unprotected = map[string]any{"crit": []string{"b64"}}
			o.header = func(h map[string]any) { delete(h, "crit") }
		}), credential.Failed, "proof.elm-header"},
		{"x5c unprotected, unbound", with(func(o *sealOpts) {
			o.unprotected = map[string]any{"x5c": []string{base64.StdEncoding.EncodeToString(pki.leaf.Raw)}}
			o.header = func(h map[string]any) { delete(h, "x5c"); delete(h, "x5t#S256") }
		}), credential.Failed, "proof.elm-header"},
		{"x5c unprotected, bound by x5t#S256", with(func(o *sealOpts) {
			o.unprotected = map[string]any{"x5c": []string{base64.StdEncoding.EncodeToString(pki.leaf.Raw)}}
			o.header = func(h map[string]any) { delete(h, "x5c") }
		}), credential.OK, "proof.elm-sealed"},
		{"x5c entry not base64", hdr(func(h map[string]any) { h["x5c"] = []string{"%%%"} }), credential.Failed, "proof.elm-header"},
		{"x5c entry not a certificate", hdr(func(h map[string]any) { h["x5c"] = []string{"AAAA"} }), credential.Failed, "proof.elm-header"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := seal(t, ecKey, []byte(minimalEDC), tt.opts)
			proof := findCheck(t, read(t, data), credential.CheckProof)
			if proof.Status != tt.status || proof.Code != tt.code {
				t.Fatalf("proof = %s %s: %s | %s", proof.Status, proof.Code, proof.Message, proof.Detail)
			}
		})
	}
}

// The signature covers the payload exactly as stored: re-serialising it
// (here: pretty-printing the same JSON) breaks the seal.
func TestPayloadAsStored(t *testing.T) {
	keys(t)
	data := sealed(t, algES256, ecKey, sealOpts{sigT: sigTIn})
	var doc map[string]any
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	var body any
	if err := json.Unmarshal([]byte(doc["payload"].(string)), &body); err != nil {
		t.Fatal(err)
	}
	compact, _ := json.Marshal(body)
	doc["payload"] = string(compact)
	reserialised, _ := json.Marshal(doc)
	if proof := findCheck(t, read(t, reserialised), credential.CheckProof); proof.Status != credential.Failed {
		t.Fatalf("a re-serialised payload verified: %+v", proof)
	}
	if proof := findCheck(t, read(t, data), credential.CheckProof); proof.Status != credential.OK {
		t.Fatalf("the original did not verify: %+v", proof)
	}
}

func TestMultipleSignatures(t *testing.T) {
	keys(t)
	one := sealed(t, algES256, ecKey, sealOpts{sigT: sigTIn})
	var doc map[string]any
	if err := json.Unmarshal(one, &doc); err != nil {
		t.Fatal(err)
	}
	sigs := doc["signatures"].([]any)
	good := sigs[0].(map[string]any)
	bad := map[string]any{"protected": good["protected"], "signature": base64.RawURLEncoding.EncodeToString(make([]byte, 64))}
	for _, tt := range []struct {
		name   string
		sigs   []any
		status credential.Status
	}{
		{"two good", []any{good, good}, credential.OK},
		{"good then bad", []any{good, bad}, credential.Failed},
	} {
		t.Run(tt.name, func(t *testing.T) {
			doc["signatures"] = tt.sigs
			data, _ := json.Marshal(doc)
			proof := findCheck(t, read(t, data), credential.CheckProof)
			if proof.Status != tt.status {
				t.Fatalf("proof = %+v", proof)
			}
		})
	}
	doc["signatures"] = []any{good, good, good, good, good}
	data, _ := json.Marshal(doc)
	if _, err := Read(context.Background(), data, Options{}); !errors.Is(err, ErrLimit) {
		t.Errorf("five signatures: %v, want ErrLimit", err)
	}
}

// A second signature is checked even when the first one's header is
// broken, and disagreeing on b64 breaks the later one.
func TestBrokenFirstHeader(t *testing.T) {
	keys(t)
	one := sealed(t, algES256, ecKey, sealOpts{sigT: sigTIn})
	var doc map[string]any
	if err := json.Unmarshal(one, &doc); err != nil {
		t.Fatal(err)
	}
	good := doc["signatures"].([]any)[0].(map[string]any)
	broken := map[string]any{"protected": "e30", "signature": "AA"}
	encoded := map[string]any{"protected": base64.RawURLEncoding.EncodeToString([]byte(`{"alg":"ES256"}`)), "signature": "AA"}
	for _, sigs := range [][]any{{broken, good}, {good, encoded}} {
		doc["signatures"] = sigs
		data, _ := json.Marshal(doc)
		if proof := findCheck(t, read(t, data), credential.CheckProof); proof.Status != credential.Failed || proof.Code != "proof.elm-header" {
			t.Errorf("proof = %+v", proof)
		}
	}
}
