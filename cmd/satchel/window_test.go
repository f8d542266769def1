//go:build xvfb

// The window test starts the real Satchel app in a real X window under Xvfb
// and walks it through its screens as a learner would: the keyboard (with
// xdotool) where Fyne lets keys through — typing, the shortcuts — and
// otherwise ui.App.Drive, which this build reads from the app's standard
// input (tour_xvfb.go). Each screen is photographed with ImageMagick's
// import into build/screenshots, for people to look at, and checked: the
// size the window was given, and not blank. make test runs it with
// `go test -tags xvfb ./cmd/satchel/`.

package main

import (
	"bufio"
	"bytes"
	"fmt"
	"image"
	"image/png"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/satchel-wallet/satchel/internal/fixture"
	"github.com/satchel-wallet/satchel/internal/interop"
)

// The screen is full HD, the largest size Satchel is made for; the window
// is photographed alone, at the sizes it is given.
const screenW, screenH = 1920, 1080

// xvfb starts a virtual X server and returns its DISPLAY value.
func xvfb(t *testing.T) string {
	t.Helper()
	for _, tool := range []string{"Xvfb", "xdotool", "import"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s is missing; `make test` installs it (packages xvfb, xdotool, imagemagick)", tool)
		}
	}
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("Xvfb", "-displayfd", "3", "-screen", "0", fmt.Sprintf("%dx%dx24", screenW, screenH), "-nolisten", "tcp")
	cmd.ExtraFiles = []*os.File{w}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	w.Close()
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	buf := make([]byte, 16)
	n, err := r.Read(buf)
	if err != nil {
		t.Fatalf("Xvfb did not report its display: %v", err)
	}
	return ":" + strings.TrimSpace(string(buf[:n]))
}

// syncBuffer is the app's log, written by its output readers.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

type session struct {
	t       *testing.T
	display string
	shots   string
	app     *exec.Cmd
	stdin   io.WriteCloser
	answers chan string
	log     syncBuffer
	window  string
	w, h    int // the window's size, as photographed
}

func (s *session) env(extra ...string) []string {
	return append(append(os.Environ(), "DISPLAY="+s.display), extra...)
}

func (s *session) x(args ...string) string {
	s.t.Helper()
	cmd := exec.Command("xdotool", args...)
	cmd.Env = s.env()
	out, err := cmd.CombinedOutput()
	if err != nil {
		s.t.Fatalf("xdotool %v: %v\n%s", args, err, out)
	}
	return string(out)
}

// start runs the app on the wallet file and waits for its window.
func (s *session) start(bin, walletPath string) {
	s.t.Helper()
	s.spawn(bin, walletPath)
	deadline := time.Now().Add(30 * time.Second)
	s.findWindow(deadline, 200*time.Millisecond)
	s.resize(1280, 800)
	s.waitDrawn(deadline)
}

// spawn starts the app on the wallet file.
func (s *session) spawn(bin, walletPath string) {
	s.t.Helper()
	s.app = exec.Command(bin)
	s.app.Env = s.env("SATCHEL_WALLET="+walletPath, "LANG=en_GB.UTF-8", "FYNE_THEME=dark",
		"HOME="+s.t.TempDir(), "SATCHEL_TOUR=1")
	var err error
	if s.stdin, err = s.app.StdinPipe(); err != nil {
		s.t.Fatal(err)
	}
	out, err := s.app.StdoutPipe()
	if err != nil {
		s.t.Fatal(err)
	}
	s.app.Stderr = &s.log
	s.answers = make(chan string, 16)
	if err := s.app.Start(); err != nil {
		s.t.Fatal(err)
	}
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			line := sc.Text()
			s.log.Write([]byte(line + "\n"))
			if strings.HasPrefix(line, "done ") || strings.HasPrefix(line, "failed ") {
				s.answers <- line
			}
		}
	}()
	s.t.Cleanup(func() { s.app.Process.Kill(); s.app.Wait() })
}

// findWindow waits for the app's window, looking every poll.
func (s *session) findWindow(deadline time.Time, poll time.Duration) {
	s.t.Helper()
	for time.Now().Before(deadline) {
		cmd := exec.Command("xdotool", "search", "--name", "^Satchel$")
		cmd.Env = s.env()
		if out, err := cmd.Output(); err == nil && len(bytes.TrimSpace(out)) > 0 {
			s.window = strings.Fields(string(out))[0]
			return
		}
		time.Sleep(poll)
	}
	s.t.Fatalf("no Satchel window after 30 s; the app said:\n%s", s.log.String())
}

