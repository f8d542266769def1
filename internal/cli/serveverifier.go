package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"
)

// defaultVerifierAddr is where serve-verifier listens unless told
// otherwise: this computer only. 8787 is clear of the ports development
// servers usually take.
const defaultVerifierAddr = "127.0.0.1:8787"

// defaultVerifierDir is where make verifier builds the page.
const defaultVerifierDir = "build/verifier"

func (a *app) serveVerifierCommand() *cobra.Command {
	var addr, dir string
	cmd := &cobra.Command{
		Use:   "serve-verifier",
		Short: "Serve the verifier web page on this computer, for trying it out",
		Long: `Serve the verifier web page that make verifier builds (build/verifier/) over
HTTP, until interrupted. Employers open it by scanning a QR code made with
the printed URL as its prefix:

    satchel-cli qr --url-prefix http://127.0.0.1:8787/# ...

The page checks presentations in the browser; the server only hands out the
page's files, with the page's security policy as headers and precompressed
.br and .gz files where make verifier made them. It listens on this computer
only (127.0.0.1) unless --addr names another address; phones on the network
can open it then, but browsers allow the camera only over https or on the
computer itself.`,
		Args: exactArgs(0),
		RunE: func(cmd *cobra.Command, _ []string) error {
			h, err := newVerifierHandler(dir)
			if err != nil {
				return &failure{code: ExitUsage, err: err, advice: "Build the page with `make verifier` in Satchel's source folder, or name the folder with --dir."}
			}
			ln, err := net.Listen("tcp", addr)
			if err != nil {
				return usageError("listen on %s: %w", addr, err)
			}
			return a.serveVerifier(cmd.Context(), ln, h)
		},
	}
	cmd.Flags().StringVar(&addr, "addr", defaultVerifierAddr, "listen on `HOST:PORT`")
	cmd.Flags().StringVar(&dir, "dir", defaultVerifierDir, "the built page, as make verifier makes it")
	return cmd
}

// serveVerifier serves h on ln until ctx ends, after printing the URL.
func (a *app) serveVerifier(ctx context.Context, ln net.Listener, h *verifierHandler) error {
	base := "http://" + ln.Addr().String() + "/"
	local := isLoopback(ln.Addr())
	a.emit(map[string]any{"url": base, "urlPrefix": base + "#", "dir": h.dir, "loopback": local}, func(w io.Writer) {
		fmt.Fprintf(w, "Serving the verifier page from %s at %s\n", h.dir, base)
		fmt.Fprintf(w, "QR URL prefix: %s#\n", base)
		if !local {
			fmt.Fprintln(w, "Other computers can reach it; their browsers allow the camera only over https.")
		}
		fmt.Fprintln(w, "Stop with Ctrl-C.")
	})
	srv := &http.Server{
		Handler: h,
		// Bounds for a server anyone on the network may reach.
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       2 * time.Minute,
	}
	// Ctrl-C stops the server, letting requests under way finish.
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt)
	defer stop()
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		<-ctx.Done()
		shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(shutdown)
	}()
	err := srv.Serve(ln)
	if errors.Is(err, http.ErrServerClosed) {
		<-stopped
		return nil
	}
	return fmt.Errorf("serve the verifier page: %w", err)
}

func isLoopback(addr net.Addr) bool {
	tcp, ok := addr.(*net.TCPAddr)
	return ok && tcp.IP.IsLoopback()
}

// checkVerifierDir makes sure dir holds a built page.
func checkVerifierDir(dir string) error {
	for _, f := range []string{"index.html", "satchel.wasm", "wasm_exec.js", "verifier.js"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			return fmt.Errorf("no built verifier page in %s: %w", dir, err)
		}
	}
	return nil
}
