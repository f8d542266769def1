// Command satchel is the Satchel desktop app. It only wires things
// together: the encrypted vault from package storage behind the screens of
// package ui.
package main

import (
	"flag"
	"fmt"
	"os"

	"fyne.io/fyne/v2/app"

	"github.com/satchel-wallet/satchel/storage"
	"github.com/satchel-wallet/satchel/ui"
)

func main() {
	walletPath := flag.String("wallet", "", "the wallet file (default $SATCHEL_WALLET or the configuration directory)")
	flag.Parse()
	path := *walletPath
	if path == "" {
		p, err := storage.DefaultPath()
		if err != nil {
			fmt.Fprintln(os.Stderr, "satchel:", err)
			os.Exit(2)
		}
		path = p
	}
	a := app.NewWithID("eu.satchel.wallet")
	w := ui.New(a, vaults{path: path})
	if onStart != nil {
		onStart(w)
	}
	w.ShowAndRun()
}

// onStart, when set, is given the app before it runs. The window test's
// build (tag xvfb) sets it to drive the app from its standard input.
var onStart func(*ui.App)
