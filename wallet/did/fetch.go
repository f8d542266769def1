package did

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"syscall"
	"time"
)

// DefaultFetchTimeout bounds one fetch of a DID document, connection and
// TLS handshake included. A document is a few kilobytes; a server that
// takes longer is down or stalling, and the learner is waiting.
const DefaultFetchTimeout = 10 * time.Second

// maxRedirects bounds the redirects a fetch follows. Hosting on a CDN or a
// user page can add one or two; more is a loop or a trick.
const maxRedirects = 3

// HTTPFetcher fetches DID documents over HTTPS. It is the one place where
// package did touches the network, and it is used only when a caller puts
// it in a [Resolver]: the learner asked to check a did:web issuer online.
type HTTPFetcher struct {
	// Client does the requests. When nil, a client is used that speaks
	// HTTPS only (TLS 1.2 or newer), follows at most 3 redirects and only
	// to https addresses, uses no proxy, and refuses to connect to
	// loopback, private, link-local and multicast addresses, so that a
	// crafted DID cannot make the wallet probe the learner's own network.
	Client *http.Client
	// MaxBytes bounds the document size; 0 means [MaxDocumentSize].
	MaxBytes int64
	// Timeout bounds the whole fetch; 0 means [DefaultFetchTimeout].
	Timeout time.Duration
}

var _ Fetcher = (*HTTPFetcher)(nil)

// Fetch GETs url (which must be https) and returns the body of a 200
// response, refusing bodies over MaxBytes with [ErrBadDocument]. Other
// failures wrap [ErrFetch].
func (f *HTTPFetcher) Fetch(ctx context.Context, url string) ([]byte, error) {
	if !strings.HasPrefix(url, "https://") {
		return nil, fmt.Errorf("fetch %s: only https is allowed: %w", url, ErrFetch)
	}
	limit, timeout, client := f.MaxBytes, f.Timeout, f.Client
	if limit <= 0 {
		limit = MaxDocumentSize
	}
	if timeout <= 0 {
		timeout = DefaultFetchTimeout
	}
	if client == nil {
		client = defaultClient
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, fmt.Errorf("fetch %s: %v: %w", url, err, ErrFetch)
	}
	req.Header.Set("Accept", "application/did+json, application/did+ld+json, application/json")
	resp, err := client.Do(req)
	if err != nil {
		return nil, fmt.Errorf("fetch %s: %v: %w", url, err, ErrFetch)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("fetch %s: HTTP %s: %w", url, resp.Status, ErrFetch)
	}
	if resp.ContentLength > limit {
		return nil, fmt.Errorf("fetch %s: document of %d bytes (limit %d): %w", url, resp.ContentLength, limit, ErrBadDocument)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if err != nil {
		return nil, fmt.Errorf("fetch %s: %v: %w", url, err, ErrFetch)
	}
	if int64(len(body)) > limit {
		return nil, fmt.Errorf("fetch %s: document over %d bytes: %w", url, limit, ErrBadDocument)
	}
	return body, nil
}

var defaultClient = &http.Client{
	Transport: &http.Transport{
		Proxy: nil,
		DialContext: (&net.Dialer{
			Timeout: DefaultFetchTimeout,
			Control: refuseLocal,
		}).DialContext,
		TLSClientConfig:       &tls.Config{MinVersion: tls.VersionTLS12},
		TLSHandshakeTimeout:   DefaultFetchTimeout,
		ResponseHeaderTimeout: DefaultFetchTimeout,
		// Headers of a static JSON file are small; this stops a server
		// from streaming headers for ever.
		MaxResponseHeaderBytes: 64 << 10,
		ForceAttemptHTTP2:      true,
	},
	CheckRedirect: func(req *http.Request, via []*http.Request) error {
		if len(via) >= maxRedirects {
			return fmt.Errorf("more than %d redirects", maxRedirects)
		}
		if req.URL.Scheme != "https" {
			return fmt.Errorf("redirect to %s (only https is allowed)", req.URL.Scheme)
		}
		return nil
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
	if ip == nil || isLocal(ip) {
		return fmt.Errorf("%s: %w", host, errLocalAddress)
	}
	return nil
}

func isLocal(ip net.IP) bool {
	return ip.IsLoopback() || ip.IsPrivate() || ip.IsUnspecified() ||
		ip.IsLinkLocalUnicast() || ip.IsLinkLocalMulticast() ||
		ip.IsInterfaceLocalMulticast() || ip.IsMulticast()
}
