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
			time.Sleep(1500 * time.Millisecond) // first frame
			return
		}
		time.Sleep(200 * time.Millisecond)
	}
	s.t.Fatalf("no Satchel window after 30 s; the app said:\n%s", s.log.String())
}

// shot saves a screenshot of the whole screen under name and checks it.
func (s *session) shot(name string) image.Image {
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
	if b := img.Bounds(); b.Dx() != screenW || b.Dy() != screenH {
		s.t.Fatalf("%s is %dx%d, want %dx%d", name, b.Dx(), b.Dy(), screenW, screenH)
	}
	if n := colours(img); n < 16 {
		s.t.Fatalf("%s is blank: %d distinct colours", name, n)
	}
	return img
}

// waitChange takes screenshots until the screen differs from before and
// then holds still.
func (s *session) waitChange(name string, before image.Image) image.Image {
	s.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		time.Sleep(400 * time.Millisecond)
		img := s.shot(name)
		if differs(img, before) > 150 {
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

// differs counts sampled pixels that differ between two screenshots.
func differs(a, b image.Image) int {
	n := 0
	for y := 0; y < screenH; y += 2 {
		for x := 0; x < screenW; x += 2 {
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
	typed := s.shot("02-create-typed")
	if differs(typed, create) < 100 {
		t.Fatal("typing the passphrase changed nothing on screen")
	}
	s.x("key", "Return")
	home := s.waitChange("03-home", typed)
	if _, err := os.Stat(walletPath); err != nil {
		t.Fatalf("no wallet file after creating: %v\n%s", err, s.log.String())
	}

	// Ctrl+L locks; the unlock screen comes back.
	s.x("key", "ctrl+l")
	s.waitChange("04-locked", home)

	// A wrong passphrase, then the right one.
	s.x("type", "--delay", "15", "not my passphrase")
	before := s.shot("05-typed-wrong")
	s.x("key", "Return")
	s.waitChange("05-wrong-passphrase", before)
	s.x("type", "--delay", "15", pass)
	before = s.shot("06-typed-right")
	s.x("key", "Return")
	again := s.waitChange("06-unlocked", before)
	if differs(again, home) > 2000 {
		t.Fatal("after unlocking, the main screen does not look like it did")
	}
	if s.app.ProcessState != nil {
		t.Fatalf("the app exited: %s", s.log.String())
	}
	t.Logf("screenshots in %s", shots)
}
