package status

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/satchel-wallet/satchel/wallet/credential"
	"github.com/satchel-wallet/satchel/wallet/jose"
)

// Token Status List values (draft-ietf-oauth-status-list, "Status Types").
const (
	tokenValid     = 0x00
	tokenInvalid   = 0x01
	tokenSuspended = 0x02
)

// tokenTypes are the typ header values of a Status List Token in JWT
// form: the media type, with or without its "application/" prefix.
var tokenTypes = map[string]bool{"statuslist+jwt": true, "application/statuslist+jwt": true}

// tokenClaims are the claims of a Status List Token that Satchel reads.
type tokenClaims struct {
	Sub, Iss   string
	Exp        *json.Number
	StatusList *tokenList
}

// tokenList is the status_list claim.
type tokenList struct {
	Bits int
	Lst  string
}

// checkToken follows a Token Status List reference: it fetches the Status
// List Token (a JWT), checks its type, subject and expiry, verifies its
// signature with the key the caller resolves, and reads the credential's
// entry.
func (c *checker) checkToken(ctx context.Context, e credential.StatusEntry, issuer string) Result {
	r := Result{Entry: e}
	body, err := c.fetch(ctx, e.ListURL)
	if err != nil {
		r.Err = err
		return r
	}
	j, claims, err := parseToken(body)
	if err != nil {
		r.Err = fmt.Errorf("status: token at %s: %w", e.ListURL, err)
		return r
	}
	list, decodeErr := DecodeTokenStatusList(claims.StatusList.Bits, claims.StatusList.Lst)
	if decodeErr == nil {
		r.Value, decodeErr = list.Status(e.Index)
	}
	if decodeErr == nil {
		r.State = tokenState(r.Value)
	}
	r.ListIssuer = claims.Iss
	if r.ListIssuer == "" {
		r.ListIssuer = issuer
	}
	if err := c.verifyToken(ctx, j, claims, e.ListURL, r.ListIssuer, issuer); err != nil {
		r.Err = fmt.Errorf("status: token at %s: %w", e.ListURL, err)
		return r
	}
	if claims.Exp != nil {
		exp, err := claims.Exp.Int64()
		if err != nil {
			r.Err = fmt.Errorf("status: token at %s: exp %q: %w", e.ListURL, claims.Exp.String(), ErrMalformed)
			return r
		}
		if t := time.Unix(exp, 0); c.now().After(t) {
			r.Err = fmt.Errorf("status: token at %s expired on %s: %w", e.ListURL, t.UTC().Format(time.DateOnly), ErrListValidity)
			return r
		}
	}
	if decodeErr != nil {
		r.Err = fmt.Errorf("status: token at %s: %w", e.ListURL, decodeErr)
		return r
	}
	r.Verified = true
	return r
}

// parseToken parses a Status List Token and its claims, checking its
// form: a compact JWS of type statuslist+jwt with a status_list claim.
func parseToken(body []byte) (*jose.JWS, *tokenClaims, error) {
	j, err := jose.ParseCompact(string(body), jose.Limits{MaxBytes: MaxDocumentSize})
	if err != nil {
		return nil, nil, fmt.Errorf("%v: %w", err, ErrMalformed)
	}
	if !tokenTypes[j.Header.Typ] {
		return nil, nil, fmt.Errorf("typ %q, not statuslist+jwt: %w", j.Header.Typ, ErrMalformed)
	}
	var claims tokenClaims
	if err := decodeClaims(j.Payload, &claims); err != nil {
		return nil, nil, fmt.Errorf("claims: %w: %w", err, ErrMalformed)
	}
	if claims.StatusList == nil {
		return nil, nil, fmt.Errorf("no status_list claim: %w", ErrMalformed)
	}
	return j, &claims, nil
}

// decodeClaims reads the claims by their exact names. encoding/json
// would match "Sub" or "STATUS_LIST" too, which other readers of the same
// token would not.
func decodeClaims(payload []byte, c *tokenClaims) error {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(payload, &m); err != nil {
		return err
	}
	var sl map[string]json.RawMessage
	for _, f := range []struct {
		name string
		v    any
	}{{"sub", &c.Sub}, {"iss", &c.Iss}, {"exp", &c.Exp}, {"status_list", &sl}} {
		raw, ok := m[f.name]
		if !ok {
			continue
		}
		dec := json.NewDecoder(bytes.NewReader(raw))
		dec.UseNumber()
		if err := dec.Decode(f.v); err != nil {
			return fmt.Errorf("%s: %v", f.name, err)
		}
	}
	if sl == nil {
		return nil
	}
	c.StatusList = &tokenList{}
	for name, v := range map[string]any{"bits": &c.StatusList.Bits, "lst": &c.StatusList.Lst} {
		if raw, ok := sl[name]; ok {
			if err := json.Unmarshal(raw, v); err != nil {
				return fmt.Errorf("status_list.%s: %v", name, err)
			}
		}
	}
	return nil
}

// verifyToken checks that the token is the list the credential points at
// (its sub is the uri), verifies its signature with the issuer's key, and
// accepts its issuer for the credential's.
func (c *checker) verifyToken(ctx context.Context, j *jose.JWS, claims *tokenClaims, uri, listIssuer, issuer string) error {
	if claims.Sub != uri {
		return fmt.Errorf("its sub %q is not the list's address: %w: %w", short(claims.Sub), ErrUnverified, errOtherList)
	}
	if c.opts.TokenKey == nil {
		return fmt.Errorf("%w: %w", ErrUnverified, errNoTokenKey)
	}
	key, err := c.opts.TokenKey(ctx, listIssuer, j.Header.Kid)
	if err != nil {
		return fmt.Errorf("key of %s: %w: %w: %w", short(listIssuer), ErrUnverified, errTokenKey, err)
	}
	if err := j.VerifyWithKey(key); err != nil {
		return fmt.Errorf("%w: %w", ErrUnverified, err)
	}
	return c.acceptIssuer(listIssuer, issuer)
}

// tokenState maps a Token Status List value to a state.
func tokenState(v uint8) State {
	switch v {
	case tokenValid:
		return Valid
	case tokenInvalid:
		return Revoked
	case tokenSuspended:
		return Suspended
	}
	return Other
}
