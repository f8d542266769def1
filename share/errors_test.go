package share_test

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/satchel-wallet/satchel/share"
	"github.com/satchel-wallet/satchel/wallet"
	"github.com/satchel-wallet/satchel/wallet/credential"
	"github.com/satchel-wallet/satchel/wallet/did"
)

// TestPresentErrors checks that presentations Satchel cannot make are
// refused before anything is signed, with an error that says why.
func TestPresentErrors(t *testing.T) {
	c := loadCorpus(t)
	tw := newHolderWallet(t, c)
	jwt := tw.importFiles(t, c.files(t, "vc1-jwt-eddsa", "valid", 1)...)
	ld1 := tw.importFiles(t, c.files(t, "vc1-ldp-ed25519-2020", "valid", 1)...)
	ld2 := tw.importFiles(t, c.files(t, "vc2-ldp-eddsa-rdfc-2022", "valid", 1)...)
	sd := tw.importFiles(t, c.files(t, "sd-jwt-vc", "valid", 2)...)
	other := newOtherSigner(t)
	opts := func(f share.Format) share.Options {
		return share.Options{Format: f, Challenge: challenge, Domain: domain}
	}
	for _, tc := range []struct {
		name   string
		signer wallet.Signer
		items  []share.Item
		opts   share.Options
		want   error
	}{
		{"nothing chosen", nil, nil, opts(share.FormatVPJWT), share.ErrOptions},
		{"no credential", tw.signer, nil, opts(share.FormatVPJWT), share.ErrNoCredentials},
		{"unknown format", tw.signer, jwt, opts("pdf"), share.ErrOptions},
		{"SD-JWT VC in a VP-JWT", tw.signer, sd[:1], opts(share.FormatVPJWT), share.ErrIncompatible},
		{"SD-JWT VC in JSON-LD", tw.signer, sd[:1], opts(share.FormatLDP), share.ErrIncompatible},
		{"VC 2.0 in a VC 1.1 VP-JWT", tw.signer, ld2, opts(share.FormatVPJWT), share.ErrIncompatible},
		{"VC 1.1 JWT in VC 2.0", tw.signer, jwt, opts(share.FormatVPJWTV2), share.ErrIncompatible},
		{"VC-JWT in JSON-LD", tw.signer, jwt, opts(share.FormatLDP), share.ErrIncompatible},
		{"VC 1.1 and 2.0 in one JSON-LD", tw.signer, append(append([]share.Item{}, ld2...), ld1...), opts(share.FormatLDP), share.ErrIncompatible},
		{"JSON-LD as SD-JWT", tw.signer, ld2, opts(share.FormatSDJWT), share.ErrIncompatible},
		{"two SD-JWTs", tw.signer, sd, opts(share.FormatSDJWT), share.ErrOptions},
		{"SD-JWT without a challenge", tw.signer, sd[:1], share.Options{Format: share.FormatSDJWT, Domain: domain}, share.ErrOptions},
		{"disclosure in a VP-JWT", tw.signer, jwt, share.Options{Format: share.FormatVPJWT, Disclose: []string{"grade"}}, share.ErrOptions},
		{"unknown claim", tw.signer, sd[:1], share.Options{Format: share.FormatSDJWT, Challenge: challenge, Domain: domain, Disclose: []string{"shoe_size"}}, share.ErrNotDisclosable},
		{"bad claim path", tw.signer, sd[:1], share.Options{Format: share.FormatSDJWT, Challenge: challenge, Domain: domain, Disclose: []string{"learning_outcomes[x]"}}, share.ErrNotDisclosable},
		{"expiry too long", tw.signer, jwt, share.Options{Format: share.FormatVPJWT, Expires: 1 << 62}, share.ErrOptions},
		{"SD-JWT bound to another key", other, sd[:1], opts(share.FormatSDJWT), share.ErrHolderKey},
		{"unsigned JSON-LD", tw.signer, []share.Item{unsigned(ld2[0])}, opts(share.FormatLDP), share.ErrIncompatible},
	} {
		t.Run(tc.name, func(t *testing.T) {
			vp, rec, err := share.Present(context.Background(), tc.signer, tc.items, tc.opts)
			if !errors.Is(err, tc.want) || vp != nil || rec.ID != "" {
				t.Fatalf("got %v, want %v", err, tc.want)
			}
			t.Log(err)
		})
	}
}

