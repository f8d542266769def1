package wallet

import (
	"context"
	"encoding/json"
	"errors"
	"strconv"
	"strings"

	"github.com/satchel-wallet/satchel/wallet/credential"
	"github.com/satchel-wallet/satchel/wallet/jose"
	"github.com/satchel-wallet/satchel/wallet/sdjwt"
	"github.com/satchel-wallet/satchel/wallet/vc"
)

// readSDJWT reads an SD-JWT VC: the issuer's signature and every disclosure
// digest are checked, and every disclosure is kept so that the learner can
// choose later what to reveal.
func (c *Checker) readSDJWT(ctx context.Context, s string) (*credential.Reading, error) {
	lim := sdjwt.Limits{MaxBytes: c.maxBytes()}
	tok, err := sdjwt.Parse(s, lim)
	switch {
	case errors.Is(err, sdjwt.ErrUnreferenced), errors.Is(err, sdjwt.ErrDuplicateDisclosure),
		errors.Is(err, sdjwt.ErrDuplicateDigest), errors.Is(err, sdjwt.ErrClaimClash):
		return c.readBrokenSDJWT(s, err)
	case err != nil:
		return nil, joseReject(err, "SD-JWT VC")
	}
	var claims map[string]any
	if err := json.Unmarshal(tok.Payload, &claims); err != nil {
		return nil, reject("format.malformed", map[string]string{"Profile": "SD-JWT VC", "Problem": err.Error()}, err.Error())
	}
	norm, subjects := sdjwtCredential(claims)
	for _, d := range tok.Disclosures {
		norm.Disclosures = append(norm.Disclosures, credential.Disclosure{Path: d.Pointer, Name: d.Name, Value: string(d.Value)})
	}
	r := &credential.Reading{Credential: norm, Subjects: subjects, HolderKey: tok.HolderKey, Identity: tok.JWS.Signature, Status: statusEntries(claims)}
	r.Checks = append(r.Checks, credential.NewCheck(credential.CheckFormat, credential.OK, "format.ok", map[string]string{"Profile": norm.Profile}, tok.JWS.Header.Alg))
	proof := joseProof(tok.VerifyIssuer(ctx, c.didResolver()), tok.Key, tok.Issuer)
	if proof.Status == credential.OK {
		proof = credential.NewCheck(credential.CheckProof, credential.OK, "proof.disclosures-ok",
			map[string]string{"Signer": tok.Key.Controller, "Count": strconv.Itoa(len(tok.Disclosures))}, proof.Detail)
		r.Signer = tok.Key.Controller
	}
	r.Checks = append(r.Checks, proof)
	return r, nil
}

// sdjwtCredential normalises the processed claims: a W3C credential
// payload as a VC, flat claims by the SD-JWT VC claim names.
func sdjwtCredential(claims map[string]any) (credential.Credential, []string) {
	var norm credential.Credential
	var subjects []string
	if _, w3c := claims["@context"]; w3c {
		norm, subjects = vc.Normalise(claims)
		norm.Profile += " as an SD-JWT"
	} else {
		norm, subjects = vc.FromSDJWTClaims(claims)
	}
	norm.Format = credential.FormatSDJWT
	norm.MediaType = "application/dc+sd-jwt"
	return norm, subjects
}

// readBrokenSDJWT reads an SD-JWT whose disclosures do not match what the
// issuer signed: it is shown as the issuer signed it, without the
// disclosures, and not verified.
func (c *Checker) readBrokenSDJWT(s string, cause error) (*credential.Reading, error) {
	issuerJWT, _, _ := strings.Cut(s, "~")
	j, err := jose.ParseCompact(issuerJWT, jose.Limits{MaxBytes: c.maxBytes()})
	if err != nil {
		return nil, joseReject(err, "SD-JWT VC")
	}
	var claims map[string]any
	if err := json.Unmarshal(j.Payload, &claims); err != nil {
		return nil, reject("format.malformed", map[string]string{"Profile": "SD-JWT VC", "Problem": err.Error()}, err.Error())
	}
	norm, subjects := sdjwtCredential(claims)
	r := &credential.Reading{Credential: norm, Subjects: subjects, Identity: j.Signature}
	r.Checks = append(r.Checks,
		credential.NewCheck(credential.CheckFormat, credential.OK, "format.ok", map[string]string{"Profile": norm.Profile}, j.Header.Alg),
		credential.NewCheck(credential.CheckProof, credential.Failed, "proof.disclosure-failed", map[string]string{"Problem": shortErr(cause)}, cause.Error()))
	return r, nil
}
