package core_test

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/satchel-wallet/satchel/internal/cli"
	"github.com/satchel-wallet/satchel/share/qr"
	"github.com/satchel-wallet/satchel/verifier/web"
)

// The browser tests drive Debian's chromium through the DevTools protocol
// (chromedp): real time, not virtual time, so the page's own timings are
// wall-clock ones.

// requireChromium returns the path of Chromium. Without it the browser
// tests are skipped, or fail when SATCHEL_REQUIRE_TOOLS=1 (make test sets
// it, so that CI never passes by skipping).
func requireChromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	msg := "chromium is missing: apt-get install -y chromium (make test installs it)"
	if os.Getenv("SATCHEL_REQUIRE_TOOLS") == "1" {
		t.Fatal(msg + "; SATCHEL_REQUIRE_TOOLS=1 makes this a failure")
	}
	t.Skip(msg)
	return ""
}

// pageDir returns a built page: SATCHEL_VERIFIER_DIR (make verifier's
// build/verifier, with its .gz and .br files), or the page built as make
// verifier builds it into a temporary folder, once for the test.
func pageDir(t *testing.T) string {
	t.Helper()
	if dir := os.Getenv("SATCHEL_VERIFIER_DIR"); dir != "" {
		return dir
	}
	dir := t.TempDir()
	start := time.Now()
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
	err = fs.WalkDir(web.Files, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(web.Files, p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, p), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("built the page in %v", time.Since(start).Round(time.Millisecond))
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

// servePage serves dir with satchel-cli serve-verifier, as someone trying
// the page out would, and returns the URL it prints.
func servePage(t *testing.T, dir string) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	done := make(chan int, 1)
	go func() {
		done <- cli.Run(ctx, []string{"serve-verifier", "--addr", "127.0.0.1:0", "--dir", dir}, cli.IO{
			In: strings.NewReader(""), Out: pw, Err: pw, Getenv: func(string) string { return "" },
		})
		pw.Close()
	}()
	t.Cleanup(func() {
		cancel()
		<-done
	})
	sc := bufio.NewScanner(pr)
	for sc.Scan() {
		if p, ok := strings.CutPrefix(sc.Text(), "QR URL prefix: "); ok {
			go io.Copy(io.Discard, pr)
			return strings.TrimSuffix(p, "#")
		}
	}
	t.Fatal("serve-verifier printed no URL")
	return ""
}

// newBrowser starts headless Chromium with a fresh profile, flags that
// keep it from calling home, and extra flags.
func newBrowser(t *testing.T, chromium string, extra ...chromedp.ExecAllocatorOption) context.Context {
	t.Helper()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromium),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-default-apps", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-features", "Translate,OptimizationHints,MediaRouter,DialMediaRouteProvider"),
		chromedp.Flag("metrics-recording-only", true),
		chromedp.Flag("password-store", "basic"),
	}
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), append(opts, extra...)...)
	ctx, cancel := chromedp.NewContext(alloc)
	t.Cleanup(func() {
		cancel()
		cancelAlloc()
	})
	if err := chromedp.Do(ctx); err != nil { // start it
		t.Fatalf("start chromium: %v", err)
	}
	return ctx
}

// A tab is one page in the browser, with every request it makes.
type tab struct {
	ctx context.Context
	net *netlog
}

func newTab(t *testing.T, browser context.Context) *tab {
	t.Helper()
	n := &netlog{byID: map[network.RequestID]*request{}, asked: map[network.RequestID]string{}}
	ctx, cancel := chromedp.NewContext(browser, chromedp.WithListener(n.record))
	t.Cleanup(cancel)
	// The tab lives as long as the context its first run gets: this one,
	// not the shorter ones of the steps after.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("open a tab: %v", err)
	}
	return &tab{ctx: ctx, net: n}
}

func (tb *tab) do(t *testing.T, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, 90*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatal(err)
	}
}

func eval[T any](t *testing.T, tb *tab, js string) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, 30*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("%s: %v", js, err)
	}
	return v
}

// waitState waits until the page's body says one of states.
func (tb *tab) waitState(t *testing.T, states ...string) {
	t.Helper()
	list, _ := json.Marshal(states)
	js := fmt.Sprintf(`%s.includes(document.body.dataset.state)`, list)
	ctx, cancel := context.WithTimeout(tb.ctx, 70*time.Second)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](js, chromedp.WithPollingTimeout(60*time.Second), chromedp.WithPollingInterval(20*time.Millisecond))); err != nil {
		t.Fatalf("waiting for the page to be %v: %v\nit says: %s", states, err, eval[string](t, tb, `document.getElementById("status").textContent`))
	}
}

