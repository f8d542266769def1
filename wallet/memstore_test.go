package wallet_test

import (
	"testing"

	"github.com/satchel-wallet/satchel/wallet"
	"github.com/satchel-wallet/satchel/wallet/storetest"
)

func TestMemStore(t *testing.T) {
	storetest.Run(t, storetest.Factory{
		New:    func(*testing.T) wallet.Store { return wallet.NewMemStore() },
		Reopen: func(_ *testing.T, s wallet.Store) wallet.Store { return s },
	})
}
