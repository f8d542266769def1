package elm

import (
	"bytes"
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/gowebpki/jcs"

	"github.com/satchel-wallet/satchel/wallet/credential"
	"github.com/satchel-wallet/satchel/wallet/jsonld"
)

// Media types of what Read returns: a seal is a JWS JSON serialization
// (its header says typ "jose+json"); an unsealed EDC is a JSON-LD
// verifiable credential.
const (
	MediaTypeSealed   = "application/jose+json"
	MediaTypeUnsealed = "application/vc+ld+json"
)

// Options tune Read.
type Options struct {
	// Now is the time "now" for reporting whether the seal's certificate
	// has expired since sealing, and the time the certificate is judged
	// at when a seal states no signing time. Zero means time.Now(). The
	// certificate of a seal that states its signing time (sigT) is judged
	// at that time, not now.
	Now time.Time
	// MaxBytes is the input limit; zero means DefaultMaxBytes. The caller
	// enforces its own limit too.
	MaxBytes int
}

func (o Options) now() time.Time {
	if o.Now.IsZero() {
		return time.Now()
	}
	return o.Now
}

func (o Options) maxBytes() int {
	if o.MaxBytes <= 0 {
		return DefaultMaxBytes
	}
	return o.MaxBytes
}

// kind is what a JSON document is to this package.
type kind int

const (
	kindNone kind = iota
	kindCredential
	kindPresentation
)

// kindOf tells an EDC from an EDC presentation. A plain
// VerifiablePresentation counts only inside a JAdES seal (jades is true):
// that is how the EDC software seals presentations, and other JWS JSON
// presentations belong to other readers.
func kindOf(doc map[string]any, jades bool) kind {
	switch {
	case hasType(doc, "EuropeanDigitalCredential"):
		return kindCredential
	case hasType(doc, "EuropeanDigitalPresentation"), jades && hasType(doc, "VerifiablePresentation"):
		return kindPresentation
	}
	return kindNone
}

// isJAdES reports whether a signature's header has what JAdES adds to a
// JWS: a signing time, an unencoded payload, a detached-data reference, or
// the unsigned etsiU header.
func isJAdES(h *header, s jwsSig) bool {
	_, etsiU := s.header["etsiU"]
	return etsiU || h != nil && (!h.sigT.IsZero() || !h.b64 || h.sigD)
}

// Read verifies and normalises one EDC: a JAdES-sealed or unsealed
// EuropeanDigitalCredential, or a sealed presentation of EDCs (whose
// credentials are returned in Reading.Embedded, each as its own bytes).
//
// An error means the input is not an EDC at all ([ErrNotEDC]), is
// malformed beyond use ([ErrMalformed]), or breaks a limit ([ErrTooLarge],
// [ErrLimit]); the caller rejects it. Everything else, a broken seal
// included, is reported as checks in the reading.
func Read(ctx context.Context, data []byte, opts Options) (*credential.Reading, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	limit := opts.maxBytes()
	if len(data) > limit {
		return nil, fmt.Errorf("elm: input of %d bytes, more than the limit of %d: %w", len(data), limit, ErrTooLarge)
	}
	doc, err := jsonld.ParseObject(data, limit)
	if err != nil {
		return nil, parseError("the file", data, err)
	}
	if isEnvelope(doc) {
		return readSealed(ctx, doc, opts)
	}
	switch kindOf(doc, false) {
	case kindCredential:
		e := readEDC(doc)
		r := credentialReading(e, doc, false)
		r.Checks = append(r.Checks, credential.NewCheck(credential.CheckProof, credential.Failed, "proof.none", nil,
			"no JAdES seal: an unsealed EDC cannot be shown to come from its issuer"))
		r.Checks = append(r.Checks, accreditationCheck(e))
		r.Identity = canonical(data)
		return r, nil
	case kindPresentation:
		r, err := presentationReading(doc, data, false)
		if err != nil {
			return nil, err
		}
		r.Checks = append(r.Checks, credential.NewCheck(credential.CheckProof, credential.Failed, "proof.none", nil, "no JAdES seal"))
		r.Identity = canonical(data)
		return r, nil
	}
	return nil, fmt.Errorf("elm: a JSON document that is not a European Digital Credential: %w", ErrNotEDC)
}

