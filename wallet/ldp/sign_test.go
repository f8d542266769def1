package ldp

import (
	"context"
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"maps"
	"testing"
	"time"

	"github.com/mr-tron/base58"

	"github.com/satchel-wallet/satchel/internal/fixture"
	"github.com/satchel-wallet/satchel/wallet/did"
)

// specVector is vector.json of the Open Badges test vectors.
type specVector struct {
	PrivateKeyHex      string `json:"privateKeyHex(seed||pub)"`
	PublicKeyMultibase string `json:"publicKeyMultibase"`
	VerificationMethod string `json:"verificationMethod"`
	Controller         string `json:"controller"`
	ProofValue         string `json:"ob-proof-value"`
}

// issuerDocument is the controller document the Open Badges vectors' issuer
// would publish: the vector's key under assertionMethod.
func issuerDocument(v specVector) map[string]any {
	return map[string]any{
		"id": v.Controller,
		"assertionMethod": []any{map[string]any{
			"id": v.VerificationMethod, "type": "Multikey", "controller": v.Controller,
			"publicKeyMultibase": v.PublicKeyMultibase,
		}},
	}
}

// TestSpecVectors verifies the Open Badges 3.0 and CLR 2.0 test vectors
// with their issuer's key, and signs the unsigned documents with the
// vectors' private key: Ed25519 is deterministic, so the proof must be the
// published one.
func TestSpecVectors(t *testing.T) {
	for _, dir := range []string{"vectors/ob3/spec-ldp-testvector", "vectors/ob3/spec-ldp-testvector-clr"} {
		t.Run(dir, func(t *testing.T) {
			var v specVector
			if err := json.Unmarshal(fixture.Read(t, dir+"/vector.json"), &v); err != nil {
				t.Fatal(err)
			}
			r, err := NewDocumentResolver(issuerDocument(v))
			if err != nil {
				t.Fatal(err)
			}
			res, err := (&Verifier{Resolver: r}).Verify(context.Background(), readDoc(t, dir+"/signed.json"), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if res[0].Controller != v.Controller || res[0].Cryptosuite != EdDSARDFC2022 {
				t.Errorf("result %+v", res[0])
			}
			seed, err := hex.DecodeString(v.PrivateKeyHex)
			if err != nil {
				t.Fatal(err)
			}
			want := readDoc(t, dir+"/proof.json")
			created, _ := time.Parse(time.RFC3339, want["created"].(string))
			s := Signer{Key: ed25519.PrivateKey(seed), VerificationMethod: v.VerificationMethod}
			signed, err := s.Sign(context.Background(), readDoc(t, dir+"/unsigned.json"), SignOptions{Created: created})
			if err != nil {
				t.Fatal(err)
			}
			if got := signed["proof"].(map[string]any); !maps.Equal(got, want) {
				t.Errorf("signed proof\n%v\nwant\n%v", got, want)
			}
		})
	}
}

// multikeyPrivate decodes a W3C vector's private key multibase.
func multikeyPrivate(t *testing.T, mb string) crypto.Signer {
	t.Helper()
	raw, err := base58.Decode(mb[1:])
	if err != nil {
		t.Fatal(err)
	}
	codec, n := binary.Uvarint(raw)
	key := raw[n:]
	switch codec {
	case 0x1300: // ed25519-priv
		return ed25519.NewKeyFromSeed(key)
	case 0x1306, 0x1307: // p256-priv, p384-priv
		c := elliptic.P256()
		if codec == 0x1307 {
			c = elliptic.P384()
		}
		k, err := ecdsa.ParseRawPrivateKey(c, key)
		if err != nil {
			t.Fatal(err)
		}
		return k
	}
	t.Fatalf("multicodec 0x%x", codec)
	return nil
}

// TestSignW3CVectors signs the W3C vectors' unsigned credential with their
// keys. Ed25519 proofs must equal the published ones; ECDSA signatures are
// randomised, so they are checked by verifying them.
func TestSignW3CVectors(t *testing.T) {
	cases := []struct {
		signed, keys, secret string
	}{
		{"vc-di-eddsa/TestVectors/eddsa-rdfc-2022/signedDataInt.json", "vc-di-eddsa/TestVectors/keyPair.json", "privateKeyMultibase"},
		{"vc-di-eddsa/TestVectors/eddsa-jcs-2022/signedJCS.json", "vc-di-eddsa/TestVectors/keyPair.json", "privateKeyMultibase"},
		{"vc-di-eddsa/TestVectors/Ed25519Signature2020/signedEdSig.json", "vc-di-eddsa/TestVectors/keyPair.json", "privateKeyMultibase"},
		{"vc-di-ecdsa/TestVectors/ecdsa-rdfc-2019-p256/signedECDSAP256.json", "vc-di-ecdsa/TestVectors/p256KeyPair.json", "secretKeyMultibase"},
		{"vc-di-ecdsa/TestVectors/ecdsa-rdfc-2019-p384/signedECDSAP384.json", "vc-di-ecdsa/TestVectors/p384KeyPair.json", "secretKeyMultibase"},
		{"vc-di-ecdsa/TestVectors/ecdsa-jcs-2019-p256/signedJCSECDSAP256.json", "vc-di-ecdsa/TestVectors/p256KeyPair.json", "secretKeyMultibase"},
		{"vc-di-ecdsa/TestVectors/ecdsa-jcs-2019-p384/signedJCSECDSAP384.json", "vc-di-ecdsa/TestVectors/p384KeyPair.json", "secretKeyMultibase"},
	}
	for _, c := range cases {
		t.Run(c.signed, func(t *testing.T) {
			signed := readDoc(t, "vectors/"+c.signed)
			keys := readDoc(t, "vectors/"+c.keys)
			key := multikeyPrivate(t, keys[c.secret].(string))
			want := signed["proof"].(map[string]any)
			unsigned := maps.Clone(signed)
			delete(unsigned, "proof")
			if pc, ok := want["@context"]; ok {
				unsigned["@context"] = pc // the JCS vectors sign with the proof's contexts
			}
			created, _ := time.Parse(time.RFC3339, want["created"].(string))
			suite, _ := want["cryptosuite"].(string)
			if suite == "" {
				suite = want["type"].(string)
			}
			s := Signer{Key: key, VerificationMethod: want["verificationMethod"].(string)}
			out, err := s.Sign(context.Background(), unsigned, SignOptions{Cryptosuite: suite, Created: created})
			if err != nil {
				t.Fatal(err)
			}
			got := out["proof"].(map[string]any)
			if _, ok := key.Public().(ed25519.PublicKey); ok && got["proofValue"] != want["proofValue"] {
				t.Errorf("proofValue %v, want %v", got["proofValue"], want["proofValue"])
			}
			if _, err := (&Verifier{}).Verify(context.Background(), out, Options{}); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// TestPresentation signs a presentation with a holder's did:key for
// authentication, bound to a challenge and domain, and checks that the
// verifier enforces each binding and catches tampering.
func TestPresentation(t *testing.T) {
	_, priv, err := ed25519.GenerateKey(nil)
	if err != nil {
		t.Fatal(err)
	}
	holder, err := did.NewKey(priv.Public())
	if err != nil {
		t.Fatal(err)
	}
	vp := map[string]any{
		"@context":             []any{"https://www.w3.org/ns/credentials/v2"},
		"type":                 []any{"VerifiablePresentation"},
		"holder":               holder,
		"verifiableCredential": []any{readDoc(t, "vectors/vc-di-eddsa/TestVectors/eddsa-rdfc-2022/signedDataInt.json")},
	}
	s := Signer{Key: priv, VerificationMethod: did.KeyID(holder)}
	signed, err := s.Sign(context.Background(), vp, SignOptions{Purpose: PurposeAuthentication, Challenge: "n-0S6_WzA2Mj", Domain: "https://verifier.example"})
	if err != nil {
		t.Fatal(err)
	}
	good := Options{Purpose: PurposeAuthentication, Challenge: "n-0S6_WzA2Mj", Domain: "https://verifier.example"}
	tampered := maps.Clone(signed)
	tampered["holder"] = "did:example:someone-else"
	cases := []struct {
		name string
		doc  map[string]any
		opts Options
		want error
	}{
		{"verifies", signed, good, nil},
		{"wrong challenge", signed, Options{Purpose: PurposeAuthentication, Challenge: "other"}, ErrChallengeMismatch},
		{"wrong domain", signed, Options{Purpose: PurposeAuthentication, Domain: "https://evil.example"}, ErrDomainMismatch},
		{"credential purpose", signed, Options{}, ErrPurposeMismatch},
		{"tampered", tampered, good, ErrSignatureMismatch},
		{"no proof", vp, good, ErrNoProof},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res, err := (&Verifier{}).Verify(context.Background(), c.doc, c.opts)
			if !errors.Is(err, c.want) || (c.want == nil && err != nil) {
				t.Fatalf("got %v, want %v", err, c.want)
			}
			if c.want == nil && (res[0].Controller != holder || res[0].Challenge != good.Challenge) {
				t.Errorf("result %+v", res[0])
			}
		})
	}
}
