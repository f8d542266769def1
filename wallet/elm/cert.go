package elm

import (
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"fmt"
	"slices"
	"strings"
)

// Object identifiers read from seal certificates.
var (
	// oidOrganizationIdentifier (X.520 organizationIdentifier) holds the
	// legal identifier of the organisation a seal certificate is issued
	// to, e.g. "VATES-A00000000" (EN 319 412-1 clause 5.1.4: VAT, national
	// trade register or other scheme, then country, then the number).
	oidOrganizationIdentifier = asn1.ObjectIdentifier{2, 5, 4, 97}
	// oidQCStatements is the qcStatements certificate extension (RFC 3739
	// section 3.2.6), where EU qualified certificates state what they are.
	oidQCStatements = asn1.ObjectIdentifier{1, 3, 6, 1, 5, 5, 7, 1, 3}
	// oidQcCompliance (EN 319 412-5 clause 4.2.1) states that the
	// certificate is an EU qualified certificate.
	oidQcCompliance = asn1.ObjectIdentifier{0, 4, 0, 1862, 1, 1}
	// oidQcSSCD (EN 319 412-5 clause 4.2.2) states that the private key is
	// on a qualified signature or seal creation device.
	oidQcSSCD = asn1.ObjectIdentifier{0, 4, 0, 1862, 1, 4}
	// oidQcType (EN 319 412-5 clause 4.2.3) says what the qualified
	// certificate is for; its value lists one or more of the three below.
	oidQcType = asn1.ObjectIdentifier{0, 4, 0, 1862, 1, 6}
	// oidQctESign: a certificate for electronic signatures (natural persons).
	oidQctESign = asn1.ObjectIdentifier{0, 4, 0, 1862, 1, 6, 1}
	// oidQctESeal: a certificate for electronic seals (legal persons).
	oidQctESeal = asn1.ObjectIdentifier{0, 4, 0, 1862, 1, 6, 2}
	// oidQctWeb: a certificate for website authentication.
	oidQctWeb = asn1.ObjectIdentifier{0, 4, 0, 1862, 1, 6, 3}
)

// Certificate policies of EN 319 411-2 clause 5.3 that mark EU qualified
// certificates: for natural persons (n) or legal persons (l), with the key
// on a qualified device (qscd) or not.
const (
	policyQCPn     = "0.4.0.194112.1.0"
	policyQCPl     = "0.4.0.194112.1.1"
	policyQCPnQSCD = "0.4.0.194112.1.2"
	policyQCPlQSCD = "0.4.0.194112.1.3"
)

// signerInfo names who sealed: from the seal certificate's subject.
type signerInfo struct {
	org, orgID, cn string
	// dn is the subject in RFC 4514 form, with organizationIdentifier
	// named (crypto/x509 prints it as a hex OID).
	dn string
}

func signerOf(cert *x509.Certificate) signerInfo {
	s := signerInfo{cn: cert.Subject.CommonName}
	if len(cert.Subject.Organization) > 0 {
		s.org = cert.Subject.Organization[0]
	}
	for _, atv := range cert.Subject.Names {
		if atv.Type.Equal(oidOrganizationIdentifier) {
			if v, ok := atv.Value.(string); ok {
				s.orgID = v
			}
		}
	}
	s.dn = formatDN(cert.RawSubject)
	return s
}

// name is the organisation's name for people: O, else CN.
func (s signerInfo) name() string {
	if s.org != "" {
		return s.org
	}
	return s.cn
}

