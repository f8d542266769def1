package ob2_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/satchel-wallet/satchel/internal/fixture"
	"github.com/satchel-wallet/satchel/wallet/credential"
	"github.com/satchel-wallet/satchel/wallet/ob2"
)

const svgOpen = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org" viewBox="0 0 10 10">`

func svgWith(inner string) string {
	return svgOpen + inner + `<circle r="4"/></svg>`
}

func TestBakedSVG(t *testing.T) {
	jwt := strings.TrimSpace(string(fixture.Read(t, ob20+"simple.jwt")))
	cases := []struct {
		name, svg string
		err       error
		proof     string
	}{
		{"JSON in CDATA", svgWith(`<openbadges:assertion verify="https://example.org/a/1"><![CDATA[` + assertionJSON + `]]></openbadges:assertion>`), nil, "proof.hosted-offline"},
		{"escaped JSON", svgWith(`<openbadges:assertion>` + strings.ReplaceAll(assertionJSON, `"`, "&quot;") + `</openbadges:assertion>`), nil, "proof.hosted-offline"},
		{"signed, JWS in verify", svgWith(`<openbadges:assertion verify="` + jwt + `"></openbadges:assertion>`), nil, "proof.needs-network"},
		{"signed, JWS as content", svgWith(`<openbadges:assertion>` + jwt + `</openbadges:assertion>`), nil, "proof.needs-network"},
		{"script is never run", svgWith(`<script>alert(1)</script><openbadges:assertion><![CDATA[` + assertionJSON + `]]></openbadges:assertion>`), nil, "proof.hosted-offline"},
		{"SVG 1.1 DOCTYPE", `<?xml version="1.0"?><!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">` + svgWith(`<openbadges:assertion><![CDATA[`+assertionJSON+`]]></openbadges:assertion>`), nil, "proof.hosted-offline"},
		{"only a URL", svgWith(`<openbadges:assertion verify="https://example.org/a/1"/>`), ob2.ErrRemote, ""},
		{"empty", svgWith(`<openbadges:assertion/>`), ob2.ErrMalformed, ""},
		{"two badges", svgWith(`<openbadges:assertion verify="https://a.example"/><openbadges:assertion verify="https://b.example"/>`), ob2.ErrMalformed, ""},
		{"unbaked", svgWith(""), ob2.ErrNotBaked, ""},
		{"other namespace", svgWith(`<x:assertion xmlns:x="http://example.org/ns">` + assertionJSON + `</x:assertion>`), ob2.ErrNotBaked, ""},
		{"not SVG", `<html><body/></html>`, ob2.ErrNotOB2, ""},
		{"not well-formed", svgOpen + `<openbadges:assertion>`, ob2.ErrMalformed, ""},
		{"mismatched tags", svgOpen + `<g></a></svg>`, ob2.ErrMalformed, ""},
		{"billion laughs", `<!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>` + svgWith(`<openbadges:assertion>&b;</openbadges:assertion>`), ob2.ErrDTD, ""},
		{"external entity", `<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>` + svgWith(`<openbadges:assertion>&x;</openbadges:assertion>`), ob2.ErrDTD, ""},
		{"undeclared entity", svgWith(`<openbadges:assertion>&x;</openbadges:assertion>`), ob2.ErrMalformed, ""},
		{"deep nesting", svgOpen + strings.Repeat("<g>", 20_000) + strings.Repeat("</g>", 20_000) + `</svg>`, ob2.ErrTooLarge, ""},
		{"many attributes", svgOpen + `<g` + attrs(500) + `/></svg>`, ob2.ErrTooLarge, ""},
		{"many elements", svgOpen + strings.Repeat("<g/>", 300_000) + `</svg>`, ob2.ErrTooLarge, ""},
		{"over size", svgOpen + strings.Repeat(" ", 5<<20) + `</svg>`, ob2.ErrTooLarge, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			r, err := ob2.Read(context.Background(), []byte(tc.svg), ob2.Options{})
			if d := time.Since(start); d > fast {
				t.Errorf("took %v", d)
			}
			if !errors.Is(err, tc.err) {
				t.Fatalf("err %v, want %v", err, tc.err)
			}
			if err != nil {
				return
			}
			if r.Credential.MediaType != "image/svg+xml" {
				t.Errorf("media type %s", r.Credential.MediaType)
			}
			for _, c := range r.Checks {
				if c.Check == credential.CheckProof && c.Code != tc.proof {
					t.Errorf("proof %s, want %s", c.Code, tc.proof)
				}
			}
		})
	}
}

func attrs(n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteString(" a")
		b.WriteString(strings.Repeat("b", i%50))
		b.WriteString(string(rune('a' + i/50)))
		b.WriteString(`="1"`)
	}
	return b.String()
}

// TestAdversarialIndex: the baked-badge rows of
// vectors/adversarial/INDEX.md ("malformed / empty / absent baked
// assertion: extraction error") give their error, quickly.
func TestAdversarialIndex(t *testing.T) {
	index := string(fixture.Read(t, "vectors/adversarial/INDEX.md"))
	cases := map[string]error{
		"bad-json.svg": ob2.ErrMalformed,
		"no-json.svg":  ob2.ErrRemote,
		"unbaked.svg":  ob2.ErrNotBaked,
		"unbaked.png":  ob2.ErrNotBaked,
	}
	for name, want := range cases {
		t.Run(name, func(t *testing.T) {
			if !strings.Contains(index, name) {
				t.Fatalf("%s is not in INDEX.md", name)
			}
			start := time.Now()
			_, err := ob2.Read(context.Background(), fixture.Read(t, bakery+name), ob2.Options{})
			if !errors.Is(err, want) {
				t.Fatalf("err %v, want %v", err, want)
			}
			if d := time.Since(start); d > fast {
				t.Errorf("took %v", d)
			}
		})
	}
}
