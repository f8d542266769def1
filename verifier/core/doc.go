// Package core is the verification behind Satchel's verifier web page: it
// turns the texts of a scanned or pasted payload into a [Report] a recruiter
// can read. It is ordinary Go, tested with go test; package
// verifier/wasm only exposes it to JavaScript when compiled with
// GOOS=js GOARCH=wasm, so the page and the app give the same answer from the
// same code ([share.VerifyPresentation] with an offline [wallet.Checker]).
//
// A payload is what a Satchel QR code carries (SAT1..., see
// share/qr/FORMAT.md), possibly after a URL prefix ending in '#', split into
// parts that arrive in any order; a VP1- text of the DCC's vpqr; or, pasted,
// the presentation itself (a VP-JWT, a JSON-LD VP, an SD-JWT with its
// key-binding JWT). [Verify] takes all the texts at once; an [Assembler]
// collects the parts of a set one scan at a time and says which are missing.
// [ReadImage] and [ReadPixels] read the texts from a picture or a camera
// frame with Satchel's own QR reader (share/qr).
//
// The checks' sentences come in the reader's language: English as the
// wallet words them, or German, French or Spanish from messages/*.json,
// text/templates keyed by check code over the same args, with dates in
// that language's words ([Languages]).
//
// Nothing here uses the network: the checker is offline, with the bundled
// JSON-LD contexts, so a presentation never leaves the browser.
package core
