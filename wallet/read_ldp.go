package wallet

import (
	"context"
	"encoding/json"
	"errors"
	"strings"

	"github.com/gowebpki/jcs"

	"github.com/satchel-wallet/satchel/wallet/credential"
	"github.com/satchel-wallet/satchel/wallet/did"
	"github.com/satchel-wallet/satchel/wallet/jsonld"
	"github.com/satchel-wallet/satchel/wallet/ldp"
	"github.com/satchel-wallet/satchel/wallet/vc"
)

// readLDP reads a W3C VC in JSON-LD: Open Badges 3.0, CLR 2.0, or any VC.
func (c *Checker) readLDP(ctx context.Context, doc map[string]any, data []byte) (*credential.Reading, error) {
	cred, subjects := vc.Normalise(doc)
	cred.Format = credential.FormatVCLDP
	cred.MediaType = "application/ld+json"
	if strings.Contains(cred.Profile, "VC 2.0") {
		cred.MediaType = "application/vc+ld+json"
	}
	r := &credential.Reading{Credential: cred, Subjects: subjects, Status: statusEntries(doc)}
	r.Identity = proofIdentity(doc)
	format, proof := c.checkLDPProof(ctx, doc, cred.Profile, cred.Issuer.ID, ldp.Options{Purpose: ldp.PurposeAssertion})
	if missing := missingMembers(doc); missing != "" && format.Status == credential.OK {
		format = credential.NewCheck(credential.CheckFormat, credential.Failed, "format.missing", map[string]string{"Member": missing}, "the VC data model requires "+missing)
		if proof.Status == credential.OK {
			proof = credential.NewCheck(credential.CheckProof, credential.Failed, "proof.issuer-mismatch", map[string]string{"Signer": proof.Args["Signer"], "Issuer": "nobody"}, "the credential names no issuer")
		}
	}
	r.Checks = append(r.Checks, format, proof)
	if proof.Status == credential.OK {
		r.Signer = cred.Issuer.ID
	}
	return r, nil
}

// checkLDPProof verifies the Data Integrity proofs of doc and returns the
// format and proof checks. For a credential, issuer is the id the proof's
// key must belong to.
func (c *Checker) checkLDPProof(ctx context.Context, doc map[string]any, profile, issuer string, opts ldp.Options) (format, proof credential.Check) {
	format = credential.NewCheck(credential.CheckFormat, credential.OK, "format.ok", map[string]string{"Profile": profile}, "")
	if doc["proof"] == nil {
		return format, credential.NewCheck(credential.CheckProof, credential.Failed, "proof.none", nil, "no proof member")
	}
	results, err := c.ldp.Verify(ctx, doc, opts)
	if err != nil {
		// A proof set in which the issuer's own proof verifies stands, even
		// when another proof is of a kind Satchel cannot check; that one
		// is named in the detail.
		if ok, other := issuerProof(results, issuer); ok != nil {
			results, err = []ldp.Result{*ok}, nil
			defer func() { proof.Detail += "; not checked: " + other }()
		}
	}
	var ctxErr *jsonld.ContextError
	switch {
	case errors.As(err, &ctxErr):
		format = credential.NewCheck(credential.CheckFormat, credential.Failed, "format.unknown-context", map[string]string{"URL": ctxErr.URL}, err.Error())
		return format, credential.NewCheck(credential.CheckProof, credential.Skipped, "proof.not-checked", map[string]string{"Reason": "Satchel cannot read the credential without its vocabulary"}, "not checked: the document could not be processed")
	case errors.Is(err, jsonld.ErrUnsafe), errors.Is(err, jsonld.ErrInvalid), errors.Is(err, jsonld.ErrTooManyContexts):
		format = credential.NewCheck(credential.CheckFormat, credential.Failed, "format.unsafe", map[string]string{"Problem": shortErr(err)}, err.Error())
		return format, credential.NewCheck(credential.CheckProof, credential.Failed, "proof.failed", nil, "not checked: the document could not be processed safely")
	case errors.Is(err, ldp.ErrKeyNotResolved):
		vm := firstVerificationMethod(results)
		if errors.Is(err, did.ErrNeedsNetwork) {
			return format, credential.NewCheck(credential.CheckProof, credential.Skipped, "proof.needs-network", map[string]string{"Key": vm}, err.Error())
		}
		return format, credential.NewCheck(credential.CheckProof, credential.Failed, "proof.key-not-found", map[string]string{"Key": vm}, err.Error())
	case errors.Is(err, ldp.ErrUnsupportedSuite):
		return format, credential.NewCheck(credential.CheckProof, credential.Skipped, "proof.unsupported", map[string]string{"Method": suiteOf(results)}, err.Error())
	case err != nil:
		return format, credential.NewCheck(credential.CheckProof, credential.Failed, "proof.failed", nil, err.Error())
	}
	res := results[0]
	signer := res.Controller
	if issuer != "" && signer != issuer {
		return format, credential.NewCheck(credential.CheckProof, credential.Failed, "proof.issuer-mismatch", map[string]string{"Signer": signer, "Issuer": issuer},
			"the proof's key "+res.VerificationMethod+" is controlled by "+signer)
	}
	detail := res.Cryptosuite + " with " + res.VerificationMethod
	if res.Created.IsZero() {
		return format, credential.NewCheck(credential.CheckProof, credential.OK, "proof.ok", map[string]string{"Signer": signer}, detail)
	}
	return format, credential.NewCheck(credential.CheckProof, credential.OK, "proof.ok-at", map[string]string{"Signer": signer, "Date": day(res.Created)}, detail)
}

