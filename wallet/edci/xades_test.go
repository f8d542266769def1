package edci

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/base64"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/satchel-wallet/satchel/wallet/credential"
)

// sealSpec describes a seal to make for a test.
type sealSpec struct {
	key         crypto.Signer
	sigAlg      string
	c14n        string
	filter      string // the transform that leaves the seal out
	signingTime string // empty: no SigningTime
	notAfter    time.Time
	usage       x509.KeyUsage
	otherCert   bool // name another certificate in SigningCertificateV2
	noDocRef    bool // leave out the reference to the document
}

const sealTemplate = `<?xml version="1.0" encoding="UTF-8"?>
<europassCredential xmlns="http://data.europa.eu/snb" xmlns:cred="http://data.europa.eu/europass/model/credentials/w3c#" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" cred:id="urn:credential:test">
  <title><text lang="en">Test credential</text></title>
  <proof><ds:Signature Id="sig"><ds:SignedInfo><ds:CanonicalizationMethod Algorithm="{C14N}"/><ds:SignatureMethod Algorithm="{SIGALG}"/>{DOCREF}<ds:Reference Type="http://uri.etsi.org/01903#SignedProperties" URI="#props"><ds:Transforms><ds:Transform Algorithm="{C14N}"/></ds:Transforms><ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/><ds:DigestValue>{D2}</ds:DigestValue></ds:Reference></ds:SignedInfo><ds:SignatureValue>{SIG}</ds:SignatureValue><ds:KeyInfo><ds:X509Data><ds:X509Certificate>{CERT}</ds:X509Certificate></ds:X509Data></ds:KeyInfo><ds:Object><xades:QualifyingProperties xmlns:xades="http://uri.etsi.org/01903/v1.3.2#" Target="#sig"><xades:SignedProperties Id="props"><xades:SignedSignatureProperties>{TIME}<xades:SigningCertificateV2><xades:Cert><xades:CertDigest><ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/><ds:DigestValue>{CERTDIGEST}</ds:DigestValue></xades:CertDigest></xades:Cert></xades:SigningCertificateV2></xades:SignedSignatureProperties></xades:SignedProperties></xades:QualifyingProperties></ds:Object></ds:Signature></proof>
</europassCredential>`

const docRef = `<ds:Reference URI=""><ds:Transforms>{FILTER}<ds:Transform Algorithm="{C14N}"/></ds:Transforms><ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/><ds:DigestValue>{D1}</ds:DigestValue></ds:Reference>`

var filters = map[string]string{
	"enveloped": `<ds:Transform Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature"/>`,
	"xpath":     `<ds:Transform Algorithm="http://www.w3.org/TR/1999/REC-xpath-19991116"><ds:XPath>not(ancestor-or-self::ds:Signature)</ds:XPath></ds:Transform>`,
	"filter2":   `<ds:Transform Algorithm="http://www.w3.org/2002/06/xmldsig-filter2"><f:XPath xmlns:f="http://www.w3.org/2002/06/xmldsig-filter2" Filter="subtract">/descendant::ds:Signature</f:XPath></ds:Transform>`,
}

