// Package ui is Satchel's desktop interface, built with Fyne. Each screen is
// a small struct holding its widgets, with onX methods as callbacks; [App]
// moves between them. Work that takes time (unlocking runs a deliberately
// slow key derivation) happens off the UI goroutine, and its result comes
// back through fyne.Do.
//
// The package sees the wallet through package wallet and the small
// interfaces in vaults.go, which cmd/satchel satisfies with the encrypted
// vault; it never imports the storage package. Every string a learner sees
// goes through Fyne's lang package so that it can be translated.
package ui
