package sdjwt_test

import (
	"testing"
	"time"

	"github.com/satchel-wallet/satchel/wallet/sdjwt"
)

// TestKeyBindingExpiry checks the optional exp of a Key Binding JWT: it is
// written when PresentOptions.Expires is set, reported by
// VerifyKeyBinding, and absent otherwise.
func TestKeyBindingExpiry(t *testing.T) {
	holder := signerFromJWK(t, []byte(`{"kty":"EC","crv":"P-256","d":"WsGosxrp0XK7VEviPL9xBm3fBb7Xys2vLhPGhESNoXY","x":"bN-hp3IN0GZB3OlaQnHDPhY4nZsZbQyo4wY-y1NWCvA","y":"vaSsH5jt9zt3aQvTvrSaFYLyjPG9Ug-2vntoNXlCbVU"}`))
	is := newIssuer(edSigner(t), sdjwt.TypeDC)
	issued := is.issue(t, map[string]any{"iss": is.signer.DID(), "cnf": map[string]any{"jwk": publicJWK(t, holder)}, "grade": sd{"A"}})
	tok, err := sdjwt.Parse(issued, sdjwt.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	iat := time.Unix(1_800_000_000, 0)
	for _, exp := range []time.Time{iat.Add(time.Hour), {}} {
		vp, err := tok.Present(holder, nil, sdjwt.PresentOptions{Audience: "https://verifier.example", Nonce: "n", IssuedAt: iat, Expires: exp})
		if err != nil {
			t.Fatal(err)
		}
		got, err := sdjwt.Parse(vp, sdjwt.Limits{})
		if err != nil {
			t.Fatal(err)
		}
		kb, err := got.VerifyKeyBinding(sdjwt.Expect{Nonce: "n", Audience: "https://verifier.example"})
		if err != nil {
			t.Fatal(err)
		}
		if exp.IsZero() != (kb.Expires == nil) || (kb.Expires != nil && !kb.Expires.Equal(exp)) {
			t.Fatalf("KB-JWT exp %v, want %v", kb.Expires, exp)
		}
	}
}
