// Package web holds the verifier page's static files — index.html,
// verifier.css, verifier.js, scan.js and messages.js — and what Go needs
// to know about them: the Content-Security-Policy the page declares, which
// a server should send as a header too (satchel-cli serve-verifier does).
// make verifier copies the files into build/verifier/ beside satchel.wasm
// and Go's wasm_exec.js.
//
// The tests of this package check the page without a browser: every text
// in every language, the contrast of every colour pair the stylesheet
// uses, and that the page's scripts name only texts that exist.
package web

import (
	"embed"
	"errors"
	"fmt"
	"regexp"
	"strings"
)

// Files are the page's own files, as make verifier publishes them.
//
//go:embed index.html verifier.css verifier.js scan.js messages.js
var Files embed.FS

// ErrNoPolicy means a page declares no Content-Security-Policy.
var ErrNoPolicy = errors.New("no Content-Security-Policy meta element")

var policyRE = regexp.MustCompile(`(?is)<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"`)

// Policy returns the Content-Security-Policy that the page html declares
// in its meta element.
func Policy(html []byte) (string, error) {
	m := policyRE.FindSubmatch(html)
	if m == nil {
		return "", ErrNoPolicy
	}
	p := strings.Join(strings.Fields(string(m[1])), " ")
	if p == "" {
		return "", fmt.Errorf("%w: the policy is empty", ErrNoPolicy)
	}
	return p, nil
}
