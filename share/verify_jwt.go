package share

import (
	"context"
	"encoding/json"
	"errors"

	"github.com/satchel-wallet/satchel/wallet/credential"
	"github.com/satchel-wallet/satchel/wallet/did"
	"github.com/satchel-wallet/satchel/wallet/jose"
)

// readJWT reads a VP-JWT and checks the holder's signature: the key must
// be the holder's (iss), found from kid or the holder's DID, never from
// the token's own header.
func readJWT(ctx context.Context, in []byte, limit int, keys jose.KeyResolver) (*reading, *rejection) {
	p, err := jose.ParsePresentation(in, jose.Limits{MaxBytes: limit})
	switch {
	case errors.Is(err, jose.ErrNotPresentation):
		return nil, notPresentation("a JWT that is not a presentation (a VC-JWT?)")
	case err != nil:
		return nil, malformed("VP-JWT", err)
	}
	rd := &reading{format: FormatVPJWT, holder: p.Holder, id: p.Claims.ID, audience: p.Claims.Audience}
	profile := "Verifiable Presentation as a JWT (VC 1.1)"
	if p.Format == jose.FormatVC20 {
		rd.format, profile = FormatVPJWTV2, "Verifiable Presentation secured with JOSE (VC 2.0)"
	}
	rd.formatCheck = credential.NewCheck(credential.CheckFormat, credential.OK, "format.ok", map[string]string{"Profile": profile}, p.JWS.Header.Alg)
	rd.proof = jwtProof(p.Verify(ctx, keys, jose.Expect{}), p)
	if rd.proof.Status != credential.OK {
		rd.unchecked = "the holder's signature, which covers them, did not verify"
	}
	rd.challenge = p.Claims.Nonce
	if p.Validity.From != nil {
		rd.from = *p.Validity.From
	}
	if p.Validity.Until != nil {
		rd.till = *p.Validity.Until
	}
	var payload map[string]json.RawMessage
	if json.Unmarshal(p.JWS.Payload, &payload) == nil {
		if rd.id == "" {
			_ = json.Unmarshal(payload["id"], &rd.id)
		}
		rd.summary = readSummary(payload[summaryMember])
	}
	for _, c := range p.Credentials {
		if c.Compact != "" {
			rd.embedded = append(rd.embedded, []byte(c.Compact))
		} else {
			rd.embedded = append(rd.embedded, c.JSON)
		}
	}
	return rd, nil
}

// jwtProof turns the outcome of the holder signature check into the proof
// check.
func jwtProof(err error, p *jose.Presentation) credential.Check {
	holder := map[string]string{"Holder": p.Holder}
	switch {
	case err == nil:
		return credential.NewCheck(credential.CheckProof, credential.OK, "vp.proof-ok", holder, p.Key.Alg+" with "+p.Key.ID)
	case errors.Is(err, did.ErrNeedsNetwork):
		return credential.NewCheck(credential.CheckProof, credential.Skipped, "vp.proof-needs-network", map[string]string{"Key": p.Holder}, err.Error())
	case errors.Is(err, jose.ErrIssuerMismatch):
		return credential.NewCheck(credential.CheckProof, credential.Failed, "vp.proof-not-holder", map[string]string{"Signer": "another key", "Holder": p.Holder}, err.Error())
	case errors.Is(err, jose.ErrNoKey), errors.Is(err, did.ErrKeyNotFound), errors.Is(err, did.ErrUnsupportedMethod), errors.Is(err, did.ErrMalformed):
		return credential.NewCheck(credential.CheckProof, credential.Failed, "vp.proof-key-not-found", map[string]string{"Key": short(p.Holder)}, err.Error())
	}
	return credential.NewCheck(credential.CheckProof, credential.Failed, "vp.proof-failed", nil, err.Error())
}

// readSummary reads a stack summary; anything else reads as none.
func readSummary(raw json.RawMessage) *Summary {
	if len(raw) == 0 {
		return nil
	}
	var s Summary
	if json.Unmarshal(raw, &s) != nil {
		return nil
	}
	return &s
}
