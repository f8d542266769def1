package elm

import (
	"bytes"
	"context"
	"crypto"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/satchel-wallet/satchel/internal/fixture"
	"github.com/satchel-wallet/satchel/wallet/credential"
)

// The four sealed JSON-LD EDCs in the fixtures, with what their seals say
// (read from their certificates and headers with openssl and jq).
func TestSealedSamples(t *testing.T) {
	tests := []struct {
		file, signer, orgID, cn, signedAt, date, expiredOn, ca, issuerID string
		presentation                                                     bool
	}{
		{
			"edc/elm-v3/Sample-MC-Annex1-signed.jsonld", "ORGANIZACION TEST", "VATES-A00000000", "TEST SEAL",
			"2023-09-27T11:54:17Z", "27 September 2023, 11:54 UTC", "10 May 2025", "ANF AC Qualified Certificates for eSeal", "", false,
		},
		{
			"edc/elm-v3/Sample-CertOfPart-signed.jsonld", "ORGANIZACION TEST", "VATES-A00000000", "TEST SEAL",
			"2023-09-27T12:07:01Z", "27 September 2023, 12:07 UTC", "10 May 2025", "ANF AC Qualified Certificates for eSeal", "", false,
		},
		{
			"edc/edc-software-v2.0.6/jsonld/credential-signed.jsonld", "Certificado TEST Sello Electronico", "VATES-B00000000", "Nombre Servicio Sellado TEST",
			"2022-12-21T18:50:21Z", "21 December 2022, 18:50 UTC", "5 May 2023", "ANF Assured ID CA1", "eidasIdentifier123", false,
		},
		{
			"edc/edc-software-v2.0.6/jsonld/json_to_seal-signed-jades-baseline-lta.json", "Certificado TEST Sello Electronico", "VATES-B00000000", "Nombre Servicio Sellado TEST",
			"2022-08-19T11:10:45Z", "19 August 2022, 11:10 UTC", "5 May 2023", "ANF Assured ID CA1", "", true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.file[strings.LastIndex(tt.file, "/")+1:], func(t *testing.T) {
			data := fixture.Read(t, tt.file)
			if !Detect(data) {
				t.Error("Detect = false")
			}
			r := read(t, data)
			proof := findCheck(t, r, credential.CheckProof)
			if proof.Status != credential.OK || proof.Code != "proof.elm-sealed" {
				t.Fatalf("proof = %s %s (%s)", proof.Status, proof.Code, proof.Detail)
			}
			want := map[string]string{
				"Signer": tt.signer, "OrgID": tt.orgID, "SignedAt": tt.signedAt, "Date": tt.date, "Algorithm": "RS256",
				"Level": levelQualifiedCert, "Qualified": "yes", "ExpiredOn": tt.expiredOn, "IssuerID": tt.issuerID,
			}
			for k, v := range want {
				if proof.Args[k] != v {
					t.Errorf("proof arg %s = %q, want %q", k, proof.Args[k], v)
				}
			}
			for _, s := range []string{
				"sealed by " + tt.signer + " (" + tt.orgID + ") on " + tt.date,
				"qualified certificate for electronic seals", "does not state that the key is on a qualified seal creation device",
				"valid on the day of sealing; it expired on " + tt.expiredOn,
			} {
				if !strings.Contains(proof.Message, s) {
					t.Errorf("proof message lacks %q:\n%s", s, proof.Message)
				}
			}
			for _, s := range []string{"judged at the signing time " + tt.signedAt, "QcCompliance, QcType eseal, no QcSSCD, policy QCP-l", "has expired since"} {
				if !strings.Contains(proof.Detail, s) {
					t.Errorf("proof detail lacks %q:\n%s", s, proof.Detail)
				}
			}
			issuer := findCheck(t, r, credential.CheckIssuer)
			if issuer.Status != credential.Warning || issuer.Code != "issuer.elm-trusted-lists" || issuer.Args["CA"] != tt.ca ||
				!strings.Contains(issuer.Message, "not checked against the EU trusted lists: that needs the EU trusted list data, which Satchel does not bundle") {
				t.Errorf("issuer check = %+v", issuer)
			}
			if r.SignerNames[0] != tt.signer || r.SignerNames[1] != tt.orgID || r.SignerNames[2] != tt.cn {
				t.Errorf("SignerNames = %q", r.SignerNames)
			}
			if !strings.Contains(r.Signer, "organizationIdentifier="+tt.orgID) || !strings.Contains(r.Signer, "O="+tt.signer) {
				t.Errorf("Signer = %q", r.Signer)
			}
			if got := r.Credential.Verification.SignedAt.Format(time.RFC3339); got != tt.signedAt {
				t.Errorf("Verification.SignedAt = %s", got)
			}
			if len(r.Identity) != 256 {
				t.Errorf("identity is %d bytes, want the 256-byte RSA seal", len(r.Identity))
			}
			if r.Credential.MediaType != MediaTypeSealed || r.Credential.Format != credential.FormatEDC {
				t.Errorf("media type %q format %q", r.Credential.MediaType, r.Credential.Format)
			}
			isPres := false
			for _, ty := range r.Credential.Types {
				isPres = isPres || ty == "VerifiablePresentation"
			}
			if isPres != tt.presentation {
				t.Errorf("types %v", r.Credential.Types)
			}
			if tt.presentation {
				if len(r.Embedded) != 0 {
					t.Errorf("the sample presentation holds no credentials, got %d", len(r.Embedded))
				}
				if !strings.HasPrefix(proof.Message, "The presentation's electronic seal is intact") {
					t.Errorf("proof message %q", proof.Message)
				}
				return
			}
			if findCheck(t, r, credential.CheckAccreditation).Code != "accreditation.none" {
				t.Error("the samples state no accreditation")
			}
		})
	}
}

