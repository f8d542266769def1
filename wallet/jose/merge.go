package jose

import (
	"fmt"
	"time"
)

// mergeVC11 puts the JWT claims of a VC 1.1 VC-JWT back into the
// credential in its "vc" claim, as VC Data Model 1.1 §6.3.1 describes and
// did-jwt-vc does when it normalises a credential:
//
//   - iss becomes issuer (issuer.id when the issuer is an object);
//   - nbf becomes issuanceDate (validFrom when the credential uses the
//     VC 2.0 context), iat standing in when there is no nbf;
//   - exp becomes expirationDate (validUntil for VC 2.0);
//   - sub becomes credentialSubject.id;
//   - jti becomes id.
//
// A property the credential already has is kept when the claim says the
// same (dates: to the second) and is a [ErrClaimConflict] otherwise.
func mergeVC11(cl Claims, vc map[string]any) error {
	if cl.Issuer != "" {
		switch iss := vc["issuer"].(type) {
		case nil:
			vc["issuer"] = cl.Issuer
		case string:
			if iss != cl.Issuer {
				return conflict("iss", cl.Issuer, "issuer", iss)
			}
		case map[string]any:
			if err := setID(iss, cl.Issuer, "iss", "issuer.id"); err != nil {
				return err
			}
		default:
			return fmt.Errorf("issuer is neither a string nor an object: %w", ErrMalformed)
		}
	}
	from, until := "issuanceDate", "expirationDate"
	if firstContext(vc) == ContextV2 {
		from, until = "validFrom", "validUntil"
	}
	if cl.NotBefore != nil {
		if err := setDate(vc, from, cl.NotBefore, "nbf"); err != nil {
			return err
		}
	} else if cl.IssuedAt != nil && vc[from] == nil {
		// iat only fills a gap: when the signing time and the issuance
		// date differ, both are right.
		vc[from] = formatDate(*cl.IssuedAt)
	}
	if err := setDate(vc, until, cl.Expiry, "exp"); err != nil {
		return err
	}
	if cl.Subject != "" {
		switch s := vc["credentialSubject"].(type) {
		case nil:
			vc["credentialSubject"] = map[string]any{"id": cl.Subject}
		case map[string]any:
			if err := setID(s, cl.Subject, "sub", "credentialSubject.id"); err != nil {
				return err
			}
		case []any:
			// sub names one subject; with several, it cannot say which.
			if len(s) == 1 {
				if m, ok := s[0].(map[string]any); ok {
					if err := setID(m, cl.Subject, "sub", "credentialSubject.id"); err != nil {
						return err
					}
				}
			}
		default:
			return fmt.Errorf("credentialSubject is neither an object nor an array: %w", ErrMalformed)
		}
	}
	if cl.ID != "" {
		if err := setID(vc, cl.ID, "jti", "id"); err != nil {
			return err
		}
	}
	return nil
}

// setID sets m["id"] to v, or checks that it already is v.
func setID(m map[string]any, v, claim, prop string) error {
	switch cur := m["id"].(type) {
	case nil:
		m["id"] = v
	case string:
		if cur != v {
			return conflict(claim, v, prop, cur)
		}
	default:
		return fmt.Errorf("%s is not a string: %w", prop, ErrMalformed)
	}
	return nil
}

// setDate sets a date property from a claim, or checks that the property
// already says the same to the second.
func setDate(vc map[string]any, prop string, t *time.Time, claim string) error {
	if t == nil {
		return nil
	}
	cur, err := dateTime(vc[prop], prop)
	if err != nil {
		return err
	}
	if cur == nil {
		vc[prop] = formatDate(*t)
		return nil
	}
	if d := cur.Sub(*t); d <= -time.Second || d >= time.Second {
		return conflict(claim, formatDate(*t), prop, formatDate(*cur))
	}
	return nil
}

func conflict(claim, claimed, prop, value string) error {
	return fmt.Errorf("%s %q but %s %q: %w", claim, short(claimed), prop, short(value), ErrClaimConflict)
}

// firstContext returns the first @context entry when it is a string.
func firstContext(m map[string]any) string {
	switch c := m["@context"].(type) {
	case string:
		return c
	case []any:
		if len(c) > 0 {
			s, _ := c[0].(string)
			return s
		}
	}
	return ""
}
