package elm

import (
	"encoding/base64"
	"fmt"
	"slices"
	"time"

	"github.com/satchel-wallet/satchel/wallet/jsonld"
)

// envelope is a JWS JSON serialization (RFC 7515 section 7.2), in its
// general form (a "signatures" array) or its flattened form (one
// signature's members at the top).
type envelope struct {
	// payload is the payload member's value as stored. With b64:false it
	// is the sealed content itself; otherwise its base64url encoding.
	payload string
	sigs    []jwsSig
}

// jwsSig is one signature of an envelope, its members as stored.
type jwsSig struct {
	protected string         // base64url of the protected header
	header    map[string]any // the unprotected header, nil if none
	signature string         // base64url of the signature
}

// isEnvelope reports whether doc has the members of a JWS JSON
// serialization.
func isEnvelope(doc map[string]any) bool {
	_, payload := doc["payload"]
	_, general := doc["signatures"]
	_, flatSig := doc["signature"]
	_, flatProt := doc["protected"]
	return payload && (general || flatSig || flatProt)
}

// parseEnvelope reads the members of a JWS JSON serialization. A
// malformed envelope wraps ErrMalformed; more than maxSignatures
// signatures wrap ErrLimit.
func parseEnvelope(doc map[string]any) (*envelope, error) {
	payload, ok := doc["payload"].(string)
	if !ok {
		return nil, fmt.Errorf("elm: the seal's payload is not a string: %w", ErrMalformed)
	}
	env := &envelope{payload: payload}
	raw, general := doc["signatures"]
	if general {
		for _, k := range []string{"protected", "header", "signature"} {
			if _, ok := doc[k]; ok {
				return nil, fmt.Errorf("elm: the seal mixes the general and flattened JWS forms (%q beside \"signatures\"): %w", k, ErrMalformed)
			}
		}
		list, ok := raw.([]any)
		if !ok || len(list) == 0 {
			return nil, fmt.Errorf("elm: the seal's signatures are not a non-empty array: %w", ErrMalformed)
		}
		if len(list) > maxSignatures {
			return nil, fmt.Errorf("elm: %d signatures, more than %d: %w", len(list), maxSignatures, ErrLimit)
		}
		for i, e := range list {
			m, ok := e.(map[string]any)
			if !ok {
				return nil, fmt.Errorf("elm: signature %d is not an object: %w", i+1, ErrMalformed)
			}
			s, err := readSig(m)
			if err != nil {
				return nil, fmt.Errorf("elm: signature %d: %w", i+1, err)
			}
			env.sigs = append(env.sigs, s)
		}
		return env, nil
	}
	s, err := readSig(doc)
	if err != nil {
		return nil, fmt.Errorf("elm: %w", err)
	}
	env.sigs = []jwsSig{s}
	return env, nil
}

func readSig(m map[string]any) (jwsSig, error) {
	var s jwsSig
	var ok bool
	if s.signature, ok = m["signature"].(string); !ok {
		return s, fmt.Errorf("no signature string: %w", ErrMalformed)
	}
	if v, present := m["protected"]; present {
		if s.protected, ok = v.(string); !ok {
			return s, fmt.Errorf("the protected header is not a string: %w", ErrMalformed)
		}
	}
	if v, present := m["header"]; present {
		if s.header, ok = v.(map[string]any); !ok {
			return s, fmt.Errorf("the unprotected header is not an object: %w", ErrMalformed)
		}
	}
	return s, nil
}

// header is a signature's JOSE header as far as verification needs it.
type header struct {
	alg string
	// b64 is false for an unencoded payload (RFC 7797), as EDC seals have.
	b64  bool
	crit []string
	// sigT is the claimed signing time (JAdES sigT); zero if absent.
	sigT time.Time
	// sigD is set for a detached JAdES signature.
	sigD bool
	// x5c holds the DER certificates, signing certificate first.
	x5c     [][]byte
	x5tS256 string
	// unprotected is the unprotected header (JAdES keeps its etsiU
	// validation data there).
	unprotected map[string]any
}

// headerError is a breach of the JWS or JAdES header rules. It makes the
// proof check fail; it is not an error of Read.
type headerError struct{ problem string }

func (e *headerError) Error() string { return "elm: seal header: " + e.problem }

func badHeader(format string, a ...any) error {
	return &headerError{problem: fmt.Sprintf(format, a...)}
}

// registered are the header names RFC 7515 and RFC 7518 define; they must
// never be listed in crit (RFC 7515 section 4.1.11).
var registered = []string{
	"alg", "jku", "jwk", "kid", "x5u", "x5c", "x5t", "x5t#S256", "typ", "cty", "crit",
	"enc", "zip", "epk", "apu", "apv", "iv", "tag", "p2s", "p2c",
}

// understood are the extension headers a seal may mark critical and that
// Satchel understands: RFC 7797's b64, and the JAdES signed header
// parameters (ETSI TS 119 182-1 clause 5.2). Of these, b64, sigT and sigD
// change how the seal is checked; the others (signature policy, commitment
// type, signer attributes, content time-stamps, certificate references)
// are signed attributes that add to a seal without changing what it
// covers, so accepting them as understood does not let anything past the
// signature. Any other critical name makes the seal invalid, as RFC 7515
// requires.
var understood = []string{"b64", "sigT", "sigD", "adoTst", "sigX5ts", "x5t#o", "srCms", "sigPl", "srAts", "sigPId"}

