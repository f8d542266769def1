package share

import (
	"encoding/json"
	"fmt"
	"maps"

	"github.com/satchel-wallet/satchel/wallet"
	"github.com/satchel-wallet/satchel/wallet/jose"
)

// presentJWT signs a VP-JWT: VC 1.1 (a "vp" claim) or VC 2.0 JOSE. Tokens
// go in as they are, JSON-LD credentials as objects (their original JSON,
// compacted); the summary is a claim beside the presentation in VC 1.1 and
// a member of the presentation, its terms defined inline, in VC 2.0.
func presentJWT(s wallet.Signer, creds []*prepared, opts Options, rec *Record) ([]byte, error) {
	vcs := make([]jose.VPCredential, len(creds))
	for i, c := range creds {
		if c.doc != nil {
			vcs[i] = jose.VPCredential{JSON: json.RawMessage(c.raw)}
		} else {
			vcs[i] = jose.VPCredential{Compact: string(c.raw)}
		}
	}
	po := jose.PresentationOptions{
		Audience: opts.Domain,
		Nonce:    opts.Challenge,
		ID:       rec.ID,
		IssuedAt: rec.Created,
		Lifetime: rec.Expires.Sub(rec.Created),
	}
	if opts.Summary != nil {
		po.Extra = map[string]any{summaryMember: opts.Summary}
		if opts.Format == FormatVPJWTV2 {
			po.Context = []any{maps.Clone(summaryContext)}
		}
		rec.Summary = opts.Summary
	}
	sign := jose.SignPresentation
	if opts.Format == FormatVPJWTV2 {
		sign = jose.SignPresentationV2
	}
	tok, err := sign(s, vcs, po)
	if err != nil {
		return nil, fmt.Errorf("sign %s: %w", opts.Format, err)
	}
	return []byte(tok), nil
}