// makeSeal seals the template as spec says. It signs with Satchel's own
// canonicaliser, so it tests the verification plumbing (algorithms,
// certificates, times, references); the canonicaliser itself is tested
// against the real seals and the W3C examples.
func makeSeal(t testing.TB, s sealSpec) []byte {
	t.Helper()
	cert := certificate(t, s.key, s.notAfter, s.usage)
	named := cert
	if s.otherCert {
		other, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
		named = certificate(t, other, s.notAfter, s.usage)
	}
	certDigest := sha256.Sum256(named.Raw)
	doc := sealTemplate
	if !s.noDocRef {
		doc = strings.ReplaceAll(doc, "{DOCREF}", strings.ReplaceAll(docRef, "{FILTER}", filters[s.filter]))
	}
	tm := ""
	if s.signingTime != "" {
		tm = "<xades:SigningTime>" + s.signingTime + "</xades:SigningTime>"
	}
	doc = strings.NewReplacer("{DOCREF}", "", "{C14N}", s.c14n, "{SIGALG}", s.sigAlg, "{TIME}", tm,
		"{CERT}", base64.StdEncoding.EncodeToString(cert.Raw),
		"{CERTDIGEST}", base64.StdEncoding.EncodeToString(certDigest[:])).Replace(doc)
	parsed := mustParse(t, doc)
	sig := seals(parsed.root)[0]
	method, _ := c14nFor(s.c14n, nil)
	v := &verifier{doc: parsed}
	if !s.noDocRef {
		set, m, res := v.transforms(&sealResult{}, firstChild(firstChild(sig, nsDSig, "SignedInfo"), nsDSig, "Reference"), sig, parsed.top)
		if res != nil {
			t.Fatal(res.problem)
		}
		d1 := sha256.Sum256(canonicalise(set, m))
		doc = strings.Replace(doc, "{D1}", base64.StdEncoding.EncodeToString(d1[:]), 1)
	}
	d2 := sha256.Sum256(canonicalise(nodeSet{apex: v.signedProperties(sig)}, method))
	doc = strings.Replace(doc, "{D2}", base64.StdEncoding.EncodeToString(d2[:]), 1)
	parsed = mustParse(t, doc)
	si := firstChild(seals(parsed.root)[0], nsDSig, "SignedInfo")
	alg := signatureAlgs[s.sigAlg]
	h := alg.hash.New()
	h.Write(canonicalise(nodeSet{apex: si, comments: true}, method))
	var opts crypto.SignerOpts = alg.hash
	if alg.key == "rsa-pss" {
		opts = &rsa.PSSOptions{SaltLength: rsa.PSSSaltLengthEqualsHash, Hash: alg.hash}
	}
	value, err := s.key.Sign(rand.Reader, h.Sum(nil), opts)
	if err != nil {
		t.Fatal(err)
	}
	if k, ok := s.key.(*ecdsa.PrivateKey); ok {
		value = rawECDSA(t, k, h.Sum(nil))
	}
	return []byte(strings.Replace(doc, "{SIG}", base64.StdEncoding.EncodeToString(value), 1))
}

// rawECDSA signs digest as XML-DSig wants ECDSA signatures: r || s.
func rawECDSA(t testing.TB, k *ecdsa.PrivateKey, digest []byte) []byte {
	r, s, err := ecdsa.Sign(rand.Reader, k, digest)
	if err != nil {
		t.Fatal(err)
	}
	size := (k.Curve.Params().BitSize + 7) / 8
	out := make([]byte, 2*size)
	r.FillBytes(out[:size])
	s.FillBytes(out[size:])
	return out
}

