package cli_test

import (
	"bufio"
	"compress/gzip"
	"context"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/satchel-wallet/satchel/internal/cli"
	"github.com/satchel-wallet/satchel/verifier/web"
)

// wasmBytes stands in for satchel.wasm: the module header and some bytes.
var wasmBytes = []byte("\x00asm\x01\x00\x00\x00" + strings.Repeat("satchel ", 512))

// verifierDir makes a folder as make verifier does, with a small module
// and a gzip variant of it.
func verifierDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	write := func(name string, data []byte) {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range []string{"index.html", "verifier.css", "verifier.js", "scan.js", "messages.js"} {
		data, err := fs.ReadFile(web.Files, f)
		if err != nil {
			t.Fatal(err)
		}
		write(f, data)
	}
	write("wasm_exec.js", []byte("// Go's wasm_exec.js\n"))
	write("satchel.wasm", wasmBytes)
	write("verifier.js.br", []byte("brotli stands in")) // only sent, never decoded here
	write("verifier.css.gz", []byte("stale"))
	// brotli -k keeps the file's time to the second; an older variant is stale.
	now := time.Now()
	for name, at := range map[string]time.Time{"verifier.js": now, "verifier.js.br": now.Truncate(time.Second), "verifier.css.gz": now.Add(-time.Hour)} {
		if err := os.Chtimes(filepath.Join(dir, name), at, at); err != nil {
			t.Fatal(err)
		}
	}
	gz, err := os.Create(filepath.Join(dir, "satchel.wasm.gz"))
	if err != nil {
		t.Fatal(err)
	}
	zw, _ := gzip.NewWriterLevel(gz, gzip.BestCompression)
	zw.Write(wasmBytes)
	zw.Close()
	gz.Close()
	return dir
}

// startVerifier runs serve-verifier on a free port and returns the base
// URL it printed; the server stops with the test.
func startVerifier(t *testing.T, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	done := make(chan int, 1)
	go func() {
		done <- cli.Run(ctx, append([]string{"serve-verifier", "--addr", "127.0.0.1:0"}, args...), cli.IO{
			In: strings.NewReader(""), Out: pw, Err: pw, Getenv: func(string) string { return "" },
		})
		pw.Close()
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case code := <-done:
			if code != cli.ExitOK {
				t.Errorf("serve-verifier exited with %d after the interrupt", code)
			}
		case <-time.After(10 * time.Second):
			t.Error("serve-verifier did not stop")
		}
	})
	sc := bufio.NewScanner(pr)
	var base string
	for sc.Scan() {
		line := sc.Text()
		if p, ok := strings.CutPrefix(line, "QR URL prefix: "); ok {
			base = strings.TrimSuffix(p, "#")
			break
		}
	}
	if base == "" {
		t.Fatal("serve-verifier printed no URL prefix")
	}
	go io.Copy(io.Discard, pr)
	return base
}

