package jose_test

import (
	"context"
	"fmt"
	"time"

	"github.com/satchel-wallet/satchel/wallet"
	"github.com/satchel-wallet/satchel/wallet/did"
	"github.com/satchel-wallet/satchel/wallet/jose"
)

// A holder signs a VP-JWT for a verifier's challenge and domain; the
// verifier checks it offline, the holder's key coming from its did:key.
func ExampleSignPresentation() {
	w := wallet.New(wallet.NewMemStore())
	// An Ed25519 key from the did:key test vectors (all-zero seed): a test
	// key, published on purpose.
	jwk := []byte(`{"kty":"OKP","crv":"Ed25519","x":"O2onvM62pC1io6jQKm8Nc2UyFXcd4kOmOsBIoYtZ2ik","d":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"}`)
	if _, err := w.ImportHolderKey("learner", jwk); err != nil {
		panic(err)
	}
	holder, err := w.Signer("learner")
	if err != nil {
		panic(err)
	}
	vp, err := jose.SignPresentation(holder, nil, jose.PresentationOptions{
		Audience: "https://admissions.example.edu",
		Nonce:    "c-4f1a9e2b",
		IssuedAt: time.Now(),
		Lifetime: 15 * time.Minute,
	})
	if err != nil {
		panic(err)
	}
	p, err := jose.VerifyPresentation(context.Background(), []byte(vp), did.NewResolver(nil),
		jose.Expect{Audience: "https://admissions.example.edu", Nonce: "c-4f1a9e2b"}, jose.Limits{})
	if err != nil {
		panic(err)
	}
	fmt.Println(p.Format, p.Holder)
	fmt.Println(p.Key.Source, p.Key.Alg)
	fmt.Println(p.Validity.Check(time.Now(), time.Minute))
	// Output:
	// vc11-jwt did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp
	// did EdDSA
	// <nil>
}
