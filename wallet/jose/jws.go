package jose

import (
	"encoding/json"
	"fmt"
	"strings"
)

// Header holds the JOSE header parameters Satchel reads (RFC 7515 §4.1).
type Header struct {
	// Alg is the signature algorithm the token claims ("EdDSA", "ES256",
	// ...). It is only a claim: verification fixes the algorithm by the
	// key and refuses a mismatch.
	Alg string `json:"alg"`
	// Kid is the key id: for credentials, usually a DID URL.
	Kid string `json:"kid,omitempty"`
	// Typ is the media type of the whole token ("JWT", "vc+jwt",
	// "dc+sd-jwt", "kb+jwt", ...).
	Typ string `json:"typ,omitempty"`
	// Cty is the media type of the payload.
	Cty string `json:"cty,omitempty"`
	// JWK is a public key carried in the header, as JSON.
	JWK json.RawMessage `json:"jwk,omitempty"`
	// X5C is a certificate chain carried in the header: standard base64
	// DER, the signer's certificate first.
	X5C []string `json:"x5c,omitempty"`
	// Crit lists header parameters the recipient must understand.
	Crit []string `json:"crit,omitempty"`
}

// understood lists the header parameters Satchel can honour when a token
// marks them critical: none changes how the signature is computed.
var understood = map[string]bool{}

// JWS is a parsed compact JSON Web Signature: three base64url segments
// joined by dots. Parsing checks the form, not the signature.
type JWS struct {
	// Header is the decoded protected header.
	Header Header
	// HeaderJSON is the header as decoded JSON text.
	HeaderJSON []byte
	// Payload is the decoded payload.
	Payload []byte
	// Signature is the decoded signature.
	Signature []byte

	raw string
	dot int // index of the second dot in raw
}

// Raw returns the compact form the JWS was parsed from.
func (j *JWS) Raw() string { return j.raw }

// SigningInput returns the bytes the signature covers: the encoded header,
// a dot and the encoded payload, exactly as received.
func (j *JWS) SigningInput() string { return j.raw[:j.dot] }

// ParseCompact parses a compact JWS. Surrounding ASCII white space (a
// trailing newline in a file) is ignored; anything else outside base64url
// and the two dots is refused. The header must be a JSON object with a
// string "alg" (which may be "none": verification refuses it, parsing only
// reports it); the payload must be valid UTF-8 JSON within the limits, but
// may be any JSON value. Critical header parameters are refused, since
// Satchel implements none (in particular not the unencoded payloads of RFC
// 7797).
func ParseCompact(s string, lim Limits) (*JWS, error) {
	if err := lim.CheckSize(len(s)); err != nil {
		return nil, fmt.Errorf("jws: %w", err)
	}
	s = strings.Trim(s, " \t\r\n")
	d1 := strings.IndexByte(s, '.')
	if d1 < 0 {
		return nil, fmt.Errorf("jws: no dots (want header.payload.signature): %w", ErrMalformed)
	}
	d2 := strings.IndexByte(s[d1+1:], '.')
	if d2 < 0 {
		return nil, fmt.Errorf("jws: one dot (want header.payload.signature): %w", ErrMalformed)
	}
	d2 += d1 + 1
	if strings.IndexByte(s[d2+1:], '.') >= 0 {
		return nil, fmt.Errorf("jws: more than three segments (an encrypted JWE is not supported): %w", ErrMalformed)
	}
	j := &JWS{raw: s, dot: d2}
	var err error
	if j.HeaderJSON, err = DecodeSegment(s[:d1]); err != nil {
		return nil, fmt.Errorf("jws header: %w", err)
	}
	if j.Payload, err = DecodeSegment(s[d1+1 : d2]); err != nil {
		return nil, fmt.Errorf("jws payload: %w", err)
	}
	if j.Signature, err = DecodeSegment(s[d2+1:]); err != nil {
		return nil, fmt.Errorf("jws signature: %w", err)
	}
	if err := decodeObject(j.HeaderJSON, lim, &j.Header); err != nil {
		return nil, fmt.Errorf("jws header: %w", err)
	}
	if j.Header.Alg == "" {
		return nil, fmt.Errorf("jws header has no alg: %w", ErrMalformed)
	}
	for _, c := range j.Header.Crit {
		if !understood[c] {
			return nil, fmt.Errorf("jws header marks %q critical: %w", c, ErrMalformed)
		}
	}
	if err := CheckJSON(j.Payload, lim.maxDepth()); err != nil {
		return nil, fmt.Errorf("jws payload: %w", err)
	}
	if !json.Valid(j.Payload) {
		return nil, fmt.Errorf("jws payload is not JSON: %w", ErrMalformed)
	}
	return j, nil
}

// decodeObject checks data with [CheckJSON] and decodes it into v, which
// must be a JSON object.
func decodeObject(data []byte, lim Limits, v any) error {
	if err := CheckJSON(data, lim.maxDepth()); err != nil {
		return err
	}
	if len(data) == 0 || firstNonSpace(data) != '{' {
		return fmt.Errorf("not a JSON object: %w", ErrMalformed)
	}
	if err := json.Unmarshal(data, v); err != nil {
		return fmt.Errorf("%v: %w", err, ErrMalformed)
	}
	return nil
}

func firstNonSpace(b []byte) byte {
	for _, c := range b {
		switch c {
		case ' ', '\t', '\r', '\n':
			continue
		}
		return c
	}
	return 0
}
