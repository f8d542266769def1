package wallet

import (
	"context"
	"encoding/json"

	"github.com/satchel-wallet/satchel/wallet/credential"
	"github.com/satchel-wallet/satchel/wallet/ldp"
)

// readLDPPresentation reads a JSON-LD Verifiable Presentation: its proof
// (the holder's, for authentication) is checked, and the credentials it
// carries are handed back to be read in their own right. No challenge is
// known at import, so any challenge is accepted here; package share checks
// a verifier's own challenge.
func (c *Checker) readLDPPresentation(ctx context.Context, doc map[string]any, data []byte) (*credential.Reading, error) {
	holder, _ := doc["holder"].(string)
	if m, ok := doc["holder"].(map[string]any); ok {
		holder, _ = m["id"].(string)
	}
	cred := credential.Credential{
		Format:   credential.FormatVCLDP,
		Profile:  "Verifiable Presentation",
		Types:    typesOf(doc),
		Learner:  credential.Learner{ID: holder},
		Title:    credential.Plain("Presentation"),
		SourceID: str(doc["id"]),
	}
	r := &credential.Reading{Credential: cred, Identity: proofIdentity(doc)}
	format, proof := c.checkLDPProof(ctx, doc, "Verifiable Presentation", holder, ldp.Options{Purpose: ldp.PurposeAuthentication})
	r.Checks = append(r.Checks, format, proof)
	for _, e := range asList(doc["verifiableCredential"]) {
		switch v := e.(type) {
		case string:
			r.Embedded = append(r.Embedded, []byte(v))
		case map[string]any:
			b, err := json.Marshal(v)
			if err == nil {
				r.Embedded = append(r.Embedded, b)
			}
		}
	}
	return r, nil
}

func typesOf(doc map[string]any) []string {
	var out []string
	for _, t := range asList(doc["type"]) {
		if s, ok := t.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

func str(v any) string {
	s, _ := v.(string)
	return s
}
