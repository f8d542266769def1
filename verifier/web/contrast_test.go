package web

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// WCAG 2.x contrast: AA asks 4.5:1 for text, 3:1 for the outline that
// shows focus against what is around it.
const (
	minText  = 4.5
	minFocus = 3.0
)

var (
	commentRE = regexp.MustCompile(`(?s)/\*.*?\*/`)
	varRE     = regexp.MustCompile(`--([\w-]+):\s*(#[0-9a-fA-F]{6})\s*;`)
	ruleRE    = regexp.MustCompile(`(?s)([^{}]+)\{([^{}]*)\}`)
	colorRE   = regexp.MustCompile(`(?:^|[;\s])color:\s*var\(--([\w-]+)\)`)
	bgRE      = regexp.MustCompile(`background:\s*var\(--([\w-]+)\)`)
)

// TestContrast computes the contrast of every text colour verifier.css
// draws on a background: each rule that sets color: var(--x) is taken
// with its own background: var(--y), or with the page's (--paper) when it
// sets none. Rules whose colours are not custom properties are not
// checked, so the stylesheet keeps its colours in :root.
func TestContrast(t *testing.T) {
	css := commentRE.ReplaceAllString(read(t, "verifier.css"), "")
	vars := map[string]string{}
	for _, m := range varRE.FindAllStringSubmatch(css, -1) {
		vars[m[1]] = m[2]
	}
	pairs := 0
	for _, r := range ruleRE.FindAllStringSubmatch(css, -1) {
		selector, body := strings.TrimSpace(r[1]), r[2]
		if selector == ":root" {
			selector, body = "body", "color: var(--ink); background: var(--paper);"
		}
		fg := colorRE.FindStringSubmatch(body)
		if fg == nil {
			continue
		}
		bg := "paper"
		if m := bgRE.FindStringSubmatch(body); m != nil {
			bg = m[1]
		}
		ratio := contrast(t, vars, fg[1], bg)
		t.Logf("%-28s %-8s on %-8s %5.2f:1", selector, fg[1], bg, ratio)
		if ratio < minText {
			t.Errorf("%s: --%s on --%s has contrast %.2f:1, below %.1f:1", selector, fg[1], bg, ratio, minText)
		}
		pairs++
	}
	if pairs < 10 {
		t.Fatalf("found %d colour pairs; has the stylesheet changed how it sets colours?", pairs)
	}
	// The focus outline is drawn around controls on the page and in the
	// coloured boxes.
	for _, bg := range []string{"paper", "ok-bg", "bad-bg", "none-bg", "warn-bg"} {
		if r := contrast(t, vars, "focus", bg); r < minFocus {
			t.Errorf("the focus outline on --%s has contrast %.2f:1, below %.1f:1", bg, r, minFocus)
		}
	}
}

func contrast(t *testing.T, vars map[string]string, a, b string) float64 {
	t.Helper()
	la, lb := luminance(t, vars, a), luminance(t, vars, b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// luminance is the relative luminance of a custom property's colour.
func luminance(t *testing.T, vars map[string]string, name string) float64 {
	t.Helper()
	hex, ok := vars[name]
	if !ok {
		t.Fatalf("verifier.css uses --%s, which :root does not define as #rrggbb", name)
	}
	var l float64
	for i, w := range []float64{0.2126, 0.7152, 0.0722} {
		v, err := strconv.ParseUint(hex[1+2*i:3+2*i], 16, 8)
		if err != nil {
			t.Fatal(err)
		}
		c := float64(v) / 255
		if c <= 0.04045 {
			c /= 12.92
		} else {
			c = math.Pow((c+0.055)/1.055, 2.4)
		}
		l += w * c
	}
	return l
}
