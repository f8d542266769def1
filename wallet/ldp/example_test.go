package ldp_test

import (
	"context"
	"crypto/ed25519"
	"fmt"
	"time"

	"github.com/satchel-wallet/satchel/wallet/did"
	"github.com/satchel-wallet/satchel/wallet/ldp"
)

// A holder signs a presentation for a verifier's challenge; the verifier
// checks it offline.
func Example() {
	seed := make([]byte, ed25519.SeedSize) // a fixed key, for a stable example
	key := ed25519.NewKeyFromSeed(seed)
	holder, _ := did.NewKey(key.Public())

	vp := map[string]any{
		"@context": []any{"https://www.w3.org/ns/credentials/v2"},
		"type":     []any{"VerifiablePresentation"},
		"holder":   holder,
	}
	signer := ldp.Signer{Key: key, VerificationMethod: did.KeyID(holder)}
	signed, err := signer.Sign(context.Background(), vp, ldp.SignOptions{
		Purpose:   ldp.PurposeAuthentication,
		Challenge: "4ad7f8c1",
		Domain:    "https://university.example",
		Created:   time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC),
	})
	if err != nil {
		fmt.Println(err)
		return
	}

	var v ldp.Verifier
	results, err := v.Verify(context.Background(), signed, ldp.Options{
		Purpose:   ldp.PurposeAuthentication,
		Challenge: "4ad7f8c1",
		Domain:    "https://university.example",
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	r := results[0]
	fmt.Println(r.Cryptosuite, r.Purpose, r.Controller == holder, r.Created.Format(time.DateOnly))
	// Output: eddsa-rdfc-2022 authentication true 2026-03-01
}
