package elm

import (
	"bytes"
	"context"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/satchel-wallet/satchel/internal/fixture"
	"github.com/satchel-wallet/satchel/wallet/credential"
	"github.com/satchel-wallet/satchel/wallet/jsonld"
)

// Input that is not an EDC is an error, never a reading.
func TestNotEDC(t *testing.T) {
	keys(t)
	pki := newPKI(t, ecKey, nil)
	vc := `{"@context":["https://www.w3.org/2018/credentials/v1"],"type":["VerifiableCredential"],"issuer":"did:example:1","credentialSubject":{}}`
	tests := []struct {
		name string
		data []byte
		want error
	}{
		{"Open Badges 3.0 credential", fixture.Read(t, "vectors/ob3/spec-ldp-testvector/signed.json"), ErrNotEDC},
		{"ELM JSON schema", fixture.Read(t, "edc/schema/ebsi-vcdm2.0-europass-edc-schema/schema.json"), ErrNotEDC},
		{"EDC JSON-LD frame (@type, not type)", fixture.Read(t, "edc/edc-software-v2.0.6/jsonld/frame.jsonld"), ErrNotEDC},
		{"Europass XML credential", fixture.Read(t, "edc/elm-v2-xml/EDC_WileECoyote_Simple.xml"), ErrNotEDC},
		{"plain text", []byte("hello"), ErrNotEDC},
		{"JSON array", []byte(`[1,2]`), ErrNotEDC},
		{"broken JSON", []byte(`{"type": ["EuropeanDigitalCredential"`), ErrMalformed},
		{"JAdES seal over a plain VC", seal(t, ecKey, []byte(vc), sealOpts{alg: algES256, sigT: sigTIn, certs: []*x509.Certificate{pki.leaf}}), ErrNotEDC},
		{"JAdES seal over non-JSON", seal(t, ecKey, []byte("%PDF-1.7"), sealOpts{alg: algES256, sigT: sigTIn, certs: []*x509.Certificate{pki.leaf}}), ErrNotEDC},
		{"detached seal", []byte(`{"payload":"","signatures":[{"protected":"eyJhbGciOiJSUzI1NiJ9","signature":"AA"}]}`), ErrNotEDC},
		{"seal with a non-string payload", []byte(`{"payload":{},"signatures":[]}`), ErrMalformed},
		{"seal without signatures", []byte(`{"payload":"{}","signatures":[]}`), ErrMalformed},
		{"seal mixing forms", []byte(`{"payload":"{}","signatures":[{"signature":"AA"}],"signature":"AA"}`), ErrMalformed},
		{"seal whose payload is not base64url", []byte(`{"payload":"%%","signatures":[{"protected":"eyJhbGciOiJSUzI1NiJ9","signature":"AA"}]}`), ErrMalformed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if Detect(tt.data) {
				t.Error("Detect = true")
			}
			r, err := Read(context.Background(), tt.data, Options{})
			if !errors.Is(err, tt.want) || r != nil {
				t.Fatalf("Read = %v, %v; want %v", r, err, tt.want)
			}
		})
	}
}

// Limits on untrusted input are errors: the caller rejects the file.
func TestLimits(t *testing.T) {
	keys(t)
	pki := newPKI(t, ecKey, nil)
	deep := strings.Repeat("[", jsonld.MaxDepth+1) + strings.Repeat("]", jsonld.MaxDepth+1)
	nineCerts := make([]*x509.Certificate, maxChain+1)
	for i := range nineCerts {
		nineCerts[i] = pki.leaf
	}
	hugeCert := base64.StdEncoding.EncodeToString(make([]byte, maxCertBytes+1))
	tests := []struct {
		name  string
		data  []byte
		opts  Options
		want  error
		alsoJ error
	}{
		{"larger than MaxBytes", []byte(minimalEDC), Options{MaxBytes: 100}, ErrTooLarge, nil},
		{"larger than the default", append([]byte(`{"x":"`), append(bytes.Repeat([]byte("a"), DefaultMaxBytes), `"}`...)...), Options{}, ErrTooLarge, nil},
		{"nested deeper than 100", []byte(`{"type":["EuropeanDigitalCredential"],"x":` + deep + `}`), Options{}, ErrMalformed, jsonld.ErrTooDeep},
		{"sealed payload nested deeper than 100", seal(t, ecKey, []byte(`{"x":`+deep+`}`), sealOpts{alg: algES256, certs: []*x509.Certificate{pki.leaf}}), Options{}, ErrMalformed, jsonld.ErrTooDeep},
		{"x5c longer than 8", seal(t, ecKey, []byte(minimalEDC), sealOpts{alg: algES256, certs: nineCerts}), Options{}, ErrLimit, nil},
		{"certificate over 16 KiB", seal(t, ecKey, []byte(minimalEDC), sealOpts{
			alg: algES256, certs: []*x509.Certificate{pki.leaf},
			header: func(h map[string]any) { h["x5c"] = []string{hugeCert} },
		}), Options{}, ErrLimit, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read(context.Background(), tt.data, tt.opts)
			if !errors.Is(err, tt.want) || (tt.alsoJ != nil && !errors.Is(err, tt.alsoJ)) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
		})
	}
}

func TestCanceled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Read(ctx, []byte(minimalEDC), Options{}); !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v", err)
	}
}

