package share_test

import (
	"context"
	"fmt"

	"github.com/satchel-wallet/satchel/share"
	"github.com/satchel-wallet/satchel/wallet"
	"github.com/satchel-wallet/satchel/wallet/credential"
)

// A learner presents two stored credentials to a university that sent a
// challenge; the university verifies the presentation.
func ExamplePresentStored() {
	ctx := context.Background()
	w := wallet.New(wallet.NewMemStore()) // the app opens the vault instead
	// ... import credentials, keep their ids ...
	ids := []string{"3f2a9c", "b71e04"}
	vp, rec, err := share.PresentStored(ctx, w, "", ids, share.Options{
		Format:    share.FormatLDP,
		Challenge: "c-4f1a9e2b7d",                   // sent by the verifier
		Domain:    "https://admissions.example.edu", // the verifier
		Summary:   &share.Summary{Name: "ICT towards a BSc", ECTS: 30, Credentials: 2},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	_ = rec // goes into the presentation log

	// The verifier's side.
	res, err := share.VerifyPresentation(ctx, vp, share.VerifyOptions{
		Challenge: "c-4f1a9e2b7d",
		Domain:    "https://admissions.example.edu",
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(res.Verdict, res.Holder)
	for _, c := range res.Checks {
		fmt.Println(c.Check, c.Status, c.Message)
	}
}

// Compatible tells the app which credentials it can offer for a format.
func ExampleCompatible() {
	edc := share.Item{Credential: credential.Credential{ID: "ad3ac09ae1d94b8e", Format: credential.FormatEDC}}
	fmt.Println(share.Compatible(edc, share.FormatLDP))
	// Output:
	// credential ad3ac09ae1d9 (European Digital Credential) cannot be presented as ldp: an EDC is sealed with JAdES, which none of these formats carries; share the original file (Europass export) instead
}
