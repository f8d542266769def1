package ob2_test

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/satchel-wallet/satchel/wallet/ob2"
)

func ExampleRead() {
	data, err := os.ReadFile("../../../shared/fixtures/vectors/ob2-baked/1edtech-validator/ob20/simple-badge.png")
	if err != nil {
		fmt.Println(err)
		return
	}
	r, err := ob2.Read(context.Background(), data, ob2.Options{})
	if err != nil {
		fmt.Println("rejected:", err)
		return
	}
	fmt.Println(r.Credential.Profile)
	fmt.Println("issued", r.Credential.Issued.Format("2 January 2006"))
	for _, c := range r.Checks {
		fmt.Println(c.Check, c.Status, c.Code)
	}
	// Output:
	// Open Badges 2.0 assertion (hosted), baked in a PNG image
	// issued 31 December 2016
	// format ok format.ok
	// format warning format.ob2-badge-remote
	// proof skipped proof.hosted-offline
	// holder warning holder.ob2-hashed
	// accreditation skipped accreditation.n/a
}

func ExampleRemoteError() {
	data, _ := os.ReadFile("../../../shared/fixtures/vectors/ob2-baked/mozilla-openbadges-bakery/baked.svg")
	_, err := ob2.Read(context.Background(), data, ob2.Options{})
	var remote *ob2.RemoteError
	if errors.As(err, &remote) {
		fmt.Println("the assertion is at", remote.URL)
	}
	// Output: the assertion is at http://example.org
}