// parseError classifies a JSON parse failure: too large, or malformed when
// the input at least starts like a JSON object, else not an EDC (not JSON,
// or JSON that is not an object). It wraps the wallet/jsonld sentinel too.
// A sealed payload is never larger than the file it is in, so the size
// limit on the file covers it.
func parseError(what string, data []byte, err error) error {
	switch {
	case errors.Is(err, jsonld.ErrTooLarge):
		return fmt.Errorf("elm: %s: %w: %w", what, ErrTooLarge, err)
	case bytes.HasPrefix(bytes.TrimLeft(bytes.TrimPrefix(data, bom), " \t\r\n"), []byte("{")):
		return fmt.Errorf("elm: %s: %w: %w", what, ErrMalformed, err)
	}
	return fmt.Errorf("elm: %s is not a JSON object: %w: %w", what, ErrNotEDC, err)
}

// readSealed reads a JAdES JSON serialization whose payload is an EDC or
// a presentation of EDCs.
func readSealed(ctx context.Context, doc map[string]any, opts Options) (*credential.Reading, error) {
	env, err := parseEnvelope(doc)
	if err != nil {
		return nil, err
	}
	limit := opts.maxBytes()
	headers := make([]*header, len(env.sigs))
	herrs := make([]error, len(env.sigs))
	for i, s := range env.sigs {
		headers[i], herrs[i] = parseHeader(s.protected, s.header, limit)
		if errors.Is(herrs[i], ErrLimit) {
			return nil, herrs[i]
		}
	}
	content, err := sealedContent(env, headers)
	if err != nil {
		return nil, err
	}
	inner, err := jsonld.ParseObject(content, limit)
	if err != nil {
		return nil, parseError("the sealed payload", content, err)
	}
	sc := &sealContext{payload: env.payload, now: opts.now(), maxBytes: limit}
	var r *credential.Reading
	var e *edc
	switch kindOf(inner, isJAdES(headers[0], env.sigs[0])) {
	case kindCredential:
		e = readEDC(inner)
		sc.issuerEIDAS = e.issuerEIDAS
		r = credentialReading(e, inner, true)
	case kindPresentation:
		sc.presentation = true
		if r, err = presentationReading(inner, content, true); err != nil {
			return nil, err
		}
	default:
		return nil, fmt.Errorf("elm: the sealed payload is not a European Digital Credential: %w", ErrNotEDC)
	}
	results := make([]sealResult, len(env.sigs))
	for i, s := range env.sigs {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if herrs[i] == nil && i > 0 && headers[0] != nil && headers[i].b64 != headers[0].b64 {
			herrs[i] = badHeader("its signatures disagree on b64")
		}
		results[i] = checkSeal(sc, s, headers[i], herrs[i])
	}
	r.Checks = append(r.Checks, proofCheck(results), issuerCheck(results[0]))
	if e != nil {
		r.Checks = append(r.Checks, accreditationCheck(e))
	}
	if first := results[0]; first.status == credential.OK {
		r.Signer = first.signer.dn
		r.SignerNames = first.signer.names()
		r.Credential.Verification.Signer = first.signer.name()
		r.Credential.Verification.SignedAt = first.signedAt
	}
	r.Identity = results[0].sig
	if len(r.Identity) == 0 {
		r.Identity = canonical(content)
	}
	return r, nil
}

