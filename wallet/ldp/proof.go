package ldp

import (
	"encoding/base64"
	"fmt"
	"time"

	"github.com/mr-tron/base58"
)

// proof is the part of a proof object that verification reads.
type proof struct {
	raw                map[string]any
	typ, cryptosuite   string
	id                 string
	verificationMethod string
	purpose            string
	created            time.Time
	expires            time.Time
	challenge          string
	domain             []string
	previous           []string
	value              string
}

// readProof reads and type-checks the members of a proof object.
func readProof(v any) (*proof, error) {
	m, ok := v.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("ldp: proof is a %T, not an object: %w", v, ErrMalformedProof)
	}
	p := &proof{raw: m}
	var err error
	str := func(key string, dst *string) {
		if err != nil {
			return
		}
		switch x := m[key].(type) {
		case nil:
		case string:
			*dst = x
		default:
			err = fmt.Errorf("ldp: proof %s is a %T, not a string: %w", key, x, ErrMalformedProof)
		}
	}
	str("type", &p.typ)
	str("cryptosuite", &p.cryptosuite)
	str("id", &p.id)
	str("proofPurpose", &p.purpose)
	str("proofValue", &p.value)
	str("challenge", &p.challenge)
	if err != nil {
		return p, err
	}
	switch vm := m["verificationMethod"].(type) {
	case string:
		p.verificationMethod = vm
	case map[string]any:
		// An embedded verification method is identified by its id; its key
		// material is not trusted, the resolver finds the key.
		p.verificationMethod, _ = vm["id"].(string)
	}
	if p.domain, err = stringList(m["domain"], "domain"); err != nil {
		return p, err
	}
	if p.previous, err = stringList(m["previousProof"], "previousProof"); err != nil {
		return p, err
	}
	if c, ok := m["created"]; ok {
		s, _ := c.(string)
		if p.created, err = parseDateTime(s); err != nil {
			return p, fmt.Errorf("ldp: proof created %q is not an xsd:dateTime: %w", s, ErrMalformedProof)
		}
	}
	if e, ok := m["expires"]; ok {
		s, _ := e.(string)
		if p.expires, err = parseDateTime(s); err != nil {
			return p, fmt.Errorf("ldp: proof expires %q is not an xsd:dateTime: %w", s, ErrMalformedProof)
		}
	}
	return p, nil
}

// stringList reads a string or an array of strings.
func stringList(v any, what string) ([]string, error) {
	switch x := v.(type) {
	case nil:
		return nil, nil
	case string:
		return []string{x}, nil
	case []any:
		out := make([]string, len(x))
		for i, e := range x {
			s, ok := e.(string)
			if !ok {
				return nil, fmt.Errorf("ldp: proof %s holds a %T: %w", what, e, ErrMalformedProof)
			}
			out[i] = s
		}
		return out, nil
	}
	return nil, fmt.Errorf("ldp: proof %s is a %T: %w", what, v, ErrMalformedProof)
}

// parseDateTime reads an xsd:dateTime; one without a time zone is taken as
// UTC.
func parseDateTime(s string) (time.Time, error) {
	if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
		return t, nil
	}
	return time.Parse("2006-01-02T15:04:05.999999999", s)
}

// decodeProofValue decodes a multibase proofValue: base58btc ("z"), which
// every suite here writes, or base64url without padding ("u").
func decodeProofValue(v string) ([]byte, error) {
	if v == "" {
		return nil, fmt.Errorf("ldp: proof has no proofValue: %w", ErrMalformedProof)
	}
	var b []byte
	var err error
	switch v[0] {
	case 'z':
		b, err = base58.Decode(v[1:])
	case 'u':
		b, err = base64.RawURLEncoding.DecodeString(v[1:])
	default:
		return nil, fmt.Errorf("ldp: proofValue multibase prefix %q: %w", v[0], ErrMalformedProof)
	}
	if err != nil || len(b) == 0 {
		return nil, fmt.Errorf("ldp: proofValue does not decode: %w", ErrMalformedProof)
	}
	return b, nil
}

// asList returns a proof member as a list of proofs.
func asList(v any) []any {
	if l, ok := v.([]any); ok {
		return l
	}
	return []any{v}
}
