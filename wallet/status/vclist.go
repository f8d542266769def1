package status

import (
	"bytes"
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/satchel-wallet/satchel/wallet/credential"
	"github.com/satchel-wallet/satchel/wallet/jsonld"
	"github.com/satchel-wallet/satchel/wallet/ldp"
)

// vcKind describes the list credential a W3C entry type points at.
type vcKind struct {
	credentialType string // the list credential's type
	subjectType    string // its credentialSubject's type
	decode         func(string) (*List, error)
}

var vcKinds = map[string]vcKind{
	TypeBitstring:      {"BitstringStatusListCredential", "BitstringStatusList", DecodeBitstring},
	TypeStatusList2021: {"StatusList2021Credential", "StatusList2021", DecodeStatusList2021},
}

// checkVC follows a W3C entry: it reads the list credential, verifies its
// proof and issuer, checks its type, purpose and validity period, and
// reads the credential's bit. The list is decoded even when its proof
// fails, so that the result can say what the unconfirmed list claims.
func (c *checker) checkVC(ctx context.Context, e credential.StatusEntry, issuer string) Result {
	r := Result{Entry: e}
	kind := vcKinds[e.Type]
	var state State
	switch e.Purpose {
	case PurposeRevocation:
		state = Revoked
	case PurposeSuspension:
		state = Suspended
	case "":
		r.Err = fmt.Errorf("status: the entry has no statusPurpose: %w: %w", ErrMalformed, errBadEntry)
		return r
	default:
		r.Err = fmt.Errorf("status: statusPurpose %q: %w", e.Purpose, ErrUnsupported)
		return r
	}
	body, err := c.fetch(ctx, e.ListURL)
	if err != nil {
		r.Err = err
		return r
	}
	if looksLikeJWS(body) {
		r.Err = fmt.Errorf("status: the list credential at %s is a JWT: %w", e.ListURL, ErrUnsupported)
		return r
	}
	doc, err := jsonld.ParseObject(body, MaxDocumentSize)
	if err != nil {
		r.Err = fmt.Errorf("status: list credential at %s: %v: %w", e.ListURL, err, ErrMalformed)
		return r
	}
	encoded, err := readVCList(doc, kind, e.Purpose)
	if err != nil {
		r.Err = fmt.Errorf("status: list credential at %s: %w", e.ListURL, err)
		return r
	}
	list, decodeErr := kind.decode(encoded)
	if decodeErr == nil {
		r.Value, decodeErr = list.Status(e.Index)
	}
	if decodeErr == nil {
		r.State = Valid
		if r.Value != 0 {
			r.State = state
		}
	}
	r.ListIssuer = idOf(doc["issuer"])
	if err := c.verifyVC(ctx, doc, r.ListIssuer, issuer); err != nil {
		r.Err = fmt.Errorf("status: list credential at %s: %w", e.ListURL, err)
		return r
	}
	if err := vcValidity(doc, c.now()); err != nil {
		r.Err = fmt.Errorf("status: list credential at %s: %w", e.ListURL, err)
		return r
	}
	if decodeErr != nil {
		r.Err = fmt.Errorf("status: list credential at %s: %w", e.ListURL, decodeErr)
		return r
	}
	r.Verified = true
	return r
}

// readVCList checks a list credential's type, subject type and purpose,
// and returns its encodedList.
func readVCList(doc map[string]any, kind vcKind, purpose string) (string, error) {
	if !hasString(doc["type"], kind.credentialType) {
		return "", fmt.Errorf("not a %s: %w", kind.credentialType, ErrMalformed)
	}
	subj, ok := doc["credentialSubject"].(map[string]any)
	if !ok {
		return "", fmt.Errorf("no credentialSubject object: %w", ErrMalformed)
	}
	if !hasString(subj["type"], kind.subjectType) {
		return "", fmt.Errorf("credentialSubject is not a %s: %w", kind.subjectType, ErrMalformed)
	}
	if !hasString(subj["statusPurpose"], purpose) {
		return "", fmt.Errorf("the list is not for %s: %w", purpose, ErrMalformed)
	}
	encoded, ok := subj["encodedList"].(string)
	if !ok {
		return "", fmt.Errorf("no encodedList: %w", ErrMalformed)
	}
	return encoded, nil
}

// verifyVC verifies the list credential's Data Integrity proofs and that
// their key belongs to the list's issuer, and accepts that issuer for the
// credential's.
func (c *checker) verifyVC(ctx context.Context, doc map[string]any, listIssuer, issuer string) error {
	results, err := c.verifier().Verify(ctx, doc, ldp.Options{Purpose: ldp.PurposeAssertion})
	if err != nil {
		return fmt.Errorf("%w: %w", ErrUnverified, err)
	}
	for _, res := range results {
		if res.Controller != listIssuer {
			return fmt.Errorf("signed by %s, not by the list's issuer %s: %w: %w", res.Controller, listIssuer, ErrUnverified, errSignerMismatch)
		}
	}
	return c.acceptIssuer(listIssuer, issuer)
}

// acceptIssuer accepts the list's issuer for the credential's: the same
// one, or one the caller accepts.
func (c *checker) acceptIssuer(listIssuer, issuer string) error {
	if listIssuer == "" {
		return fmt.Errorf("the list names no issuer: %w: %w", ErrUnverified, errIssuerMismatch)
	}
	if listIssuer == issuer || (c.opts.AcceptListIssuer != nil && c.opts.AcceptListIssuer(listIssuer, issuer)) {
		return nil
	}
	return fmt.Errorf("issued by %s, not by the credential's issuer %s: %w: %w", listIssuer, issuer, ErrUnverified, errIssuerMismatch)
}

// vcValidity checks the list credential's validity period: validFrom and
// validUntil (VC 2.0) or issuanceDate and expirationDate (VC 1.1).
func vcValidity(doc map[string]any, now time.Time) error {
	for _, f := range []struct {
		name  string
		until bool
	}{{"validFrom", false}, {"issuanceDate", false}, {"validUntil", true}, {"expirationDate", true}} {
		v, ok := doc[f.name]
		if !ok {
			continue
		}
		s, _ := v.(string)
		t, err := time.Parse(time.RFC3339, s)
		if err != nil {
			return fmt.Errorf("%s %q is not a date-time: %w", f.name, s, ErrMalformed)
		}
		if f.until && now.After(t) {
			return fmt.Errorf("the list expired on %s: %w", t.UTC().Format(time.DateOnly), ErrListValidity)
		}
		if !f.until && now.Before(t) {
			return fmt.Errorf("the list is not valid before %s: %w", t.UTC().Format(time.DateOnly), ErrListValidity)
		}
	}
	return nil
}

// looksLikeJWS reports whether a fetched body is a compact JWS rather
// than JSON: base64url of '{"' starts "eyJ".
func looksLikeJWS(b []byte) bool {
	return bytes.HasPrefix(bytes.TrimSpace(b), []byte("eyJ"))
}

// idOf returns an issuer given as a string or as an object with an id.
func idOf(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case map[string]any:
		id, _ := x["id"].(string)
		return id
	}
	return ""
}

// hasString reports whether v is want or an array holding want.
func hasString(v any, want string) bool {
	return slices.ContainsFunc(asList(v), func(x any) bool { return x == want })
}
