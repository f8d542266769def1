package status_test

import (
	"context"
	"fmt"

	"github.com/satchel-wallet/satchel/wallet/status"
)

// Offline, Check names the list it would need and fetches nothing.
func ExampleCheck_offline() {
	doc := map[string]any{
		"issuer": "did:key:z6MknNQD1WHLGGraFi6zcbGevuAgkVfdyCdtZnQTGWVVvR5Q",
		"credentialStatus": map[string]any{
			"type":                 "BitstringStatusListEntry",
			"statusPurpose":        "revocation",
			"statusListIndex":      "7",
			"statusListCredential": "https://issuer.example/status/1",
		},
	}
	c := status.Check(context.Background(), status.Entries(doc), "did:key:z6MknNQD1WHLGGraFi6zcbGevuAgkVfdyCdtZnQTGWVVvR5Q", status.Options{})
	fmt.Println(c.Status, c.Code)
	fmt.Println(c.Message)
	// Output:
	// skipped status.offline
	// The issuer publishes a revocation list (https://issuer.example/status/1); checking it needs the network, which you have not allowed.
}

// The 1-bit example list of the Token Status List draft.
func ExampleDecodeTokenStatusList() {
	l, err := status.DecodeTokenStatusList(1, "eNrbuRgAAhcBXQ")
	if err != nil {
		fmt.Println(err)
		return
	}
	for i := range l.Len() {
		v, _ := l.Status(i)
		fmt.Print(v)
	}
	fmt.Println()
	// Output: 1001110111000101
}
