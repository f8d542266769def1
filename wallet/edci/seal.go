package edci

import (
	"crypto/x509"
	"encoding/asn1"
	"fmt"
	"strings"
	"time"

	"github.com/satchel-wallet/satchel/wallet/credential"
)

// seals returns the XML-DSig signatures that seal root: those in its
// proof element (ELM or presentation namespace) and any directly under
// it, as the schema allows.
func seals(root *node) []*node {
	var out []*node
	for _, k := range elements(root) {
		switch {
		case isSignature(k):
			out = append(out, k)
		case k.is(nsELM, "proof") || k.is(nsVP, "proof"):
			out = append(out, children(k, nsDSig, "Signature")...)
		}
	}
	return out
}

// sealOutcome is the proof check of a document and what the reading
// records of the signer.
type sealOutcome struct {
	check    credential.Check
	sealed   bool
	value    []byte
	signer   string
	names    []string
	signedAt time.Time
}

// checkSeal checks the seal of root and turns the result into the proof
// check.
func checkSeal(doc *document, root *node, now time.Time) sealOutcome {
	sigs := seals(root)
	switch len(sigs) {
	case 0:
		return sealOutcome{check: credential.NewCheck(credential.CheckProof, credential.Failed, "proof.none", nil, "no ds:Signature in the credential's proof")}
	case 1:
	default:
		return sealOutcome{sealed: true, check: credential.NewCheck(credential.CheckProof, credential.Skipped, "proof.edci-skipped",
			map[string]string{"Problem": fmt.Sprintf("it carries %d seals, and Satchel checks a credential with one", len(sigs))}, "")}
	}
	v := &verifier{doc: doc, now: now}
	r := v.verify(sigs[0])
	out := sealOutcome{sealed: true, value: r.value}
	detail := r.detail
	if detail == "" {
		detail = strings.Join(append(r.steps, r.problem), "; ")
	}
	switch r.state {
	case sealSkipped:
		out.check = credential.NewCheck(credential.CheckProof, credential.Skipped, "proof.edci-skipped", map[string]string{"Problem": r.problem}, detail)
	case sealFailed:
		if r.changed {
			out.check = credential.NewCheck(credential.CheckProof, credential.Failed, "proof.failed", nil, detail)
		} else {
			out.check = credential.NewCheck(credential.CheckProof, credential.Failed, "proof.edci-invalid", map[string]string{"Problem": r.problem}, detail)
		}
	default:
		out.signer, out.names = r.cert.Subject.String(), signerNames(r.cert)
		out.signedAt = r.signedAt
		args := map[string]string{"Signer": displayName(r.cert)}
		if r.signedAt.IsZero() {
			out.check = credential.NewCheck(credential.CheckProof, credential.OK, "proof.edci-sealed-undated", args, detail)
		} else {
			args["Date"] = r.signedAt.UTC().Format("2 January 2006")
			out.check = credential.NewCheck(credential.CheckProof, credential.OK, "proof.edci-sealed", args, detail)
		}
	}
	return out
}

// oidOrganizationIdentifier is the X.520 organizationIdentifier
// attribute, where eIDAS seal certificates put the organisation's legal
// identifier (e.g. VATSI-61038750).
var oidOrganizationIdentifier = asn1.ObjectIdentifier{2, 5, 4, 97}

// signerNames returns the names under which the sealing organisation may
// be on a trust list: its organisation name, its legal identifier and the
// certificate's common name.
func signerNames(c *x509.Certificate) []string {
	var out []string
	add := func(s string) {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	for _, o := range c.Subject.Organization {
		add(o)
	}
	for _, n := range c.Subject.Names {
		if n.Type.Equal(oidOrganizationIdentifier) {
			if s, ok := n.Value.(string); ok {
				add(s)
			}
		}
	}
	add(c.Subject.CommonName)
	return uniq(out)
}

// displayName names the sealing organisation for the learner.
func displayName(c *x509.Certificate) string {
	if len(c.Subject.Organization) > 0 && c.Subject.Organization[0] != "" {
		return c.Subject.Organization[0]
	}
	if c.Subject.CommonName != "" {
		return c.Subject.CommonName
	}
	return c.Subject.String()
}
