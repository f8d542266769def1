// Package layout_test enforces the dependency direction of DESIGN.md:
// ui -> share -> wallet, storage -> wallet, cmd -> everything. The domain
// never imports the UI toolkit or the database, and the screens never reach
// past the wallet into the file.
package layout_test

import (
	"os/exec"
	"strings"
	"testing"
)

const module = "github.com/satchel-wallet/satchel"

// deps lists every package that the packages matching pattern depend on.
func deps(t *testing.T, pattern string) []string {
	t.Helper()
	cmd := exec.Command("go", "list", "-deps", pattern)
	cmd.Dir = "../.."
	cmd.Env = append(cmd.Environ(), "CGO_ENABLED=0")
	out, err := cmd.Output()
	if err != nil {
		if ee, ok := err.(*exec.ExitError); ok {
			t.Fatalf("go list -deps %s: %v\n%s", pattern, err, ee.Stderr)
		}
		t.Fatal(err)
	}
	return strings.Fields(string(out))
}

func TestDependencyDirection(t *testing.T) {
	rules := []struct {
		pattern   string
		forbidden []string
	}{
		{"./wallet/...", []string{"fyne.io/", "go.etcd.io/bbolt", module + "/storage", module + "/ui", module + "/share", module + "/cmd"}},
		{"./storage/...", []string{"fyne.io/", module + "/ui", module + "/share"}},
		{"./ui/...", []string{module + "/storage", "go.etcd.io/bbolt"}},
		{"./assets/...", []string{"fyne.io/", module + "/wallet"}},
		{"./cmd/satchel-cli/...", []string{"fyne.io/"}},
	}
	for _, r := range rules {
		t.Run(r.pattern, func(t *testing.T) {
			got := deps(t, r.pattern)
			if len(got) < 5 {
				t.Fatalf("go list found only %v", got)
			}
			for _, p := range got {
				for _, f := range r.forbidden {
					if p == f || strings.HasPrefix(p, strings.TrimSuffix(f, "/")+"/") || (strings.HasSuffix(f, "/") && strings.HasPrefix(p, f)) {
						t.Errorf("%s depends on %s", r.pattern, p)
					}
				}
			}
		})
	}
}
