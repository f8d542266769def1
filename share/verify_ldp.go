package share

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"strings"

	"github.com/satchel-wallet/satchel/wallet/credential"
	"github.com/satchel-wallet/satchel/wallet/did"
	"github.com/satchel-wallet/satchel/wallet/jose"
	"github.com/satchel-wallet/satchel/wallet/jsonld"
	"github.com/satchel-wallet/satchel/wallet/ldp"
)

// readLDP reads a JSON-LD presentation and checks its Data Integrity
// proofs for authentication. Every proof must verify and be made by the
// holder the presentation names: a proof by another key next to the
// victim's DID in "holder" proves nothing (some libraries accept it).
func readLDP(ctx context.Context, in []byte, limit int, keys *did.Resolver) (*reading, *rejection) {
	doc, err := jsonld.ParseObject(in, limit)
	if err != nil {
		return nil, malformed("JSON document", err)
	}
	if !hasType(doc, "VerifiablePresentation") {
		return nil, notPresentation("a JSON document that is not a Verifiable Presentation (a credential?)")
	}
	rd := &reading{format: FormatLDP, holder: idOf(doc["holder"]), id: idOf(doc["id"])}
	profile := "Verifiable Presentation (VC 2.0) with a Data Integrity proof"
	if firstContext(doc) == jose.ContextV1 {
		profile = "Verifiable Presentation (VC 1.1) with a Linked Data proof"
	}
	rd.formatCheck = credential.NewCheck(credential.CheckFormat, credential.OK, "format.ok", map[string]string{"Profile": profile}, "")
	v := &ldp.Verifier{Resolver: ldpKeys{keys}}
	results, err := v.Verify(ctx, doc, ldp.Options{Purpose: ldp.PurposeAuthentication})
	rd.formatCheck, rd.proof = ldpProof(rd.formatCheck, results, err, rd.holder)
	if rd.holder == "" && err == nil {
		rd.holder = results[0].Controller
	}
	if rd.proof.Status != credential.OK {
		rd.unchecked = "the holder's proof, which covers them, did not verify"
	} else {
		p := results[0]
		rd.challenge, rd.audience, rd.from, rd.till = p.Challenge, p.Domain, p.Created, p.Expires
	}
	var m map[string]json.RawMessage
	if json.Unmarshal(in, &m) == nil {
		rd.summary = readSummary(m[summaryMember])
		rd.embedded = embeddedJSON(m["verifiableCredential"])
	}
	return rd, nil
}

// ldpProof turns the outcome of the proof check into the format and proof
// checks.
func ldpProof(format credential.Check, results []ldp.Result, err error, holder string) (credential.Check, credential.Check) {
	var ctxErr *jsonld.ContextError
	fail := func(code string, args map[string]string) credential.Check {
		return credential.NewCheck(credential.CheckProof, credential.Failed, code, args, err.Error())
	}
	switch {
	case errors.As(err, &ctxErr):
		return credential.NewCheck(credential.CheckFormat, credential.Failed, "format.unknown-context", map[string]string{"URL": ctxErr.URL}, err.Error()),
			credential.NewCheck(credential.CheckProof, credential.Skipped, "vp.unchecked", map[string]string{"Reason": "Satchel cannot read the presentation without its vocabulary"}, err.Error())
	case errors.Is(err, jsonld.ErrUnsafe), errors.Is(err, jsonld.ErrInvalid), errors.Is(err, jsonld.ErrTooManyContexts):
		return credential.NewCheck(credential.CheckFormat, credential.Failed, "format.unsafe", map[string]string{"Problem": short(err.Error())}, err.Error()), fail("vp.proof-failed", nil)
	case errors.Is(err, ldp.ErrNoProof):
		return format, fail("vp.proof-none", nil)
	case errors.Is(err, did.ErrNeedsNetwork):
		return format, credential.NewCheck(credential.CheckProof, credential.Skipped, "vp.proof-needs-network", map[string]string{"Key": method(results)}, err.Error())
	case errors.Is(err, ldp.ErrKeyNotResolved):
		return format, fail("vp.proof-key-not-found", map[string]string{"Key": method(results)})
	case errors.Is(err, ldp.ErrUnsupportedSuite):
		return format, credential.NewCheck(credential.CheckProof, credential.Skipped, "vp.proof-unsupported", map[string]string{"Method": suite(results)}, err.Error())
	case err != nil:
		return format, fail("vp.proof-failed", nil)
	}
	for _, r := range results {
		if holder != "" && r.Controller != holder {
			return format, credential.NewCheck(credential.CheckProof, credential.Failed, "vp.proof-not-holder", map[string]string{"Signer": r.Controller, "Holder": holder},
				"proof "+r.VerificationMethod+" is controlled by "+r.Controller)
		}
	}
	who := holder
	if who == "" {
		who = results[0].Controller
	}
	return format, credential.NewCheck(credential.CheckProof, credential.OK, "vp.proof-ok", map[string]string{"Holder": who}, results[0].Cryptosuite+" with "+results[0].VerificationMethod)
}

// ldpKeys resolves verification methods with a DID resolver that goes
// online only when allowed.
type ldpKeys struct{ r *did.Resolver }

func (k ldpKeys) ResolveKey(ctx context.Context, vm string) (*ldp.Key, error) {
	dk, err := k.r.ResolveMethod(ctx, vm, "")
	if err != nil {
		return nil, errors.Join(ldp.ErrKeyNotResolved, err)
	}
	return &ldp.Key{ID: dk.ID, Controller: dk.Controller, PublicKey: dk.Key, Purposes: dk.Purposes}, nil
}

// embeddedJSON returns the credentials of a JSON-LD presentation as the
// presentation holds them: objects as their JSON text, tokens (a string,
// or an EnvelopedVerifiableCredential with a data: URL) as the token.
func embeddedJSON(raw json.RawMessage) [][]byte {
	var list []json.RawMessage
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || bytes.Equal(raw, []byte("null")) {
		return nil
	}
	if raw[0] != '[' {
		list = []json.RawMessage{raw}
	} else if json.Unmarshal(raw, &list) != nil {
		return nil
	}
	out := make([][]byte, 0, len(list))
	for _, e := range list {
		var s string
		if json.Unmarshal(e, &s) == nil {
			out = append(out, []byte(s))
			continue
		}
		var env struct {
			Type any    `json:"type"`
			ID   string `json:"id"`
		}
		if json.Unmarshal(e, &env) == nil && hasType(map[string]any{"type": env.Type}, "EnvelopedVerifiableCredential") {
			if _, tok, ok := strings.Cut(env.ID, ","); ok && strings.HasPrefix(env.ID, "data:application/") {
				out = append(out, []byte(tok))
				continue
			}
		}
		out = append(out, e)
	}
	return out
}

func hasType(doc map[string]any, want string) bool {
	switch t := doc["type"].(type) {
	case string:
		return t == want
	case []any:
		for _, e := range t {
			if e == want {
				return true
			}
		}
	}
	return false
}

func idOf(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case map[string]any:
		s, _ := x["id"].(string)
		return s
	}
	return ""
}

func method(rs []ldp.Result) string {
	for _, r := range rs {
		if r.VerificationMethod != "" {
			return r.VerificationMethod
		}
	}
	return "the verification method"
}

func suite(rs []ldp.Result) string {
	for _, r := range rs {
		if r.Cryptosuite != "" {
			return r.Cryptosuite
		}
	}
	return "an unknown proof type"
}
