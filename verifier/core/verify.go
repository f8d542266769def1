package core

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/satchel-wallet/satchel/share"
	"github.com/satchel-wallet/satchel/share/qr"
	"github.com/satchel-wallet/satchel/wallet/credential"
)

// maxPasted bounds a pasted presentation (not a QR payload), the same as the
// QR decoder's default limit on what a payload may decode to: a presentation
// of a few dozen credentials is well under it.
const maxPasted = 4 << 20

// ErrEmpty means there was nothing to verify: no text, or only line breaks.
var ErrEmpty = errors.New("no payload")

// Options say what the verifier expects.
type Options struct {
	// Challenge and Domain are the nonce and the audience the verifier
	// asked for; empty leaves them unchecked (a warning).
	Challenge string
	Domain    string
	// Languages are the reader's preferred languages, best first (the
	// browser's navigator.languages); texts a credential gives in several
	// languages are shown in the first it has.
	Languages []string
	// Now is the time validity is judged at; zero means the current time.
	Now time.Time
}

// Verify reads the presentation that texts carry and verifies it offline.
// texts are the parts of a Satchel QR payload in any order (a text may hold
// several, one a line), a VP1- payload, or a presentation pasted as it is.
// Verify does not fail: a payload that cannot be read gives a Report with
// the verdict rejected and the reason in Error.
func Verify(ctx context.Context, texts []string, opts Options) Report {
	vp, err := Presentation(texts)
	if err != nil {
		return failed(err, language(opts.Languages))
	}
	res, err := share.VerifyPresentation(ctx, vp, share.VerifyOptions{
		Challenge: opts.Challenge, Domain: opts.Domain, Now: opts.Now,
	})
	if err != nil {
		return failed(fmt.Errorf("verify: %w", err), language(opts.Languages))
	}
	return newReport(res, append(opts.Languages, "en"))
}

// Presentation returns the presentation texts carry (see [Verify]).
func Presentation(texts []string) ([]byte, error) {
	parts := split(texts)
	if len(parts) == 0 {
		return nil, ErrEmpty
	}
	if len(parts) == 1 && !qr.IsPayload(parts[0]) {
		// Not a QR payload: a presentation pasted as it is, which
		// VerifyPresentation reads or rejects.
		if len(parts[0]) > maxPasted {
			return nil, fmt.Errorf("%w: %d bytes pasted (at most %d)", qr.ErrTooLarge, len(parts[0]), maxPasted)
		}
		return []byte(strings.TrimSpace(parts[0])), nil
	}
	vp, err := qr.DecodePresentation(parts...)
	if err != nil {
		return nil, fmt.Errorf("read qr payload: %w", err)
	}
	return vp, nil
}

// split returns the non-empty texts, a text whose every line is a payload
// split into its lines (parts pasted together). Only line breaks are
// trimmed: a space is a Base45 character.
func split(texts []string) []string {
	var out []string
	for _, t := range texts {
		t = strings.Trim(t, "\r\n")
		if t == "" {
			continue
		}
		if lines := qr.Lines(t); len(lines) > 1 {
			out = append(out, lines...)
			continue
		}
		out = append(out, t)
	}
	return out
}

// failed is the Report of a payload that could not be read.
func failed(err error, lang string) Report {
	return Report{
		Language:    lang,
		Verdict:     credential.Rejected,
		Error:       err.Error(),
		ErrorCode:   errorCode(err),
		Checks:      []Check{},
		Credentials: []Credential{},
	}
}

// errorCodes map the errors of reading a payload or an image to the
// stable keys of the sentences the page shows, first match first.
var errorCodes = []struct {
	err  error
	code string
}{
	{ErrEmpty, "payload.empty"},
	{ErrNoCode, "image.no-code"},
	{ErrImageTooLarge, "image.too-large"},
	{qr.ErrImage, "image.unreadable"},
	{qr.ErrMissingParts, "payload.missing-parts"},
	{qr.ErrMixedSets, "payload.mixed-sets"},
	{qr.ErrConflict, "payload.conflict"},
	{qr.ErrChecksum, "payload.damaged"},
	{qr.ErrMalformed, "payload.damaged"},
	{qr.ErrVersion, "payload.version"},
	{qr.ErrTooLarge, "payload.too-large"},
	{qr.ErrCBORLD, "payload.vpqr-context"},
	{qr.ErrPrefix, "payload.unknown"},
}

// errorFallback is the key of any other error.
const errorFallback = "payload.error"

// errorCode is the stable key of the sentence the page shows for err.
func errorCode(err error) string {
	for _, c := range errorCodes {
		if errors.Is(err, c.err) {
			return c.code
		}
	}
	return errorFallback
}

// ErrorCodes returns every key ErrorCode fields of a [Report], [Progress]
// or [Scan] can hold, for the page's dictionary and its tests.
func ErrorCodes() []string {
	out := []string{errorFallback}
	for _, c := range errorCodes {
		if !slices.Contains(out, c.code) {
			out = append(out, c.code)
		}
	}
	return out
}
