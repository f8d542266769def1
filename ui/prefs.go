package ui

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2/lang"

	"github.com/satchel-wallet/satchel/share/qr"
	"github.com/satchel-wallet/satchel/wallet"
)

// Preferences of the wallet's behaviour on this computer, set in
// Settings. Like the others (see i18n.go) they are never secrets.
const (
	prefImportMiB    = "importLimitMiB" // the largest file imported, in MiB
	prefQRLevel      = "qrLevel"        // "L", "M", "Q" or "H"; "" is M
	prefQRMaxVersion = "qrMaxVersion"   // 0 is qr.DefaultMaxVersion
	prefQRURL        = "qrVerifierURL"  // "" puts no address before payloads
)

// importLimits are the largest-file choices, in MiB. The default, 4 MiB
// (wallet.DefaultMaxBytes), holds any real credential with room to spare:
// they are a few kilobytes, sealed EDCs with images a few hundred. Less
// suits a learner who only imports small badges; more, up to 32 MiB, a
// baked badge image of photo size. Every file of an import is read into
// memory at once, so the ceiling stays small.
var importLimits = []int{1, 2, 4, 8, 16, 32}

// maxImportBytes is the largest file Satchel reads for import or
// verification, as set in Settings.
func (a *App) maxImportBytes() int {
	mib := a.fyne.Preferences().IntWithFallback(prefImportMiB, wallet.DefaultMaxBytes>>20)
	if !slices.Contains(importLimits, mib) {
		return wallet.DefaultMaxBytes
	}
	return mib << 20
}

// checker is the wallet's checker with the import size limit of Settings.
func (a *App) checker() (*wallet.Checker, error) {
	ch, err := a.wallet.Checker()
	if err != nil {
		return nil, err
	}
	ch.MaxBytes = a.maxImportBytes()
	return ch, nil
}

// qrLevels are the error correction levels offered, weakest first.
var qrLevels = []qr.Level{qr.LevelL, qr.LevelM, qr.LevelQ, qr.LevelH}

// qrVersions are the largest symbol sizes offered. Smaller symbols have
// larger modules on the same screen and scan from further away, but a
// presentation needs more of them; 25 is qr.DefaultMaxVersion, and 40 is
// the largest QR code there is.
var qrVersions = []int{10, 15, 20, 25, 30, 40}

// qrOptions are the QR settings the share screen makes codes with.
func (a *App) qrOptions() qr.Options {
	p := a.fyne.Preferences()
	o := qr.Options{MaxVersion: p.IntWithFallback(prefQRMaxVersion, qr.DefaultMaxVersion)}
	if !slices.Contains(qrVersions, o.MaxVersion) {
		o.MaxVersion = qr.DefaultMaxVersion
	}
	for _, l := range qrLevels {
		if l.String() == p.String(prefQRLevel) {
			o.Level = l
		}
	}
	if u := p.String(prefQRURL); checkVerifierURL(u) == nil {
		o.URLPrefix = u
	}
	return o
}

// errVerifierURL is a verifier page address the QR codes cannot carry.
var errVerifierURL = errors.New("not a verifier page address")

// checkVerifierURL checks an address to put before QR payloads: empty
// (none), or a web address ending in its only '#', which a phone camera
// opens with the payload after the '#'. That part of a URL stays on the
// phone: the page reads it, the server never sees it.
func checkVerifierURL(u string) error {
	if u == "" {
		return nil
	}
	if !strings.HasPrefix(u, "https://") && !strings.HasPrefix(u, "http://") {
		return fmt.Errorf("%w: %q does not start with https:// or http://", errVerifierURL, u)
	}
	// The encoder checks the rest (one '#' at the end, no spaces, a
	// sensible length); a one-byte presentation is enough to ask it.
	if _, err := qr.Encode([]byte("."), qr.Options{URLPrefix: u}); err != nil {
		return fmt.Errorf("%w: %w", errVerifierURL, err)
	}
	return nil
}

// verifierURLProblem says what is wrong with an address, and what to do.
func verifierURLProblem(u string) string {
	switch {
	case !strings.HasPrefix(u, "https://") && !strings.HasPrefix(u, "http://"):
		return lang.L("The address must start with https:// (or http:// for a page on this computer).")
	case !strings.HasSuffix(u, "#") || strings.Count(u, "#") != 1:
		return lang.L("The address must end with # (and have no other #), for example http://127.0.0.1:8787/#.")
	}
	return lang.L("The address cannot go into a QR code: remove spaces and letters outside plain ASCII, or shorten it.")
}
