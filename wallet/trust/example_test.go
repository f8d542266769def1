package trust_test

import (
	"fmt"

	"github.com/satchel-wallet/satchel/wallet/trust"
)

// A learner adds their university to the trust list; a credential signed
// with a did:web on the university's domain is then trusted, one from an
// unknown issuer gets a warning.
func Example() {
	l := trust.New()
	err := l.Add(trust.Entry{
		Name:    "Universidad de Ejemplo",
		Source:  "my university's list",
		Domains: []string{"uni.example"},
		Added:   "2026-03-01",
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, signer := range []string{"did:web:registry.uni.example", "did:key:z6MkjoriXdbyWD25YXTed114F8hdJrLXQ567xxPHAUKxpKkS"} {
		c := trust.Check(l, signer, "", signer, nil)
		fmt.Println(c.Status, c.Code)
	}
	// Output:
	// ok issuer.trusted
	// warning issuer.unknown
}
