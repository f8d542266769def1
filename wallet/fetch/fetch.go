// Package fetch is the one way Satchel reaches the network: an https GET
// with a size cap and a timeout, used only when the learner allowed network
// checks (did:web documents, revocation lists, hosted badges). Packages
// that may go online take a Fetcher interface of their own and are handed
// an [HTTP] by the caller; none of them has a default network access.
package fetch

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"syscall"
	"time"
)

// Errors of a fetch.
var (
	// ErrFetch means the document could not be fetched: a refused address,
	// a network error, an HTTP status other than 200.
	ErrFetch = errors.New("document not available")
	// ErrTooLarge means the document is larger than the fetch allows.
	ErrTooLarge = errors.New("document too large")
)

const (
	// DefaultTimeout bounds one fetch, connection and TLS handshake
	// included. The documents are small static files; a server that takes
	// longer is down or stalling, and the learner is waiting.
	DefaultTimeout = 15 * time.Second
	// DefaultMaxBytes bounds a body when the caller sets no limit: DID
	// documents and status lists are kilobytes, a large status list a few
	// hundred.
	DefaultMaxBytes = 4 << 20
	// maxRedirects bounds the redirects followed. A CDN or a versioned
	// path adds one or two; more is a loop or a trick.
	maxRedirects = 3
)

// HTTP fetches documents over https.
type HTTP struct {
	// Client does the requests. When nil, a client is used that uses no
	// proxy, requires TLS 1.2 or newer, and refuses to connect to loopback,
	// private, link-local and multicast addresses (after name resolution),
	// so that an address in a credential cannot make the wallet probe the
	// learner's own network. Whatever the client, the redirect rule of
	// Fetch applies.
	Client *http.Client
	// MaxBytes bounds the body; 0 means DefaultMaxBytes.
	MaxBytes int64
	// Timeout bounds the whole fetch; 0 means DefaultTimeout.
	Timeout time.Duration
	// Accept is the Accept header; empty means JSON and JSON-LD.
	Accept string
	// AllowHTTP allows plain http addresses, for tests and local
	// development. Off, only https is fetched.
	AllowHTTP bool
}

// Fetch GETs u and returns the body of a 200 response. The address must be
// https (or http when AllowHTTP); at most 3 redirects are followed, each to
// an allowed scheme and never from https to http. A body over MaxBytes is
// refused with ErrTooLarge; other failures wrap ErrFetch.
func (f *HTTP) Fetch(ctx context.Context, u string) ([]byte, error) {
	parsed, err := url.Parse(u)
	if err != nil || parsed.Host == "" || !f.allowed(parsed.Scheme) {
		return nil, fmt.Errorf("fetch %s: only https addresses are fetched: %w", short(u), ErrFetch)
	}
	limit, timeout := f.MaxBytes, f.Timeout
	if limit <= 0 {
		limit = DefaultMaxBytes
	}
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	client := *defaultClient
	if f.Client != nil {
		client = *f.Client
	}
	client.CheckRedirect = f.checkRedirect
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, fmt.Errorf("fetch %s: %v: %w", short(u), err, ErrFetch)
	}
	accept := f.Accept
	if accept == "" {
		accept = "application/json, application/ld+json;q=0.9, */*;q=0.1"
	}
	req.Header.Set("Accept", accept)
	resp, err := client.Do(req)
	if err != nil {
		return nil, fmt.Errorf("fetch %s: %v: %w", short(u), err, ErrFetch)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("fetch %s: HTTP %s: %w", short(u), resp.Status, ErrFetch)
	}
	if resp.ContentLength > limit {
		return nil, fmt.Errorf("fetch %s: %d bytes (limit %d): %w", short(u), resp.ContentLength, limit, ErrTooLarge)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if err != nil {
		return nil, fmt.Errorf("fetch %s: %v: %w", short(u), err, ErrFetch)
	}
	if int64(len(body)) > limit {
		return nil, fmt.Errorf("fetch %s: more than %d bytes: %w", short(u), limit, ErrTooLarge)
	}
	return body, nil
}

func (f *HTTP) allowed(scheme string) bool {
	return scheme == "https" || (f.AllowHTTP && scheme == "http")
}

// checkRedirect allows a redirect to an allowed scheme, never from https
// to http (which would drop the server's authentication mid-way).
func (f *HTTP) checkRedirect(req *http.Request, via []*http.Request) error {
	if len(via) >= maxRedirects {
		return fmt.Errorf("more than %d redirects", maxRedirects)
	}
	if !f.allowed(req.URL.Scheme) {
		return fmt.Errorf("redirect to a %s address", req.URL.Scheme)
	}
	if via[len(via)-1].URL.Scheme == "https" && req.URL.Scheme != "https" {
		return errors.New("redirect from https to http")
	}
	return nil
}

var defaultClient = &http.Client{
	Transport: &http.Transport{
		Proxy: nil,
		DialContext: (&net.Dialer{
			Timeout: DefaultTimeout,
			Control: refuseLocal,
		}).DialContext,
		TLSClientConfig:     &tls.Config{MinVersion: tls.VersionTLS12},
		TLSHandshakeTimeout: DefaultTimeout,
		// The headers of a static file are small; this stops a server from
		// streaming headers for ever.
		MaxResponseHeaderBytes: 64 << 10,
		ResponseHeaderTimeout:  DefaultTimeout,
		ForceAttemptHTTP2:      true,
	},
}

// errLocalAddress is the dial error for an address the default client
// refuses.
var errLocalAddress = errors.New("refusing to connect to a local or private address")

// refuseLocal is a dialer hook that refuses loopback, private, link-local,
// unspecified and multicast addresses, after name resolution, so that a DNS
// name pointing inside the learner's network is refused too.
func refuseLocal(_, address string, _ syscall.RawConn) error {
	host, _, err := net.SplitHostPort(address)
	if err != nil {
		return err
	}
	ip := net.ParseIP(host)
	if ip == nil || ip.IsLoopback() || ip.IsPrivate() || ip.IsUnspecified() ||
		ip.IsLinkLocalUnicast() || ip.IsLinkLocalMulticast() ||
		ip.IsInterfaceLocalMulticast() || ip.IsMulticast() {
		return fmt.Errorf("%s: %w", host, errLocalAddress)
	}
	return nil
}

func short(s string) string {
	if len(s) > 120 {
		return s[:117] + "..."
	}
	return s
}
