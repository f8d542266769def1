package elm

import (
	"context"
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"encoding/base64"
	"encoding/json"
	"math/big"
	"sync"
	"testing"
	"time"

	"github.com/satchel-wallet/satchel/internal/fixture"
	"github.com/satchel-wallet/satchel/wallet/credential"
)

// testNow is "now" for the tests: after every sample certificate expired.
var testNow = time.Date(2026, 1, 15, 12, 0, 0, 0, time.UTC)

func read(t testing.TB, data []byte) *credential.Reading {
	t.Helper()
	r, err := Read(context.Background(), data, Options{Now: testNow})
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	return r
}

func readFixture(t testing.TB, rel string) *credential.Reading {
	t.Helper()
	return read(t, fixture.Read(t, rel))
}

func findCheck(t testing.TB, r *credential.Reading, name credential.CheckName) credential.Check {
	t.Helper()
	for _, c := range r.Checks {
		if c.Check == name {
			return c
		}
	}
	t.Fatalf("no %s check in %+v", name, r.Checks)
	return credential.Check{}
}

// Keys are generated once: RSA generation is slow.
var (
	keysOnce sync.Once
	rsaKey   *rsa.PrivateKey
	caKey    *rsa.PrivateKey
	ecKey    *ecdsa.PrivateKey
	ec384Key *ecdsa.PrivateKey
	rsaSmall *rsa.PrivateKey
)

func keys(t testing.TB) {
	t.Helper()
	keysOnce.Do(func() {
		var err error
		if rsaKey, err = rsa.GenerateKey(rand.Reader, 2048); err != nil {
			panic(err)
		}
		if caKey, err = rsa.GenerateKey(rand.Reader, 2048); err != nil {
			panic(err)
		}
		if ecKey, err = ecdsa.GenerateKey(elliptic.P256(), rand.Reader); err != nil {
			panic(err)
		}
		if ec384Key, err = ecdsa.GenerateKey(elliptic.P384(), rand.Reader); err != nil {
			panic(err)
		}
		if rsaSmall, err = rsa.GenerateKey(rand.Reader, 1024); err != nil {
			panic(err)
		}
	})
}

// certSpec describes a test certificate.
type certSpec struct {
	cn, org, orgID string
	from, until    time.Time
	keyUsage       x509.KeyUsage
	statements     []qcStatement
	policies       []string
	isCA           bool
	pub            crypto.PublicKey
	// parent signs the certificate; nil makes it self-signed with key.
	parent    *x509.Certificate
	parentKey crypto.Signer
	key       crypto.Signer
}

var serial int64

func makeCert(t testing.TB, s certSpec) *x509.Certificate {
	t.Helper()
	serial++
	name := pkix.Name{CommonName: s.cn, Country: []string{"BE"}}
	if s.org != "" {
		name.Organization = []string{s.org}
	}
	if s.orgID != "" {
		name.ExtraNames = []pkix.AttributeTypeAndValue{{Type: oidOrganizationIdentifier, Value: s.orgID}}
	}
	tmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(serial),
		Subject:               name,
		NotBefore:             s.from,
		NotAfter:              s.until,
		KeyUsage:              s.keyUsage,
		BasicConstraintsValid: true,
		IsCA:                  s.isCA,
	}
	for _, p := range s.policies {
		oid, err := x509.ParseOID(p)
		if err != nil {
			t.Fatal(err)
		}
		tmpl.Policies = append(tmpl.Policies, oid)
	}
	if len(s.statements) > 0 {
		der, err := asn1.Marshal(s.statements)
		if err != nil {
			t.Fatal(err)
		}
		tmpl.ExtraExtensions = []pkix.Extension{{Id: oidQCStatements, Value: der}}
	}
	parent, signer := s.parent, s.parentKey
	if parent == nil {
		parent, signer = tmpl, s.key
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, parent, s.pub, signer)
	if err != nil {
		t.Fatal(err)
	}
	c, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// qcTypeStatement makes a QcType statement listing kinds.
func qcTypeStatement(t testing.TB, kinds ...asn1.ObjectIdentifier) qcStatement {
	t.Helper()
	der, err := asn1.Marshal(kinds)
	if err != nil {
		t.Fatal(err)
	}
	return qcStatement{ID: oidQcType, Info: asn1.RawValue{FullBytes: der}}
}

// testPKI is a CA and a seal certificate it issued, valid 2024 to 2025,
// for a qualified seal (QcCompliance, QcType eseal, QCP-l).
type testPKI struct {
	ca, leaf *x509.Certificate
	key      crypto.Signer
}

var (
	day0 = time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	day1 = time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC)
)

func newPKI(t testing.TB, key crypto.Signer, mutate func(*certSpec)) testPKI {
	t.Helper()
	keys(t)
	ca := makeCert(t, certSpec{
		cn: "Test Qualified CA", org: "Test Trust Service", from: day0.AddDate(-5, 0, 0), until: day1.AddDate(5, 0, 0),
		keyUsage: x509.KeyUsageCertSign, isCA: true, pub: caKey.Public(), key: caKey,
	})
	spec := certSpec{
		cn: "Test Seal", org: "Universitas Testia", orgID: "VATBE-0123456789", from: day0, until: day1,
		keyUsage:   x509.KeyUsageDigitalSignature | x509.KeyUsageContentCommitment,
		statements: []qcStatement{{ID: oidQcCompliance}, qcTypeStatement(t, oidQctESeal)},
		policies:   []string{policyQCPl}, pub: key.Public(), parent: ca, parentKey: caKey,
	}
	if mutate != nil {
		mutate(&spec)
	}
	return testPKI{ca: ca, leaf: makeCert(t, spec), key: key}
}

