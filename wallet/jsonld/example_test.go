package jsonld_test

import (
	"context"
	"errors"
	"fmt"

	"github.com/satchel-wallet/satchel/wallet/jsonld"
	"github.com/satchel-wallet/satchel/wallet/rdfc"
)

// Parse a credential within limits and canonicalise it offline.
func Example() {
	raw := []byte(`{
	  "@context": ["https://www.w3.org/ns/credentials/v2"],
	  "type": ["VerifiableCredential"],
	  "issuer": "did:example:issuer",
	  "credentialSubject": {"id": "did:example:learner"}
	}`)
	doc, err := jsonld.ParseObject(raw, 4<<20)
	if err != nil {
		fmt.Println(err)
		return
	}
	p, err := jsonld.Default()
	if err != nil {
		fmt.Println(err)
		return
	}
	res, err := p.Canonicalize(context.Background(), doc, rdfc.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print(string(res.NQuads))

	doc["@context"] = []any{"https://www.w3.org/ns/credentials/v2", "https://example.org/unbundled"}
	_, err = p.Canonicalize(context.Background(), doc, rdfc.Options{})
	var ce *jsonld.ContextError
	fmt.Println(errors.As(err, &ce), ce.URL)
	// Output:
	// _:c14n0 <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://www.w3.org/2018/credentials#VerifiableCredential> .
	// _:c14n0 <https://www.w3.org/2018/credentials#credentialSubject> <did:example:learner> .
	// _:c14n0 <https://www.w3.org/2018/credentials#issuer> <did:example:issuer> .
	// true https://example.org/unbundled
}