func certificate(t testing.TB, key crypto.Signer, notAfter time.Time, usage x509.KeyUsage) *x509.Certificate {
	t.Helper()
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(7),
		Subject:      pkix.Name{Organization: []string{"Test University"}, CommonName: "Test University Seal"},
		NotBefore:    time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC),
		NotAfter:     notAfter,
		KeyUsage:     usage,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, key.Public(), key)
	if err != nil {
		t.Fatal(err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	return cert
}

func mustParse(t testing.TB, doc string) *document {
	t.Helper()
	d, err := parseXML([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestSealAlgorithms(t *testing.T) {
	ec, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	ec384, _ := ecdsa.GenerateKey(elliptic.P384(), rand.Reader)
	rsaKey, _ := rsa.GenerateKey(rand.Reader, 2048)
	weak, _ := rsa.GenerateKey(rand.Reader, 1024)
	const (
		rsa256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"
		pss    = "http://www.w3.org/2007/05/xmldsig-more#sha256-rsa-MGF1"
		ecdsa2 = "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256"
		ecdsa3 = "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha384"
	)
	until := time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
	sign := x509.KeyUsageDigitalSignature
	cases := []struct {
		name   string
		spec   sealSpec
		status credential.Status
		code   string
	}{
		{"ECDSA P-256, exclusive, enveloped", sealSpec{ec, ecdsa2, algExcC14N, "enveloped", "2024-05-01T10:00:00Z", until, sign, false, false}, credential.OK, "proof.edci-sealed"},
		{"ECDSA P-384, inclusive, XPath", sealSpec{ec384, ecdsa3, algC14N, "xpath", "2024-05-01T10:00:00+02:00", until, sign, false, false}, credential.OK, "proof.edci-sealed"},
		{"RSA-PSS, inclusive with comments, filter 2", sealSpec{rsaKey, pss, algC14NComments, "filter2", "2024-05-01T10:00:00Z", until, sign, false, false}, credential.OK, "proof.edci-sealed"},
		{"RSA, exclusive with comments", sealSpec{rsaKey, rsa256, algExcC14NComments, "enveloped", "2024-05-01T10:00:00.123Z", until, x509.KeyUsageContentCommitment, false, false}, credential.OK, "proof.edci-sealed"},
		{"no signing time", sealSpec{ec, ecdsa2, algExcC14N, "enveloped", "", until, sign, false, false}, credential.OK, "proof.edci-sealed-undated"},
		{"certificate expired when sealed", sealSpec{ec, ecdsa2, algExcC14N, "enveloped", "2031-01-01T00:00:00Z", until, sign, false, false}, credential.Failed, "proof.edci-invalid"},
		{"certificate not yet valid when sealed", sealSpec{ec, ecdsa2, algExcC14N, "enveloped", "2019-01-01T00:00:00Z", until, sign, false, false}, credential.Failed, "proof.edci-invalid"},
		{"certificate expired, no signing time", sealSpec{ec, ecdsa2, algExcC14N, "enveloped", "", time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC), sign, false, false}, credential.Failed, "proof.edci-invalid"},
		{"certificate for encryption only", sealSpec{ec, ecdsa2, algExcC14N, "enveloped", "2024-05-01T10:00:00Z", until, x509.KeyUsageKeyAgreement, false, false}, credential.Failed, "proof.edci-invalid"},
		{"another certificate named", sealSpec{ec, ecdsa2, algExcC14N, "enveloped", "2024-05-01T10:00:00Z", until, sign, true, false}, credential.Failed, "proof.edci-invalid"},
		{"document not covered", sealSpec{ec, ecdsa2, algExcC14N, "enveloped", "2024-05-01T10:00:00Z", until, sign, false, true}, credential.Failed, "proof.edci-invalid"},
		{"RSA key under 2048 bits", sealSpec{weak, rsa256, algExcC14N, "enveloped", "2024-05-01T10:00:00Z", until, sign, false, false}, credential.Failed, "proof.edci-invalid"},
	}
	now := time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			doc := makeSeal(t, tc.spec)
			parsed := mustParse(t, string(doc))
			out := checkSeal(parsed, parsed.root, now)
			if out.check.Status != tc.status || out.check.Code != tc.code {
				t.Fatalf("%s %s: %s (%s)", out.check.Status, out.check.Code, out.check.Message, out.check.Detail)
			}
			if tc.status == credential.OK && (out.check.Args["Signer"] != "Test University" || out.names[0] != "Test University") {
				t.Errorf("signer %v, names %v", out.check.Args, out.names)
			}
		})
	}
}

// TestSealKeyMismatch: an ECDSA key under an RSA signature method is a
// broken seal, not a changed credential.
func TestSealKeyMismatch(t *testing.T) {
	ec, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	doc := makeSeal(t, sealSpec{ec, "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256", algExcC14N, "enveloped", "2024-05-01T10:00:00Z", time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC), x509.KeyUsageDigitalSignature, false, false})
	doc = []byte(strings.Replace(string(doc), "xmldsig-more#ecdsa-sha256", "xmldsig-more#rsa-sha256", 1))
	parsed := mustParse(t, string(doc))
	if out := checkSeal(parsed, parsed.root, time.Now()); out.check.Code != "proof.edci-invalid" {
		t.Fatalf("%s: %s", out.check.Code, out.check.Detail)
	}
}
