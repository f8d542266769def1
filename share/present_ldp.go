package share

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/json"
	"fmt"
	"maps"

	"github.com/satchel-wallet/satchel/wallet"
	"github.com/satchel-wallet/satchel/wallet/jose"
	"github.com/satchel-wallet/satchel/wallet/jsonld"
	"github.com/satchel-wallet/satchel/wallet/ldp"
)

// contextEd25519v2020 defines the Ed25519Signature2020 proof terms that a
// VC 1.1 presentation needs beside the VC 1.1 context.
const contextEd25519v2020 = "https://w3id.org/security/suites/ed25519-2020/v1"

// ldpVP is a JSON-LD presentation as Satchel writes it, members in a
// fixed order, the credentials as their original JSON.
type ldpVP struct {
	Context []any             `json:"@context"`
	Type    []string          `json:"type"`
	ID      string            `json:"id"`
	Holder  string            `json:"holder"`
	Summary json.RawMessage   `json:"stackSummary,omitempty"`
	VCs     []json.RawMessage `json:"verifiableCredential"`
	Proof   any               `json:"proof"`
}

// presentLDP signs a JSON-LD presentation with a Data Integrity proof for
// authentication: a VC 2.0 presentation of VC 2.0 credentials with
// eddsa-rdfc-2022 (ecdsa-rdfc-2019 for a P-256 holder), or a VC 1.1
// presentation of VC 1.1 credentials with Ed25519Signature2020, what
// verifiers of each version expect. The proof carries the challenge,
// domain and expiry.
func presentLDP(ctx context.Context, s wallet.Signer, creds []*prepared, opts Options, rec *Record) ([]byte, error) {
	version := creds[0].kind
	for _, c := range creds[1:] {
		if c.kind != version {
			return nil, &IncompatibleError{
				Credential: c.item.Credential.ID, Kind: string(c.kind), Format: FormatLDP,
				Reason: fmt.Sprintf("one JSON-LD presentation holds credentials of one VC version, and the first is %s; make two presentations", version),
			}
		}
	}
	vp := map[string]any{
		"type":   []any{"VerifiablePresentation"},
		"id":     rec.ID,
		"holder": s.DID(),
	}
	out := ldpVP{Type: []string{"VerifiablePresentation"}, ID: rec.ID, Holder: s.DID()}
	suite := "" // by key type: eddsa-rdfc-2022 or ecdsa-rdfc-2019
	if version == kindLDP11 {
		if _, ok := s.Public().(ed25519.PublicKey); !ok {
			return nil, fmt.Errorf("VC 1.1 presentations are signed with Ed25519Signature2020, and this profile's key is %s; present VC 2.0 credentials or use vp-jwt: %w", s.Algorithm(), ErrHolderKey)
		}
		suite = ldp.TypeEd25519Signature2020
		out.Context = []any{jose.ContextV1, contextEd25519v2020}
	} else {
		out.Context = []any{jose.ContextV2}
		if opts.Summary != nil {
			raw, doc, err := summaryJSON(opts.Summary)
			if err != nil {
				return nil, err
			}
			out.Summary, vp[summaryMember] = raw, doc
			out.Context = append(out.Context, maps.Clone(summaryContext))
			rec.Summary = opts.Summary
		}
	}
	vp["@context"] = out.Context
	docs := make([]any, len(creds))
	for i, c := range creds {
		docs[i] = c.doc
		out.VCs = append(out.VCs, c.raw)
	}
	vp["verifiableCredential"] = docs
	signer := &ldp.Signer{Message: s, VerificationMethod: s.KeyID()}
	signed, err := signer.Sign(ctx, vp, ldp.SignOptions{
		Cryptosuite: suite,
		Purpose:     ldp.PurposeAuthentication,
		Created:     rec.Created,
		Expires:     rec.Expires,
		Challenge:   opts.Challenge,
		Domain:      opts.Domain,
	})
	if err != nil {
		return nil, fmt.Errorf("sign JSON-LD presentation: %w", err)
	}
	out.Proof = signed["proof"]
	return marshal(out)
}

// summaryJSON returns the summary as JSON and as the JSON-LD processor
// reads that JSON, so that what is signed is what is written.
func summaryJSON(s *Summary) (json.RawMessage, any, error) {
	raw, err := marshal(s)
	if err != nil {
		return nil, nil, err
	}
	doc, err := jsonld.Parse(raw, 0)
	if err != nil {
		return nil, nil, fmt.Errorf("summary: %w", err)
	}
	return raw, doc, nil
}

// marshal writes JSON without escaping <, > and &, so that text stays as
// written.
func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	e := json.NewEncoder(&b)
	e.SetEscapeHTML(false)
	if err := e.Encode(v); err != nil {
		return nil, fmt.Errorf("encode presentation: %w", err)
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}
