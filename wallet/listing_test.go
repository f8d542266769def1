package wallet_test

import (
	"context"
	"errors"
	"testing"

	"github.com/satchel-wallet/satchel/wallet"
)

// TestListing checks that the cheap listing gives what Credentials gives:
// the same credentials in the same order, each decoded on demand, and that
// a record that no longer decodes is left out and named.
func TestListing(t *testing.T) {
	w, ch, dir, _ := corpusWallet(t)
	in := inputs(t, dir, "cred-0000-vc2-ldp-eddsa-rdfc-2022.jsonld", "cred-0001-vc2-ldp-eddsa-rdfc-2022.jsonld", "cred-0002-vc2-ldp-eddsa-rdfc-2022.jsonld")
	for _, one := range in { // one at a time, so the dates added differ
		if _, err := w.Import(context.Background(), ch, []wallet.Input{one}, nil); err != nil {
			t.Fatal(err)
		}
	}
	want, err := w.Credentials()
	if err != nil {
		t.Fatal(err)
	}
	l, err := w.List()
	if err != nil {
		t.Fatal(err)
	}
	if l.Len() != len(want) || len(want) != 3 {
		t.Fatalf("listed %d, Credentials %d", l.Len(), len(want))
	}
	for i := range want {
		if got := l.At(i); got.ID != want[i].ID || got.Title.String() != want[i].Title.String() {
			t.Errorf("entry %d: %s %q, want %s %q", i, got.ID, got.Title, want[i].ID, want[i].Title)
		}
	}
	if !want[0].Added.After(want[2].Added) {
		t.Errorf("not most recently added first: %v, %v", want[0].Added, want[2].Added)
	}
	all, err := l.DecodeAll()
	if err != nil || len(all) != 3 || all[1].ID != want[1].ID {
		t.Fatalf("DecodeAll: %d credentials, %v", len(all), err)
	}

	// A record that does not decode.
	bad := want[1].ID
	if err := w.Store().Update(func(tx wallet.Tx) error {
		return tx.Put(wallet.BucketCredentials, bad, []byte(`{"id":`))
	}); err != nil {
		t.Fatal(err)
	}
	l, err = w.List()
	if err != nil {
		t.Fatal(err)
	}
	if l.Len() != 3 {
		t.Fatalf("listed %d, want 3 (the damaged one shown as untitled)", l.Len())
	}
	for i := range l.Len() {
		if c := l.At(i); c.ID == bad && !c.Title.IsZero() {
			t.Errorf("the damaged record shows a title %q", c.Title)
		}
	}
	all, err = l.DecodeAll()
	var d *wallet.DamagedError
	if !errors.As(err, &d) || len(d.Records) != 1 || d.Records[0] != string(wallet.BucketCredentials)+"/"+bad || len(all) != 2 {
		t.Fatalf("DecodeAll: %d credentials, %v", len(all), err)
	}
	if _, err2 := l.DecodeAll(); err2.Error() != err.Error() {
		t.Errorf("a second DecodeAll reports %v, the first %v", err2, err)
	}
}