// sign makes a JWS signature over input with alg.
func sign(t testing.TB, alg string, key crypto.Signer, input []byte) []byte {
	t.Helper()
	digest := sha256.Sum256(input)
	switch alg {
	case algRS256:
		sig, err := rsa.SignPKCS1v15(rand.Reader, key.(*rsa.PrivateKey), crypto.SHA256, digest[:])
		if err != nil {
			t.Fatal(err)
		}
		return sig
	case algPS256:
		sig, err := rsa.SignPSS(rand.Reader, key.(*rsa.PrivateKey), crypto.SHA256, digest[:], &rsa.PSSOptions{SaltLength: rsa.PSSSaltLengthEqualsHash})
		if err != nil {
			t.Fatal(err)
		}
		return sig
	case algES256:
		r, s, err := ecdsa.Sign(rand.Reader, key.(*ecdsa.PrivateKey), digest[:])
		if err != nil {
			t.Fatal(err)
		}
		return append(r.FillBytes(make([]byte, 32)), s.FillBytes(make([]byte, 32))...)
	}
	return []byte("not a signature of a known algorithm")
}

// sealOpts shape a test seal.
type sealOpts struct {
	alg string
	// signAs is the algorithm actually used to sign, if not alg.
	signAs string
	sigT   time.Time // zero: no sigT
	// certs go into x5c, signing certificate first.
	certs []*x509.Certificate
	// header changes the protected header before it is encoded.
	header func(h map[string]any)
	// unprotected is the unprotected header, if any.
	unprotected map[string]any
	// b64 encodes the payload (b64 true) instead of b64:false.
	b64       bool
	flattened bool
}

// seal seals payload the way the EDC software does: a JAdES JSON
// serialization with b64:false, sigT and x5c, crit [b64, sigT].
func seal(t testing.TB, key crypto.Signer, payload []byte, o sealOpts) []byte {
	t.Helper()
	h := map[string]any{"alg": o.alg, "typ": "jose+json", "cty": "json"}
	var x5c []string
	for _, c := range o.certs {
		x5c = append(x5c, base64.StdEncoding.EncodeToString(c.Raw))
	}
	if x5c != nil {
		h["x5c"] = x5c
		sum := sha256.Sum256(o.certs[0].Raw)
		h["x5t#S256"] = base64.RawURLEncoding.EncodeToString(sum[:])
	}
	crit := []string{}
	if !o.b64 {
		h["b64"] = false
		crit = append(crit, "b64")
	}
	if !o.sigT.IsZero() {
		h["sigT"] = o.sigT.UTC().Format(time.RFC3339)
		crit = append(crit, "sigT")
	}
	if len(crit) > 0 {
		h["crit"] = crit
	}
	if o.header != nil {
		o.header(h)
	}
	hb, err := json.Marshal(h)
	if err != nil {
		t.Fatal(err)
	}
	prot := base64.RawURLEncoding.EncodeToString(hb)
	body := string(payload)
	if o.b64 {
		body = base64.RawURLEncoding.EncodeToString(payload)
	}
	signAs := o.alg
	if o.signAs != "" {
		signAs = o.signAs
	}
	sig := base64.RawURLEncoding.EncodeToString(sign(t, signAs, key, []byte(prot+"."+body)))
	s := map[string]any{"protected": prot, "signature": sig}
	if o.unprotected != nil {
		s["header"] = o.unprotected
	}
	var doc map[string]any
	if o.flattened {
		doc = s
		doc["payload"] = body
	} else {
		doc = map[string]any{"payload": body, "signatures": []any{s}}
	}
	out, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// minimalEDC is a small unsealed EDC for synthetic tests.
const minimalEDC = `{
  "@context": ["https://www.w3.org/2018/credentials/v1", "http://data.europa.eu/snb/model/context/edc-ap"],
  "id": "urn:credential:test-1",
  "type": ["VerifiableCredential", "EuropeanDigitalCredential"],
  "issuer": {"id": "urn:epass:org:1", "type": "Organisation", "legalName": {"en": "Universitas Testia"},
    "eIDASIdentifier": {"id": "urn:epass:legalIdentifier:1", "type": "LegalIdentifier", "notation": "VATBE-0123456789"}},
  "issuanceDate": "2024-06-01T10:00:00Z",
  "credentialSubject": {"id": "did:key:z6MkTest", "type": "Person", "fullName": {"en": "Test Learner"},
    "hasClaim": {"id": "urn:epass:learningAchievement:1", "type": "LearningAchievement", "title": {"en": "Testing 101"},
      "awardedBy": {"id": "urn:epass:awardingProcess:1", "type": "AwardingProcess", "awardingBody": {"id": "urn:epass:org:1"}}}}
}`

// sealed seals minimalEDC with a fresh qualified PKI at a signing time
// inside the certificate's validity.
func sealed(t testing.TB, alg string, key crypto.Signer, o sealOpts) []byte {
	t.Helper()
	pki := newPKI(t, key, nil)
	o.alg = alg
	if o.certs == nil {
		o.certs = []*x509.Certificate{pki.leaf}
	}
	return seal(t, key, []byte(minimalEDC), o)
}

var sigTIn = time.Date(2024, 6, 1, 10, 0, 0, 0, time.UTC)

func b64url(s string) ([]byte, error) { return base64.RawURLEncoding.DecodeString(s) }

func b64urlEncode(b []byte) string { return base64.RawURLEncoding.EncodeToString(b) }