// A sealed presentation's credentials come back as their own bytes, so
// that a credential sealed on its own keeps its seal.
func TestSealedPresentation(t *testing.T) {
	keys(t)
	pki := newPKI(t, rsaKey, nil)
	sealedMC := bytes.TrimSpace(fixture.Read(t, "edc/elm-v3/Sample-MC-Annex1-signed.jsonld"))
	unsealedMC := bytes.TrimSpace(fixture.Read(t, "edc/elm-v3/Sample-MC-Annex1-unsigned.jsonld"))
	compact := "eyJhbGciOiJFUzI1NiJ9.eyJ2YyI6e319.c2ln"
	vp := []byte(`{"@context":["https://www.w3.org/2018/credentials/v1"],"holder":"did:ebsi:zTest","type":["VerifiablePresentation"],` +
		`"verifiableCredential":[` + string(sealedMC) + `, ` + string(unsealedMC) + `,"` + compact + `"]}`)
	data := seal(t, rsaKey, vp, sealOpts{alg: algRS256, sigT: sigTIn, certs: []*x509.Certificate{pki.leaf}})
	if !Detect(data) {
		t.Error("Detect = false")
	}
	r := read(t, data)
	if p := findCheck(t, r, credential.CheckProof); p.Status != credential.OK || p.Args["Presentation"] != "yes" {
		t.Fatalf("proof %+v", p)
	}
	if len(r.Embedded) != 3 || !bytes.Equal(r.Embedded[0], sealedMC) || !bytes.Equal(r.Embedded[1], unsealedMC) || string(r.Embedded[2]) != compact {
		t.Fatalf("embedded: %d entries", len(r.Embedded))
	}
	if r.Credential.Learner.ID != "did:ebsi:zTest" || r.Credential.Profile != "Presentation of European Digital Credentials (sealed)" {
		t.Errorf("presentation: %+v", r.Credential)
	}
	for _, c := range r.Checks {
		if c.Check == credential.CheckAccreditation {
			t.Error("a presentation has no accreditation check of its own")
		}
	}
	inner := read(t, r.Embedded[0])
	if p := findCheck(t, inner, credential.CheckProof); p.Status != credential.OK {
		t.Errorf("the embedded sealed credential: %+v", p)
	}

	tooMany := []byte(`{"type":["EuropeanDigitalPresentation"],"verifiableCredential":[` + strings.Repeat(`{},`, maxEmbedded) + `{}]}`)
	if _, err := Read(context.Background(), tooMany, Options{}); !errors.Is(err, ErrLimit) {
		t.Errorf("%d credentials: %v", maxEmbedded+1, err)
	}
}

// An unsealed EuropeanDigitalPresentation is read too, its proof check
// failing.
func TestUnsealedPresentation(t *testing.T) {
	data := []byte(`{"type":["VerifiablePresentation","EuropeanDigitalPresentation"],"holder":{"id":"did:key:zH"},"verifiableCredential":` + minimalEDC + `}`)
	r := read(t, data)
	if p := findCheck(t, r, credential.CheckProof); p.Code != "proof.none" || p.Status != credential.Failed {
		t.Errorf("proof %+v", p)
	}
	if len(r.Embedded) != 1 || !bytes.Equal(r.Embedded[0], []byte(minimalEDC)) || r.Credential.Learner.ID != "did:key:zH" {
		t.Errorf("embedded %d, learner %q", len(r.Embedded), r.Credential.Learner.ID)
	}
	withBOM := read(t, append([]byte("\xef\xbb\xbf"), data...))
	if len(withBOM.Embedded) != 1 || !bytes.Equal(withBOM.Identity, r.Identity) {
		t.Errorf("with a byte order mark: %d embedded", len(withBOM.Embedded))
	}
	// A plain presentation outside a JAdES seal is another reader's.
	plain := []byte(`{"type":["VerifiablePresentation"],"verifiableCredential":[]}`)
	if _, err := Read(context.Background(), plain, Options{}); !errors.Is(err, ErrNotEDC) {
		t.Errorf("plain VP: %v", err)
	}
}

// The identity of an unsealed EDC is its canonical JSON, so the same
// content in another layout is the same credential.
func TestUnsealedIdentity(t *testing.T) {
	var doc any
	if err := json.Unmarshal([]byte(minimalEDC), &doc); err != nil {
		t.Fatal(err)
	}
	compact, _ := json.Marshal(doc)
	a, b := read(t, []byte(minimalEDC)), read(t, compact)
	if !bytes.Equal(a.Identity, b.Identity) || bytes.Equal(a.Identity, []byte(minimalEDC)) {
		t.Errorf("identities differ: %q / %q", a.Identity, b.Identity)
	}
}

// Every message code a reading can carry has an English sentence, and the
// sentences render without leftovers.
func TestMessages(t *testing.T) {
	codes := []string{
		"format.ok", "format.malformed", "proof.none", "proof.failed", "proof.unsupported", "proof.key-not-found",
		"accreditation.ok", "accreditation.none", "accreditation.mismatch",
	}
	for code := range messages {
		codes = append(codes, code)
	}
	registered := credential.Messages()
	for _, code := range codes {
		if _, ok := registered[code]; !ok {
			t.Errorf("%s is not registered", code)
		}
	}
	args := map[string]string{
		"Signer": "Org", "OrgID": "VATBE-1", "Date": "1 June 2024, 10:00 UTC", "Level": levelQualified,
		"ExpiredOn": "31 December 2025", "IssuerID": "X", "Presentation": "yes", "CA": "CA", "From": "a", "Until": "b",
		"Problem": "p", "Name": "n", "Expired": "e", "Issued": "i",
	}
	for code := range messages {
		if msg := credential.Render(code, args); msg == code || strings.Contains(msg, "{{") || strings.Contains(msg, "<no value>") {
			t.Errorf("%s renders as %q", code, msg)
		}
	}
}
