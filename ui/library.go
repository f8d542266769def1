package ui

import (
	"errors"
	"runtime/debug"
	"time"

	"github.com/satchel-wallet/satchel/wallet"
	"github.com/satchel-wallet/satchel/wallet/credential"
	"github.com/satchel-wallet/satchel/wallet/search"
)

// library is the wallet's contents as the screens show them: the
// credentials, the collections, and the search index over both.
//
// Loading goes in two steps: the records are read and put in list order
// without decoding (a wallet.Listing, raw), and the list shows them at
// once, decoding the cards in view; then, off the UI goroutine, every
// record is decoded (creds) and indexed (about 0.6 s of CPU for 10,000
// credentials), and the list switches to the index. Until then a search
// waits for the index.
//
// A library is only touched on the UI goroutine; load does the slow parts
// in the background and swaps the results in through App.background.
type library struct {
	app         *App
	raw         *wallet.Listing         // step 1; nil once creds are decoded
	creds       []credential.Credential // step 2: newest first
	byID        map[string]*credential.Credential
	collections []wallet.Collection
	index       *search.Index // nil until built for the current creds
	damaged     error         // a *wallet.DamagedError when records were skipped
	err         error         // the wallet could not be read
	loaded      bool          // step 1 is done
	gen         int           // counts loads, so that a slow step never replaces a newer one
	// onRead and onIndexed are called on the UI goroutine when the
	// credentials have been read and when the index is ready.
	onRead, onIndexed func()
	// readAt and indexedAt record when each step finished, for the
	// performance report.
	readAt, indexedAt time.Time
}

func newLibrary(app *App) *library {
	return &library{app: app, byID: map[string]*credential.Credential{}}
}

// load reads the wallet again and rebuilds the index. Call it after every
// change to credentials or collections.
func (l *library) load() {
	l.gen++
	gen := l.gen
	w := l.app.wallet
	if w == nil {
		return
	}
	language := l.app.language()
	l.app.background(func() func() {
		raw, err := w.List()
		if err != nil {
			return func() { l.failed(gen, err) }
		}
		err = raw.Damaged()
		cols, cerr := w.Collections()
		var damaged *wallet.DamagedError
		if cerr != nil && !errors.As(cerr, &damaged) {
			return func() { l.failed(gen, cerr) }
		}
		return func() {
			if gen != l.gen || l.app.wallet != w {
				return
			}
			l.raw, l.collections, l.damaged, l.err = raw, cols, err, nil
			l.loaded = true
			l.readAt = time.Now()
			if l.onRead != nil {
				l.onRead()
			}
			l.decode(gen, raw, cols, language)
		}
	})
}

func (l *library) failed(gen int, err error) {
	if gen != l.gen {
		return
	}
	l.err = err
	l.loaded = true
	if l.onRead != nil {
		l.onRead()
	}
}

// decode decodes every credential and indexes them, off the UI goroutine.
func (l *library) decode(gen int, raw *wallet.Listing, cols []wallet.Collection, language string) {
	l.app.background(func() func() {
		creds, err := raw.DecodeAll()
		in := map[string][]string{}
		for _, c := range cols {
			for _, m := range c.Members {
				in[m] = append(in[m], c.ID)
			}
		}
		docs := make([]search.Doc, len(creds))
		for i := range creds {
			docs[i] = search.Doc{Credential: &creds[i], Collections: in[creds[i].ID]}
		}
		ix := search.Build(docs, language)
		return func() {
			if gen != l.gen {
				return
			}
			l.raw, l.creds, l.damaged, l.index = nil, creds, err, ix
			l.byID = make(map[string]*credential.Credential, len(creds))
			for i := range creds {
				l.byID[creds[i].ID] = &creds[i]
			}
			l.indexedAt = time.Now()
			if l.onIndexed != nil {
				l.onIndexed()
			}
			// Loading left garbage several times the size of what is
			// kept (the key derivation's 64 MiB, the records as read,
			// the decoders' buffers); give it back to the system now
			// rather than keep it resident until the runtime's
			// scavenger gets round to it.
			go debug.FreeOSMemory()
		}
	})
}

// count is the number of credentials in the wallet.
func (l *library) count() int {
	if l.raw != nil {
		return l.raw.Len()
	}
	return len(l.creds)
}

// credential returns the credential with id, or nil.
func (l *library) credential(id string) *credential.Credential { return l.byID[id] }

// all returns every credential as the unindexed list shows them.
func (l *library) all() []*credential.Credential {
	out := make([]*credential.Credential, len(l.creds))
	for i := range l.creds {
		out[i] = &l.creds[i]
	}
	return out
}

// collection returns the collection with id, and whether there is one.
func (l *library) collection(id string) (wallet.Collection, bool) {
	for _, c := range l.collections {
		if c.ID == id {
			return c, true
		}
	}
	return wallet.Collection{}, false
}

// collectionsOf lists the collections that hold credential id.
func (l *library) collectionsOf(id string) []wallet.Collection {
	var out []wallet.Collection
	for _, c := range l.collections {
		for _, m := range c.Members {
			if m == id {
				out = append(out, c)
				break
			}
		}
	}
	return out
}