// missingMembers names a member every credential of its data model must
// have and doc lacks, or returns "".
func missingMembers(doc map[string]any) string {
	switch {
	case doc["issuer"] == nil:
		return "issuer"
	case doc["credentialSubject"] == nil:
		return "credentialSubject"
	}
	for _, c := range asList(doc["@context"]) {
		if c == "https://www.w3.org/2018/credentials/v1" && doc["issuanceDate"] == nil {
			return "issuanceDate"
		}
	}
	return ""
}

// issuerProof returns the first verified proof whose key belongs to issuer
// when every other proof failed only for want of support, and names those.
func issuerProof(rs []ldp.Result, issuer string) (*ldp.Result, string) {
	var ok *ldp.Result
	var others []string
	for i := range rs {
		switch {
		case rs[i].Verified() && (issuer == "" || rs[i].Controller == issuer) && ok == nil:
			ok = &rs[i]
		case errors.Is(rs[i].Err, ldp.ErrUnsupportedSuite):
			others = append(others, rs[i].Type+" "+rs[i].Cryptosuite)
		case rs[i].Verified():
		default:
			return nil, "" // a proof that fails outright is never outweighed
		}
	}
	return ok, strings.Join(others, ", ")
}

func firstVerificationMethod(rs []ldp.Result) string {
	for _, r := range rs {
		if r.VerificationMethod != "" {
			return r.VerificationMethod
		}
	}
	return "the verification method"
}

func suiteOf(rs []ldp.Result) string {
	for _, r := range rs {
		if r.Cryptosuite != "" {
			return r.Cryptosuite
		}
	}
	return "an unknown proof type"
}

// proofIdentity is what identifies a JSON-LD credential: its proof values
// when signed, its canonical JSON otherwise.
func proofIdentity(doc map[string]any) []byte {
	var sigs []string
	for _, p := range asList(doc["proof"]) {
		if m, ok := p.(map[string]any); ok {
			if v, ok := m["proofValue"].(string); ok {
				sigs = append(sigs, v)
			} else if v, ok := m["jws"].(string); ok {
				sigs = append(sigs, v)
			}
		}
	}
	if len(sigs) > 0 {
		return []byte(strings.Join(sigs, "\n"))
	}
	return canonicalJSON(doc)
}

// canonicalJSON returns the JCS (RFC 8785) form of v, or its plain JSON if
// that fails.
func canonicalJSON(v any) []byte {
	b, _ := json.Marshal(v)
	if c, err := jcs.Transform(b); err == nil {
		return c
	}
	return b
}

func asList(v any) []any {
	switch t := v.(type) {
	case nil:
		return nil
	case []any:
		return t
	}
	return []any{v}
}

// shortErr keeps the last, most specific part of a wrapped error.
func shortErr(err error) string {
	s := err.Error()
	if i := strings.LastIndex(s, ": "); i >= 0 && i+2 < len(s) {
		return s[i+2:]
	}
	return s
}