// shown is what the page shows, as the tests read it.
type shown struct {
	State   string `json:"state"`
	Lang    string `json:"lang"`
	Verdict string `json:"verdict"`
	Title   string `json:"title"`
	Status  string `json:"status"`
	// Text is the visible text of the result.
	Text string `json:"text"`
	// Reasons are the checks the "Why" list names; Failed are every check
	// marked failed.
	Reasons    []string `json:"reasons"`
	Failed     []string `json:"failed"`
	Creds      []string `json:"creds"`
	ReadyMs    int      `json:"readyMs,string"`
	CompiledMs int      `json:"compiledMs,string"`
	VerifyMs   int      `json:"verifyMs,string"`
	VerdictMs  int      `json:"verdictMs,string"`
}

const readShown = `(() => {
  const $ = (id) => document.getElementById(id);
  const all = (sel) => Array.from(document.querySelectorAll(sel));
  return {
    state: document.body.dataset.state || "", lang: document.documentElement.lang,
    verdict: $("result").dataset.verdict || "", title: $("verdict-title").textContent,
    status: $("status").textContent, text: $("result").innerText,
    reasons: all("#reason-list li").map((e) => e.dataset.check),
    failed: all("li[data-status=failed]").map((e) => e.dataset.check),
    creds: all("#credentials h3").map((e) => e.textContent),
    readyMs: document.body.dataset.readyMs || "0", compiledMs: document.body.dataset.compiledMs || "0", verifyMs: document.body.dataset.verifyMs || "0", verdictMs: document.body.dataset.verdictMs || "0",
  };
})()`

func (tb *tab) shown(t *testing.T) shown {
	t.Helper()
	return eval[shown](t, tb, readShown)
}

// open opens url in the tab and waits for the verdict.
func (tb *tab) open(t *testing.T, url string) shown {
	t.Helper()
	tb.do(t, chromedp.Navigate(url))
	tb.waitState(t, "done", "failed")
	return tb.shown(t)
}

// screenshot saves the tab at the size of a phone (390x844, as a phone
// shows it: the viewport, and the whole page) or of a desktop (1280x900,
// the whole page) into dir, and leaves the tab at desktop size.
func (tb *tab) screenshot(t *testing.T, dir, name string) {
	t.Helper()
	for _, s := range []struct {
		suffix string
		w, h   int64
		mobile bool
		full   bool
	}{
		{"phone", 390, 844, true, false},
		{"phone-full", 390, 844, true, true},
		{"desktop", 1280, 900, false, true},
	} {
		opts := []chromedp.EmulateViewportOption{chromedp.EmulateScale(1)}
		if s.mobile {
			opts = append(opts, chromedp.EmulateMobile, chromedp.EmulatePortrait)
		}
		tb.do(t, chromedp.EmulateViewport(s.w, s.h, opts...), chromedp.Evaluate[chromedp.Void](`window.scrollTo(0, 0)`), chromedp.Sleep(150*time.Millisecond))
		shot := chromedp.CaptureScreenshot()
		if s.full {
			shot = chromedp.FullScreenshot(100)
		}
		ctx, cancel := context.WithTimeout(tb.ctx, 30*time.Second)
		png, err := chromedp.Run(ctx, shot)
		cancel()
		if err != nil {
			t.Fatalf("screenshot: %v", err)
		}
		file := filepath.Join(dir, name+"-"+s.suffix+".png")
		if err := os.WriteFile(file, png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// coldLoad opens url in a new tab with the browser's cache off and
// returns the requests it made, with the bytes each transferred.
func coldLoad(t *testing.T, browser context.Context, url string) []request {
	t.Helper()
	tb := newTab(t, browser)
	tb.do(t, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: true})
		return err
	}))
	if s := tb.open(t, url); s.Verdict == "" {
		t.Fatalf("no verdict: %+v", s)
	}
	return tb.net.requests()
}

// encodeSet encodes vp as a set of exactly n parts: the largest symbol
// version that needs n.
func encodeSet(t *testing.T, vp []byte, n int, prefix string) *qr.Payload {
	t.Helper()
	for v := qr.DefaultMaxVersion; v >= 5; v-- {
		p, err := qr.Encode(vp, qr.Options{MaxVersion: v, URLPrefix: prefix})
		if err != nil {
			t.Fatal(err)
		}
		if len(p.Parts) == n {
			return p
		}
		if len(p.Parts) > n {
			break
		}
	}
	t.Fatalf("no symbol version splits the presentation (%d bytes) into %d parts", len(vp), n)
	return nil
}

func median(ms []int) int {
	s := slices.Clone(ms)
	slices.Sort(s)
	return s[len(s)/2]
}
