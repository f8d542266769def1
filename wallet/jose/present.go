package jose

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// DefaultPresentationLifetime is how long a presentation stays valid when
// [PresentationOptions.Lifetime] is zero: long enough for a verifier to
// check one sent by e-mail the same day, short enough that a copy does not
// serve for long. A verifier's own policy (nonce, audience) does the rest.
const DefaultPresentationLifetime = 24 * time.Hour

// VPCredential is one credential inside a presentation: either a compact
// token (a VC-JWT, or an SD-JWT with its disclosures) or a JSON-LD
// credential object.
type VPCredential struct {
	// Compact is the token, when the credential is one.
	Compact string
	// JSON is the credential object, when it is not a token.
	JSON json.RawMessage
}

// PresentationOptions are the verifier's parameters and the lifetime of a
// presentation.
type PresentationOptions struct {
	// Audience is the verifier's identifier (the "domain"), put in "aud";
	// empty for none.
	Audience string
	// Nonce is the verifier's challenge, put in "nonce"; empty for none.
	Nonce string
	// ID is the presentation's id ("jti", or "id" for VC 2.0); when empty,
	// a random urn:uuid is made.
	ID string
	// IssuedAt is the signing time ("iat" and "nbf"); zero means now.
	IssuedAt time.Time
	// Lifetime sets "exp" after IssuedAt; zero means
	// [DefaultPresentationLifetime].
	Lifetime time.Duration
	// Extra are further members of the payload, written in name order:
	// top-level claims of a VC 1.1 VP-JWT, members of the presentation in
	// VC 2.0. A name the presentation sets itself (iss, vp, holder, ...) is
	// refused with [ErrMalformed].
	Extra map[string]any
	// Context are further @context entries of a VC 2.0 presentation,
	// after the VC 2.0 context: what defines the terms of Extra, which the
	// VC 2.0 context does not. A VC 1.1 VP-JWT puts Extra beside its "vp"
	// claim, outside JSON-LD, and ignores Context.
	Context []any
}

// reservedClaims are the payload members SignPresentation and
// SignPresentationV2 write themselves, which Extra must not repeat.
var reservedClaims = map[string]bool{
	"iss": true, "sub": true, "aud": true, "nonce": true, "jti": true, "nbf": true, "iat": true, "exp": true,
	"vp": true, "vc": true, "@context": true, "type": true, "id": true, "holder": true, "verifiableCredential": true,
}

// appendExtra writes the Extra members, each preceded by a comma.
func appendExtra(b []byte, extra map[string]any) ([]byte, error) {
	names := make([]string, 0, len(extra))
	for k := range extra {
		if reservedClaims[k] || k == "" {
			return nil, fmt.Errorf("extra claim %q: %w", k, ErrMalformed)
		}
		names = append(names, k)
	}
	slices.Sort(names)
	for _, k := range names {
		v, err := marshal(extra[k])
		if err != nil {
			return nil, fmt.Errorf("extra claim %q: %v: %w", k, err, ErrMalformed)
		}
		b = append(b, ',')
		b = appendString(b, k)
		b = append(b, ':')
		b = append(b, v...)
	}
	return b, nil
}

func (o *PresentationOptions) times() (iat, exp int64) {
	t := o.IssuedAt
	if t.IsZero() {
		t = time.Now()
	}
	life := o.Lifetime
	if life <= 0 {
		life = DefaultPresentationLifetime
	}
	return t.Unix(), t.Add(life).Unix()
}

func (o *PresentationOptions) id() (string, error) {
	if o.ID != "" {
		return o.ID, nil
	}
	var u [16]byte
	if _, err := rand.Read(u[:]); err != nil {
		return "", fmt.Errorf("presentation id: %w", err)
	}
	u[6] = u[6]&0x0f | 0x40 // version 4
	u[8] = u[8]&0x3f | 0x80 // RFC 4122 variant
	h := hex.EncodeToString(u[:])
	return "urn:uuid:" + h[:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:], nil
}

// SignPresentation makes a VP-JWT in the VC 1.1 JWT encoding, the form
// did-jwt-vc's verifyPresentation accepts: header {alg, typ "JWT", kid},
// claims iss (the holder's DID), aud, nonce, jti, nbf, iat, exp, and vp
// holding @context, type, holder and the credentials (compact tokens as
// strings, JSON-LD credentials as objects).
func SignPresentation(s Signer, creds []VPCredential, opts PresentationOptions) (string, error) {
	id, err := opts.id()
	if err != nil {
		return "", err
	}
	iat, exp := opts.times()
	holder := s.DID()
	b := make([]byte, 0, 512+credsLen(creds))
	b = append(b, `{"iss":`...)
	b = appendString(b, holder)
	if opts.Audience != "" {
		b = append(b, `,"aud":`...)
		b = appendString(b, opts.Audience)
	}
	if opts.Nonce != "" {
		b = append(b, `,"nonce":`...)
		b = appendString(b, opts.Nonce)
	}
	b = append(b, `,"jti":`...)
	b = appendString(b, id)
	b = append(b, `,"nbf":`...)
	b = strconv.AppendInt(b, iat, 10)
	b = append(b, `,"iat":`...)
	b = strconv.AppendInt(b, iat, 10)
	b = append(b, `,"exp":`...)
	b = strconv.AppendInt(b, exp, 10)
	if b, err = appendExtra(b, opts.Extra); err != nil {
		return "", err
	}
	b = append(b, `,"vp":{"@context":["`+ContextV1+`"],"type":["VerifiablePresentation"],"holder":`...)
	b = appendString(b, holder)
	b = append(b, `,"verifiableCredential":[`...)
	for i, c := range creds {
		if i > 0 {
			b = append(b, ',')
		}
		if b, err = appendCredential(b, c, false); err != nil {
			return "", fmt.Errorf("credential %d: %w", i, err)
		}
	}
	b = append(b, "]}}"...)
	return SignCompact(s, "JWT", s.KeyID(), b)
}

