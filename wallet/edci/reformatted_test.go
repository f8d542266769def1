package edci

import (
	"strings"
	"testing"
	"time"

	"github.com/satchel-wallet/satchel/internal/fixture"
)

// TestReformattedSeals shows why the three sealed XML files of the EDC
// software's test resources fail: they were re-indented after sealing.
// With the indentation taken out of their SignedInfo again, the RSA
// signature verifies with the certificate they carry; the credential
// content was re-indented too, so its digest cannot match, and Read
// rightly reports the seals broken.
func TestReformattedSeals(t *testing.T) {
	for _, rel := range []string{
		"edc/edc-software-v2.0.6/xml/credential-generic-profile-xsd-signed.xml",
		"edc/edc-software-v2.0.6/xml/validXMLCredential.xml",
		"edc/edc-software-v2.0.6/xml/verificable_presentation_mandated-xsd_v1.2.xml",
	} {
		t.Run(rel, func(t *testing.T) {
			doc := mustParse(t, string(fixture.Read(t, rel)))
			sig := seals(doc.root)[0]
			if r := (&verifier{doc: doc, now: time.Now()}).verify(sig); r.state != sealFailed || !r.changed {
				t.Fatalf("as filed: %d %s", r.state, r.problem)
			}
			si := firstChild(sig, nsDSig, "SignedInfo")
			unindent(si)
			v := &verifier{doc: doc}
			cert, _ := v.signingCertificate(sig, v.signedProperties(sig))
			value, _ := decodeBase64(text(firstChild(sig, nsDSig, "SignatureValue")))
			alg := signatureAlgs["http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"]
			if err := verifySignature(alg, cert.PublicKey, canonicalise(nodeSet{apex: si}, c14nMethod{exclusive: true}), value); err != nil {
				t.Fatalf("unindented SignedInfo: %v", err)
			}
		})
	}
}

// unindent removes white-space-only text from n's sub-tree and trims the
// rest, undoing a pretty-printer.
func unindent(n *node) {
	kids := n.kids[:0]
	for _, k := range n.kids {
		if k.kind == textNode {
			if k.text = strings.TrimSpace(k.text); k.text == "" {
				continue
			}
		}
		if k.kind == elementNode {
			unindent(k)
		}
		kids = append(kids, k)
	}
	n.kids = kids
}
