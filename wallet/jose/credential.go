package jose

import (
	"context"
	"crypto"
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// Format names how a JWT carries a credential or a presentation.
type Format string

// The formats of VC-JWTs and VP-JWTs.
const (
	// FormatVC11 is the JWT encoding of VC Data Model 1.1 (§6.3.1), the
	// one did-jwt-vc writes: registered claims beside a "vc" (or "vp")
	// claim holding the credential (or presentation) without the
	// properties the claims stand for.
	FormatVC11 Format = "vc11-jwt"
	// FormatVC20 is VC-JOSE-COSE for VC Data Model 2.0: the payload is
	// the credential (typ "vc+jwt") or presentation (typ "vp+jwt").
	FormatVC20 Format = "vc20-jose"
)

// The base contexts of the two data models.
const (
	ContextV1 = "https://www.w3.org/2018/credentials/v1"
	ContextV2 = "https://www.w3.org/ns/credentials/v2"
)

// Credential is a VC-JWT, parsed, and verified once [Credential.Verify]
// succeeds.
type Credential struct {
	// Format says how the token carries the credential.
	Format Format
	// JWS is the parsed token.
	JWS *JWS
	// Claims are the token's registered claims.
	Claims Claims
	// JSON is the credential. For [FormatVC11] it is the "vc" claim with
	// the JWT claims put back (iss as issuer, nbf as issuanceDate or
	// validFrom, exp as expirationDate or validUntil, sub as
	// credentialSubject.id, jti as id); for [FormatVC20] it is the payload
	// exactly as received.
	JSON json.RawMessage
	// Issuer is the issuer's id (a DID or a URL).
	Issuer string
	// Subject is the id of the (first) credential subject, if any.
	Subject string
	// ID is the credential's id, if any.
	ID string
	// Validity is the period the credential claims to be valid in.
	Validity Validity
	// Key is the key the signature verified with; nil until a Verify
	// method succeeds.
	Key *KeyInfo
}

// ParseCredential parses a VC-JWT without checking its signature. Input
// that is not a compact JWS, breaks a limit, or whose claims have the
// wrong types is rejected with [ErrMalformed] or [ErrTooLarge]; a JWT that
// is not a credential (a presentation, an SD-JWT's issuer JWT, any other
// JWT) with [ErrNotCredential]; claims that contradict the credential with
// [ErrClaimConflict].
func ParseCredential(data []byte, lim Limits) (*Credential, error) {
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
	c := &Credential{JWS: j, Claims: claims}
	typ := mediaType(j.Header.Typ)
	_, hasVC := payload["vc"]
	switch {
	case typ == "vp+jwt" || typ == "vp+ld+jwt" || payload["vp"] != nil:
		return nil, fmt.Errorf("a presentation: %w", ErrNotCredential)
	case payload["_sd_alg"] != nil || payload["_sd"] != nil:
		return nil, fmt.Errorf("the issuer JWT of an SD-JWT (use package sdjwt): %w", ErrNotCredential)
	case typ == "vc+jwt" || typ == "vc+ld+jwt" || !hasVC && isCredential(payload):
		c.Format = FormatVC20
		c.JSON = j.Payload
		if err := c.fill(payload); err != nil {
			return nil, err
		}
	case hasVC:
		vc, ok := payload["vc"].(map[string]any)
		if !ok {
			return nil, fmt.Errorf("claim \"vc\" is not an object: %w", ErrMalformed)
		}
		c.Format = FormatVC11
		if err := mergeVC11(claims, vc); err != nil {
			return nil, err
		}
		if c.JSON, err = marshal(vc); err != nil {
			return nil, fmt.Errorf("credential: %v: %w", err, ErrMalformed)
		}
		if err := c.fill(vc); err != nil {
			return nil, err
		}
	default:
		return nil, fmt.Errorf("JWT with neither a \"vc\" claim nor a credential payload: %w", ErrNotCredential)
	}
	return c, nil
}

// fill sets the fields read from the credential object and checks that
// the JWT claims agree with it.
func (c *Credential) fill(cred map[string]any) error {
	c.Issuer = idOf(cred["issuer"])
	c.ID, _ = cred["id"].(string)
	if s := firstSubject(cred); s != nil {
		c.Subject, _ = s["id"].(string)
	}
	if err := agree(c.Claims, c.Issuer, c.Subject, c.ID); err != nil {
		return err
	}
	if c.Issuer == "" {
		c.Issuer = c.Claims.Issuer
	}
	if c.Issuer == "" {
		return fmt.Errorf("credential names no issuer: %w", ErrMalformed)
	}
	v, err := ValidityOf(cred)
	if err != nil {
		return err
	}
	c.Validity = Validity{
		From:  latest(v.From, c.Claims.NotBefore),
		Until: earliest(v.Until, c.Claims.Expiry),
	}
	return nil
}

// agree checks that registered claims, when present, name the same issuer,
// subject and id as the credential.
func agree(cl Claims, issuer, subject, id string) error {
	for _, p := range []struct{ claim, claimed, prop, value string }{
		{"iss", cl.Issuer, "issuer", issuer},
		{"sub", cl.Subject, "credentialSubject.id", subject},
		{"jti", cl.ID, "id", id},
	} {
		if p.claimed != "" && p.value != "" && p.claimed != p.value {
			return fmt.Errorf("%s %q but %s %q: %w", p.claim, short(p.claimed), p.prop, short(p.value), ErrClaimConflict)
		}
	}
	return nil
}

// ValidityOf reads the validity period of a credential decoded into a map
// (numbers as json.Number): the JWT claims nbf and exp, the VC 2.0
// properties validFrom and validUntil, and the VC 1.1 ones issuanceDate
// and expirationDate, narrowed to the period all of them allow.
func ValidityOf(m map[string]any) (Validity, error) {
	var ts [6]*time.Time
	var err error
	if ts[0], err = numericDate(m["nbf"], "nbf"); err != nil {
		return Validity{}, err
	}
	if ts[3], err = numericDate(m["exp"], "exp"); err != nil {
		return Validity{}, err
	}
	for i, name := range []string{"", "validFrom", "issuanceDate", "", "validUntil", "expirationDate"} {
		if name == "" {
			continue
		}
		if ts[i], err = dateTime(m[name], name); err != nil {
			return Validity{}, err
		}
	}
	return Validity{From: latest(ts[0], ts[1], ts[2]), Until: earliest(ts[3], ts[4], ts[5])}, nil
}

// isCredential reports whether a JSON object looks like a verifiable
// credential: an @context and a type that includes VerifiableCredential.
func isCredential(m map[string]any) bool {
	if m["@context"] == nil {
		return false
	}
	switch t := m["type"].(type) {
	case string:
		return t == "VerifiableCredential"
	case []any:
		for _, e := range t {
			if e == "VerifiableCredential" {
				return true
			}
		}
	}
	return false
}

// mediaType normalises a typ or cty value: lower case, without the
// optional "application/" prefix (RFC 7515 §4.1.9).
func mediaType(s string) string {
	s = strings.ToLower(s)
	return strings.TrimPrefix(s, "application/")
}

// Verify checks the signature with the issuer's key: resolved from the
// header's kid or the issuer DID with r (nil: did:key and did:jwk only),
// and bound to the issuer the credential names, or else carried in the
// header (see [JWS.Verify] and [KeySource]). On success it sets c.Key.
// It does not check the validity period: see [Validity.Check].
func (c *Credential) Verify(ctx context.Context, r KeyResolver) error {
	info, err := c.JWS.Verify(ctx, r, c.Issuer)
	if err != nil {
		return err
	}
	c.Key = info
	return nil
}

// VerifyWithKey checks the signature with a key the caller supplies (the
// algorithm still fixed by the key) and sets c.Key with [KeyProvided].
func (c *Credential) VerifyWithKey(pub crypto.PublicKey) error {
	if err := c.JWS.VerifyWithKey(pub); err != nil {
		return err
	}
	c.Key = &KeyInfo{Source: KeyProvided, ID: c.JWS.Header.Kid, Alg: c.JWS.Header.Alg, Key: pub}
	return nil
}

// VerifyCredential parses a VC-JWT and verifies its signature (see
// [ParseCredential] and [Credential.Verify]). When the input parses but
// does not verify, the parsed credential is returned with the error, so
// that the caller can still say what it claims; when it does not parse,
// the credential is nil.
func VerifyCredential(ctx context.Context, data []byte, r KeyResolver, lim Limits) (*Credential, error) {
	c, err := ParseCredential(data, lim)
	if err != nil {
		return nil, err
	}
	return c, c.Verify(ctx, r)
}
