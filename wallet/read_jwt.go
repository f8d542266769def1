package wallet

import (
	"context"
	"encoding/json"
	"errors"

	"github.com/satchel-wallet/satchel/wallet/credential"
	"github.com/satchel-wallet/satchel/wallet/did"
	"github.com/satchel-wallet/satchel/wallet/jose"
	"github.com/satchel-wallet/satchel/wallet/vc"
)

// readJWT reads a compact JWS: a VC-JWT, a VP-JWT, or a signed Open Badges
// 2.0 assertion.
func (c *Checker) readJWT(ctx context.Context, s string) (*credential.Reading, error) {
	lim := jose.Limits{MaxBytes: c.maxBytes()}
	cred, err := jose.ParseCredential([]byte(s), lim)
	if errors.Is(err, jose.ErrNotCredential) {
		if p, perr := jose.ParsePresentation([]byte(s), lim); perr == nil {
			return c.readJWTPresentation(ctx, p)
		}
		if isOB2Token(s, lim) {
			return c.readOB2(ctx, []byte(s))
		}
	}
	if err != nil {
		return nil, joseReject(err, "VC-JWT")
	}
	var doc map[string]any
	if err := json.Unmarshal(cred.JSON, &doc); err != nil {
		return nil, reject("format.malformed", map[string]string{"Profile": "VC-JWT", "Problem": err.Error()}, err.Error())
	}
	norm, subjects := vc.Normalise(doc)
	norm.Format = credential.FormatVCJWT
	norm.MediaType = "application/jwt"
	norm.Profile += " as a JWT"
	if cred.Format == jose.FormatVC20 {
		norm.MediaType = "application/vc+jwt"
	}
	if len(subjects) == 0 && cred.Subject != "" {
		subjects = []string{cred.Subject}
	}
	r := &credential.Reading{Credential: norm, Subjects: subjects, Identity: cred.JWS.Signature, Status: statusEntries(doc)}
	r.Checks = append(r.Checks, credential.NewCheck(credential.CheckFormat, credential.OK, "format.ok", map[string]string{"Profile": norm.Profile}, cred.JWS.Header.Alg))
	proof := joseProof(cred.Verify(ctx, c.didResolver()), cred.Key, cred.Issuer)
	if proof.Status == credential.OK {
		r.Signer = cred.Key.Controller
	}
	r.Checks = append(r.Checks, proof)
	return r, nil
}

// readJWTPresentation reads a VP-JWT: its holder signature is checked (any
// nonce and audience), and the credentials inside are handed back.
func (c *Checker) readJWTPresentation(ctx context.Context, p *jose.Presentation) (*credential.Reading, error) {
	cred := credential.Credential{
		Format:  credential.FormatVCJWT,
		Profile: "Verifiable Presentation as a JWT",
		Types:   []string{"VerifiablePresentation"},
		Learner: credential.Learner{ID: p.Holder},
		Title:   credential.Plain("Presentation"),
	}
	r := &credential.Reading{Credential: cred, Identity: p.JWS.Signature}
	r.Checks = append(r.Checks, credential.NewCheck(credential.CheckFormat, credential.OK, "format.ok", map[string]string{"Profile": cred.Profile}, p.JWS.Header.Alg))
	r.Checks = append(r.Checks, joseProof(p.Verify(ctx, c.didResolver(), jose.Expect{}), p.Key, p.Holder))
	for _, e := range p.Credentials {
		if e.Compact != "" {
			r.Embedded = append(r.Embedded, []byte(e.Compact))
		} else if len(e.JSON) > 0 {
			r.Embedded = append(r.Embedded, e.JSON)
		}
	}
	return r, nil
}

// joseProof turns the outcome of a JOSE signature check into the proof
// check. A key that came from the token itself proves integrity only.
func joseProof(err error, key *jose.KeyInfo, issuer string) credential.Check {
	switch {
	case err == nil && key != nil && key.Source == jose.KeyEmbedded:
		return credential.NewCheck(credential.CheckProof, credential.Warning, "proof.embedded-key", nil, key.Alg+" with a key in the token header")
	case err == nil && key != nil:
		return credential.NewCheck(credential.CheckProof, credential.OK, "proof.ok", map[string]string{"Signer": key.Controller}, key.Alg+" with "+key.ID)
	case errors.Is(err, did.ErrNeedsNetwork):
		return credential.NewCheck(credential.CheckProof, credential.Skipped, "proof.needs-network", map[string]string{"Key": issuer}, err.Error())
	case errors.Is(err, jose.ErrIssuerMismatch):
		return credential.NewCheck(credential.CheckProof, credential.Failed, "proof.issuer-mismatch", map[string]string{"Signer": "another key", "Issuer": issuer}, err.Error())
	case errors.Is(err, jose.ErrNoKey), errors.Is(err, did.ErrKeyNotFound), errors.Is(err, did.ErrUnsupportedMethod):
		return credential.NewCheck(credential.CheckProof, credential.Failed, "proof.key-not-found", map[string]string{"Key": issuer}, err.Error())
	case err != nil:
		return credential.NewCheck(credential.CheckProof, credential.Failed, "proof.failed", nil, err.Error())
	}
	return credential.NewCheck(credential.CheckProof, credential.Failed, "proof.failed", nil, "no key information")
}

// joseReject explains why a token could not be read at all.
func joseReject(err error, profile string) error {
	if errors.Is(err, jose.ErrTooLarge) {
		return reject("format.too-deep", map[string]string{"Limit": "100"}, err.Error())
	}
	return reject("format.malformed", map[string]string{"Profile": profile, "Problem": shortErr(err)}, err.Error())
}

// isOB2Token reports whether a compact JWS carries an Open Badges 2.0
// assertion.
func isOB2Token(s string, lim jose.Limits) bool {
	j, err := jose.ParseCompact(s, lim)
	if err != nil {
		return false
	}
	var doc map[string]any
	if json.Unmarshal(j.Payload, &doc) != nil {
		return false
	}
	return isOB2(doc)
}
