package sdjwt

import (
	"fmt"
	"strconv"
	"strings"
)

// processor rebuilds the processed payload from the issuer-signed payload
// and the Disclosures (RFC 9901 §7.1, step 3 onwards).
type processor struct {
	byDigest map[string]*Disclosure
	seen     map[string]bool // every digest met so far
	maxDepth int
}

// value processes any JSON value at pointer ptr; parent is the digest of
// the Disclosure it came from.
func (p *processor) value(v any, ptr, parent string, depth int) (any, error) {
	switch x := v.(type) {
	case map[string]any:
		return p.object(x, ptr, parent, depth+1)
	case []any:
		return p.array(x, ptr, parent, depth+1)
	}
	return v, nil
}

// object processes an object: its plain members first, then the claims
// its "_sd" digests disclose.
func (p *processor) object(m map[string]any, ptr, parent string, depth int) (map[string]any, error) {
	if depth > p.maxDepth {
		return nil, fmt.Errorf("nested over %d levels through Disclosures: %w", p.maxDepth, ErrTooLarge)
	}
	out := make(map[string]any, len(m))
	for k, v := range m {
		if k == "_sd" {
			continue
		}
		pv, err := p.value(v, ptr+"/"+escape(k), parent, depth)
		if err != nil {
			return nil, err
		}
		out[k] = pv
	}
	sd, ok := m["_sd"]
	if !ok {
		return out, nil
	}
	digests, ok := sd.([]any)
	if !ok {
		return nil, fmt.Errorf("_sd at %q is not an array: %w", ptr, ErrMalformed)
	}
	for _, e := range digests {
		dg, ok := e.(string)
		if !ok {
			return nil, fmt.Errorf("_sd at %q holds a non-string: %w", ptr, ErrMalformed)
		}
		d, err := p.take(dg)
		if err != nil {
			return nil, err
		}
		if d == nil {
			continue // a decoy, or a claim not disclosed
		}
		if d.IsArrayElement() {
			return nil, fmt.Errorf("array element Disclosure referenced from _sd at %q: %w", ptr, ErrMalformed)
		}
		if _, clash := out[d.Name]; clash {
			return nil, fmt.Errorf("claim %q at %q is both plain and disclosed, or disclosed twice: %w", d.Name, ptr, ErrClaimClash)
		}
		d.Pointer, d.Parent = ptr+"/"+escape(d.Name), parent
		pv, err := p.value(d.value, d.Pointer, d.Digest, depth)
		if err != nil {
			return nil, err
		}
		out[d.Name] = pv
	}
	return out, nil
}

// array processes an array: an element {"...": digest} is replaced by the
// value of its Disclosure, or dropped when it has none.
func (p *processor) array(a []any, ptr, parent string, depth int) ([]any, error) {
	if depth > p.maxDepth {
		return nil, fmt.Errorf("nested over %d levels through Disclosures: %w", p.maxDepth, ErrTooLarge)
	}
	out := make([]any, 0, len(a))
	for _, e := range a {
		if dg, ok := arrayDigest(e); ok {
			s, ok := dg.(string)
			if !ok {
				return nil, fmt.Errorf("\"...\" at %q is not a string: %w", ptr, ErrMalformed)
			}
			d, err := p.take(s)
			if err != nil {
				return nil, err
			}
			if d == nil {
				continue
			}
			if !d.IsArrayElement() {
				return nil, fmt.Errorf("claim Disclosure %q referenced as an array element at %q: %w", d.Name, ptr, ErrMalformed)
			}
			d.Pointer, d.Parent = ptr+"/"+strconv.Itoa(len(out)), parent
			pv, err := p.value(d.value, d.Pointer, d.Digest, depth)
			if err != nil {
				return nil, err
			}
			out = append(out, pv)
			continue
		}
		pv, err := p.value(e, ptr+"/"+strconv.Itoa(len(out)), parent, depth)
		if err != nil {
			return nil, err
		}
		out = append(out, pv)
	}
	return out, nil
}

// take records a digest and returns its Disclosure, nil for a decoy.
func (p *processor) take(dg string) (*Disclosure, error) {
	if p.seen[dg] {
		return nil, fmt.Errorf("digest %s: %w", dg, ErrDuplicateDigest)
	}
	p.seen[dg] = true
	d := p.byDigest[dg]
	if d != nil {
		d.used = true
	}
	return d, nil
}

// arrayDigest returns the digest of an array element of the form
// {"...": digest}.
func arrayDigest(e any) (any, bool) {
	m, ok := e.(map[string]any)
	if !ok || len(m) != 1 {
		return nil, false
	}
	dg, ok := m["..."]
	return dg, ok
}

// escape escapes a member name for a JSON Pointer (RFC 6901 §3).
func escape(s string) string {
	if !strings.ContainsAny(s, "~/") {
		return s
	}
	return strings.ReplaceAll(strings.ReplaceAll(s, "~", "~0"), "/", "~1")
}
