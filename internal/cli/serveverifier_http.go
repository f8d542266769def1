package cli

import (
	"fmt"
	"io/fs"
	"mime"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/satchel-wallet/satchel/verifier/web"
)

// verifierHandler serves a built verifier page: only the files of its
// folder, by GET or HEAD, each with its exact type (satchel.wasm as
// application/wasm, so that browsers compile it while it downloads), a
// precompressed .br or .gz where there is one and the browser takes it,
// and the page's own security policy as headers.
type verifierHandler struct {
	dir     string
	root    *os.Root
	headers map[string]string
}

// verifierTypes are the types of the page's files; anything else in the
// folder is sent as bytes.
var verifierTypes = map[string]string{
	".html": "text/html; charset=utf-8",
	".js":   "text/javascript; charset=utf-8",
	".css":  "text/css; charset=utf-8",
	".wasm": "application/wasm",
	".png":  "image/png",
	".svg":  "image/svg+xml",
	".ico":  "image/x-icon",
	".json": "application/json",
}

// encodings are the precompressed variants, best first.
var encodings = []struct{ name, ext string }{{"br", ".br"}, {"gzip", ".gz"}}

func newVerifierHandler(dir string) (*verifierHandler, error) {
	if err := checkVerifierDir(dir); err != nil {
		return nil, err
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", dir, err)
	}
	html, err := fs.ReadFile(root.FS(), "index.html")
	if err != nil {
		return nil, fmt.Errorf("read the page: %w", err)
	}
	policy, err := web.Policy(html)
	if err != nil {
		return nil, fmt.Errorf("%s/index.html: %w", dir, err)
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		abs = dir
	}
	return &verifierHandler{dir: abs, root: root, headers: map[string]string{
		// The meta element's policy, and what only a header can say: that
		// no other site may frame the page.
		"Content-Security-Policy":    policy + "; frame-ancestors 'none'",
		"X-Content-Type-Options":     "nosniff",
		"Referrer-Policy":            "no-referrer",
		"X-Frame-Options":            "DENY",
		"Cross-Origin-Opener-Policy": "same-origin",
		// The camera for this page only; nothing else the page does not use.
		"Permissions-Policy": "camera=(self), microphone=(), geolocation=(), payment=(), usb=()",
		// The file names carry no version, so browsers ask each time
		// whether a file changed (a 304 when it did not).
		"Cache-Control": "no-cache",
	}}, nil
}

func (h *verifierHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	for k, v := range h.headers {
		w.Header().Set(k, v)
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	name := strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")
	if name == "" {
		name = "index.html"
	}
	ext := path.Ext(name)
	if strings.Contains(name, "/") || ext == ".br" || ext == ".gz" {
		http.NotFound(w, r) // the page is one flat folder; variants are negotiated
		return
	}
	f, info, err := h.open(name)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	defer f.Close()
	typ, ok := verifierTypes[ext]
	if !ok {
		if typ = mime.TypeByExtension(ext); typ == "" {
			typ = "application/octet-stream"
		}
	}
	w.Header().Set("Content-Type", typ)
	w.Header().Set("Vary", "Accept-Encoding")
	accepted := acceptedEncodings(r.Header.Get("Accept-Encoding"))
	for _, e := range encodings {
		if !accepted[e.name] {
			continue
		}
		cf, cinfo, err := h.open(name + e.ext)
		// None, or older than the file: stale. gzip -k and brotli -k give
		// the variant the file's time, brotli to the second only.
		if err != nil || cinfo.ModTime().Before(info.ModTime().Truncate(time.Second)) {
			if cf != nil {
				cf.Close()
			}
			continue
		}
		defer cf.Close()
		f, info = cf, cinfo
		w.Header().Set("Content-Encoding", e.name)
		break
	}
	w.Header().Set("ETag", strconv.Quote(strconv.FormatInt(info.Size(), 36)+"-"+strconv.FormatInt(info.ModTime().UnixNano(), 36)))
	http.ServeContent(w, r, name, info.ModTime(), f)
}

// open opens a regular file of the folder; os.Root keeps it inside.
func (h *verifierHandler) open(name string) (*os.File, os.FileInfo, error) {
	f, err := h.root.Open(name)
	if err != nil {
		return nil, nil, err
	}
	info, err := f.Stat()
	if err != nil || !info.Mode().IsRegular() {
		f.Close()
		return nil, nil, fmt.Errorf("%s: not a file", name)
	}
	return f, info, nil
}

// acceptedEncodings reads an Accept-Encoding header: the codings it names
// without q=0.
func acceptedEncodings(header string) map[string]bool {
	out := map[string]bool{}
	for _, part := range strings.Split(header, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		q := strings.ReplaceAll(strings.TrimSpace(params), " ", "")
		if name == "" || q == "q=0" || q == "q=0.0" || q == "q=0.00" || q == "q=0.000" {
			continue
		}
		out[strings.ToLower(name)] = true
	}
	return out
}
