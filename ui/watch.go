package ui

import (
	"time"

	"fyne.io/fyne/v2"
)

// UnlockReport says how long the next unlock took to show the wallet,
// counted from the moment the vault was open (after the key derivation).
type UnlockReport struct {
	// Credentials is how many the list showed first.
	Credentials int
	// Listed is when the list was first filled: the next frame shows it.
	Listed time.Duration
	// Indexed is when the search index was ready.
	Indexed time.Duration
}

// WatchUnlock has report called once, on the UI goroutine, after the next
// unlock has filled the credentials list and built the search index. The
// window test's build uses it to time the real app; call it from any
// goroutine but the UI's.
func (a *App) WatchUnlock(report func(UnlockReport)) {
	fyne.DoAndWait(func() {
		a.onUnlockedHook = func(p *credentialsPage) {
			a.onUnlockedHook = nil
			start := time.Now()
			var r UnlockReport
			p.onShown = func() {
				lib := a.lib
				if r.Listed == 0 && lib.loaded && p.length() > 0 {
					r.Listed, r.Credentials = time.Since(start), p.length()
				}
				if r.Listed != 0 && lib.index != nil {
					r.Indexed = lib.indexedAt.Sub(start)
					p.onShown = nil
					report(r)
				}
			}
		}
	})
}
