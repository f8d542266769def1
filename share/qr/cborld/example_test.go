package cborld_test

import (
	"encoding/base32"
	"fmt"
	"os"
	"strings"

	"github.com/satchel-wallet/satchel/share/qr/cborld"
)

// Decode reads the CBOR-LD of a vpqr payload ("VP1-B" and Base32) back
// into the JSON-LD presentation.
func ExampleDecode() {
	text, err := os.ReadFile("testdata/vpqr/vc2-eddsa-rdfc-2022-minimal.txt")
	if err != nil {
		panic(err)
	}
	data, err := base32.StdEncoding.WithPadding(base32.NoPadding).DecodeString(strings.TrimPrefix(strings.TrimSpace(string(text)), "VP1-B"))
	if err != nil {
		panic(err)
	}
	doc, err := cborld.Decode(data)
	if err != nil {
		panic(err)
	}
	vp := doc.(map[string]any)
	vc := vp["verifiableCredential"].([]any)[0].(map[string]any)
	fmt.Println(len(data), "bytes of CBOR-LD")
	fmt.Println(vp["type"], vc["name"])
	fmt.Println(vc["validFrom"], vc["proof"].(map[string]any)["cryptosuite"])
	// Output:
	// 963 bytes of CBOR-LD
	// [VerifiablePresentation] Python for Data Analysis
	// 2024-03-29T15:00:00Z eddsa-rdfc-2022
}
