package edci

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/rsa"
	_ "crypto/sha1" // SHA-1 only to match a certificate digest, never to trust a signature
	_ "crypto/sha256"
	_ "crypto/sha512"
	"encoding/base64"
	"errors"
	"fmt"
	"math/big"
	"strings"
)

// Algorithm URIs of XML-DSig (RFC 3275), its additions (RFC 6931) and the
// transforms Satchel implements.
const (
	algEnveloped    = "http://www.w3.org/2000/09/xmldsig#enveloped-signature"
	algXPath        = "http://www.w3.org/TR/1999/REC-xpath-19991116"
	algXPathFilter2 = "http://www.w3.org/2002/06/xmldsig-filter2"
	nsXPathFilter2  = "http://www.w3.org/2002/06/xmldsig-filter2"
	algSHA1         = "http://www.w3.org/2000/09/xmldsig#sha1"
	typeSignedProps = "http://uri.etsi.org/01903#SignedProperties"
)

// digestAlgs are the digest methods trusted for references. SHA-1 is
// left out on purpose: a seal whose references use it is reported as
// unsupported rather than as intact.
var digestAlgs = map[string]crypto.Hash{
	"http://www.w3.org/2001/04/xmlenc#sha256":       crypto.SHA256,
	"http://www.w3.org/2001/04/xmldsig-more#sha384": crypto.SHA384,
	"http://www.w3.org/2001/04/xmlenc#sha512":       crypto.SHA512,
}

// certDigestAlgs are the digest methods accepted for XAdES
// SigningCertificate digests. SHA-1 is accepted here only: the digest
// names which certificate made the seal, and the signature must still
// verify with that certificate's key.
var certDigestAlgs = map[string]crypto.Hash{
	algSHA1: crypto.SHA1,
	"http://www.w3.org/2001/04/xmlenc#sha256":       crypto.SHA256,
	"http://www.w3.org/2001/04/xmldsig-more#sha384": crypto.SHA384,
	"http://www.w3.org/2001/04/xmlenc#sha512":       crypto.SHA512,
}

// sigAlg is a signature method: the hash and the kind of key it needs.
type sigAlg struct {
	name string
	hash crypto.Hash
	key  string // "rsa", "rsa-pss" or "ecdsa"
}

// signatureAlgs are the signature methods Satchel verifies. RSA with SHA-1
// is not among them (see digestAlgs).
var signatureAlgs = map[string]sigAlg{
	"http://www.w3.org/2001/04/xmldsig-more#rsa-sha256":      {"RSA-SHA256", crypto.SHA256, "rsa"},
	"http://www.w3.org/2001/04/xmldsig-more#rsa-sha384":      {"RSA-SHA384", crypto.SHA384, "rsa"},
	"http://www.w3.org/2001/04/xmldsig-more#rsa-sha512":      {"RSA-SHA512", crypto.SHA512, "rsa"},
	"http://www.w3.org/2007/05/xmldsig-more#sha256-rsa-MGF1": {"RSA-PSS-SHA256", crypto.SHA256, "rsa-pss"},
	"http://www.w3.org/2007/05/xmldsig-more#sha384-rsa-MGF1": {"RSA-PSS-SHA384", crypto.SHA384, "rsa-pss"},
	"http://www.w3.org/2007/05/xmldsig-more#sha512-rsa-MGF1": {"RSA-PSS-SHA512", crypto.SHA512, "rsa-pss"},
	"http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256":    {"ECDSA-SHA256", crypto.SHA256, "ecdsa"},
	"http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha384":    {"ECDSA-SHA384", crypto.SHA384, "ecdsa"},
	"http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha512":    {"ECDSA-SHA512", crypto.SHA512, "ecdsa"},
}

// minRSABits is the smallest RSA modulus trusted: NIST SP 800-131A has
// disallowed smaller keys for signatures since 2013, and the eIDAS seal
// certificates EDCI issuers use are 2048 bits or more.
const minRSABits = 2048

var (
	errBadSignature = errors.New("the signature value does not verify with the certificate's key")
	errWeakKey      = errors.New("key too weak")
	errKeyType      = errors.New("the certificate's key does not fit the signature method")
)

// verifySignature checks sig over msg with pub under alg.
func verifySignature(alg sigAlg, pub crypto.PublicKey, msg, sig []byte) error {
	h := alg.hash.New()
	h.Write(msg)
	digest := h.Sum(nil)
	switch k := pub.(type) {
	case *rsa.PublicKey:
		if alg.key == "ecdsa" {
			return errKeyType
		}
		if k.N.BitLen() < minRSABits {
			return fmt.Errorf("RSA key of %d bits (minimum %d): %w", k.N.BitLen(), minRSABits, errWeakKey)
		}
		var err error
		if alg.key == "rsa-pss" {
			err = rsa.VerifyPSS(k, alg.hash, digest, sig, &rsa.PSSOptions{SaltLength: rsa.PSSSaltLengthEqualsHash})
		} else {
			err = rsa.VerifyPKCS1v15(k, alg.hash, digest, sig)
		}
		if err != nil {
			return errBadSignature
		}
		return nil
	case *ecdsa.PublicKey:
		if alg.key != "ecdsa" {
			return errKeyType
		}
		// XML-DSig ECDSA signatures are r || s, each the size of the
		// curve order (RFC 4051 §3.3), not DER.
		size := (k.Curve.Params().BitSize + 7) / 8
		if len(sig) != 2*size {
			return errBadSignature
		}
		r := new(big.Int).SetBytes(sig[:size])
		s := new(big.Int).SetBytes(sig[size:])
		if !ecdsa.Verify(k, digest, r, s) {
			return errBadSignature
		}
		return nil
	}
	return fmt.Errorf("a %T key: %w", pub, errKeyType)
}

// decodeBase64 decodes the base64 content of an XML-DSig element, which
// may be broken over lines.
func decodeBase64(s string) ([]byte, error) {
	s = strings.Map(func(r rune) rune {
		if r == ' ' || r == '\t' || r == '\r' || r == '\n' {
			return -1
		}
		return r
	}, s)
	return base64.StdEncoding.DecodeString(s)
}
