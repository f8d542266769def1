package cborld

import (
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"regexp"
	"strings"

	"github.com/mr-tron/base58"
)

// The value codecs of cborld 4.3.4: URLs (http, https, urn:uuid, did:key,
// did:v1:nym) as [scheme id, rest], multibase strings as bytes. The
// encoders compress a value only when the decoder gives back the same text
// (cborld itself does not always check: "did:key:a#b#c" loses "#c" there).

// maxBase58Bytes caps a byte string that decoding turns into base58.
// Base58 costs time quadratic in the length; keys are 34 bytes and
// signatures 64, the largest Data Integrity proof values a few hundred.
const maxBase58Bytes = 4096

// uuidPattern is what the uuid package (v8) that cborld uses accepts:
// versions 1 to 5 with the RFC 4122 variant, or the nil UUID.
var uuidPattern = regexp.MustCompile(`^(?:[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}|00000000-0000-0000-0000-000000000000)$`)

// decodeURI rebuilds a URL from its [scheme, ...] form. It returns false
// when the array is not one (cborld then keeps the array as it is).
func (s *state) decodeURI(a []any) (string, bool, error) {
	if len(a) == 0 {
		return "", false, nil
	}
	scheme, _ := a[0].(uint64)
	switch scheme {
	case schemeHTTP, schemeHTTPS:
		if len(a) != 2 {
			return "", false, nil
		}
		rest, ok := a[1].(string)
		if !ok {
			return "", false, nil
		}
		if scheme == schemeHTTPS {
			return prefixHTTPS + rest, true, nil
		}
		return prefixHTTP + rest, true, nil
	case schemeUUID:
		if len(a) != 2 {
			return "", false, nil
		}
		switch u := a[1].(type) {
		case string:
			return prefixUUID + u, true, nil
		case []byte:
			if len(u) < 16 { // the uuid package reads 16 bytes and ignores the rest
				return "", false, s.fail("a UUID of %d bytes", len(u))
			}
			h := hex.EncodeToString(u[:16])
			str := h[:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:32]
			if !uuidPattern.MatchString(str) {
				return "", false, s.fail("bytes that are not an RFC 4122 UUID")
			}
			return prefixUUID + str, true, nil
		}
		return "", false, nil
	case schemeDIDv1, schemeDIDKey:
		if len(a) < 2 || len(a) > 3 {
			return "", false, nil
		}
		url := prefixDIDKey
		if scheme == schemeDIDv1 {
			url = prefixDIDv1
		}
		auth, err := s.base58Part(a[1])
		if err != nil {
			return "", false, err
		}
		url += auth
		if len(a) == 3 {
			frag, err := s.base58Part(a[2])
			if err != nil {
				return "", false, err
			}
			url += "#" + frag
		}
		return url, true, nil
	}
	return "", false, nil
}

// base58Part rebuilds one part of a DID URL: text as it is, bytes as
// multibase base58btc.
func (s *state) base58Part(v any) (string, error) {
	switch p := v.(type) {
	case string:
		return p, nil
	case []byte:
		if len(p) > maxBase58Bytes {
			return "", fmt.Errorf("%w: a base58 value of %d bytes (at most %d)", ErrTooLarge, len(p), maxBase58Bytes)
		}
		return string(multibase58) + base58.Encode(p), nil
	}
	return "", s.fail("a DID URL part of type %T", v)
}

// decodeMultibase rebuilds a multibase string from its bytes: the first
// byte is the multibase prefix ('z' base58btc or 'M' base64 with padding).
func decodeMultibase(b []byte) (string, bool, error) {
	if len(b) == 0 || (b[0] != multibase58 && b[0] != multibase64Pad) {
		return "", false, nil
	}
	if b[0] == multibase64Pad {
		return "M" + base64.StdEncoding.EncodeToString(b[1:]), true, nil
	}
	if len(b)-1 > maxBase58Bytes {
		return "", false, fmt.Errorf("%w: a base58 value of %d bytes (at most %d)", ErrTooLarge, len(b)-1, maxBase58Bytes)
	}
	return "z" + base58.Encode(b[1:]), true, nil
}

// encodeURI returns the [scheme, ...] form of a URL, or false when cborld
// has no codec for it or the codec would not give the same text back.
// Like cborld, it takes the scheme to be all before the last colon.
func encodeURI(v string) (any, bool) {
	i := strings.LastIndexByte(v, ':')
	if i < 0 {
		return nil, false
	}
	switch v[:i] {
	case "https", "http":
		if rest, ok := strings.CutPrefix(v, prefixHTTPS); ok {
			return []any{uint64(schemeHTTPS), rest}, true
		}
		if rest, ok := strings.CutPrefix(v, prefixHTTP); ok {
			return []any{uint64(schemeHTTP), rest}, true
		}
	case "urn:uuid":
		rest := v[len(prefixUUID):]
		if rest == strings.ToLower(rest) && uuidPattern.MatchString(rest) {
			b, _ := hex.DecodeString(strings.ReplaceAll(rest, "-", ""))
			return []any{uint64(schemeUUID), b}, true
		}
		return []any{uint64(schemeUUID), rest}, true
	case "did:key", "did:v1:nym":
		scheme, prefix := uint64(schemeDIDKey), prefixDIDKey
		if v[:i] == "did:v1:nym" {
			scheme, prefix = schemeDIDv1, prefixDIDv1
		}
		parts := strings.Split(v[len(prefix):], "#")
		if len(parts) > 2 {
			return nil, false
		}
		out := []any{scheme}
		for _, p := range parts {
			out = append(out, base58Token(p))
		}
		return out, true
	}
	return nil, false
}

// base58Token returns the bytes of a multibase base58btc string when they
// print back to it, or the string.
func base58Token(p string) any {
	if rest, ok := strings.CutPrefix(p, "z"); ok {
		if rest == "" {
			return []byte{}
		}
		if len(rest) > 2*maxBase58Bytes { // base58 costs quadratic time; see maxBase58Bytes
			return p
		}
		if b, err := base58.Decode(rest); err == nil && len(b) <= maxBase58Bytes && base58.Encode(b) == rest {
			return b
		}
	}
	return p
}

// encodeMultibase returns the bytes of a multibase string ('z' or 'M')
// when they print back to it, or false.
func encodeMultibase(v string) ([]byte, bool) {
	if v == "" {
		return nil, false
	}
	var b []byte
	switch v[0] {
	case multibase58:
		t, ok := base58Token(v).([]byte)
		if !ok {
			return nil, false
		}
		b = t
	case multibase64Pad:
		t, err := base64.StdEncoding.DecodeString(v[1:])
		if err != nil || base64.StdEncoding.EncodeToString(t) != v[1:] {
			return nil, false
		}
		b = t
	default:
		return nil, false
	}
	return append([]byte{v[0]}, b...), true
}