// flip replaces old with new once in data, failing if old is not there.
func flip(t *testing.T, data []byte, old, new string) []byte {
	t.Helper()
	if !bytes.Contains(data, []byte(old)) {
		t.Fatalf("%q not in the input", old)
	}
	return bytes.Replace(data, []byte(old), []byte(new), 1)
}

// protectedOf returns the first signature's protected header.
func protectedOf(t *testing.T, data []byte) string {
	t.Helper()
	var doc struct{ Signatures []struct{ Protected string } }
	if err := json.Unmarshal(data, &doc); err != nil || len(doc.Signatures) == 0 {
		t.Fatal("no signatures", err)
	}
	return doc.Signatures[0].Protected
}

// A change anywhere in what the seal covers fails the proof check; it is
// never an error of Read.
func TestTamperedSeal(t *testing.T) {
	orig := fixture.Read(t, "edc/elm-v3/Sample-MC-Annex1-signed.jsonld")
	prot := protectedOf(t, orig)
	hdr, err := base64.RawURLEncoding.DecodeString(prot)
	if err != nil {
		t.Fatal(err)
	}
	laterSigT := base64.RawURLEncoding.EncodeToString(bytes.Replace(hdr, []byte(`"sigT":"2023-09-27T11:54:17Z"`), []byte(`"sigT":"2023-09-27T11:54:18Z"`), 1))
	// One character of the base64 protected header, inside the kid value.
	i := strings.Index(prot, "kid") + 40
	flipped := prot[:i] + string(rune(prot[i]^1)) + prot[i+1:]

	tests := []struct {
		name  string
		data  []byte
		codes []string
	}{
		{"payload: learner's name", flip(t, orig, "Ana Andromeda", "Ana Andromedb"), []string{"proof.failed"}},
		{"payload: one byte of the grade", flip(t, orig, `\"en\":\"Pass\"`, `\"en\":\"Paso\"`), []string{"proof.failed"}},
		{"protected header: signing time", flip(t, orig, prot, laterSigT), []string{"proof.failed"}},
		{"protected header: one base64 character", flip(t, orig, prot, flipped), []string{"proof.failed", "proof.elm-header"}},
		{"signature", flip(t, orig, `"signature":"nCW6`, `"signature":"nCW7`), []string{"proof.failed"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := read(t, tt.data)
			proof := findCheck(t, r, credential.CheckProof)
			if proof.Status != credential.Failed || !containsString(tt.codes, proof.Code) {
				t.Fatalf("proof = %s %s (%s), want failed %v", proof.Status, proof.Code, proof.Detail, tt.codes)
			}
			if r.Signer != "" || len(r.SignerNames) != 0 {
				t.Errorf("a failed seal names a signer: %q", r.Signer)
			}
			if r.Credential.Title.In("en") != "Digital micro-credential creation" {
				t.Errorf("the credential is still read: title %v", r.Credential.Title)
			}
		})
	}
}

