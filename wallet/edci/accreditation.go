package edci

import (
	"fmt"
	"strings"

	"github.com/satchel-wallet/satchel/wallet/credential"
)

// accreditationCheck reports the accreditation evidence of a credential:
// whether it names any, whether it includes what it names, and whether
// each accreditation covers the issuer or awarding body and was not
// expired when the credential was issued. Problems are warnings: Satchel
// cannot consult the accreditation registers offline, so it reports what
// the file says without condemning it.
func accreditationCheck(n normalised) credential.Check {
	if len(n.missing) > 0 {
		return credential.NewCheck(credential.CheckAccreditation, credential.Warning, "accreditation.edci-missing",
			map[string]string{"Ref": strings.Join(n.missing, ", ")}, "hasAccreditation idref with no accreditation element in the file")
	}
	if len(n.accreditations) == 0 {
		return credential.NewCheck(credential.CheckAccreditation, credential.Warning, "accreditation.none", nil, "")
	}
	var names []string
	for _, a := range n.accreditations {
		name := texts(firstChild(a, nsELM, "title")).String()
		if name == "" {
			name, _ = a.attr("", "id")
		}
		names = append(names, name)
		if p := accreditationProblem(a, n.cred, n.elm); p != "" {
			return credential.NewCheck(credential.CheckAccreditation, credential.Warning, "accreditation.mismatch",
				map[string]string{"Problem": p}, name)
		}
	}
	return credential.NewCheck(credential.CheckAccreditation, credential.OK, "accreditation.ok",
		map[string]string{"Names": strings.Join(names, "; ")}, "")
}

// accreditationProblem says what is inconsistent about accreditation a.
func accreditationProblem(a *node, c credential.Credential, z *elm) string {
	if org := z.child(a, "organization"); org != nil {
		id := text(firstChild(org, nsELM, "registration"))
		name := texts(firstChild(org, nsELM, "prefLabel")).String()
		covers := func(p *credential.Party) bool {
			return p != nil && ((id != "" && p.ID == id) || (name != "" && p.Name.String() == name))
		}
		if !covers(&c.Issuer) && !covers(c.AwardingBody) {
			return fmt.Sprintf("it accredits %s, not the issuer or awarding body", name)
		}
	}
	if exp, err := parseDateTime(text(firstChild(a, nsELM, "expiryDate"))); err == nil && !c.Issued.IsZero() && c.Issued.After(exp) {
		return fmt.Sprintf("it expired on %s, before the credential was issued", exp.Format("2 January 2006"))
	}
	return ""
}