// parseHeader decodes a signature's protected header and applies the rules
// of RFC 7515, RFC 7797 and JAdES that decide what the signature covers:
//   - the protected header is present, strict base64url, and one JSON
//     object without repeated names;
//   - no name appears in both the protected and the unprotected header;
//   - alg, b64, crit and sigT are protected;
//   - crit, when present, is a non-empty list of distinct names, each
//     present in the protected header, none registered by RFC 7515/7518,
//     each understood (see understood);
//   - b64:false is listed in crit, so that no verifier can read the
//     payload as base64url;
//   - sigT is an RFC 3339 time; x5c is a list of base64 DER certificates.
//
// A breach is a *headerError. A chain longer than maxChain or a
// certificate larger than maxCertBytes wraps ErrLimit.
func parseHeader(protected string, unprotected map[string]any, maxBytes int) (*header, error) {
	if protected == "" {
		return nil, badHeader("it has no protected header")
	}
	raw, err := base64.RawURLEncoding.Strict().DecodeString(protected)
	if err != nil {
		return nil, badHeader("its protected header is not base64url")
	}
	prot, err := jsonld.ParseObject(raw, maxBytes)
	if err != nil {
		return nil, badHeader("its protected header is not a JSON object (%v)", err)
	}
	h := &header{b64: true, unprotected: unprotected}
	for k := range unprotected {
		if _, dup := prot[k]; dup {
			return nil, badHeader("%q is in both the protected and the unprotected header", k)
		}
	}
	for _, k := range []string{"alg", "b64", "crit", "sigT", "sigD"} {
		if _, ok := unprotected[k]; ok {
			return nil, badHeader("%q is not integrity protected", k)
		}
	}
	if h.alg, _ = prot["alg"].(string); h.alg == "" || h.alg == "none" {
		return nil, badHeader("it names no signature algorithm")
	}
	if v, ok := prot["b64"]; ok {
		b, isBool := v.(bool)
		if !isBool {
			return nil, badHeader("b64 is not a boolean")
		}
		h.b64 = b
	}
	if err := h.readCrit(prot); err != nil {
		return nil, err
	}
	if v, ok := prot["sigT"]; ok {
		s, _ := v.(string)
		t, err := time.Parse(time.RFC3339, s)
		if err != nil {
			return nil, badHeader("its signing time (sigT) %q is not an RFC 3339 time", s)
		}
		h.sigT = t
	}
	_, h.sigD = prot["sigD"]
	h.x5tS256, _ = prot["x5t#S256"].(string)
	x5c, inProt := prot["x5c"]
	if !inProt {
		x5c = unprotected["x5c"]
		if x5c != nil && h.x5tS256 == "" {
			return nil, badHeader("its certificate (x5c) is unprotected and no protected x5t#S256 binds it")
		}
	}
	if x5c != nil {
		if h.x5c, err = readX5C(x5c); err != nil {
			return nil, err
		}
	}
	return h, nil
}

func (h *header) readCrit(prot map[string]any) error {
	v, ok := prot["crit"]
	if !ok {
		if !h.b64 {
			return badHeader("b64:false is not marked critical")
		}
		return nil
	}
	list, ok := v.([]any)
	if !ok || len(list) == 0 {
		return badHeader("crit is not a non-empty list")
	}
	for _, e := range list {
		name, ok := e.(string)
		switch {
		case !ok:
			return badHeader("crit lists a non-string")
		case slices.Contains(h.crit, name):
			return badHeader("crit lists %q twice", name)
		case slices.Contains(registered, name):
			return badHeader("crit lists %q, which RFC 7515 does not allow", name)
		case !slices.Contains(understood, name):
			return badHeader("it requires the extension %q, which Satchel does not understand", name)
		}
		if _, present := prot[name]; !present {
			return badHeader("crit lists %q, which the protected header lacks", name)
		}
		h.crit = append(h.crit, name)
	}
	if !h.b64 && !slices.Contains(h.crit, "b64") {
		return badHeader("b64:false is not marked critical")
	}
	return nil
}

// readX5C decodes an x5c value: standard base64 (not base64url) DER
// certificates, signing certificate first (RFC 7515 section 4.1.6).
func readX5C(v any) ([][]byte, error) {
	list, ok := v.([]any)
	if !ok || len(list) == 0 {
		return nil, badHeader("x5c is not a non-empty list")
	}
	if len(list) > maxChain {
		return nil, fmt.Errorf("elm: x5c holds %d certificates, more than %d: %w", len(list), maxChain, ErrLimit)
	}
	out := make([][]byte, 0, len(list))
	for i, e := range list {
		s, ok := e.(string)
		if !ok {
			return nil, badHeader("x5c entry %d is not a string", i+1)
		}
		if base64.StdEncoding.DecodedLen(len(s)) > maxCertBytes {
			return nil, fmt.Errorf("elm: x5c certificate %d is larger than %d bytes: %w", i+1, maxCertBytes, ErrLimit)
		}
		der, err := base64.StdEncoding.DecodeString(s)
		if err != nil {
			return nil, badHeader("x5c entry %d is not base64", i+1)
		}
		out = append(out, der)
	}
	return out, nil
}
