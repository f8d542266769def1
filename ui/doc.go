// Package ui is Satchel's desktop interface, built with Fyne. Each screen is
// a small struct holding its widgets, with onX methods as callbacks; [App]
// moves between them. Work that takes time (unlocking runs a deliberately
// slow key derivation; importing verifies every file; signing and reading
// the wallet) happens off the UI goroutine, and its result comes back
// through fyne.Do.
//
// # Screens
//
// Before unlocking: create.go (a new wallet, with the demo credentials if
// wished), restore.go (from a backup), unlock.go. After: shell.go, the
// frame with the navigation rail (Ctrl+O imports, Ctrl+F searches, Ctrl+L
// locks; keys.go), and its sections:
//
//   - credlist.go, card.go, sidebar.go: the credentials, searched as the
//     learner types, filtered and sorted, with collections and tags;
//   - detail.go, elements.go, checks.go, original.go, credactions.go: one
//     credential, its EU standard elements, outcomes, checks and original,
//     and what can be done with it; guidance.go explains each element and
//     check;
//   - importer.go, filepick.go, importrun.go, importsummary.go, qrtext.go:
//     importing files, folders, pasted text and QR images, with progress,
//     cancel and a per-file summary;
//   - stacks.go, stackview.go, stackedit.go: stacks and their progress;
//   - share.go, sharemake.go, shared.go, history.go: presentations as QR
//     codes or files, and the log of what was shared;
//   - export.go: a credential, a stack or a collection exported for
//     Europass (EDC originals, ELM v3, Europass CV) or as a PDF with the
//     QR code of a signed presentation;
//   - verify.go: checking someone else's presentation;
//   - settings.go and its tabs: General (appearance, language, auto-lock,
//     online checks, the import size limit; i18n.go, prefs.go), Profiles
//     (settingsprofiles.go: adding, importing a JWK key, exporting the
//     public identity and, after a confirmation, the private key), Trust
//     list (settingstrust.go), Sharing (settingsqr.go: the QR defaults the
//     share screen uses) and Wallet (settingswallet.go: where it is;
//     passwd.go changes the passphrase, backup.go writes a backup,
//     restoreover.go restores one in place of the open wallet, keeping it).
//
// library.go and libread.go hold the wallet's contents as the screens show
// them: the list appears as soon as the records are read, decoding only
// the cards in view, and switches to the search index when it is built.
// demo.go signs the bundled demo credentials for the wallet's own holder.
//
// The package sees the wallet through package wallet, package share and the
// small interfaces in vaults.go, which cmd/satchel satisfies with the
// encrypted vault; it never imports the storage package. Every string a
// learner sees goes through Fyne's lang package; the translations are in
// assets/translations, with plural forms (lang.N) wherever a number counts
// something, and the sentences of checks and stacks under their codes
// (check.*, stack.*). [App.Drive] lets a window test walk the app.
package ui
