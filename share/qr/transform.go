package qr

import (
	"encoding/base64"
	"encoding/binary"
	"fmt"
)

// The base64url expansion (payload kind 1) undoes the base64url layer of
// JOSE: JWS compact serialisations (VP-JWT, VC-JWT), SD-JWT disclosures and
// key-binding JWTs. Base64url text of JSON compresses poorly, because the
// same JSON key lands on a different alphabet shift at each occurrence and
// never matches the dictionary; decoded, the JSON compresses like any JSON.
//
// The signature covers the base64url text, so the transform must give back
// every byte: a run is expanded only when it is canonical base64url
// (strict decoding, and re-encoding gives the same text), so encoding its
// bytes again reproduces it exactly.
//
// The transformed stream is the input with
//
//	0x00            -> 0x00 0x00
//	base64url run R -> 0x00 uvarint(len(T)) T   where T = transform(decode(R)), len(T) >= 1
//
// Expanded runs nest (a VP-JWT's payload holds the VC-JWTs it presents) up
// to maxExpandDepth levels. A run is expanded only when it decodes to JSON
// (its bytes start with '{' or '['): JWS headers and payloads, SD-JWT
// disclosures. Signatures, digests and salts stay base64url text, which
// DEFLATE codes in about 6 bits a character; decoded to random bytes they
// cost more than 8 bits each (measured: expanding signatures made VP-JWT
// payloads 4% larger).
const maxExpandDepth = 4

var b64 = base64.RawURLEncoding.Strict()

func isB64URL(c byte) bool {
	return 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-' || c == '_'
}

// decodeRun returns the bytes of a canonical base64url run.
func decodeRun(run []byte) ([]byte, bool) {
	if len(run) < 2 || len(run)%4 == 1 {
		return nil, false
	}
	dec := make([]byte, b64.DecodedLen(len(run)))
	n, err := b64.Decode(dec, run)
	if err != nil {
		return nil, false
	}
	// Strict decoding rejects stray bits, so the encoding is canonical;
	// the length check guards against decoders that skip characters.
	if b64.EncodedLen(n) != len(run) {
		return nil, false
	}
	return dec[:n], true
}

func looksJSON(b []byte) bool { return len(b) >= 2 && (b[0] == '{' || b[0] == '[') }

// expand appends the transformed src to dst and reports whether any run was
// expanded.
func expand(dst, src []byte, depth int) ([]byte, bool) {
	changed := false
	for i := 0; i < len(src); {
		c := src[i]
		if !isB64URL(c) || depth >= maxExpandDepth {
			if c == 0 {
				dst = append(dst, 0, 0)
			} else {
				dst = append(dst, c)
			}
			i++
			continue
		}
		j := i
		for j < len(src) && isB64URL(src[j]) {
			j++
		}
		run := src[i:j]
		if dec, ok := decodeRun(run); ok && looksJSON(dec) {
			inner, _ := expand(nil, dec, depth+1)
			dst = append(dst, 0)
			dst = binary.AppendUvarint(dst, uint64(len(inner)))
			dst = append(dst, inner...)
			changed = true
		} else {
			dst = append(dst, run...)
		}
		i = j
	}
	return dst, changed
}

// contract reverses expand, appending to dst; the result may not exceed
// limit bytes.
func contract(dst, src []byte, depth, limit int) ([]byte, error) {
	for i := 0; i < len(src); {
		if len(dst) >= limit {
			return nil, fmt.Errorf("%w: expands past %d bytes", ErrTooLarge, limit)
		}
		if src[i] != 0 {
			dst = append(dst, src[i])
			i++
			continue
		}
		n, w := binary.Uvarint(src[i+1:])
		if w <= 0 {
			return nil, fmt.Errorf("%w: bad length in expanded run", ErrMalformed)
		}
		i += 1 + w
		if n == 0 {
			dst = append(dst, 0)
			continue
		}
		if depth+1 > maxExpandDepth {
			return nil, fmt.Errorf("%w: runs nested deeper than %d", ErrMalformed, maxExpandDepth)
		}
		if n > uint64(len(src)-i) {
			return nil, fmt.Errorf("%w: expanded run overruns its data", ErrMalformed)
		}
		// The run's text is 4/3 of its bytes: bound its bytes by what is
		// left of the budget.
		budget := (limit-len(dst))/4*3 + 2
		inner, err := contract(nil, src[i:i+int(n)], depth+1, budget)
		if err != nil {
			return nil, err
		}
		if len(dst)+b64.EncodedLen(len(inner)) > limit {
			return nil, fmt.Errorf("%w: expands past %d bytes", ErrTooLarge, limit)
		}
		dst = b64.AppendEncode(dst, inner)
		i += int(n)
	}
	return dst, nil
}
