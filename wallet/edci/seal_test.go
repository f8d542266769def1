package edci_test

import (
	"bytes"
	"context"
	"testing"

	"github.com/satchel-wallet/satchel/internal/fixture"
	"github.com/satchel-wallet/satchel/wallet/credential"
	"github.com/satchel-wallet/satchel/wallet/edci"
)

const ildiko = v2 + "Ildiko_Mazar_Certificate_of_Excellence.xml"

// TestSealTampering edits the sealed Ildiko Mazar credential: every edit
// of what was sealed must break the seal, and edits canonicalisation
// discards (comments, quote style) must not.
func TestSealTampering(t *testing.T) {
	orig := fixture.Read(t, ildiko)
	cases := []struct {
		name     string
		old, new string
		status   credential.Status
		code     string
	}{
		{"untouched", "", "", credential.OK, "proof.edci-sealed"},
		{"title", "Certificate of Excellence", "Certificate of Excellencf", credential.Failed, "proof.failed"},
		{"grade", "<grade>88%</grade>", "<grade>98%</grade>", credential.Failed, "proof.failed"},
		{"white space between elements", "<title>", "<title> ", credential.Failed, "proof.failed"},
		{"signing time", "2020-11-26T08:51:53Z", "2020-11-26T08:51:54Z", credential.Failed, "proof.failed"},
		{"signature value", "<ds:SignatureValue Id=\"value-id-b634769b4f4b08603fc60dcdf9c0c954\">hz5U", "<ds:SignatureValue Id=\"value-id-b634769b4f4b08603fc60dcdf9c0c954\">hz5V", credential.Failed, "proof.failed"},
		{"signed info", "<ds:SignedInfo><ds:Canon", "<ds:SignedInfo> <ds:Canon", credential.Failed, "proof.failed"},
		{"comment in the body", "<title>", "<!-- a comment --><title>", credential.OK, "proof.edci-sealed"},
		{"quote style", `uri="mailto:ildiko.mazar.sa@everis.com"`, `uri='mailto:ildiko.mazar.sa@everis.com'`, credential.OK, "proof.edci-sealed"},
		{"empty element form", "<proof>", "<proof >", credential.OK, "proof.edci-sealed"},
		// Two elements with the Id the seal refers to: the signature
		// wrapping attack.
		{"duplicate id", "<title>", `<title><x Id="xades-id-b634769b4f4b08603fc60dcdf9c0c954"/>`, credential.Failed, "proof.edci-invalid"},
		{"second seal", "<proof>", `<proof><ds:Signature/>`, credential.Skipped, "proof.edci-skipped"},
		{"unknown signature method", "xmldsig-more#rsa-sha256", "xmldsig-more#rsa-sha1", credential.Skipped, "proof.edci-skipped"},
		{"unknown transform", "http://www.w3.org/TR/1999/REC-xpath-19991116", "http://www.w3.org/TR/1999/REC-xslt-19991116", credential.Failed, "proof.failed"},
		{"sha-1 digest", `<ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/><ds:DigestValue>g/SB`, `<ds:DigestMethod Algorithm="http://www.w3.org/2000/09/xmldsig#sha1"/><ds:DigestValue>g/SB`, credential.Failed, "proof.failed"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			data := orig
			if tc.old != "" {
				if !bytes.Contains(orig, []byte(tc.old)) {
					t.Fatalf("%q not in the fixture", tc.old)
				}
				data = bytes.Replace(orig, []byte(tc.old), []byte(tc.new), 1)
			}
			r, err := edci.Read(context.Background(), data, edci.Options{})
			if err != nil {
				t.Fatal(err)
			}
			p, _ := findCheck(r, credential.CheckProof)
			if p.Status != tc.status || p.Code != tc.code {
				t.Fatalf("proof %s %s: %s (%s), want %s %s", p.Status, p.Code, p.Message, p.Detail, tc.status, tc.code)
			}
			if (p.Status == credential.OK) != (r.Signer != "") {
				t.Errorf("signer %q with proof %s", r.Signer, p.Status)
			}
		})
	}
}
