package sdjwt

import (
	"context"
	"crypto"
	"time"

	"github.com/satchel-wallet/satchel/wallet/jose"
)

// VerifyIssuer checks the issuer's signature. The key is found as for any
// JWS (see jose.JWS.Verify): the kid DID URL, which must belong to the
// issuer (iss, or the issuer of a W3C credential payload), or the
// issuer's DID, resolved with r (nil: did:key and
// did:jwk only); or else a jwk or x5c in the header, which proves
// integrity only (jose.KeyEmbedded). An https issuer whose key is
// published at /.well-known/jwt-vc-issuer is not looked up: that needs
// the network, and the error wraps jose.ErrNoKey. On success it sets t.Key.
func (t *Token) VerifyIssuer(ctx context.Context, r jose.KeyResolver) error {
	info, err := t.JWS.Verify(ctx, r, t.Issuer)
	if err != nil {
		return err
	}
	t.Key = info
	return nil
}

// VerifyIssuerWithKey checks the issuer's signature with a key the caller
// supplies (the algorithm fixed by the key) and sets t.Key with
// jose.KeyProvided.
func (t *Token) VerifyIssuerWithKey(pub crypto.PublicKey) error {
	if err := t.JWS.VerifyWithKey(pub); err != nil {
		return err
	}
	t.Key = &jose.KeyInfo{Source: jose.KeyProvided, ID: t.JWS.Header.Kid, Alg: t.JWS.Header.Alg, Key: pub}
	return nil
}

// Options says what [Verify] checks beyond the issuer's signature and the
// digests.
type Options struct {
	// Limits bound the parsing.
	Limits Limits
	// Resolver resolves the issuer's key; nil resolves did:key and did:jwk
	// only.
	Resolver jose.KeyResolver
	// KeyBinding, when not nil, requires a Key Binding JWT and checks it
	// against these expectations. When nil, a Key Binding JWT that is
	// present is not checked.
	KeyBinding *Expect
}

// Verify parses an SD-JWT and verifies it: the issuer's signature, every
// digest (in [Parse]), and the Key Binding JWT when opts asks. When the
// input parses but does not verify, the token is returned with the error,
// so that the caller can say what it claims; when it does not parse, the
// token is nil.
func Verify(ctx context.Context, s string, opts Options) (*Token, error) {
	t, err := Parse(s, opts.Limits)
	if err != nil {
		return nil, err
	}
	if err := t.VerifyIssuer(ctx, opts.Resolver); err != nil {
		return t, err
	}
	if opts.KeyBinding != nil {
		if _, err := t.VerifyKeyBinding(*opts.KeyBinding); err != nil {
			return t, err
		}
	}
	return t, nil
}

// Expect holds what a verifier requires of a Key Binding JWT. Empty fields
// are not checked; a verifier that sent a nonce must set it.
type Expect struct {
	// Nonce must equal the KB-JWT's nonce.
	Nonce string
	// Audience must equal the KB-JWT's aud.
	Audience string
	// Now, when not zero, is the time iat is checked against: iat may not
	// be later than Now plus Leeway, nor earlier than Now minus MaxAge
	// (when MaxAge is set).
	Now time.Time
	// MaxAge bounds how old the KB-JWT may be.
	MaxAge time.Duration
	// Leeway allows for clocks that disagree.
	Leeway time.Duration
}
