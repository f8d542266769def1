package europass

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/satchel-wallet/satchel/wallet/credential"
	"github.com/satchel-wallet/satchel/wallet/sdjwt"
	"github.com/satchel-wallet/satchel/wallet/vc"
)

// disclosedOnly returns the normalised view of an SD-JWT VC as a verifier
// would see it with only the chosen disclosures: the issuer-signed claims
// and the named disclosable claims (with the disclosures they sit in),
// nothing else. The wallet's own view holds every disclosure, so the
// export cannot start from it. disclose names claims as share.Options
// does: a claim name ("grade") or a JSON Pointer ("/grade"). It returns
// the pointers of what was disclosed too. A view without disclosures is
// returned as it is.
func disclosedOnly(c *credential.Credential, original []byte, disclose []string) (*credential.Credential, []string, error) {
	if len(c.Disclosures) == 0 && len(disclose) == 0 {
		// The view holds nothing selectively disclosable: the SD-JWT has
		// no disclosures, or the wallet dropped them because they did not
		// match what the issuer signed.
		return c, nil, nil
	}
	if len(original) == 0 {
		return nil, nil, fmt.Errorf("europass: an SD-JWT VC is exported with the claims the learner discloses only: %w", ErrNoOriginal)
	}
	tok, err := sdjwt.Parse(strings.TrimSpace(string(original)), sdjwt.Limits{})
	if err != nil {
		return nil, nil, fmt.Errorf("europass: read the SD-JWT VC: %w: %w", ErrMismatch, err)
	}
	pointers := make([]string, 0, len(disclose))
	for _, d := range disclose {
		if d = strings.TrimSpace(d); d == "" {
			continue
		}
		if !strings.HasPrefix(d, "/") {
			d = "/" + strings.NewReplacer("~", "~0", "/", "~1").Replace(d)
		}
		pointers = append(pointers, d)
	}
	var digests []string
	if len(pointers) > 0 {
		if digests, err = tok.Select(pointers...); err != nil {
			if errors.Is(err, sdjwt.ErrNotDisclosable) {
				return nil, nil, fmt.Errorf("europass: %w: %w", ErrNotDisclosable, err)
			}
			return nil, nil, fmt.Errorf("europass: select disclosures: %w", err)
		}
	}
	reduced, err := tok.Disclose(digests)
	if err != nil {
		return nil, nil, fmt.Errorf("europass: select disclosures: %w", err)
	}
	rtok, err := sdjwt.Parse(reduced, sdjwt.Limits{})
	if err != nil {
		return nil, nil, fmt.Errorf("europass: read the disclosed SD-JWT VC: %w", err)
	}
	var claims map[string]any
	if err := json.Unmarshal(rtok.Payload, &claims); err != nil {
		return nil, nil, fmt.Errorf("europass: read the disclosed claims: %w", err)
	}
	// The same mapping as the wallet's SD-JWT reader: a W3C credential
	// payload as a VC, flat claims by the SD-JWT VC claim names.
	var norm credential.Credential
	if _, w3c := claims["@context"]; w3c {
		norm, _ = vc.Normalise(claims)
		norm.Profile += " as an SD-JWT"
	} else {
		norm, _ = vc.FromSDJWTClaims(claims)
	}
	norm.ID, norm.Format, norm.MediaType = c.ID, c.Format, c.MediaType
	norm.Added, norm.Tags, norm.Verification = c.Added, c.Tags, c.Verification
	var paths []string
	for _, d := range rtok.Disclosures {
		paths = append(paths, d.Pointer)
	}
	return &norm, paths, nil
}
