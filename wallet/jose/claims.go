package jose

import (
	"bytes"
	"encoding/json"
	"fmt"
	"time"
)

// Claims are the registered JWT claims (RFC 7519 §4.1) and the nonce of a
// presentation, as they appear in the token.
type Claims struct {
	// Issuer is "iss".
	Issuer string
	// Subject is "sub".
	Subject string
	// ID is "jti".
	ID string
	// Audience is "aud", a string or an array in the token.
	Audience []string
	// NotBefore is "nbf".
	NotBefore *time.Time
	// Expiry is "exp".
	Expiry *time.Time
	// IssuedAt is "iat".
	IssuedAt *time.Time
	// Nonce is "nonce".
	Nonce string
}

// ReadClaims reads the registered claims of a payload decoded into a map
// with numbers as json.Number (json.Decoder.UseNumber). A claim of the
// wrong type is an error wrapping [ErrMalformed].
func ReadClaims(m map[string]any) (Claims, error) {
	var c Claims
	var err error
	for _, s := range []struct {
		name string
		dst  *string
	}{{"iss", &c.Issuer}, {"sub", &c.Subject}, {"jti", &c.ID}, {"nonce", &c.Nonce}} {
		if *s.dst, err = optString(m, s.name); err != nil {
			return c, err
		}
	}
	switch a := m["aud"].(type) {
	case nil:
	case string:
		c.Audience = []string{a}
	case []any:
		for _, e := range a {
			s, ok := e.(string)
			if !ok {
				return c, fmt.Errorf("claim \"aud\" holds a non-string: %w", ErrMalformed)
			}
			c.Audience = append(c.Audience, s)
		}
	default:
		return c, fmt.Errorf("claim \"aud\" is not a string or an array: %w", ErrMalformed)
	}
	if c.NotBefore, err = numericDate(m["nbf"], "nbf"); err != nil {
		return c, err
	}
	if c.Expiry, err = numericDate(m["exp"], "exp"); err != nil {
		return c, err
	}
	if c.IssuedAt, err = numericDate(m["iat"], "iat"); err != nil {
		return c, err
	}
	return c, nil
}

// optString reads a member that must be a string when present.
func optString(m map[string]any, name string) (string, error) {
	switch v := m[name].(type) {
	case nil:
		return "", nil
	case string:
		return v, nil
	}
	return "", fmt.Errorf("%q is not a string: %w", name, ErrMalformed)
}

// decodeMap decodes a checked JSON object keeping numbers exact.
func decodeMap(data []byte) (map[string]any, error) {
	d := json.NewDecoder(bytes.NewReader(data))
	d.UseNumber()
	var m map[string]any
	if err := d.Decode(&m); err != nil {
		return nil, fmt.Errorf("%v: %w", err, ErrMalformed)
	}
	if m == nil {
		return nil, fmt.Errorf("not a JSON object: %w", ErrMalformed)
	}
	return m, nil
}

// marshal writes JSON without escaping <, > and &, so that text in
// credentials stays as the issuer wrote it.
func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	e := json.NewEncoder(&b)
	e.SetEscapeHTML(false)
	if err := e.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

// idOf returns the id of a value that is an id string or an object with
// an "id" member.
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

// firstSubject returns the credential's (first) credentialSubject object.
func firstSubject(cred map[string]any) map[string]any {
	switch s := cred["credentialSubject"].(type) {
	case map[string]any:
		return s
	case []any:
		if len(s) > 0 {
			m, _ := s[0].(map[string]any)
			return m
		}
	}
	return nil
}
