package jose_test

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/satchel-wallet/satchel/internal/fixture"
	"github.com/satchel-wallet/satchel/wallet/did"
	"github.com/satchel-wallet/satchel/wallet/jose"
)

// benchCredential signs the CLR 2.0 test vector credential of the Open
// Badges specification (without its proof) as a VC-JWT of about 5 KB, the
// size of the interop corpus's VC-JWTs, with the vectors' key of the
// given kind.
func benchCredential(b *testing.B, kind string) string {
	b.Helper()
	k := vectorKeys(b)[kind]
	var vc map[string]any
	if err := json.Unmarshal(fixture.Read(b, "vectors/ob3/spec-ldp-testvector-clr/unsigned.json"), &vc); err != nil {
		b.Fatal(err)
	}
	vc["issuer"] = map[string]any{"id": k.did, "type": []any{"Profile"}, "name": "Example Issuer"}
	delete(vc, "validFrom")
	claims := map[string]any{"iss": k.did, "sub": "did:key:z6MkprXS1mF5fNkf4B5YB37ponfwW9fDSw56ZG1JAicJXUAc", "jti": vc["id"], "nbf": 1705244400, "vc": vc}
	if s := vc["credentialSubject"].(map[string]any); s != nil {
		s["id"] = claims["sub"]
	}
	return token(b, k.priv, map[string]any{"alg": k.alg, "kid": did.KeyID(k.did), "typ": "JWT"}, claims)
}

func benchVerify(b *testing.B, kind string) {
	tok := []byte(benchCredential(b, kind))
	r := did.NewResolver(nil)
	ctx := context.Background()
	if _, err := jose.VerifyCredential(ctx, tok, r, jose.Limits{}); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := jose.VerifyCredential(ctx, tok, r, jose.Limits{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(tok)), "token-bytes")
}

// BenchmarkVerifyEdDSA verifies a 5 KB EdDSA VC-JWT: parse, merge the VC
// 1.1 claims, resolve the did:key, check the signature.
func BenchmarkVerifyEdDSA(b *testing.B) { benchVerify(b, "Ed25519") }

// BenchmarkVerifyES256 is the same with a P-256 key.
func BenchmarkVerifyES256(b *testing.B) { benchVerify(b, "P-256") }

// BenchmarkSignVP signs a VP-JWT holding one 5 KB VC-JWT with the
// wallet's Ed25519 signer, as did-jwt-vc's benchmark in the interop
// harness does.
func BenchmarkSignVP(b *testing.B) {
	cred := benchCredential(b, "P-256")
	holder := walletSigner(b, vectorKeys(b)["Ed25519"])
	creds := []jose.VPCredential{{Compact: cred}}
	opts := jose.PresentationOptions{Audience: "https://verifier.example/apply", Nonce: "n-0S6_WzA2Mj", IssuedAt: time.Unix(1_750_000_000, 0)}
	b.ReportAllocs()
	b.ResetTimer()
	var vp string
	for b.Loop() {
		var err error
		if vp, err = jose.SignPresentation(holder, creds, opts); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(vp)), "vp-bytes")
}
