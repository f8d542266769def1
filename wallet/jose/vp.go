package jose

import (
	"context"
	"fmt"
	"slices"
	"strings"
)

// Presentation is a VP-JWT, parsed, and verified once
// [Presentation.Verify] succeeds.
type Presentation struct {
	// Format says how the token carries the presentation.
	Format Format
	// JWS is the parsed token.
	JWS *JWS
	// Claims are the token's registered claims, with the nonce.
	Claims Claims
	// Holder is the holder's DID: iss, or the presentation's holder.
	Holder string
	// Credentials are the credentials inside, as given: tokens as
	// strings (unwrapped from EnvelopedVerifiableCredential data: URLs),
	// JSON-LD credentials as objects. They are not verified here.
	Credentials []VPCredential
	// Validity is the period the presentation is valid in (nbf or iat to
	// exp).
	Validity Validity
	// Key is the key the signature verified with; nil until Verify
	// succeeds.
	Key *KeyInfo
}

// Expect holds what a verifier requires of a presentation. Empty fields
// are not checked.
type Expect struct {
	// Audience must be one of the token's "aud" values.
	Audience string
	// Nonce must equal the token's "nonce".
	Nonce string
}

// ParsePresentation parses a VP-JWT, VC 1.1 (a "vp" claim) or VC 2.0
// (typ "vp+jwt", the payload is the presentation), without checking its
// signature. Errors are as for [ParseCredential], with
// [ErrNotPresentation] for a JWT that is not a presentation.
func ParsePresentation(data []byte, lim Limits) (*Presentation, error) {
	j, err := ParseCompact(string(data), lim)
	if err != nil {
		return nil, err
	}
	payload, err := decodeMap(j.Payload)
	if err != nil {
		return nil, fmt.Errorf("jwt payload: %w", err)
	}
	claims, err := ReadClaims(payload)
	if err != nil {
		return nil, fmt.Errorf("jwt claims: %w", err)
	}
	p := &Presentation{JWS: j, Claims: claims}
	var vp map[string]any
	if v, ok := payload["vp"]; ok {
		if vp, ok = v.(map[string]any); !ok {
			return nil, fmt.Errorf("claim \"vp\" is not an object: %w", ErrMalformed)
		}
		p.Format = FormatVC11
	} else if t := mediaType(j.Header.Typ); t == "vp+jwt" || t == "vp+ld+jwt" || hasType(payload, "VerifiablePresentation") {
		vp = payload
		p.Format = FormatVC20
	} else {
		return nil, fmt.Errorf("JWT with neither a \"vp\" claim nor a presentation payload: %w", ErrNotPresentation)
	}
	holder := idOf(vp["holder"])
	if claims.Issuer != "" && holder != "" && claims.Issuer != holder {
		return nil, conflict("iss", claims.Issuer, "holder", holder)
	}
	p.Holder = claims.Issuer
	if p.Holder == "" {
		p.Holder = holder
	}
	if p.Credentials, err = embedded(vp["verifiableCredential"]); err != nil {
		return nil, err
	}
	from := claims.NotBefore
	if from == nil {
		from = claims.IssuedAt
	}
	p.Validity = Validity{From: from, Until: claims.Expiry}
	return p, nil
}

// embedded reads the credentials of a presentation.
func embedded(v any) ([]VPCredential, error) {
	var list []any
	switch x := v.(type) {
	case nil:
		return nil, nil
	case []any:
		list = x
	default:
		list = []any{x}
	}
	out := make([]VPCredential, 0, len(list))
	for i, e := range list {
		switch c := e.(type) {
		case string:
			out = append(out, VPCredential{Compact: c})
		case map[string]any:
			if tok, ok := envelopedToken(c); ok {
				out = append(out, VPCredential{Compact: tok})
				continue
			}
			raw, err := marshal(c)
			if err != nil {
				return nil, fmt.Errorf("credential %d: %v: %w", i, err, ErrMalformed)
			}
			out = append(out, VPCredential{JSON: raw})
		default:
			return nil, fmt.Errorf("credential %d is neither a token nor an object: %w", i, ErrMalformed)
		}
	}
	return out, nil
}

// envelopedToken unwraps an EnvelopedVerifiableCredential whose id is a
// data: URL holding a JOSE token as plain text. Anything else (a COSE
// credential, base64-encoded data) stays an object.
func envelopedToken(c map[string]any) (string, bool) {
	if !hasType(c, "EnvelopedVerifiableCredential") {
		return "", false
	}
	id, _ := c["id"].(string)
	for _, mt := range []string{"application/vc+jwt", "application/vc+sd-jwt", "application/dc+sd-jwt"} {
		if tok, ok := strings.CutPrefix(id, "data:"+mt+","); ok && isCompact(tok) {
			return tok, true
		}
	}
	return "", false
}

// isCompact reports whether s is made of base64url segments joined by
// dots and tildes, the only characters a compact token has.
func isCompact(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; !b64url[c] && c != '.' && c != '~' {
			return false
		}
	}
	return s != ""
}

// hasType reports whether an object's type is, or includes, t.
func hasType(m map[string]any, t string) bool {
	switch v := m["type"].(type) {
	case string:
		return v == t
	case []any:
		return slices.Contains(v, any(t))
	}
	return false
}

// Verify checks the signature with the holder's key (resolved with r from
// the kid or the holder DID, and controlled by the holder), then the
// nonce and audience the verifier expects. It sets p.Key. It neither
// checks the validity period (see [Validity.Check]) nor verifies the
// credentials inside.
func (p *Presentation) Verify(ctx context.Context, r KeyResolver, want Expect) error {
	if !isDID(p.Holder) {
		return fmt.Errorf("holder %q is not a DID: %w", short(p.Holder), ErrNoKey)
	}
	info, err := p.JWS.Verify(ctx, r, p.Holder)
	if err != nil {
		return err
	}
	if info.Source != KeyFromDID {
		return fmt.Errorf("presentation signed with a key from its own header: %w", ErrIssuerMismatch)
	}
	if want.Nonce != "" && p.Claims.Nonce != want.Nonce {
		return fmt.Errorf("nonce %q, want %q: %w", short(p.Claims.Nonce), short(want.Nonce), ErrNonce)
	}
	if want.Audience != "" && !slices.Contains(p.Claims.Audience, want.Audience) {
		return fmt.Errorf("aud %v, want %q: %w", p.Claims.Audience, short(want.Audience), ErrAudience)
	}
	p.Key = info
	return nil
}

// VerifyPresentation parses a VP-JWT and verifies it (see
// [ParsePresentation] and [Presentation.Verify]). When the input parses
// but does not verify, the parsed presentation is returned with the error.
func VerifyPresentation(ctx context.Context, data []byte, r KeyResolver, want Expect, lim Limits) (*Presentation, error) {
	p, err := ParsePresentation(data, lim)
	if err != nil {
		return nil, err
	}
	return p, p.Verify(ctx, r, want)
}
