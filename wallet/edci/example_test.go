package edci_test

import (
	"context"
	"fmt"
	"os"

	"github.com/satchel-wallet/satchel/wallet/credential"
	"github.com/satchel-wallet/satchel/wallet/edci"
)

func ExampleRead() {
	data, err := os.ReadFile("../../../shared/fixtures/edc/elm-v2-xml/Ildiko_Mazar_Certificate_of_Excellence.xml")
	if err != nil {
		fmt.Println(err)
		return
	}
	r, err := edci.Read(context.Background(), data, edci.Options{})
	if err != nil {
		fmt.Println("rejected:", err)
		return
	}
	c := r.Credential
	fmt.Println(c.Title.In("en"), "-", c.Learner.Name.In("en"))
	fmt.Printf("%v ECTS, EQF %d\n", *c.ECTS, c.EQF)
	for _, ch := range r.Checks {
		if ch.Check == credential.CheckProof {
			fmt.Println(ch.Status, ch.Message)
		}
	}
	// Output:
	// Certificate of Excellence - Ildiko Mazar
	// 10 ECTS, EQF 4
	// ok The seal is intact: sealed by ANTHONY FISHER CAMILLERI S.P. on 26 November 2020, with a certificate that was valid then.
}
