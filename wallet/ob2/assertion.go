package ob2

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/satchel-wallet/satchel/wallet/jose"
)

// object is a decoded JSON object; numbers stay json.Number.
type object = map[string]any

// The JSON-LD contexts of Open Badges.
const (
	contextV2    = "https://w3id.org/openbadges/v2"
	contextV2Alt = "https://openbadgespec.org/v2/context.json"
	contextV1    = "https://w3id.org/openbadges/v1"
)

// vcContexts mark a W3C Verifiable Credential (Open Badges 3.0 and later),
// which another reader handles.
var vcContexts = []string{"https://www.w3.org/2018/credentials/v1", "https://www.w3.org/ns/credentials/v2"}

// decodeJSON checks and decodes untrusted JSON: strict UTF-8, no member
// named twice, nesting within maxDepth (see jose.CheckJSON), one object
// and nothing after it.
func decodeJSON(b []byte) (object, error) {
	if err := jose.CheckJSON(b, maxDepth); err != nil {
		if errors.Is(err, jose.ErrTooLarge) {
			return nil, fmt.Errorf("%v: %w", err, ErrTooLarge)
		}
		return nil, fmt.Errorf("%v: %w", err, ErrMalformed)
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, fmt.Errorf("not valid JSON: %v: %w", err, ErrMalformed)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("data after the JSON object: %w", ErrMalformed)
	}
	m, ok := v.(object)
	if !ok {
		return nil, fmt.Errorf("JSON that is not an object: %w", ErrMalformed)
	}
	return m, nil
}

// assertion is an Open Badges assertion, as far as it can be read
// offline.
type assertion struct {
	m object
	// version is "2.0", or "1.x" for an assertion without the 2.0 context.
	version string
	// context is the @context when it is not an Open Badges one.
	context string
	// verifyType is the verification type: "hosted" or "signed".
	verifyType string
	// creator is the URL of the signing key of a signed badge.
	creator string
	// badge is the BadgeClass when embedded; badgeURL its address when
	// only referenced.
	badge    object
	badgeURL string
	// issuer is the issuer Profile when embedded; issuerURL its address.
	issuer    object
	issuerURL string
}

// parseAssertion reads an assertion from a decoded JSON object. Other
// Open Badges documents give [ErrNotAssertion], Verifiable Credentials
// [ErrNotOB2], and an object holding only the address of its assertion (an
// Open Badges 1.0 baking) a [*RemoteError].
func parseAssertion(m object) (*assertion, error) {
	a := &assertion{m: m, version: "2.0"}
	contexts := strs(m["@context"])
	for _, c := range contexts {
		if slices.Contains(vcContexts, c) {
			return nil, fmt.Errorf("a W3C Verifiable Credential (@context %s): %w", c, ErrNotOB2)
		}
	}
	types := strs(m["type"])
	if m["vc"] != nil || slices.Contains(types, "VerifiableCredential") {
		return nil, fmt.Errorf("a W3C Verifiable Credential: %w", ErrNotOB2)
	}
	if !slices.ContainsFunc(types, isAssertionType) {
		if len(types) > 0 {
			return nil, fmt.Errorf("an Open Badges %s: %w", types[0], ErrNotAssertion)
		}
		if m["recipient"] == nil || m["badge"] == nil {
			if url := str(obj(m["verify"]), "url"); url != "" {
				return nil, &RemoteError{URL: url}
			}
			if m["@context"] != nil {
				return nil, fmt.Errorf("an Open Badges document without a type: %w", ErrNotAssertion)
			}
			return nil, fmt.Errorf("JSON without an assertion's type, recipient or badge: %w", ErrNotOB2)
		}
	}
	switch {
	case len(contexts) == 0 || slices.Contains(contexts, contextV1):
		a.version = "1.x"
	case !slices.Contains(contexts, contextV2) && !slices.Contains(contexts, contextV2Alt):
		a.context = strings.Join(contexts, " ")
		if a.context == "" {
			a.context = "an inline context"
		}
	}
	v := obj(m["verification"])
	if v == nil {
		v = obj(m["verify"]) // Open Badges 1.x
	}
	a.verifyType = strings.ToLower(strings.TrimSuffix(strings.TrimPrefix(str(v, "type"), "obi:"), "Badge"))
	a.creator = str(v, "creator")
	if a.creator == "" {
		a.creator = str(v, "publicKey")
	}
	switch b := m["badge"].(type) {
	case string:
		a.badgeURL = b
	case object:
		a.badge = b
		switch i := b["issuer"].(type) {
		case string:
			a.issuerURL = i
		case object:
			a.issuer = i
		}
	default:
		return nil, fmt.Errorf("badge is neither an object nor a URL: %w", ErrMalformed)
	}
	return a, nil
}

// isAssertionType reports whether t names the Assertion class, written
// as the 2.0 context allows.
func isAssertionType(t string) bool {
	return t == "Assertion" || t == "obi:Assertion" || t == "https://w3id.org/openbadges#Assertion"
}

// str returns m[key] if it is a string, trimmed.
func str(m object, key string) string {
	s, _ := m[key].(string)
	return strings.TrimSpace(s)
}

// obj returns v if it is an object.
func obj(v any) object {
	m, _ := v.(object)
	return m
}

// list returns v as a list: itself if an array, else a list of one.
func list(v any) []any {
	switch x := v.(type) {
	case nil:
		return nil
	case []any:
		return x
	}
	return []any{v}
}

// strs returns the strings of a string or array value.
func strs(v any) []string {
	var out []string
	for _, x := range list(v) {
		if s, ok := x.(string); ok && strings.TrimSpace(s) != "" {
			out = append(out, strings.TrimSpace(s))
		}
	}
	return out
}
