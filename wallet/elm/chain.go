package elm

import (
	"bytes"
	"crypto/x509"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/satchel-wallet/satchel/wallet/jsonld"
)

// chainReport is what Satchel could establish about the seal certificate's
// chain from the file alone.
type chainReport struct {
	// issuer names the signing certificate's issuer (its CN, else O).
	issuer string
	// steps describe each link, for the check's detail.
	steps []string
	// broken says why the x5c chain is not a chain; empty if it is one.
	broken string
}

// checkChain verifies the x5c chain link by link: each certificate must
// name the next as its issuer, be signed by it, and the next must be a CA
// valid at the time at. A link signed with SHA-1 is noted, not checked:
// crypto/x509 refuses SHA-1 signatures, and old CA certificates still use
// them. When x5c holds only the signing certificate, its issuer is looked
// for among extra, the certificates a long-term JAdES seal carries in its
// unsigned validation data (etsiU xVals), and the links found there are
// reported but never fail the check: that data is not covered by the
// seal, may hold older versions of a CA certificate, and is meant for a
// validator that also has the EU trusted lists.
//
// No certificate is checked against a trust anchor: that is the EU
// trusted lists' job, and they are not bundled.
func checkChain(certs, extra []*x509.Certificate, at time.Time) chainReport {
	leaf := certs[0]
	r := chainReport{issuer: firstNonEmpty(leaf.Issuer.CommonName, strings.Join(leaf.Issuer.Organization, ", "))}
	for i := 0; i+1 < len(certs); i++ {
		if problem := checkLink(certs[i], certs[i+1], at); problem != "" {
			r.broken = fmt.Sprintf("certificate %d of the seal's chain %s", i+2, problem)
			return r
		}
		r.steps = append(r.steps, fmt.Sprintf("x5c[%d] signed by x5c[%d] (%s)", i, i+1, certs[i+1].Subject.CommonName))
	}
	last := certs[len(certs)-1]
	if len(certs) == 1 {
		r.steps = append(r.steps, "x5c holds only the seal certificate")
	}
	budget := maxChainChecks
	for n := len(certs); n < maxChain && !selfSigned(last); n++ {
		parent := findIssuer(last, extra, at, &budget)
		if parent == nil {
			r.steps = append(r.steps, fmt.Sprintf("issuer %q not in the file", firstNonEmpty(last.Issuer.CommonName, last.Issuer.String())))
			break
		}
		r.steps = append(r.steps, fmt.Sprintf("issued by %q (found in the seal's unsigned validation data, signature checked)", parent.Subject.CommonName))
		last = parent
	}
	switch {
	case !selfSigned(last):
	case last == leaf:
		r.steps = append(r.steps, "the seal certificate is self-signed")
	default:
		r.steps = append(r.steps, fmt.Sprintf("ends at the self-signed %q, not checked against any trust anchor", last.Subject.CommonName))
	}
	return r
}

// checkLink says what is wrong with parent as child's issuer at time at,
// or "" if nothing is.
func checkLink(child, parent *x509.Certificate, at time.Time) string {
	if !bytes.Equal(child.RawIssuer, parent.RawSubject) {
		return "is not the issuer of the one before it"
	}
	if err := child.CheckSignatureFrom(parent); err != nil {
		var insecure x509.InsecureAlgorithmError
		if errors.As(err, &insecure) {
			return ""
		}
		return "did not sign the one before it (" + err.Error() + ")"
	}
	if at.Before(parent.NotBefore) || at.After(parent.NotAfter) {
		return fmt.Sprintf("was not valid on %s (valid %s to %s)", at.UTC().Format(time.RFC3339),
			parent.NotBefore.UTC().Format(time.RFC3339), parent.NotAfter.UTC().Format(time.RFC3339))
	}
	return ""
}

// findIssuer returns the certificate among pool that issued c and was
// valid at time at, if there is one, spending at most *budget signature
// checks.
func findIssuer(c *x509.Certificate, pool []*x509.Certificate, at time.Time, budget *int) *x509.Certificate {
	for _, p := range pool {
		if p == c || !bytes.Equal(c.RawIssuer, p.RawSubject) {
			continue
		}
		if *budget <= 0 {
			return nil
		}
		*budget--
		if checkLink(c, p, at) == "" {
			return p
		}
	}
	return nil
}

func selfSigned(c *x509.Certificate) bool {
	return bytes.Equal(c.RawIssuer, c.RawSubject) && c.CheckSignatureFrom(c) == nil
}

// validationCerts returns the certificates in a JAdES unsigned header's
// etsiU "xVals" components (ETSI TS 119 182-1 clause 5.3.5.1). Each etsiU
// entry is a JSON object, either as it is or base64url-encoded. Entries
// that cannot be read are skipped: this data only helps describe the
// chain. At most maxEtsiU entries and maxValidationCerts certificates of
// at most maxCertBytes each are read.
func validationCerts(unprotected map[string]any, maxBytes int) []*x509.Certificate {
	entries, _ := unprotected["etsiU"].([]any)
	if len(entries) > maxEtsiU {
		entries = entries[:maxEtsiU]
	}
	var out []*x509.Certificate
	for _, e := range entries {
		m, ok := e.(map[string]any)
		if s, isStr := e.(string); isStr {
			raw, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(s, "="))
			if err != nil {
				continue
			}
			if m, err = jsonld.ParseObject(raw, maxBytes); err != nil {
				continue
			}
			ok = true
		}
		if !ok {
			continue
		}
		xvals, _ := m["xVals"].([]any)
		for _, xv := range xvals {
			if len(out) == maxValidationCerts {
				return out
			}
			val := str(obj(obj(xv)["x509Cert"])["val"])
			if val == "" || base64.StdEncoding.DecodedLen(len(val)) > maxCertBytes {
				continue
			}
			der, err := base64.StdEncoding.DecodeString(val)
			if err != nil {
				continue
			}
			if c, err := x509.ParseCertificate(der); err == nil {
				out = append(out, c)
			}
		}
	}
	return out
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}
