//go:build browser

package core_test

import (
	"bytes"
	"context"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/satchel-wallet/satchel/share"
	"github.com/satchel-wallet/satchel/share/qr"
)

// TestBrowser opens the verifier page in headless Chromium (Debian's
// chromium package) with presentations Satchel made in the URL fragment,
// as a phone's camera would, and checks the verdict, the title and the
// failing check the page shows, and that the browser fetched nothing but
// the page's own files. It runs only when asked:
//
//	go test -tags browser -run TestBrowser ./verifier/core/
//
// The page is built as make verifier builds it, into a temporary folder,
// unless SATCHEL_VERIFIER_DIR names a built one (build/verifier).
func TestBrowser(t *testing.T) {
	chromium, err := exec.LookPath("chromium")
	if err != nil {
		t.Skip("chromium is missing: apt-get install -y chromium")
	}
	dir := os.Getenv("SATCHEL_VERIFIER_DIR")
	if dir == "" {
		dir = buildPage(t)
	}
	c := loadCorpus(t)
	hw := newHolderWallet(t, c)
	jwt := hw.items(t, c.files(t, "vc1-jwt-eddsa", 1)...)
	ld2 := hw.items(t, c.files(t, "vc2-ldp-eddsa-rdfc-2022", 3)...)
	old := func() time.Time { return time.Now().Add(-48 * time.Hour) }

	var mu sync.Mutex
	var fetched []string
	files := http.FileServer(http.Dir(dir))
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		fetched = append(fetched, r.URL.Path)
		mu.Unlock()
		files.ServeHTTP(w, r)
	})}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	base := "http://" + ln.Addr().String() + "/"

	for _, tc := range []struct {
		name    string
		vp      []byte
		verdict string
		// want are strings the page must show; check is a check that
		// must have status "failed" (data-check attribute), if any.
		want  []string
		check string
	}{
		{"1 credential", present(t, hw.signer, jwt, share.Options{Format: share.FormatVPJWT}), "verified", []string{jwt[0].Credential.Title.In("en"), "Elena"}, ""},
		{"3 credentials", present(t, hw.signer, ld2, share.Options{Format: share.FormatVPJWTV2}), "verified", []string{ld2[0].Credential.Title.In("en"), ld2[2].Credential.Title.In("en")}, ""},
		{"tampered", tamperJWT(t, present(t, hw.signer, jwt, share.Options{Format: share.FormatVPJWT})), "not verified", nil, "proof"},
		{"expired", present(t, hw.signer, jwt, share.Options{Format: share.FormatVPJWT, Now: old}), "not verified", []string{"expired"}, "validity"},
		{"wrong holder", present(t, newOtherSigner(t), jwt, share.Options{Format: share.FormatVPJWT}), "not verified", []string{jwt[0].Credential.Title.In("en")}, "holder"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := qr.Encode(tc.vp, qr.Options{MaxVersion: 40, URLPrefix: base + "#"})
			if err != nil {
				t.Fatal(err)
			}
			url := p.Parts[0]
			if len(p.Parts) != 1 {
				// Too large for one symbol: the presentation itself, which
				// the page also reads (a VP-JWT is URL-safe).
				url = base + "#" + string(tc.vp)
			}
			mu.Lock()
			fetched = nil
			mu.Unlock()
			start := time.Now()
			dom := dumpDOM(t, chromium, url)
			t.Logf("Chromium run %v", time.Since(start).Round(time.Millisecond))
			if !strings.Contains(dom, `data-state="done"`) {
				t.Fatalf("the page did not finish:\n%s", status(dom))
			}
			if got := attr(dom, `id="result" aria-labelledby="verdict-title" data-verdict="`); got != tc.verdict {
				t.Fatalf("verdict %q, want %q\n%s", got, tc.verdict, status(dom))
			}
			for _, w := range tc.want {
				if !strings.Contains(dom, w) {
					t.Errorf("the page does not show %q", w)
				}
			}
			if tc.check != "" && !strings.Contains(dom, `data-check="`+tc.check+`" data-status="failed"`) {
				t.Errorf("the page does not show the %s check failed", tc.check)
			}
			if shots := os.Getenv("SATCHEL_SCREENSHOTS"); shots != "" {
				name := strings.ReplaceAll(tc.name, " ", "-")
				screenshot(t, chromium, url, filepath.Join(shots, name+"-phone.png"), "390,844")
				screenshot(t, chromium, url, filepath.Join(shots, name+"-desktop.png"), "1280,900")
			}
			mu.Lock()
			defer mu.Unlock()
			for _, f := range fetched {
				if !slices.Contains([]string{"/", "/wasm_exec.js", "/verifier.js", "/verifier.css", "/satchel.wasm", "/favicon.ico"}, f) {
					t.Errorf("the browser fetched %s", f)
				}
			}
		})
	}
}

// dumpDOM opens url in headless Chromium and returns the DOM once the
// page is idle or the budget is spent.
func dumpDOM(t *testing.T, chromium, url string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	// Virtual time runs the page until it is idle: deterministic, but its
	// clock is not the wall clock, so the page's timings (data-verdict-ms)
	// mean nothing here.
	cmd := exec.CommandContext(ctx, chromium, "--headless=new", "--no-sandbox", "--disable-gpu",
		"--no-first-run", "--disable-extensions", "--user-data-dir="+t.TempDir(),
		"--virtual-time-budget=30000", "--dump-dom", url)
	var out, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("chromium: %v\n%s", err, stderr.String())
	}
	return out.String()
}

// screenshot saves the page at url, at size "w,h", to file. Set
// SATCHEL_SCREENSHOTS to a folder to have them.
func screenshot(t *testing.T, chromium, url, file, size string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, chromium, "--headless=new", "--no-sandbox", "--disable-gpu",
		"--no-first-run", "--hide-scrollbars", "--user-data-dir="+t.TempDir(), "--window-size="+size,
		"--virtual-time-budget=30000", "--screenshot="+file, url)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("chromium screenshot: %v\n%s", err, out)
	}
}

// buildPage builds the page as make verifier does, into a temporary folder.
func buildPage(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	cmd := exec.Command("go", "build", "-trimpath", "-ldflags=-s -w", "-o", filepath.Join(dir, "satchel.wasm"), "../wasm/")
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("build satchel.wasm: %v\n%s", err, out)
	}
	goroot, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		t.Fatalf("go env GOROOT: %v", err)
	}
	copyFile(t, filepath.Join(strings.TrimSpace(string(goroot)), "lib", "wasm", "wasm_exec.js"), dir)
	for _, f := range []string{"index.html", "verifier.css", "verifier.js"} {
		copyFile(t, filepath.Join("..", "web", f), dir)
	}
	return dir
}

func copyFile(t *testing.T, src, dir string) {
	t.Helper()
	data, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, filepath.Base(src)), data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// attr returns what follows prefix up to the next quote.
func attr(dom, prefix string) string {
	i := strings.Index(dom, prefix)
	if i < 0 {
		return ""
	}
	rest := dom[i+len(prefix):]
	return rest[:strings.IndexByte(rest, '"')]
}

var statusRE = regexp.MustCompile(`(?s)<p id="status".*?</p>|<section id="result".*?</section>`)

// status is what the page says, for failure messages.
func status(dom string) string {
	return strings.Join(statusRE.FindAllString(dom, -1), "\n")
}
