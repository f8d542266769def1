package edci

import (
	"bytes"
	"crypto/x509"
	"fmt"
	"strings"
	"time"
)

// maxCertificates bounds the certificates read from one KeyInfo. A seal
// carries its certificate and at most its chain (three or four).
const maxCertificates = 8

// signedProperties returns the XAdES SignedProperties of sig (inside its
// QualifyingProperties, whose Target must name sig), or nil.
func (v *verifier) signedProperties(sig *node) *node {
	id, _ := sig.attr("", "Id")
	for _, obj := range children(sig, nsDSig, "Object") {
		for _, qp := range children(obj, nsXAdES, "QualifyingProperties") {
			if t, _ := qp.attr("", "Target"); id != "" && t != "#"+id {
				continue
			}
			if sp := firstChild(qp, nsXAdES, "SignedProperties"); sp != nil {
				return sp
			}
		}
	}
	return nil
}

// signingCertificate returns the certificate whose key made the seal:
// among the certificates of KeyInfo, the one the signed properties name
// by digest (XAdES SigningCertificateV2 or SigningCertificate), or the
// first when the seal has no signed properties. On failure it returns why;
// a reason starting with "!" means the seal is broken rather than
// uncheckable.
func (v *verifier) signingCertificate(sig, props *node) (*x509.Certificate, string) {
	var certs []*x509.Certificate
	for _, x := range children(firstChild(sig, nsDSig, "KeyInfo"), nsDSig, "X509Data") {
		for _, c := range children(x, nsDSig, "X509Certificate") {
			if len(certs) == maxCertificates {
				return nil, fmt.Sprintf("!the seal carries more than %d certificates", maxCertificates)
			}
			der, err := decodeBase64(text(c))
			if err != nil {
				return nil, "!a certificate in the seal is not base64"
			}
			cert, err := x509.ParseCertificate(der)
			if err != nil {
				return nil, fmt.Sprintf("!a certificate in the seal cannot be read (%v)", err)
			}
			certs = append(certs, cert)
		}
	}
	if len(certs) == 0 {
		return nil, "the seal does not carry the certificate of its signer"
	}
	ssp := firstChild(props, nsXAdES, "SignedSignatureProperties")
	sc := firstChild(ssp, nsXAdES, "SigningCertificateV2")
	if sc == nil {
		sc = firstChild(ssp, nsXAdES, "SigningCertificate")
	}
	if sc == nil {
		if props != nil {
			return nil, "!the seal's signed properties do not name its certificate"
		}
		return certs[0], ""
	}
	for _, c := range children(sc, nsXAdES, "Cert") {
		cd := firstChild(c, nsXAdES, "CertDigest")
		alg, _ := firstChild(cd, nsDSig, "DigestMethod").attrOr("", "Algorithm")
		hash, ok := certDigestAlgs[alg]
		if !ok {
			return nil, fmt.Sprintf("it names its certificate by a digest Satchel does not know (%s)", alg)
		}
		want, err := decodeBase64(text(firstChild(cd, nsDSig, "DigestValue")))
		if err != nil {
			return nil, "!the certificate digest in the seal is not base64"
		}
		for _, cert := range certs {
			h := hash.New()
			h.Write(cert.Raw)
			if bytes.Equal(h.Sum(nil), want) {
				return cert, ""
			}
		}
	}
	return nil, "!the certificate the seal carries is not the one its signed properties name"
}

// judgeCertificate finishes a seal whose digests and signature verified:
// the certificate must have been valid at the signing time the signed
// properties state (or now, if they state none) and be meant for
// signatures.
func (v *verifier) judgeCertificate(r *sealResult, props *node) *sealResult {
	cert := r.cert
	at, stated := v.now, false
	st := text(firstChild(firstChild(props, nsXAdES, "SignedSignatureProperties"), nsXAdES, "SigningTime"))
	if st != "" {
		t, err := parseDateTime(st)
		if err != nil {
			return r.fail(false, "its signing time %q is not a date", st)
		}
		at, stated = t, true
		r.signedAt = t
	}
	if at.Before(cert.NotBefore) || at.After(cert.NotAfter) {
		when := "now"
		if stated {
			when = "when it says it was made (" + at.UTC().Format(time.RFC3339) + ")"
		}
		return r.fail(false, "its certificate was not valid %s: it was valid from %s to %s", when,
			cert.NotBefore.UTC().Format(time.DateOnly), cert.NotAfter.UTC().Format(time.DateOnly))
	}
	if cert.KeyUsage != 0 && cert.KeyUsage&(x509.KeyUsageDigitalSignature|x509.KeyUsageContentCommitment) == 0 {
		return r.fail(false, "its certificate is not meant for signatures or seals")
	}
	judged := "at the signing time " + at.UTC().Format(time.RFC3339)
	if !stated {
		judged = "now (the seal states no signing time)"
	}
	r.steps = append(r.steps, fmt.Sprintf("certificate %q (serial %s, issued by %q) valid %s to %s, judged %s",
		cert.Subject.String(), cert.SerialNumber, cert.Issuer.String(),
		cert.NotBefore.UTC().Format(time.DateOnly), cert.NotAfter.UTC().Format(time.DateOnly), judged))
	r.detail = "XAdES seal: " + strings.Join(r.steps, "; ") +
		". Not checked: the certificate chain against the EU trust lists, the certificate's revocation status, and the seal's time-stamps."
	return r
}

// parseDateTime parses an xs:dateTime or xs:date as EDCI files write them:
// with or without fractional seconds and time zone (none means UTC).
func parseDateTime(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05.999999999", "2006-01-02Z07:00", time.DateOnly} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("%q is not an xs:dateTime", s)
}