// SignPresentationV2 makes a VC 2.0 presentation secured with JOSE
// (VC-JOSE-COSE): header {alg, typ "vp+jwt", kid}, and a payload that is
// the presentation itself (@context, type, id, holder, and the credentials
// as EnvelopedVerifiableCredential objects with data: URLs for tokens, or
// as they are for JSON-LD credentials) with iss, aud, nonce, iat and exp
// beside it.
func SignPresentationV2(s Signer, creds []VPCredential, opts PresentationOptions) (string, error) {
	id, err := opts.id()
	if err != nil {
		return "", err
	}
	iat, exp := opts.times()
	holder := s.DID()
	b := make([]byte, 0, 512+credsLen(creds))
	b = append(b, `{"@context":["`+ContextV2+`"`...)
	for _, c := range opts.Context {
		v, err := marshal(c)
		if err != nil {
			return "", fmt.Errorf("@context entry: %v: %w", err, ErrMalformed)
		}
		b = append(b, ',')
		b = append(b, v...)
	}
	b = append(b, `],"type":["VerifiablePresentation"],"id":`...)
	b = appendString(b, id)
	b = append(b, `,"holder":`...)
	b = appendString(b, holder)
	b = append(b, `,"verifiableCredential":[`...)
	for i, c := range creds {
		if i > 0 {
			b = append(b, ',')
		}
		if b, err = appendCredential(b, c, true); err != nil {
			return "", fmt.Errorf("credential %d: %w", i, err)
		}
	}
	b = append(b, `],"iss":`...)
	b = appendString(b, holder)
	if opts.Audience != "" {
		b = append(b, `,"aud":`...)
		b = appendString(b, opts.Audience)
	}
	if opts.Nonce != "" {
		b = append(b, `,"nonce":`...)
		b = appendString(b, opts.Nonce)
	}
	b = append(b, `,"iat":`...)
	b = strconv.AppendInt(b, iat, 10)
	b = append(b, `,"exp":`...)
	b = strconv.AppendInt(b, exp, 10)
	if b, err = appendExtra(b, opts.Extra); err != nil {
		return "", err
	}
	b = append(b, '}')
	return SignCompact(s, "vp+jwt", s.KeyID(), b)
}

func credsLen(creds []VPCredential) int {
	n := 0
	for _, c := range creds {
		n += len(c.Compact) + len(c.JSON) + 96
	}
	return n
}

// appendCredential writes one credential of a presentation. Tokens must
// be compact serialisations (base64url, dots and tildes only), so that
// nothing can break out of the string; objects must be JSON objects and
// are written compacted.
func appendCredential(b []byte, c VPCredential, envelope bool) ([]byte, error) {
	switch {
	case c.Compact != "" && c.JSON != nil:
		return nil, fmt.Errorf("both a token and an object given: %w", ErrMalformed)
	case c.Compact != "":
		if !isCompact(c.Compact) {
			return nil, fmt.Errorf("token holds characters outside base64url, dots and tildes: %w", ErrMalformed)
		}
		if !envelope {
			b = append(b, '"')
			b = append(b, c.Compact...)
			return append(b, '"'), nil
		}
		mt := "application/vc+jwt"
		if strings.Contains(c.Compact, "~") {
			mt = "application/vc+sd-jwt"
		}
		b = append(b, `{"@context":"`+ContextV2+`","type":"EnvelopedVerifiableCredential","id":"data:`+mt+`,`...)
		b = append(b, c.Compact...)
		return append(b, `"}`...), nil
	case c.JSON != nil:
		if firstNonSpace(c.JSON) != '{' {
			return nil, fmt.Errorf("credential is not a JSON object: %w", ErrMalformed)
		}
		var buf bytes.Buffer
		if err := json.Compact(&buf, c.JSON); err != nil {
			return nil, fmt.Errorf("credential: %v: %w", err, ErrMalformed)
		}
		return append(b, buf.Bytes()...), nil
	}
	return nil, fmt.Errorf("empty credential: %w", ErrMalformed)
}

// appendString writes s as a JSON string. Plain ASCII (DIDs, URLs, ids,
// nonces) is written directly; anything else goes through encoding/json.
func appendString(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f || c == '"' || c == '\\' {
			q, _ := json.Marshal(s) // a string always marshals
			return append(b, q...)
		}
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}
