package rdfc_test

import (
	"context"
	"crypto/sha256"
	"fmt"
	"strings"

	"github.com/satchel-wallet/satchel/wallet/rdfc"
)

func ExampleCanonicalize() {
	in := `_:proof <http://purl.org/dc/terms/created> "2024-01-01T00:00:00Z"^^<http://www.w3.org/2001/XMLSchema#dateTime> .
_:proof <https://w3id.org/security#cryptosuite> "eddsa-rdfc-2022"^^<https://w3id.org/security#cryptosuiteString> .
_:subject <https://schema.org/name> "Ada" .
<urn:uuid:1> <https://www.w3.org/2018/credentials#credentialSubject> _:subject .
`
	ds, err := rdfc.ParseNQuads(strings.NewReader(in))
	if err != nil {
		fmt.Println(err)
		return
	}
	res, err := rdfc.Canonicalize(context.Background(), ds, rdfc.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print(string(res.NQuads))
	fmt.Println(res.IssuedIdentifiers["subject"], res.IssuedIdentifiers["proof"])
	fmt.Printf("%x\n", sha256.Sum256(res.NQuads))
	// Output:
	// <urn:uuid:1> <https://www.w3.org/2018/credentials#credentialSubject> _:c14n0 .
	// _:c14n0 <https://schema.org/name> "Ada" .
	// _:c14n1 <http://purl.org/dc/terms/created> "2024-01-01T00:00:00Z"^^<http://www.w3.org/2001/XMLSchema#dateTime> .
	// _:c14n1 <https://w3id.org/security#cryptosuite> "eddsa-rdfc-2022"^^<https://w3id.org/security#cryptosuiteString> .
	// c14n0 c14n1
	// ffb486ae0c2a93dbf8ca75991ddc59fb0e1ebf6d36cb02aa8d45f88e925c6df8
}
