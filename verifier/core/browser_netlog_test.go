package core_test

import (
	"fmt"
	"net/url"
	"path"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/network"
)

// netlog records every request a tab makes, as the browser reports it:
// also those that never reach a server (blocked, cached, data:).
type netlog struct {
	mu    sync.Mutex
	order []*request
	byID  map[network.RequestID]*request
	// asked is the Accept-Encoding sent, which comes in an event of its
	// own, before or after the request's.
	asked map[network.RequestID]string
}

type request struct {
	id       network.RequestID
	url      string
	encoding string // Accept-Encoding sent
	sent     float64
	finished float64 // 0 until it has
	failed   string
	bytes    float64 // transferred
	coding   string  // Content-Encoding received
}

func (n *netlog) record(ev any) {
	n.mu.Lock()
	defer n.mu.Unlock()
	switch e := ev.(type) {
	case *network.EventRequestWillBeSent:
		r := &request{id: e.RequestID, url: e.Request.URL, sent: e.Timestamp.Float64()}
		n.order = append(n.order, r)
		n.byID[e.RequestID] = r
	case *network.EventRequestWillBeSentExtraInfo:
		for k, v := range e.Headers {
			if strings.EqualFold(k, "Accept-Encoding") {
				n.asked[e.RequestID] = fmt.Sprint(v)
			}
		}
	case *network.EventResponseReceived:
		if r := n.byID[e.RequestID]; r != nil && e.Response != nil {
			for k, v := range e.Response.Headers {
				if strings.EqualFold(k, "Content-Encoding") {
					r.coding = fmt.Sprint(v)
				}
			}
		}
	case *network.EventLoadingFinished:
		if r := n.byID[e.RequestID]; r != nil {
			r.finished, r.bytes = e.Timestamp.Float64(), e.EncodedDataLength
		}
	case *network.EventLoadingFailed:
		if r := n.byID[e.RequestID]; r != nil {
			r.finished, r.failed = e.Timestamp.Float64(), e.ErrorText+" "+string(e.BlockedReason)
		}
	}
}

func (n *netlog) requests() []request {
	n.mu.Lock()
	defer n.mu.Unlock()
	out := make([]request, len(n.order))
	for i, r := range n.order {
		out[i] = *r
		out[i].encoding = n.asked[r.id]
	}
	return out
}

// check fails t unless every request went to the page's own files under
// base and none at all was made once satchel.wasm had loaded.
func (n *netlog) check(t *testing.T, base string, files []string) {
	t.Helper()
	reqs := n.requests()
	wasmDone := 0.0
	for _, r := range reqs {
		switch u, err := url.Parse(r.url); {
		case err == nil && u.Scheme == "data":
			// the page's empty icon: no request leaves the browser
		case err != nil || !strings.HasPrefix(r.url, base):
			t.Errorf("the browser requested %s, which is not the page's", r.url)
		case !slices.Contains(files, path.Base("/"+u.Path)) && u.Path != "/":
			t.Errorf("the browser requested %s, which is not one of the page's files", r.url)
		case path.Base(u.Path) == "satchel.wasm" && r.finished > 0:
			wasmDone = max(wasmDone, r.finished)
		}
		if r.failed != "" {
			t.Errorf("request %s failed: %s", r.url, r.failed)
		}
	}
	if wasmDone == 0 {
		t.Fatalf("satchel.wasm was never loaded: %v", reqs)
	}
	for _, r := range reqs {
		if r.sent > wasmDone {
			t.Errorf("the browser requested %s %.0f ms after satchel.wasm had loaded", r.url, (r.sent-wasmDone)*1000)
		}
	}
}
