package sdjwt_test

import (
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/satchel-wallet/satchel/wallet"
	"github.com/satchel-wallet/satchel/wallet/sdjwt"
)

// A learner's wallet holds an SD-JWT VC with every Disclosure, shows what
// can be revealed, and presents only the address to a verifier, bound to
// the verifier's nonce and audience with the holder's key.
func ExampleToken_Present() {
	// The issued SD-JWT VC of the SD-JWT VC draft (§2.3.1), and the holder
	// key the sd-jwt-python test settings publish for it.
	issued, err := os.ReadFile("../../../shared/fixtures/vectors/sd-jwt/extracted/sdjwtvc-00.txt")
	if err != nil {
		panic(err)
	}
	w := wallet.New(wallet.NewMemStore())
	jwk := []byte(`{"kty":"EC","crv":"P-256","d":"5K5SCos8zf9zRemGGUl6yfok-_NiiryNZsvANWMhF-I","x":"TCAER19Zvu3OHF4j4W4vfSVoHIP1ILilDls7vCeGemc","y":"ZxjiWWbZMQGHVWKVQ4hbSIirsVfuecCE6t4jT9F2HZQ"}`)
	if _, err := w.ImportHolderKey("learner", jwk); err != nil {
		panic(err)
	}
	holder, _ := w.Signer("learner")

	tok, err := sdjwt.Parse(string(issued), sdjwt.Limits{})
	if err != nil {
		panic(err)
	}
	var pointers []string
	for _, d := range tok.Disclosures {
		pointers = append(pointers, d.Pointer)
	}
	fmt.Println(strings.Join(pointers, " "))

	chosen, _ := tok.Select("/address")
	vp, err := tok.Present(holder, chosen, sdjwt.PresentOptions{Audience: "https://verifier.example", Nonce: "c-7d3e0b91", IssuedAt: time.Now()})
	if err != nil {
		panic(err)
	}
	got, err := sdjwt.Parse(vp, sdjwt.Limits{})
	if err != nil {
		panic(err)
	}
	_, err = got.VerifyKeyBinding(sdjwt.Expect{Nonce: "c-7d3e0b91", Audience: "https://verifier.example", Now: time.Now(), MaxAge: time.Minute})
	fmt.Println(len(got.Disclosures), err)
	// Output:
	// /given_name /family_name /email /phone_number /address /birthdate /is_over_18 /is_over_21 /is_over_65
	// 1 <nil>
}
