package jose_test

import (
	"context"
	"crypto/ecdsa"
	"crypto/ed25519"
	"encoding/json"
	"errors"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/satchel-wallet/satchel/wallet"
	"github.com/satchel-wallet/satchel/wallet/did"
	"github.com/satchel-wallet/satchel/wallet/jose"
)

// wallet.Signer is what the wallet hands out; it must satisfy jose.Signer.
var _ jose.Signer = wallet.Signer(nil)

// walletSigner imports a test key into an in-memory wallet, as a learner
// imports a key from another wallet, and returns the wallet's signer.
func walletSigner(t testing.TB, k *testKey) wallet.Signer {
	t.Helper()
	var j []byte
	switch priv := k.priv.(type) {
	case ed25519.PrivateKey:
		j, _ = json.Marshal(map[string]string{"kty": "OKP", "crv": "Ed25519", "x": b64(priv.Public().(ed25519.PublicKey)), "d": b64(priv.Seed())})
	case *ecdsa.PrivateKey:
		pub, _ := did.MarshalPublicJWK(&priv.PublicKey)
		var m map[string]string
		json.Unmarshal(pub, &m)
		d, err := priv.Bytes()
		if err != nil {
			t.Fatal(err)
		}
		m["d"] = b64(d)
		j, _ = json.Marshal(m)
	}
	w := wallet.New(wallet.NewMemStore())
	if _, err := w.ImportHolderKey("holder", j); err != nil {
		t.Fatal(err)
	}
	s, err := w.Signer("holder")
	if err != nil {
		t.Fatal(err)
	}
	if s.DID() != k.did {
		t.Fatalf("wallet DID %s, want %s", s.DID(), k.did)
	}
	return s
}