func containsString(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// The certificate is judged at the signing time the seal states.
func TestCertificateValidityAtSigT(t *testing.T) {
	keys(t)
	pki := newPKI(t, ecKey, nil) // valid 2024-01-01 to 2025-12-31
	tests := []struct {
		name      string
		sigT      time.Time
		now       time.Time
		status    credential.Status
		code      string
		expiredOn string
	}{
		{"valid then, expired now", sigTIn, testNow, credential.OK, "proof.elm-sealed", "31 December 2025"},
		{"valid then and now", sigTIn, sigTIn.AddDate(0, 1, 0), credential.OK, "proof.elm-sealed", ""},
		{"sealed after expiry", day1.AddDate(0, 0, 1), testNow, credential.Failed, "proof.elm-cert-time", ""},
		{"sealed before validity", day0.AddDate(0, 0, -1), sigTIn, credential.Failed, "proof.elm-cert-time", ""},
		{"sealed a month from now", sigTIn.AddDate(0, 1, 0), sigTIn, credential.Failed, "proof.elm-header", ""},
		{"no sigT, valid now", time.Time{}, sigTIn, credential.OK, "proof.elm-sealed", ""},
		{"no sigT, expired now", time.Time{}, testNow, credential.Failed, "proof.elm-cert-time", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := seal(t, ecKey, []byte(minimalEDC), sealOpts{alg: algES256, sigT: tt.sigT, certs: []*x509.Certificate{pki.leaf, pki.ca}})
			r, err := Read(context.Background(), data, Options{Now: tt.now})
			if err != nil {
				t.Fatal(err)
			}
			proof := findCheck(t, r, credential.CheckProof)
			if proof.Status != tt.status || proof.Code != tt.code || proof.Args["ExpiredOn"] != tt.expiredOn {
				t.Fatalf("proof = %s %s ExpiredOn %q: %s | %s", proof.Status, proof.Code, proof.Args["ExpiredOn"], proof.Message, proof.Detail)
			}
			if tt.status == credential.OK && tt.expiredOn != "" && !strings.Contains(proof.Detail, "judged at the signing time") {
				t.Errorf("detail does not say the certificate was judged at the signing time: %s", proof.Detail)
			}
			if tt.status == credential.OK && tt.sigT.IsZero() && !strings.Contains(proof.Message, "does not say when it was made") {
				t.Errorf("message: %s", proof.Message)
			}
		})
	}
}

func TestAlgorithms(t *testing.T) {
	keys(t)
	tests := []struct {
		name   string
		alg    string
		key    any
		signAs string
		status credential.Status
		code   string
	}{
		{"RS256", algRS256, rsaKey, "", credential.OK, "proof.elm-sealed"},
		{"PS256", algPS256, rsaKey, "", credential.OK, "proof.elm-sealed"},
		{"ES256", algES256, ecKey, "", credential.OK, "proof.elm-sealed"},
		{"ES384 is not supported", "ES384", ec384Key, "", credential.Skipped, "proof.unsupported"},
		{"RS512 is not supported", "RS512", rsaKey, "", credential.Skipped, "proof.unsupported"},
		{"RSA 1024 is not supported", algRS256, rsaSmall, "", credential.Skipped, "proof.unsupported"},
		{"RS256 header, EC key", algRS256, ecKey, algES256, credential.Failed, "proof.failed"},
		{"ES256 header, P-384 key", algES256, ec384Key, "none", credential.Failed, "proof.failed"},
		{"PS256 signature under an RS256 header", algRS256, rsaKey, algPS256, credential.Failed, "proof.failed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			key := tt.key.(crypto.Signer)
			pki := newPKI(t, key, nil)
			data := seal(t, key, []byte(minimalEDC), sealOpts{alg: tt.alg, signAs: tt.signAs, sigT: sigTIn, certs: []*x509.Certificate{pki.leaf}})
			proof := findCheck(t, read(t, data), credential.CheckProof)
			if proof.Status != tt.status || proof.Code != tt.code {
				t.Fatalf("proof = %s %s (%s)", proof.Status, proof.Code, proof.Detail)
			}
		})
	}
}

func TestKeyUsage(t *testing.T) {
	keys(t)
	pki := newPKI(t, ecKey, func(s *certSpec) { s.keyUsage = x509.KeyUsageKeyAgreement })
	data := seal(t, ecKey, []byte(minimalEDC), sealOpts{alg: algES256, sigT: sigTIn, certs: []*x509.Certificate{pki.leaf}})
	if proof := findCheck(t, read(t, data), credential.CheckProof); proof.Status != credential.Failed || proof.Code != "proof.elm-cert-use" {
		t.Fatalf("proof = %+v", proof)
	}
}

