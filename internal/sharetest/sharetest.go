// Package sharetest gives tests of sharing what they all start from: an
// in-memory wallet holding a holder's key, and credential files imported
// into it as a learner would, ready to present.
package sharetest

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/satchel-wallet/satchel/share"
	"github.com/satchel-wallet/satchel/wallet"
)

// Holder makes an in-memory wallet with the private JWK as its profile
// "elena" and returns it with the profile's signer.
func Holder(t testing.TB, jwk json.RawMessage) (*wallet.Wallet, wallet.Signer) {
	t.Helper()
	w := wallet.New(wallet.NewMemStore())
	if _, err := w.ImportHolderKey("elena", jwk); err != nil {
		t.Fatal(err)
	}
	s, err := w.Signer("elena")
	if err != nil {
		t.Fatal(err)
	}
	return w, s
}

// Items imports files into w as a learner would and returns them as
// presentation items, failing the test for a file that is neither
// imported nor already there.
func Items(t testing.TB, w *wallet.Wallet, files ...string) []share.Item {
	t.Helper()
	ch, err := w.Checker()
	if err != nil {
		t.Fatal(err)
	}
	var inputs []wallet.Input
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, wallet.Input{Name: filepath.Base(f), Data: data})
	}
	res, err := w.Import(context.Background(), ch, inputs, nil)
	if err != nil {
		t.Fatal(err)
	}
	items := make([]share.Item, 0, len(res))
	for _, r := range res {
		if r.Status != wallet.Imported && r.Status != wallet.Duplicate {
			t.Fatalf("import %s: %s (%v)", r.Input, r.Status, r.Credential.Verification.Checks)
		}
		c, orig, err := w.Credential(r.Credential.ID)
		if err != nil {
			t.Fatal(err)
		}
		items = append(items, share.Item{Credential: c, Original: orig})
	}
	return items
}