var uuidURN = regexp.MustCompile(`^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)

func TestSignPresentation(t *testing.T) {
	keys := vectorKeys(t)
	issuer := keys["P-384"]
	vcJWT := token(t, issuer.priv, map[string]any{"alg": "ES384", "kid": did.KeyID(issuer.did)},
		map[string]any{"iss": issuer.did, "vc": map[string]any{"@context": []any{jose.ContextV1}, "type": []any{"VerifiableCredential"}}})
	ldp := json.RawMessage(`{
		"@context": ["https://www.w3.org/2018/credentials/v1"], "type": ["VerifiableCredential"],
		"issuer": "did:example:issuer", "credentialSubject": {"name": "Elena Marković <ok> & fine"}}`)
	creds := []jose.VPCredential{{Compact: vcJWT}, {JSON: ldp}}
	now := time.Unix(1_750_000_000, 0)
	opts := jose.PresentationOptions{Audience: "https://verifier.example/apply", Nonce: "n-0S6_WzA2Mj", IssuedAt: now, Lifetime: 10 * time.Minute}
	ctx := context.Background()
	for _, name := range []string{"Ed25519", "P-256"} {
		holder := walletSigner(t, keys[name])
		for _, v2 := range []bool{false, true} {
			sign, format := jose.SignPresentation, jose.FormatVC11
			if v2 {
				sign, format = jose.SignPresentationV2, jose.FormatVC20
			}
			t.Run(name+"/"+string(format), func(t *testing.T) {
				vp, err := sign(holder, creds, opts)
				if err != nil {
					t.Fatal(err)
				}
				p, err := jose.VerifyPresentation(ctx, []byte(vp), nil, jose.Expect{Audience: opts.Audience, Nonce: opts.Nonce}, jose.Limits{})
				if err != nil {
					t.Fatal(err)
				}
				if p.Format != format || p.Holder != holder.DID() || p.Key.Controller != holder.DID() || p.Key.Alg != holder.Algorithm() {
					t.Fatalf("presentation %+v key %+v", p, p.Key)
				}
				if p.JWS.Header.Kid != holder.KeyID() || p.Claims.Nonce != opts.Nonce || len(p.Claims.Audience) != 1 {
					t.Fatalf("header %+v claims %+v", p.JWS.Header, p.Claims)
				}
				if !p.Validity.From.Equal(now) || !p.Validity.Until.Equal(now.Add(10*time.Minute)) {
					t.Fatalf("validity %v", p.Validity)
				}
				if len(p.Credentials) != 2 || p.Credentials[0].Compact != vcJWT || !jsonEqual(p.Credentials[1].JSON, ldp) {
					t.Fatalf("credentials %+v", p.Credentials)
				}
				var payload map[string]any
				json.Unmarshal(p.JWS.Payload, &payload)
				id, _ := payload["jti"].(string)
				if v2 {
					id, _ = payload["id"].(string)
				}
				if !uuidURN.MatchString(id) {
					t.Fatalf("presentation id %q", id)
				}
				if !v2 && (payload["nbf"] != payload["iat"] || payload["vp"].(map[string]any)["holder"] != holder.DID()) {
					t.Fatalf("payload %s", p.JWS.Payload)
				}
				// The embedded credential still verifies.
				if _, err := jose.VerifyCredential(ctx, []byte(p.Credentials[0].Compact), nil, jose.Limits{}); err != nil {
					t.Fatalf("embedded credential: %v", err)
				}

				bad := []struct {
					name string
					vp   string
					want jose.Expect
					err  error
				}{
					{"wrong nonce", vp, jose.Expect{Nonce: "other"}, jose.ErrNonce},
					{"wrong audience", vp, jose.Expect{Audience: "https://attacker.example"}, jose.ErrAudience},
				}
				for _, b := range bad {
					if _, err := jose.VerifyPresentation(ctx, []byte(b.vp), nil, b.want, jose.Limits{}); !errors.Is(err, b.err) {
						t.Fatalf("%s: want %v, got %v", b.name, b.err, err)
					}
				}
				// A changed character anywhere in the payload is refused: by
				// the signature, or earlier if it breaks the claims.
				for i := strings.IndexByte(vp, '.') + 1; i < strings.LastIndexByte(vp, '.'); i += 97 {
					_, err := jose.VerifyPresentation(ctx, []byte(vp[:i]+flip(vp[i])+vp[i+1:]), nil, jose.Expect{}, jose.Limits{})
					if !errors.Is(err, jose.ErrSignature) && !errors.Is(err, jose.ErrMalformed) && !errors.Is(err, jose.ErrClaimConflict) && !errors.Is(err, jose.ErrNotPresentation) {
						t.Fatalf("payload changed at %d: %v", i, err)
					}
				}
			})
		}
	}

	// A signer that claims another holder's DID: the kid resolves to the
	// victim's key, which did not sign.
	victim := keys["Ed25519"]
	forger := &testKey{priv: keys["P-256"].priv, did: victim.did, alg: jose.ES256}
	if vp, err := jose.SignPresentation(forger, creds, opts); err != nil {
		t.Fatal(err)
	} else if _, err := jose.VerifyPresentation(ctx, []byte(vp), nil, jose.Expect{}, jose.Limits{}); !errors.Is(err, jose.ErrAlgorithm) {
		t.Fatalf("P-256 signature for an Ed25519 holder: %v", err)
	}
	broken := &testKey{priv: victim.priv, did: victim.did, alg: jose.ES256}
	if _, err := jose.SignPresentation(broken, creds, opts); !errors.Is(err, jose.ErrSigner) {
		t.Fatalf("signer whose alg does not fit its key: %v", err)
	}
	// (The vectors' first Ed25519 key has the all-zero seed; take another.)
	edForger := &testKey{priv: ed25519.NewKeyFromSeed([]byte("an attacker's seed of 32 bytes!!")), did: victim.did, alg: jose.EdDSA}
	if vp, err := jose.SignPresentation(edForger, creds, opts); err != nil {
		t.Fatal(err)
	} else if _, err := jose.VerifyPresentation(ctx, []byte(vp), nil, jose.Expect{}, jose.Limits{}); !errors.Is(err, jose.ErrSignature) {
		t.Fatalf("forged holder: %v", err)
	}

	holder := walletSigner(t, keys["Ed25519"])
	for name, c := range map[string]jose.VPCredential{
		"token with a quote": {Compact: `eyJ".x.y`},
		"object not JSON":    {JSON: json.RawMessage(`{"a":`)},
		"object an array":    {JSON: json.RawMessage(`[1]`)},
		"both":               {Compact: vcJWT, JSON: ldp},
		"neither":            {},
	} {
		if _, err := jose.SignPresentation(holder, []jose.VPCredential{c}, opts); !errors.Is(err, jose.ErrMalformed) {
			t.Fatalf("%s: %v", name, err)
		}
	}
	// Defaults: now, a day, a random id.
	vp, err := jose.SignPresentation(holder, nil, jose.PresentationOptions{})
	if err != nil {
		t.Fatal(err)
	}
	p, err := jose.ParsePresentation([]byte(vp), jose.Limits{})
	if err != nil || p.Validity.Until.Sub(*p.Validity.From) != jose.DefaultPresentationLifetime || time.Since(*p.Validity.From) > time.Minute {
		t.Fatalf("defaults: %v %v", err, p.Validity)
	}
	if strings.Contains(string(p.JWS.Payload), `"aud"`) || strings.Contains(string(p.JWS.Payload), `"nonce"`) {
		t.Fatalf("empty audience and nonce written: %s", p.JWS.Payload)
	}
}

func jsonEqual(a, b json.RawMessage) bool {
	var x, y any
	if json.Unmarshal(a, &x) != nil || json.Unmarshal(b, &y) != nil {
		return false
	}
	bx, _ := json.Marshal(x)
	by, _ := json.Marshal(y)
	return string(bx) == string(by)
}