// A certificate whose CA had expired when the seal was made breaks the
// x5c chain.
func TestChainValidity(t *testing.T) {
	keys(t)
	oldCA := makeCert(t, certSpec{
		cn: "Old CA", from: day0.AddDate(-3, 0, 0), until: day0.AddDate(0, 3, 0), keyUsage: x509.KeyUsageCertSign,
		isCA: true, pub: caKey.Public(), key: caKey,
	})
	leaf := makeCert(t, certSpec{
		cn: "Seal", org: "Org", from: day0, until: day1, keyUsage: x509.KeyUsageDigitalSignature,
		pub: ecKey.Public(), parent: oldCA, parentKey: caKey,
	})
	data := seal(t, ecKey, []byte(minimalEDC), sealOpts{alg: algES256, sigT: sigTIn, certs: []*x509.Certificate{leaf, oldCA}})
	proof := findCheck(t, read(t, data), credential.CheckProof)
	if proof.Status != credential.Failed || proof.Code != "proof.elm-chain" || !strings.Contains(proof.Args["Problem"], "was not valid") {
		t.Fatalf("proof = %+v", proof)
	}
}

// When x5c holds only the seal certificate, its issuer is looked for in
// the JAdES unsigned validation data (etsiU xVals).
func TestChainFromValidationData(t *testing.T) {
	keys(t)
	pki := newPKI(t, ecKey, nil)
	xvals, _ := json.Marshal(map[string]any{"xVals": []any{map[string]any{"x509Cert": map[string]any{"val": base64.StdEncoding.EncodeToString(pki.ca.Raw)}}}})
	for _, form := range []any{base64.RawURLEncoding.EncodeToString(xvals), json.RawMessage(xvals)} {
		data := seal(t, ecKey, []byte(minimalEDC), sealOpts{
			alg: algES256, sigT: sigTIn, certs: []*x509.Certificate{pki.leaf},
			unprotected: map[string]any{"etsiU": []any{form}},
		})
		r := read(t, data)
		issuer := findCheck(t, r, credential.CheckIssuer)
		if !strings.Contains(issuer.Detail, `issued by "Test Qualified CA" (found in the seal's unsigned validation data, signature checked)`) ||
			!strings.Contains(issuer.Detail, "self-signed") {
			t.Errorf("issuer detail: %s", issuer.Detail)
		}
	}
}

func TestQualification(t *testing.T) {
	keys(t)
	compliance := qcStatement{ID: oidQcCompliance}
	sscd := qcStatement{ID: oidQcSSCD}
	tests := []struct {
		name       string
		statements []qcStatement
		policies   []string
		want       string
	}{
		{"qualified seal on a QSCD", []qcStatement{compliance, qcTypeStatement(t, oidQctESeal), sscd}, nil, levelQualified},
		{"qualified seal certificate (the samples)", []qcStatement{compliance, qcTypeStatement(t, oidQctESeal)}, []string{policyQCPl}, levelQualifiedCert},
		{"QCP-l-qscd policy only", nil, []string{policyQCPlQSCD}, levelQualified},
		{"QCP-l policy only", nil, []string{policyQCPl}, levelQualifiedCert},
		{"qualified signature certificate", []qcStatement{compliance, qcTypeStatement(t, oidQctESign), sscd}, []string{policyQCPnQSCD}, levelQualifiedESig},
		{"QcCompliance without type", []qcStatement{compliance}, nil, levelQualifiedESig},
		{"QcType eseal without QcCompliance", []qcStatement{qcTypeStatement(t, oidQctESeal)}, nil, levelNone},
		{"no statements", nil, nil, levelNone},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pki := newPKI(t, ecKey, func(s *certSpec) { s.statements, s.policies = tt.statements, tt.policies })
			if got := qualificationOf(pki.leaf).level(); got != tt.want {
				t.Fatalf("level = %s, want %s", got, tt.want)
			}
			data := seal(t, ecKey, []byte(minimalEDC), sealOpts{alg: algES256, sigT: sigTIn, certs: []*x509.Certificate{pki.leaf}})
			proof := findCheck(t, read(t, data), credential.CheckProof)
			if proof.Args["Level"] != tt.want {
				t.Errorf("proof Level = %q", proof.Args["Level"])
			}
		})
	}
}

// The credential's issuer eIDAS identifier is compared with the seal
// certificate's organizationIdentifier.
func TestIssuerIdentifier(t *testing.T) {
	keys(t)
	for _, tt := range []struct {
		orgID, want string
	}{{"VATBE-0123456789", ""}, {"VATBE-9999999999", "VATBE-0123456789"}} {
		pki := newPKI(t, ecKey, func(s *certSpec) { s.orgID = tt.orgID })
		data := seal(t, ecKey, []byte(minimalEDC), sealOpts{alg: algES256, sigT: sigTIn, certs: []*x509.Certificate{pki.leaf}})
		proof := findCheck(t, read(t, data), credential.CheckProof)
		if proof.Status != credential.OK || proof.Args["IssuerID"] != tt.want {
			t.Errorf("orgID %s: proof %s IssuerID %q", tt.orgID, proof.Status, proof.Args["IssuerID"])
		}
	}
}