// sealedContent returns the sealed document: the payload as stored when
// the first signature's header says b64:false, else its base64url
// decoding. An empty payload is a detached seal, which does not carry the
// credential.
func sealedContent(env *envelope, headers []*header) ([]byte, error) {
	if env.payload == "" {
		return nil, fmt.Errorf("elm: a detached seal without the credential it seals: %w", ErrNotEDC)
	}
	unencoded := headers[0] != nil && !headers[0].b64
	if headers[0] == nil {
		// The header could not be read; a payload that is already JSON
		// was not base64url-encoded.
		unencoded = bytes.HasPrefix(bytes.TrimSpace([]byte(env.payload)), []byte("{"))
	}
	if unencoded {
		return []byte(env.payload), nil
	}
	content, err := base64.RawURLEncoding.Strict().DecodeString(env.payload)
	if err != nil {
		return nil, fmt.Errorf("elm: the sealed payload is not base64url: %w", ErrMalformed)
	}
	return content, nil
}

// proofCheck summarises the signatures' results: the first that is not
// intact, else the first.
func proofCheck(results []sealResult) credential.Check {
	for i, res := range results {
		if res.status != credential.OK {
			c := res.check()
			if len(results) > 1 {
				c.Detail = fmt.Sprintf("signature %d of %d: %s", i+1, len(results), c.Detail)
			}
			return c
		}
	}
	c := results[0].check()
	if len(results) > 1 {
		c.Detail += fmt.Sprintf("; all %d signatures verified", len(results))
	}
	return c
}

// issuerCheck is the warning that the seal's certificate chain was not
// checked against the EU trusted lists. The wallet adds its own issuer
// check against the learner's trust list.
func issuerCheck(res sealResult) credential.Check {
	args := map[string]string{}
	detail := "the EU list of trusted lists (LOTL) and the national trusted lists are not bundled"
	if res.chain != nil {
		args["CA"] = res.chain.issuer
		if len(res.chain.steps) > 0 {
			detail += "; inside the file: " + joinSteps(res.chain.steps)
		}
	}
	return credential.NewCheck(credential.CheckIssuer, credential.Warning, "issuer.elm-trusted-lists", args, detail)
}

func joinSteps(steps []string) string { return strings.Join(steps, "; ") }

// The contexts that tell ELM versions apart: ELM 3.2 credentials use the
// VC 2.0 context, ELM 3.0 ones VC 1.1's; both use the EDC context.
const (
	vc2Context = "https://www.w3.org/ns/credentials/v2"
	edcContext = "http://data.europa.eu/snb/model/context/edc-ap"
)

// credentialReading makes the reading of an EDC with its format check.
func credentialReading(e *edc, doc map[string]any, sealed bool) *credential.Reading {
	contexts := strs(doc["@context"])
	version := "ELM 3"
	if slices.Contains(contexts, vc2Context) {
		version = "ELM 3.2, VC 2.0"
	}
	state := "unsealed"
	e.cred.MediaType = MediaTypeUnsealed
	if sealed {
		state = "sealed"
		e.cred.MediaType = MediaTypeSealed
	}
	e.cred.Profile = "European Digital Credential (" + version + ", " + state + ")"
	r := &credential.Reading{Credential: e.cred, Subjects: e.subjects, Status: e.status}
	args := map[string]string{"Profile": e.cred.Profile}
	detail := ""
	if !slices.Contains(contexts, edcContext) {
		detail = "the @context does not name the EDC context " + edcContext
	}
	if len(e.problems) > 0 {
		args["Problem"] = joinSteps(e.problems)
		r.Checks = append(r.Checks, credential.NewCheck(credential.CheckFormat, credential.Failed, "format.malformed", args, detail))
	} else {
		r.Checks = append(r.Checks, credential.NewCheck(credential.CheckFormat, credential.OK, "format.ok", args, detail))
	}
	return r
}

// canonical returns the JCS form (RFC 8785) of a JSON document, the
// identity of an unsealed credential: the same content in another layout
// gets the same identity. The input has been parsed already; should JCS
// refuse it, the bytes themselves are the identity.
func canonical(data []byte) []byte {
	if out, err := jcs.Transform(bytes.TrimPrefix(data, bom)); err == nil {
		return out
	}
	return data
}