// names are the names under which the sealer may be on a trust list.
func (s signerInfo) names() []string {
	var out []string
	for _, n := range []string{s.org, s.orgID, s.cn} {
		if n != "" && !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	return out
}

// dnNames are the short names of RFC 4514 plus the attributes seal
// certificates use.
var dnNames = map[string]string{
	"2.5.4.3": "CN", "2.5.4.6": "C", "2.5.4.7": "L", "2.5.4.8": "ST", "2.5.4.10": "O", "2.5.4.11": "OU",
	"2.5.4.9": "STREET", "2.5.4.5": "serialNumber", "2.5.4.97": "organizationIdentifier",
	"2.5.4.4": "SN", "2.5.4.42": "GN", "2.5.4.17": "postalCode", "1.2.840.113549.1.9.1": "emailAddress",
}

// formatDN writes a DER distinguished name in RFC 4514 order (last RDN
// first), naming the attributes above and escaping values.
func formatDN(raw []byte) string {
	var rdns pkix.RDNSequence
	if rest, err := asn1.Unmarshal(raw, &rdns); err != nil || len(rest) != 0 {
		return ""
	}
	parts := make([]string, 0, len(rdns))
	for i := len(rdns) - 1; i >= 0; i-- {
		atvs := make([]string, 0, len(rdns[i]))
		for _, atv := range rdns[i] {
			key, ok := dnNames[atv.Type.String()]
			if !ok {
				key = atv.Type.String()
			}
			atvs = append(atvs, key+"="+escapeDN(fmt.Sprint(atv.Value)))
		}
		parts = append(parts, strings.Join(atvs, "+"))
	}
	return strings.Join(parts, ",")
}

func escapeDN(s string) string {
	var b strings.Builder
	for i, r := range s {
		switch {
		case strings.ContainsRune(`,+"\<>;=`, r),
			i == 0 && (r == '#' || r == ' '),
			i == len(s)-1 && r == ' ':
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// qualification is what a certificate says about itself in its
// qcStatements and policies. It is the certificate's own claim: only the
// EU trusted lists confirm that its issuer may make such certificates.
type qualification struct {
	compliance, sscd         bool
	esign, eseal, web, typed bool
	policies                 []string
}

// Levels of qualification, as the proof check's Level argument names them.
const (
	levelQualified     = "qualified"      // qualified certificate for seals, key on a QSCD
	levelQualifiedCert = "qualified-cert" // qualified certificate for seals, no QSCD stated
	levelQualifiedESig = "qualified-esig" // qualified, but for signatures, not seals
	levelNone          = "none"
)

// qualificationOf reads the certificate's qcStatements extension and
// policies. A malformed extension counts as absent.
func qualificationOf(cert *x509.Certificate) qualification {
	var q qualification
	for _, p := range cert.Policies {
		switch s := p.String(); s {
		case policyQCPn, policyQCPl, policyQCPnQSCD, policyQCPlQSCD:
			q.policies = append(q.policies, s)
		}
	}
	for _, ext := range cert.Extensions {
		if ext.Id.Equal(oidQCStatements) {
			q.readStatements(ext.Value)
		}
	}
	return q
}

// qcStatement is one QCStatement (RFC 3739): an identifier and optional
// information.
type qcStatement struct {
	ID   asn1.ObjectIdentifier
	Info asn1.RawValue `asn1:"optional"`
}

func (q *qualification) readStatements(der []byte) {
	var stmts []qcStatement
	if rest, err := asn1.Unmarshal(der, &stmts); err != nil || len(rest) != 0 {
		return
	}
	if len(stmts) > maxQCStatements {
		stmts = stmts[:maxQCStatements]
	}
	for _, st := range stmts {
		switch {
		case st.ID.Equal(oidQcCompliance):
			q.compliance = true
		case st.ID.Equal(oidQcSSCD):
			q.sscd = true
		case st.ID.Equal(oidQcType):
			var kinds []asn1.ObjectIdentifier
			if rest, err := asn1.Unmarshal(st.Info.FullBytes, &kinds); err != nil || len(rest) != 0 {
				continue
			}
			for _, k := range kinds {
				q.typed = true
				q.esign = q.esign || k.Equal(oidQctESign)
				q.eseal = q.eseal || k.Equal(oidQctESeal)
				q.web = q.web || k.Equal(oidQctWeb)
			}
		}
	}
}

// level classifies the certificate. It is qualified when it carries
// QcCompliance or a qualified-certificate policy. It is for seals when its
// QcType says eseal, or, without a QcType, when its policy is one for
// legal persons (QCP-l, QCP-l-qscd); a qualified certificate without
// either is for signatures, the default of EN 319 412-5. The key is on a
// qualified device when QcSSCD or the policy QCP-l-qscd says so.
func (q qualification) level() string {
	qualified := q.compliance || len(q.policies) > 0
	if !qualified {
		return levelNone
	}
	legal := slices.Contains(q.policies, policyQCPl) || slices.Contains(q.policies, policyQCPlQSCD)
	seal := q.eseal || (!q.typed && legal)
	if !seal {
		return levelQualifiedESig
	}
	if q.sscd || slices.Contains(q.policies, policyQCPlQSCD) {
		return levelQualified
	}
	return levelQualifiedCert
}

// describe lists what the certificate states, for the check's detail.
func (q qualification) describe() string {
	var parts []string
	if q.compliance {
		parts = append(parts, "QcCompliance")
	}
	var kinds []string
	for _, k := range []struct {
		on   bool
		name string
	}{{q.esign, "esign"}, {q.eseal, "eseal"}, {q.web, "web"}} {
		if k.on {
			kinds = append(kinds, k.name)
		}
	}
	if len(kinds) > 0 {
		parts = append(parts, "QcType "+strings.Join(kinds, "+"))
	}
	if q.sscd {
		parts = append(parts, "QcSSCD")
	} else {
		parts = append(parts, "no QcSSCD")
	}
	names := map[string]string{policyQCPn: "QCP-n", policyQCPl: "QCP-l", policyQCPnQSCD: "QCP-n-qscd", policyQCPlQSCD: "QCP-l-qscd"}
	for _, p := range q.policies {
		parts = append(parts, "policy "+names[p])
	}
	if !q.compliance && len(q.policies) == 0 {
		return "no qcStatements or qualified policy: not a qualified certificate"
	}
	return strings.Join(parts, ", ")
}