// resize gives the window a size, at the top left of the screen. Fyne
// resizes its own window (a size set from outside is undone without a
// window manager to negotiate it).
func (s *session) resize(w, h int) {
	s.t.Helper()
	s.w, s.h = w, h
	s.x("windowmove", s.window, "0", "0")
	s.step(fmt.Sprintf("size %d %d", w, h))
}

// waitDrawn waits until the window has drawn a frame at its size: a
// mapped window is black until then.
func (s *session) waitDrawn(deadline time.Time) {
	s.t.Helper()
	for time.Now().Before(deadline) {
		img := s.grab("00-starting")
		if b := img.Bounds(); b.Dx() == s.w && b.Dy() == s.h && colours(img) >= 16 {
			time.Sleep(300 * time.Millisecond) // let the frame settle
			return
		}
		time.Sleep(200 * time.Millisecond)
	}
	s.t.Fatalf("the window stayed blank; the app said:\n%s", s.log.String())
}

// grab saves a photograph of the window under name.
func (s *session) grab(name string) image.Image {
	s.t.Helper()
	path := filepath.Join(s.shots, name+".png")
	cmd := exec.Command("import", "-window", s.window, path)
	cmd.Env = s.env()
	if out, err := cmd.CombinedOutput(); err != nil {
		s.t.Fatalf("import: %v\n%s", err, out)
	}
	f, err := os.Open(path)
	if err != nil {
		s.t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		s.t.Fatalf("%s: %v", path, err)
	}
	return img
}

// shot photographs the window under name and checks the picture: the
// window's size, and not blank.
func (s *session) shot(name string) image.Image {
	s.t.Helper()
	img := s.grab(name)
	if b := img.Bounds(); b.Dx() != s.w || b.Dy() != s.h {
		s.t.Fatalf("%s is %dx%d, want %dx%d", name, b.Dx(), b.Dy(), s.w, s.h)
	}
	if n := colours(img); n < 16 {
		s.t.Fatalf("%s is blank: %d distinct colours", name, n)
	}
	return img
}

// outcome is how many pixels must change for an action to count as done:
// a new screen or a line of message text changes thousands; typing a
// passphrase (small dots) or a blinking cursor a few hundred at most.
const outcome = 800

// waitChange takes photographs until the window differs from before by
// at least outcome pixels, then takes one more once it has settled. Keys
// need no waiting of their own: X delivers them in order.
func (s *session) waitChange(name string, before image.Image) image.Image {
	s.t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		time.Sleep(300 * time.Millisecond)
		img := s.shot(name)
		if differs(img, before) > outcome {
			time.Sleep(700 * time.Millisecond)
			return s.shot(name)
		}
	}
	s.t.Fatalf("the window did not change for %s; the app said:\n%s", name, s.log.String())
	return nil
}

// step has the app do one step of ui.App.Drive and waits for its answer.
func (s *session) step(cmd string) {
	s.t.Helper()
	if _, err := fmt.Fprintln(s.stdin, cmd); err != nil {
		s.t.Fatal(err)
	}
	select {
	case a := <-s.answers:
		if !strings.HasPrefix(a, "done ") {
			s.t.Fatalf("%s\nthe app said:\n%s", a, s.log.String())
		}
	case <-time.After(2 * time.Minute):
		s.t.Fatalf("no answer to %q; the app said:\n%s", cmd, s.log.String())
	}
}

// screen does a step and photographs what it shows.
func (s *session) screen(cmd, name string, before image.Image) image.Image {
	s.t.Helper()
	s.step(cmd)
	return s.waitChange(name, before)
}