// TestServeVerifier serves a built page on a real listener and checks
// what a browser gets: types, compression, caching and security headers.
func TestServeVerifier(t *testing.T) {
	dir := verifierDir(t)
	base := startVerifier(t, "--dir", dir)
	if !strings.HasPrefix(base, "http://127.0.0.1:") || !strings.HasSuffix(base, "/") {
		t.Fatalf("base URL %q", base)
	}
	policy, err := web.Policy([]byte(mustRead(t, filepath.Join(dir, "index.html"))))
	if err != nil {
		t.Fatal(err)
	}
	// No transparent decompression: the test looks at what is sent.
	client := &http.Client{Transport: &http.Transport{DisableCompression: true}}
	get := func(method, p, enc string) (*http.Response, []byte) {
		t.Helper()
		req, _ := http.NewRequest(method, base+strings.TrimPrefix(p, "/"), nil)
		if enc != "" {
			req.Header.Set("Accept-Encoding", enc)
		}
		res, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		body, _ := io.ReadAll(res.Body)
		return res, body
	}
	for _, tc := range []struct {
		method, path, enc string
		status            int
		typ, encoding     string
	}{
		{"GET", "/", "", 200, "text/html; charset=utf-8", ""},
		{"GET", "/index.html", "gzip, br", 200, "text/html; charset=utf-8", ""},
		{"GET", "/verifier.js", "", 200, "text/javascript; charset=utf-8", ""},
		{"GET", "/verifier.js", "gzip, deflate, br, zstd", 200, "text/javascript; charset=utf-8", "br"},
		{"GET", "/verifier.css", "", 200, "text/css; charset=utf-8", ""},
		{"GET", "/verifier.css", "gzip", 200, "text/css; charset=utf-8", ""},
		{"GET", "/satchel.wasm", "", 200, "application/wasm", ""},
		{"GET", "/satchel.wasm", "gzip, deflate, br", 200, "application/wasm", "gzip"},
		{"GET", "/satchel.wasm", "br, gzip;q=0", 200, "application/wasm", ""},
		{"HEAD", "/satchel.wasm", "gzip", 200, "application/wasm", "gzip"},
		{"GET", "/satchel.wasm.gz", "", 404, "", ""},
		{"GET", "/../../etc/passwd", "", 404, "", ""},
		{"GET", "/nothing.js", "", 404, "", ""},
		{"POST", "/", "", 405, "", ""},
	} {
		res, body := get(tc.method, tc.path, tc.enc)
		name := tc.method + " " + tc.path + " (" + tc.enc + ")"
		if res.StatusCode != tc.status {
			t.Errorf("%s: status %d, want %d", name, res.StatusCode, tc.status)
			continue
		}
		if got := res.Header.Get("Content-Security-Policy"); !strings.HasPrefix(got, policy) || !strings.Contains(got, "frame-ancestors 'none'") {
			t.Errorf("%s: Content-Security-Policy %q, want the page's %q and frame-ancestors", name, got, policy)
		}
		for k, v := range map[string]string{"X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer"} {
			if res.Header.Get(k) != v {
				t.Errorf("%s: %s %q, want %q", name, k, res.Header.Get(k), v)
			}
		}
		if tc.status != 200 {
			continue
		}
		if got := res.Header.Get("Content-Type"); got != tc.typ {
			t.Errorf("%s: Content-Type %q, want %q", name, got, tc.typ)
		}
		if got := res.Header.Get("Content-Encoding"); got != tc.encoding {
			t.Errorf("%s: Content-Encoding %q, want %q", name, got, tc.encoding)
		}
		if res.Header.Get("Cache-Control") != "no-cache" || res.Header.Get("ETag") == "" || !strings.Contains(res.Header.Get("Vary"), "Accept-Encoding") {
			t.Errorf("%s: caching headers %v", name, res.Header)
		}
		if tc.path == "/satchel.wasm" && tc.method == "GET" {
			if tc.encoding == "gzip" {
				zr, err := gzip.NewReader(strings.NewReader(string(body)))
				if err != nil {
					t.Fatal(err)
				}
				body, _ = io.ReadAll(zr)
			}
			if string(body) != string(wasmBytes) {
				t.Errorf("%s: %d bytes, not the module", name, len(body))
			}
		}
	}
	// A browser that has the file asks whether it changed.
	res, _ := get("GET", "/satchel.wasm", "")
	req, _ := http.NewRequest("GET", base+"satchel.wasm", nil)
	req.Header.Set("If-None-Match", res.Header.Get("ETag"))
	res2, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res2.Body.Close()
	if res2.StatusCode != http.StatusNotModified {
		t.Errorf("revalidation: status %d, want 304", res2.StatusCode)
	}
}

func mustRead(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestServeVerifierNotBuilt names what to do when the page is not built.
func TestServeVerifierNotBuilt(t *testing.T) {
	e := newEnv(t)
	code, _, errs := e.run("serve-verifier", "--addr", "127.0.0.1:0", "--dir", t.TempDir())
	if code != cli.ExitUsage || !strings.Contains(errs, "make verifier") {
		t.Fatalf("exit %d, %q; want a usage exit that says to run make verifier", code, errs)
	}
}
