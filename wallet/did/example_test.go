package did_test

import (
	"context"
	"errors"
	"fmt"

	"github.com/satchel-wallet/satchel/wallet/did"
)

func ExampleWebURL() {
	u, _ := did.WebURL("did:web:example.com%3A3000:user:alice")
	fmt.Println(u)
	// Output: https://example.com:3000/user/alice/did.json
}

// An offline resolver reads did:key and did:jwk from the identifier and
// says when a did:web needs the network.
func ExampleResolver() {
	var r did.Resolver
	_, controller, err := r.ResolveKey(context.Background(), "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp")
	fmt.Println(controller, err)
	_, _, err = r.ResolveKey(context.Background(), "did:web:example.com#key-1")
	fmt.Println(errors.Is(err, did.ErrNeedsNetwork))
	// Output:
	// did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp <nil>
	// true
}
