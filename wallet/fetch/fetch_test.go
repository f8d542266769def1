package fetch

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// TestHTTP checks the fetcher's rules against a local TLS server:
// the body of a 200, a size cap, a timeout, https only, and redirects that
// neither leave https nor loop.
func TestHTTP(t *testing.T) {
	plain := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("plain")) }))
	defer plain.Close()
	mux := http.NewServeMux()
	mux.HandleFunc("/list", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("list")) })
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) { w.Write(bytes.Repeat([]byte("x"), 2048)) })
	mux.HandleFunc("/big-chunked", func(w http.ResponseWriter, r *http.Request) {
		for range 4 {
			w.Write(bytes.Repeat([]byte("x"), 512))
			w.(http.Flusher).Flush()
		}
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(30 * time.Second):
		}
	})
	mux.HandleFunc("/missing", http.NotFound)
	mux.HandleFunc("/to-list", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/list", http.StatusFound) })
	mux.HandleFunc("/to-http", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, plain.URL+"/x", http.StatusFound) })
	mux.HandleFunc("/to-file", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "file:///etc/passwd", http.StatusFound)
	})
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop", http.StatusFound) })
	srv := httptest.NewTLSServer(mux)
	defer srv.Close()

	f := &HTTP{Client: srv.Client(), MaxBytes: 1024, Timeout: 300 * time.Millisecond}
	cases := []struct {
		name    string
		fetcher *HTTP
		url     string
		want    string
		err     error
	}{
		{"ok", f, srv.URL + "/list", "list", nil},
		{"redirect within https", f, srv.URL + "/to-list", "list", nil},
		{"too large", f, srv.URL + "/big", "", ErrTooLarge},
		{"too large, no length", f, srv.URL + "/big-chunked", "", ErrTooLarge},
		{"timeout", f, srv.URL + "/slow", "", ErrFetch},
		{"not found", f, srv.URL + "/missing", "", ErrFetch},
		{"http refused", f, plain.URL + "/x", "", ErrFetch},
		{"http allowed when asked", &HTTP{AllowHTTP: true, Client: plain.Client()}, plain.URL + "/x", "plain", nil},
		{"redirect to http refused", f, srv.URL + "/to-http", "", ErrFetch},
		{"redirect to http refused even when http is allowed", &HTTP{Client: srv.Client(), AllowHTTP: true}, srv.URL + "/to-http", "", ErrFetch},
		{"redirect to file refused", f, srv.URL + "/to-file", "", ErrFetch},
		{"redirect loop", f, srv.URL + "/loop", "", ErrFetch},
		{"not a URL", f, "not an address", "", ErrFetch},
		{"file URL", f, "file:///etc/passwd", "", ErrFetch},
		{"default client refuses the local network", &HTTP{}, srv.URL + "/list", "", ErrFetch},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			start := time.Now()
			got, err := c.fetcher.Fetch(context.Background(), c.url)
			if time.Since(start) > 10*time.Second {
				t.Errorf("took %v", time.Since(start))
			}
			if c.err != nil {
				if !errors.Is(err, c.err) {
					t.Fatalf("got %q, %v; want %v", got, err, c.err)
				}
				return
			}
			if err != nil || string(got) != c.want {
				t.Fatalf("got %q, %v; want %q", got, err, c.want)
			}
		})
	}
	if _, err := (&HTTP{}).Fetch(context.Background(), srv.URL+"/list"); err == nil || !strings.Contains(err.Error(), "local or private") {
		t.Errorf("default client: %v", err)
	}
}
