package share

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"slices"

	"github.com/satchel-wallet/satchel/wallet/credential"
	"github.com/satchel-wallet/satchel/wallet/jose"
	"github.com/satchel-wallet/satchel/wallet/jsonld"
)

// Format names a presentation format.
type Format string

// The presentation formats Satchel signs and verifies.
const (
	// FormatVPJWT is a VP-JWT in the VC 1.1 JWT encoding (iss, aud, nonce,
	// nbf, exp and a "vp" claim), the form did-jwt-vc verifies.
	FormatVPJWT Format = "vp-jwt"
	// FormatVPJWTV2 is a VC 2.0 presentation secured with JOSE
	// (VC-JOSE-COSE, typ "vp+jwt").
	FormatVPJWTV2 Format = "vp-jwt-v2"
	// FormatLDP is a JSON-LD presentation with a Data Integrity proof:
	// eddsa-rdfc-2022 (ecdsa-rdfc-2019 for a P-256 holder) for VC 2.0,
	// Ed25519Signature2020 for VC 1.1.
	FormatLDP Format = "ldp"
	// FormatSDJWT is one SD-JWT VC with the disclosures the learner chose
	// and a Key Binding JWT.
	FormatSDJWT Format = "sd-jwt"
)

// Formats lists the presentation formats, in a fixed order.
func Formats() []Format { return []Format{FormatVPJWT, FormatVPJWTV2, FormatLDP, FormatSDJWT} }

// ParseFormat reads a format as the command line and settings spell it.
func ParseFormat(s string) (Format, error) {
	f := Format(s)
	if slices.Contains(Formats(), f) {
		return f, nil
	}
	return "", fmt.Errorf("presentation format %q (want vp-jwt, vp-jwt-v2, ldp or sd-jwt): %w", s, ErrOptions)
}

// MediaType is the media type of a presentation in the format.
func (f Format) MediaType() string {
	switch f {
	case FormatVPJWT:
		return "application/jwt"
	case FormatVPJWTV2:
		return "application/vp+jwt"
	case FormatLDP:
		return "application/vp+ld+json"
	case FormatSDJWT:
		return "application/dc+sd-jwt"
	}
	return ""
}

// kind is what a credential is, as far as presentations care.
type kind string

const (
	kindLDP11 kind = "VC 1.1 JSON-LD"
	kindLDP20 kind = "VC 2.0 JSON-LD"
	kindJWT11 kind = "VC 1.1 JWT"
	kindJWT20 kind = "VC 2.0 JOSE"
	kindSDJWT kind = "SD-JWT VC"
)

// prepared is a chosen credential read for a presentation.
type prepared struct {
	item Item
	kind kind
	// raw is the original as it goes in: a token with surrounding space
	// trimmed, or JSON compacted (the same JSON value, byte for byte in
	// every string and number).
	raw []byte
	// doc is a JSON-LD credential parsed, for canonicalisation.
	doc map[string]any
}

// prepare reads a chosen credential and tells what it is. Credentials that
// go in no presentation format are refused here, whatever the format.
func prepare(it Item, f Format) (*prepared, error) {
	p := &prepared{item: it}
	refuse := func(k, reason string) error {
		return &IncompatibleError{Credential: it.Credential.ID, Kind: k, Format: f, Reason: reason}
	}
	orig := bytes.TrimSpace(bytes.TrimPrefix(it.Original, []byte("\xef\xbb\xbf")))
	switch it.Credential.Format {
	case credential.FormatVCLDP:
		// A stored original passed the import limits already.
		doc, err := jsonld.ParseObject(orig, 0)
		if err != nil {
			return nil, refuse("JSON-LD", "its original is not a JSON object, as a JSON-LD credential must be (a badge baked into an image is presented from the credential inside it)")
		}
		if doc["proof"] == nil {
			return nil, refuse("unsigned JSON-LD", "it carries no proof, so nothing in a presentation would show who issued it")
		}
		var buf bytes.Buffer
		if err := json.Compact(&buf, orig); err != nil {
			return nil, refuse("JSON-LD", err.Error())
		}
		p.raw, p.doc = buf.Bytes(), doc
		switch firstContext(doc) {
		case jose.ContextV1:
			p.kind = kindLDP11
		case jose.ContextV2:
			p.kind = kindLDP20
		default:
			return nil, refuse("JSON-LD", "its first @context is neither the VC 1.1 nor the VC 2.0 one")
		}
	case credential.FormatVCJWT:
		k, why := jwtKind(orig)
		if why != "" {
			return nil, refuse("VC-JWT", why)
		}
		p.raw, p.kind = orig, k
	case credential.FormatSDJWT:
		p.raw, p.kind = orig, kindSDJWT
	case credential.FormatEDC:
		return nil, refuse("European Digital Credential", "an EDC is sealed with JAdES, which none of these formats carries; share the original file (Europass export) instead")
	case credential.FormatEDCIXML:
		return nil, refuse("Europass XML", "an XML credential goes in no W3C presentation; share the original file instead")
	case credential.FormatOB2:
		return nil, refuse("Open Badges 2.0", "an Open Badges 2.0 assertion is not a Verifiable Credential; share the badge itself instead")
	default:
		return nil, refuse(string(it.Credential.Format), "Satchel does not know this credential format")
	}
	return p, nil
}

