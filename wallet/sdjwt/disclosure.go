package sdjwt

import (
	"bytes"
	"crypto"
	"encoding/base64"
	"encoding/json"
	"fmt"

	// The hashes _sd_alg can name register themselves with package crypto.
	_ "crypto/sha256"
	_ "crypto/sha512"

	"github.com/satchel-wallet/satchel/wallet/jose"
)

// HashSHA256 is the default "_sd_alg" (RFC 9901 §4.1.1), used when the
// issuer JWT names none.
const HashSHA256 = "sha-256"

// hashes maps the "_sd_alg" names Satchel accepts (from the IANA Named
// Information Hash Algorithm registry) to hash functions. Shorter or
// broken hashes are not accepted: a collision would let a Disclosure be
// swapped for another.
var hashes = map[string]crypto.Hash{
	"sha-256": crypto.SHA256,
	"sha-384": crypto.SHA384,
	"sha-512": crypto.SHA512,
}

// Disclosure is one selectively disclosable claim or array element of an
// SD-JWT, with where it sits in the processed payload.
type Disclosure struct {
	// Raw is the Disclosure as it appears in the SD-JWT: base64url text.
	Raw string
	// Digest is the base64url hash of Raw, as the payload references it.
	Digest string
	// Salt is the Disclosure's salt.
	Salt string
	// Name is the claim name; empty for an array element.
	Name string
	// Value is the disclosed value as JSON text (itself possibly holding
	// digests of nested Disclosures).
	Value json.RawMessage
	// Pointer is the JSON Pointer (RFC 6901) of the value in the processed
	// payload, such as "/address/street_address" or "/nationalities/1".
	Pointer string
	// Parent is the Digest of the Disclosure whose value holds this one,
	// or empty when the issuer-signed payload does. Revealing a
	// Disclosure means revealing its parents too.
	Parent string

	value any  // Value decoded, consumed by processing
	used  bool // referenced by a digest
}

// IsArrayElement reports whether the Disclosure is an array element
// rather than an object property.
func (d *Disclosure) IsArrayElement() bool { return d.Name == "" }

// decodeDisclosure reads one Disclosure: strict base64url of a UTF-8 JSON
// array [salt, name, value] or [salt, value].
func decodeDisclosure(raw string, h crypto.Hash, maxDepth int) (*Disclosure, error) {
	if raw == "" {
		return nil, fmt.Errorf("empty Disclosure: %w", ErrMalformed)
	}
	data, err := jose.DecodeSegment(raw)
	if err != nil {
		return nil, fmt.Errorf("Disclosure: %v: %w", err, ErrMalformed)
	}
	if err := jose.CheckJSON(data, maxDepth); err != nil {
		return nil, fmt.Errorf("Disclosure: %w", wrapJose(err))
	}
	var parts []json.RawMessage
	if err := json.Unmarshal(data, &parts); err != nil {
		return nil, fmt.Errorf("Disclosure is not a JSON array: %w", ErrMalformed)
	}
	d := &Disclosure{Raw: raw, Digest: digest(h, raw)}
	if len(parts) != 2 && len(parts) != 3 {
		return nil, fmt.Errorf("Disclosure of %d elements (want 2 or 3): %w", len(parts), ErrMalformed)
	}
	if err := json.Unmarshal(parts[0], &d.Salt); err != nil {
		return nil, fmt.Errorf("Disclosure salt is not a string: %w", ErrMalformed)
	}
	if len(parts) == 3 {
		if err := json.Unmarshal(parts[1], &d.Name); err != nil {
			return nil, fmt.Errorf("Disclosure claim name is not a string: %w", ErrMalformed)
		}
		if d.Name == "" {
			return nil, fmt.Errorf("Disclosure with an empty claim name: %w", ErrMalformed)
		}
		if d.Name == "_sd" || d.Name == "..." {
			return nil, fmt.Errorf("Disclosure claim name %q: %w", d.Name, ErrClaimClash)
		}
	}
	d.Value = parts[len(parts)-1]
	dec := json.NewDecoder(bytes.NewReader(d.Value))
	dec.UseNumber()
	if err := dec.Decode(&d.value); err != nil {
		return nil, fmt.Errorf("Disclosure value: %v: %w", err, ErrMalformed)
	}
	return d, nil
}

// digest returns the base64url hash of a Disclosure's text (RFC 9901
// §4.2.3: over the ASCII of the base64url form, as presented).
func digest(h crypto.Hash, s string) string {
	w := h.New()
	w.Write([]byte(s))
	return base64.RawURLEncoding.EncodeToString(w.Sum(nil))
}
