package sdjwt

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/satchel-wallet/satchel/wallet/jose"
)

// TypeKB is the typ of a Key Binding JWT.
const TypeKB = "kb+jwt"

// KeyBinding is a verified Key Binding JWT.
type KeyBinding struct {
	// Nonce is the verifier's nonce it carries.
	Nonce string
	// Audience is the verifier it is addressed to.
	Audience string
	// IssuedAt is when the holder signed it.
	IssuedAt time.Time
	// Expires is its exp, when it has one; VerifyKeyBinding reports it
	// and leaves judging it to the caller.
	Expires *time.Time
	// Alg is the algorithm it verified with.
	Alg string
}

// VerifyKeyBinding checks the Key Binding JWT (RFC 9901 §7.3): typ
// "kb+jwt", a signature by the key in the credential's cnf.jwk (the
// algorithm fixed by that key), the claims iat, aud, nonce and sd_hash,
// and sd_hash equal to the hash of the presented SD-JWT up to its last
// "~". It then checks nonce, audience and time as want asks. Failures
// wrap [ErrKeyBinding] (with jose.ErrSignature or jose.ErrAlgorithm for a
// bad signature) or [ErrNoHolderKey].
func (t *Token) VerifyKeyBinding(want Expect) (*KeyBinding, error) {
	kb := t.KeyBinding
	if kb == nil {
		return nil, fmt.Errorf("no Key Binding JWT (the SD-JWT ends with \"~\"): %w", ErrKeyBinding)
	}
	if t.HolderKey == nil {
		return nil, ErrNoHolderKey
	}
	if typ := strings.TrimPrefix(strings.ToLower(kb.Header.Typ), "application/"); typ != TypeKB {
		return nil, fmt.Errorf("KB-JWT typ %q (want %s): %w", kb.Header.Typ, TypeKB, ErrKeyBinding)
	}
	if err := kb.VerifyWithKey(t.HolderKey); err != nil {
		return nil, fmt.Errorf("KB-JWT: %w: %w", ErrKeyBinding, err)
	}
	payload, err := decodeObject(kb.Payload)
	if err != nil {
		return nil, fmt.Errorf("KB-JWT payload: %w", err)
	}
	claims, err := jose.ReadClaims(payload)
	if err != nil {
		return nil, fmt.Errorf("KB-JWT claims: %w", wrapJose(err))
	}
	sdHash, _ := payload["sd_hash"].(string)
	switch {
	case claims.IssuedAt == nil:
		return nil, fmt.Errorf("KB-JWT has no iat: %w", ErrKeyBinding)
	case len(claims.Audience) != 1:
		return nil, fmt.Errorf("KB-JWT has %d audiences (want 1): %w", len(claims.Audience), ErrKeyBinding)
	case claims.Nonce == "":
		return nil, fmt.Errorf("KB-JWT has no nonce: %w", ErrKeyBinding)
	case sdHash != digest(t.hash, t.issued):
		return nil, fmt.Errorf("KB-JWT sd_hash does not match the presented SD-JWT: %w", ErrKeyBinding)
	}
	out := &KeyBinding{Nonce: claims.Nonce, Audience: claims.Audience[0], IssuedAt: *claims.IssuedAt, Expires: claims.Expiry, Alg: kb.Header.Alg}
	if want.Nonce != "" && out.Nonce != want.Nonce {
		return nil, fmt.Errorf("KB-JWT nonce %q, want %q: %w", out.Nonce, want.Nonce, ErrKeyBinding)
	}
	if want.Audience != "" && out.Audience != want.Audience {
		return nil, fmt.Errorf("KB-JWT aud %q, want %q: %w", out.Audience, want.Audience, ErrKeyBinding)
	}
	if !want.Now.IsZero() {
		if out.IssuedAt.After(want.Now.Add(want.Leeway)) {
			return nil, fmt.Errorf("KB-JWT issued at %s, in the future: %w", out.IssuedAt.Format(time.RFC3339), ErrKeyBinding)
		}
		if want.MaxAge > 0 && out.IssuedAt.Before(want.Now.Add(-want.MaxAge-want.Leeway)) {
			return nil, fmt.Errorf("KB-JWT issued at %s, older than %s: %w", out.IssuedAt.Format(time.RFC3339), want.MaxAge, ErrKeyBinding)
		}
	}
	return out, nil
}

// Select returns the digests of the Disclosures at or below the given
// JSON Pointers (such as "/grade" or "/learning_outcomes"; "" is the whole
// payload), for [Token.Present]. A pointer that matches no Disclosure is
// an error wrapping [ErrNotDisclosable].
func (t *Token) Select(pointers ...string) ([]string, error) {
	var out []string
	for _, p := range pointers {
		n := len(out)
		for _, d := range t.Disclosures {
			if (d.Pointer == p || strings.HasPrefix(d.Pointer, p+"/")) && !slices.Contains(out, d.Digest) {
				out = append(out, d.Digest)
			}
		}
		if len(out) == n {
			return nil, fmt.Errorf("%q: %w", p, ErrNotDisclosable)
		}
	}
	return out, nil
}