func colours(img image.Image) int {
	seen := map[[3]uint32]bool{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y += 2 {
		for x := b.Min.X; x < b.Max.X; x += 2 {
			r, g, bl, _ := img.At(x, y).RGBA()
			seen[[3]uint32{r >> 8, g >> 8, bl >> 8}] = true
		}
	}
	return len(seen)
}

// differs counts the pixels that differ between two photographs; a change
// of size changes them all.
func differs(a, b image.Image) int {
	ab, bb := a.Bounds(), b.Bounds()
	if ab != bb {
		return ab.Dx() * ab.Dy()
	}
	n := 0
	for y := ab.Min.Y; y < ab.Max.Y; y++ {
		for x := ab.Min.X; x < ab.Max.X; x++ {
			if a.At(x, y) != b.At(x, y) {
				n++
			}
		}
	}
	return n
}

func build(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "satchel")
	out, err := exec.Command("go", "build", "-tags", "xvfb", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	return bin
}

func TestWindowScreens(t *testing.T) {
	shots, err := filepath.Abs("../../build/screenshots")
	if err != nil {
		t.Fatal(err)
	}
	os.RemoveAll(shots)
	os.MkdirAll(shots, 0o755)
	bin := build(t)
	corpus := interop.Corpus(t, 200)
	walletPath := filepath.Join(t.TempDir(), "wallet.satchel")
	s := &session{t: t, display: xvfb(t), shots: shots}

	// First run: create a wallet from the keyboard alone.
	s.start(bin, walletPath)
	create := s.shot("01-create")
	const pass = "meadow tractor silent orange"
	s.x("type", "--delay", "15", pass)
	s.x("key", "Tab")
	s.x("type", "--delay", "15", pass)
	s.x("key", "Return")
	home := s.waitChange("02-credentials-empty", create)
	if _, err := os.Stat(walletPath); err != nil {
		t.Fatalf("no wallet file after creating: %v\n%s", err, s.log.String())
	}

	// Ctrl+L locks; a wrong passphrase, then the right one.
	s.x("key", "ctrl+l")
	locked := s.waitChange("03-locked", home)
	s.x("type", "--delay", "15", "this is not my passphrase at all")
	s.x("key", "Return")
	wrong := s.waitChange("04-wrong-passphrase", locked)
	s.x("type", "--delay", "15", pass)
	s.x("key", "Return")
	again := s.waitChange("05-unlocked", wrong)
	if differs(again, home) > outcome {
		t.Fatal("after unlocking, the main screen does not look like it did")
	}

	// Demo credentials, then the shared fixtures and a folder of 200.
	demo := s.screen("demo", "06-demo-imported", again)
	var files []string
	for _, f := range []string{
		"edc/elm-v3/Sample-MC-Annex1-signed.jsonld", "edc/elm-v2-xml/EDC_DiplomaSupplement_AA.xml",
		"vectors/ob3/1edtech-validator/clr20/simple.jwt", "vectors/ob2-baked/1edtech-validator/ob20/simple-badge.png",
	} {
		files = append(files, fixture.Path(t, f))
	}
	imported := s.screen("import "+strings.Join(append(files, corpus), " "), "07-import-summary", demo)
	list := s.screen("section credentials", "08-credentials", imported)

	// Ctrl+F and type: the list narrows as the learner types.
	s.x("key", "ctrl+f")
	s.x("type", "--delay", "40", "data")
	found := s.waitChange("09-search", list)
	detail := s.screen("open 0", "10-detail", found)
	checks := s.screen("tab 2", "11-verification", detail)
	guide := s.screen("guide check.issuer", "12-guide", checks)
	s.step("close")
	outcomes := s.screen("tab 1", "13-outcomes", guide)
	original := s.screen("tab 3", "14-original", outcomes)
	stack := s.screen("stack 30 Digital skills towards a diploma", "15-stack", original)
	qr := s.screen("share-qr", "16-share-qr", stack)
	history := s.screen("section history", "17-history", qr)
	presentation := filepath.Join(t.TempDir(), "presentation.jwt")
	s.step("share-file " + presentation)
	verify := s.screen("verify "+presentation, "18-verify", history)
	// Settings, tab by tab; the trust list with the example list in it.
	settings := s.screen("section settings", "19-settings", verify)
	settings = s.screen("settings profiles", "19b-settings-profiles", settings)
	trustList, err := filepath.Abs("../../wallet/trust/testdata/example.json")
	if err != nil {
		t.Fatal(err)
	}
	settings = s.screen("trust-file "+trustList, "19c-settings-trust", settings)
	settings = s.screen("settings sharing", "19d-settings-sharing", settings)
	settings = s.screen("settings wallet", "19e-settings-wallet", settings)
	share := s.screen("section share", "20-share", settings)

	// The smallest window Satchel is made for, and full HD.
	s.resize(800, 600)
	small := s.screen("section credentials", "21-credentials-800x600", share)
	small = s.screen("open 0", "22-detail-800x600", small)
	small = s.screen("section stacks", "23-stacks-800x600", small)
	small = s.screen("section share", "24-share-800x600", small)
	small = s.screen("settings general", "24b-settings-800x600", small)
	small = s.screen("settings trust", "24c-settings-trust-800x600", small)
	small = s.screen("settings wallet", "24d-settings-wallet-800x600", small)
	s.resize(1920, 1080)
	large := s.screen("section credentials", "25-credentials-1920x1080", small)
	large = s.screen("open 0", "26-detail-1920x1080", large)
	large = s.screen("settings general", "27-settings-1920x1080", large)
	large = s.screen("settings trust", "28-settings-trust-1920x1080", large)
	s.screen("settings sharing", "29-settings-sharing-1920x1080", large)
	os.Remove(filepath.Join(shots, "00-starting.png"))

	if s.app.ProcessState != nil {
		t.Fatalf("the app exited: %s", s.log.String())
	}
	t.Logf("screenshots in %s", shots)
}