// fits reports whether a credential of kind k goes in format f, and if
// not, why not and what to use instead. This is the table in the package
// documentation.
func fits(k kind, f Format) (bool, string) {
	switch f {
	case FormatVPJWT:
		switch k {
		case kindJWT11, kindLDP11:
			return true, ""
		case kindJWT20, kindLDP20:
			return false, "a VC 1.1 VP-JWT carries VC 1.1 credentials only (its verifiers check for the VC 1.1 context); use vp-jwt-v2 or ldp"
		}
	case FormatVPJWTV2:
		switch k {
		case kindJWT20, kindLDP20:
			return true, ""
		case kindJWT11, kindLDP11:
			return false, "a VC 2.0 presentation carries VC 2.0 credentials only; use vp-jwt (or ldp for JSON-LD)"
		}
	case FormatLDP:
		switch k {
		case kindLDP11, kindLDP20:
			return true, ""
		case kindJWT11:
			return false, "a JSON-LD presentation carries JSON-LD credentials only; use vp-jwt"
		case kindJWT20:
			return false, "a JSON-LD presentation carries JSON-LD credentials only; use vp-jwt-v2"
		}
	case FormatSDJWT:
		if k == kindSDJWT {
			return true, ""
		}
		return false, "an SD-JWT presentation carries one SD-JWT VC; use vp-jwt, vp-jwt-v2 or ldp"
	}
	if k == kindSDJWT {
		return false, "an SD-JWT VC is presented on its own, with the claims you choose, as sd-jwt"
	}
	return false, "unknown presentation format"
}

// Compatible reports whether a credential can go into a presentation of
// format f, so that the app can offer only those that can. The error is an
// [*IncompatibleError] when it cannot.
func Compatible(it Item, f Format) error {
	_, err := prepareFor(it, f)
	return err
}

// prepareFor reads a credential for a presentation of format f, refusing
// it if it does not fit.
func prepareFor(it Item, f Format) (*prepared, error) {
	p, err := prepare(it, f)
	if err != nil {
		return nil, err
	}
	if ok, why := fits(p.kind, f); !ok {
		return nil, &IncompatibleError{Credential: it.Credential.ID, Kind: string(p.kind), Format: f, Reason: why}
	}
	return p, nil
}

// firstContext returns the first @context entry of a document when it is
// a URL.
func firstContext(doc map[string]any) string {
	switch c := doc["@context"].(type) {
	case string:
		return c
	case []any:
		if len(c) > 0 {
			s, _ := c[0].(string)
			return s
		}
	}
	return ""
}

// jwtKind tells a stored VC-JWT's data model from its payload's "vc" claim
// and @context alone. The token passed every check on import; reading the
// two members, not parsing and checking the whole token again, keeps
// signing a presentation cheap.
func jwtKind(token []byte) (kind, string) {
	parts := bytes.Split(token, []byte("."))
	if len(parts) != 3 {
		return "", "its original is not a compact JWS"
	}
	payload := make([]byte, base64.RawURLEncoding.DecodedLen(len(parts[1])))
	n, err := base64.RawURLEncoding.Decode(payload, parts[1])
	if err != nil {
		return "", "its payload is not base64url"
	}
	var claims struct {
		Context json.RawMessage `json:"@context"`
		VC      *struct {
			Context json.RawMessage `json:"@context"`
		} `json:"vc"`
	}
	if err := json.Unmarshal(payload[:n], &claims); err != nil {
		return "", fmt.Sprintf("its payload is not a JSON object (%v)", err)
	}
	if claims.VC == nil {
		if firstContextOf(claims.Context) == jose.ContextV2 {
			return kindJWT20, ""
		}
		return "", "it is neither a VC 1.1 JWT (no vc claim) nor VC 2.0 JOSE (no VC 2.0 @context)"
	}
	if firstContextOf(claims.VC.Context) != jose.ContextV1 {
		return "", "it uses the VC 1.1 JWT encoding without the VC 1.1 @context, which VP-JWT verifiers require"
	}
	return kindJWT11, ""
}

// firstContextOf returns the first entry of a raw @context when it is a
// string.
func firstContextOf(raw json.RawMessage) string {
	var one string
	if json.Unmarshal(raw, &one) == nil {
		return one
	}
	var list []json.RawMessage
	if json.Unmarshal(raw, &list) == nil && len(list) > 0 && json.Unmarshal(list[0], &one) == nil {
		return one
	}
	return ""
}