// unsigned is a JSON-LD credential without its proof.
func unsigned(it share.Item) share.Item {
	var m map[string]json.RawMessage
	_ = json.Unmarshal(it.Original, &m)
	delete(m, "proof")
	it.Original, _ = json.Marshal(m)
	return it
}

// p256Wallet is a wallet whose holder key is P-256.
func p256Wallet(t testing.TB) *testWallet {
	t.Helper()
	priv, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	pub, err := did.MarshalPublicJWK(&priv.PublicKey)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]string
	_ = json.Unmarshal(pub, &m)
	d, _ := priv.Bytes()
	m["d"] = base64.RawURLEncoding.EncodeToString(d)
	jwk, _ := json.Marshal(m)
	w := wallet.New(wallet.NewMemStore())
	if _, err := w.ImportHolderKey("p256", jwk); err != nil {
		t.Fatal(err)
	}
	s, err := w.Signer("p256")
	if err != nil {
		t.Fatal(err)
	}
	return &testWallet{w: w, signer: s}
}

// TestP256Holder presents with a P-256 holder key: ES256 VP-JWTs, and
// ecdsa-rdfc-2019 for VC 2.0 JSON-LD; VC 1.1 JSON-LD (Ed25519Signature2020
// only) is refused. The corpus credentials are issued to the corpus
// holder, so their subject checks fail here; the holder's proof is what
// is checked.
func TestP256Holder(t *testing.T) {
	c := loadCorpus(t)
	tw := p256Wallet(t)
	ld1 := tw.importFiles(t, c.files(t, "vc1-ldp-ed25519-2020", "valid", 1)...)
	ld2 := tw.importFiles(t, c.files(t, "vc2-ldp-eddsa-rdfc-2022", "valid", 1)...)
	jwt := tw.importFiles(t, c.files(t, "vc1-jwt-es256", "valid", 1)...)
	ctx := context.Background()
	if _, _, err := share.Present(ctx, tw.signer, ld1, share.Options{Format: share.FormatLDP}); !errors.Is(err, share.ErrHolderKey) {
		t.Fatalf("VC 1.1 JSON-LD with a P-256 key: %v", err)
	}
	for _, tc := range []struct {
		format share.Format
		items  []share.Item
		detail string
	}{{share.FormatLDP, ld2, "ecdsa-rdfc-2019"}, {share.FormatVPJWT, jwt, "ES256"}, {share.FormatVPJWTV2, ld2, "ES256"}} {
		vp, _, err := share.Present(ctx, tw.signer, tc.items, share.Options{Format: tc.format, Challenge: challenge, Domain: domain})
		if err != nil {
			t.Fatalf("%s: %v", tc.format, err)
		}
		res, err := share.VerifyPresentation(ctx, vp, share.VerifyOptions{Challenge: challenge, Domain: domain})
		if err != nil {
			t.Fatal(err)
		}
		p, _ := res.Find(credential.CheckProof)
		if p.Status != credential.OK || !strings.Contains(p.Detail, tc.detail) || res.Holder != tw.signer.DID() {
			t.Fatalf("%s: proof %+v, holder %s", tc.format, p, res.Holder)
		}
		if s := find(res.Credentials[0].Credential.Verification.Checks, credential.CheckHolder); s.Code != "vp.subject-other" {
			t.Fatalf("%s: subject check %+v", tc.format, s)
		}
		t.Logf("%s: %s", tc.format, p.Detail)
	}
}
