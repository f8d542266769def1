package wallet_test

import (
	"errors"
	"testing"
	"time"

	"github.com/satchel-wallet/satchel/wallet"
)

func TestSharedLog(t *testing.T) {
	w := newWallet(t)
	t0 := time.Date(2026, 5, 1, 10, 0, 0, 0, time.UTC)
	for i, s := range []wallet.Shared{
		{At: t0, Holder: "did:key:z1", Credentials: []string{"aaaa1111", "bbbb2222"}, Format: "vp-jwt", Via: "qr", Audience: "https://employer.example"},
		{At: t0.Add(time.Hour), Holder: "did:key:z1", Credentials: []string{"bbbb2222"}, Format: "sd-jwt", Disclosed: []string{"grade"}, Via: "file"},
	} {
		got, err := w.LogShared(s)
		if err != nil || got.ID == "" {
			t.Fatalf("entry %d: %+v %v", i, got, err)
		}
	}
	if _, err := w.LogShared(wallet.Shared{Format: "vp-jwt", Via: "qr"}); !errors.Is(err, wallet.ErrInvalid) {
		t.Fatalf("entry without credentials: %v", err)
	}
	all, err := w.SharedLog("")
	if err != nil || len(all) != 2 || all[0].Format != "sd-jwt" || all[1].Audience != "https://employer.example" {
		t.Fatalf("log newest first: %+v %v", all, err)
	}
	some, _ := w.SharedLog("AAAA")
	if len(some) != 1 || some[0].Format != "vp-jwt" {
		t.Fatalf("log of one credential: %+v", some)
	}
}
