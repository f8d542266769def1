//go:build xvfb

// The window test starts the real Satchel app in a real X window under Xvfb,
// drives it with xdotool as a learner would (keyboard only), and takes
// screenshots with ImageMagick's import. make test runs it with
// `go test -tags xvfb ./cmd/satchel/`; the screenshots are kept in
// build/screenshots for people to look at.

package main

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

const screenW, screenH = 1280, 800

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

type session struct {
	t       *testing.T
	display string
	shots   string
	app     *exec.Cmd
	log     bytes.Buffer
}

func (s *session) x(args ...string) string {
	s.t.Helper()
	cmd := exec.Command("xdotool", args...)
	cmd.Env = append(os.Environ(), "DISPLAY="+s.display)
	out, err := cmd.CombinedOutput()
	if err != nil {
		s.t.Fatalf("xdotool %v: %v\n%s", args, err, out)
	}
	return string(out)
}

// start runs the app on the wallet file and waits for its window.
func (s *session) start(bin, walletPath string) {
	s.t.Helper()
	s.app = exec.Command(bin)
	s.app.Env = append(os.Environ(), "DISPLAY="+s.display, "SATCHEL_WALLET="+walletPath, "LANG=en_GB.UTF-8",
		"FYNE_THEME=dark", "HOME="+s.t.TempDir())
	s.app.Stdout, s.app.Stderr = &s.log, &s.log
	if err := s.app.Start(); err != nil {
		s.t.Fatal(err)
	}
	s.t.Cleanup(func() { s.app.Process.Kill(); s.app.Wait() })
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		cmd := exec.Command("xdotool", "search", "--name", "^Satchel$")
		cmd.Env = append(os.Environ(), "DISPLAY="+s.display)
		if out, err := cmd.Output(); err == nil && len(bytes.TrimSpace(out)) > 0 {
			s.waitDrawn(deadline)
			return
		}
		time.Sleep(200 * time.Millisecond)
	}
	s.t.Fatalf("no Satchel window after 30 s; the app said:\n%s", s.log.String())
}

// waitDrawn waits until the window has drawn its first frame: a mapped
// window is black until then.
func (s *session) waitDrawn(deadline time.Time) {
	s.t.Helper()
	for time.Now().Before(deadline) {
		if colours(s.grab("00-starting")) >= 16 {
			time.Sleep(300 * time.Millisecond) // let the frame settle
			return
		}
		time.Sleep(200 * time.Millisecond)
	}
	s.t.Fatalf("the window stayed blank; the app said:\n%s", s.log.String())
}

// grab saves a screenshot of the whole screen under name.
func (s *session) grab(name string) image.Image {
	s.t.Helper()
	path := filepath.Join(s.shots, name+".png")
	cmd := exec.Command("import", "-window", "root", path)
	cmd.Env = append(os.Environ(), "DISPLAY="+s.display)
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

// shot saves a screenshot of the whole screen under name and checks it.
func (s *session) shot(name string) image.Image {
	s.t.Helper()
	img := s.grab(name)
	if b := img.Bounds(); b.Dx() != screenW || b.Dy() != screenH {
		s.t.Fatalf("%s is %dx%d, want %dx%d", name, b.Dx(), b.Dy(), screenW, screenH)
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

// waitChange takes screenshots until the screen differs from before by at
// least outcome pixels, then takes one more once it has settled. Keys need
// no waiting of their own: X delivers them in order, so Return is handled
// after the text typed before it.
func (s *session) waitChange(name string, before image.Image) image.Image {
	s.t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		time.Sleep(300 * time.Millisecond)
		img := s.shot(name)
		if differs(img, before) > outcome {
			time.Sleep(500 * time.Millisecond)
			return s.shot(name)
		}
	}
	s.t.Fatalf("the screen did not change for %s; the app said:\n%s", name, s.log.String())
	return nil
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

// differs counts the pixels that differ between two screenshots.
func differs(a, b image.Image) int {
	n := 0
	for y := 0; y < screenH; y++ {
		for x := 0; x < screenW; x++ {
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
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	return bin
}

func TestWindowFirstRunUnlockLock(t *testing.T) {
	shots, err := filepath.Abs("../../build/screenshots")
	if err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(shots, 0o755)
	bin := build(t)
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
	home := s.waitChange("02-home", create)
	if _, err := os.Stat(walletPath); err != nil {
		t.Fatalf("no wallet file after creating: %v\n%s", err, s.log.String())
	}

	// Ctrl+L locks; the unlock screen comes back.
	s.x("key", "ctrl+l")
	locked := s.waitChange("03-locked", home)

	// A wrong passphrase, then the right one.
	s.x("type", "--delay", "15", "this is not my passphrase at all")
	s.x("key", "Return")
	wrong := s.waitChange("04-wrong-passphrase", locked)
	s.x("type", "--delay", "15", pass)
	s.x("key", "Return")
	again := s.waitChange("05-unlocked", wrong)
	if differs(again, home) > outcome {
		t.Fatal("after unlocking, the main screen does not look like it did")
	}
	if s.app.ProcessState != nil {
		t.Fatalf("the app exited: %s", s.log.String())
	}
	t.Logf("screenshots in %s", shots)
}
