package ui

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"time"

	"fyne.io/fyne/v2/lang"

	"github.com/satchel-wallet/satchel/assets"
	"github.com/satchel-wallet/satchel/wallet"
	"github.com/satchel-wallet/satchel/wallet/did"
	"github.com/satchel-wallet/satchel/wallet/jsonld"
	"github.com/satchel-wallet/satchel/wallet/ldp"
)

// Placeholders in the demo templates (see assets/demo/README.md).
var (
	demoIssuerPlaceholder = []byte(`"DEMO_ISSUER_DID"`)
	demoHolderPlaceholder = []byte(`"HOLDER_DID"`)
)

// demoIssuer is the demo issuer's key and did:key.
type demoIssuer struct {
	key ed25519.PrivateKey
	did string
}

// loadDemoIssuer reads the bundled demo key.
func loadDemoIssuer() (*demoIssuer, error) {
	var jwk struct{ Kty, Crv, D string }
	if err := json.Unmarshal(assets.DemoIssuerKey(), &jwk); err != nil {
		return nil, fmt.Errorf("demo key: %w", err)
	}
	seed, err := base64.RawURLEncoding.DecodeString(jwk.D)
	if err != nil || jwk.Kty != "OKP" || jwk.Crv != "Ed25519" || len(seed) != ed25519.SeedSize {
		return nil, fmt.Errorf("demo key is not an Ed25519 JWK: %w", wallet.ErrInvalid)
	}
	key := ed25519.NewKeyFromSeed(seed)
	id, err := did.NewKey(key.Public())
	if err != nil {
		return nil, err
	}
	return &demoIssuer{key: key, did: id}, nil
}

// demoInputs signs the demo credentials for holderDID, each proof dated
// at the credential's validFrom so that loading twice gives the same
// credentials (Ed25519 signatures are deterministic), which the wallet
// then reports as duplicates.
func demoInputs(ctx context.Context, holderDID string) ([]wallet.Input, error) {
	iss, err := loadDemoIssuer()
	if err != nil {
		return nil, err
	}
	signer := &ldp.Signer{Key: iss.key, VerificationMethod: did.KeyID(iss.did)}
	holder, _ := json.Marshal(holderDID)
	issuer, _ := json.Marshal(iss.did)
	var out []wallet.Input
	for _, t := range assets.DemoCredentials() {
		data := bytes.ReplaceAll(t.JSON, demoIssuerPlaceholder, issuer)
		data = bytes.ReplaceAll(data, demoHolderPlaceholder, holder)
		doc, err := jsonld.ParseObject(data, wallet.DefaultMaxBytes)
		if err != nil {
			return nil, fmt.Errorf("demo credential %s: %w", t.Name, err)
		}
		created, _ := time.Parse(time.RFC3339, fmt.Sprint(doc["validFrom"]))
		signed, err := signer.Sign(ctx, doc, ldp.SignOptions{Created: created})
		if err != nil {
			return nil, fmt.Errorf("sign demo credential %s: %w", t.Name, err)
		}
		b, err := json.MarshalIndent(signed, "", "  ")
		if err != nil {
			return nil, err
		}
		out = append(out, wallet.Input{Name: lang.L("Demo: {{.File}}", map[string]any{"File": t.Name}), Data: b})
	}
	return out, nil
}

// loadDemo signs the demo credentials for the default profile and imports
// them, with the usual progress and summary.
func (a *App) loadDemo() {
	if a.wallet == nil {
		return
	}
	a.touch()
	h, err := a.wallet.Holder("")
	if err != nil {
		a.notice(explain(err))
		return
	}
	a.notice(lang.L("Preparing the demo credentials…"))
	a.background(func() func() {
		inputs, err := demoInputs(context.Background(), h.DID)
		return func() {
			if err != nil {
				a.notice(explain(err))
				return
			}
			a.runImport(inputs, nil)
		}
	})
}
