package ob2

import (
	"context"
	"fmt"
	"time"
)

// Limits on untrusted input.
const (
	// DefaultMaxBytes is the largest input accepted: Satchel's default file
	// size limit (a setting). Baked badges are a few kilobytes to a few
	// hundred; the largest fixture, a baked Open Badges 3.0 PNG, is 85 KB.
	DefaultMaxBytes = 4 << 20

	// DefaultMaxImagePixels bounds width x height of a baked PNG, checked
	// from its header before anything else. Satchel never decodes the image
	// here, but the app shows it, and decoding costs four bytes a pixel:
	// 16 megapixels is 64 MiB, far beyond any badge (they are 100 to 1,000
	// pixels a side) and within what a desktop can afford.
	DefaultMaxImagePixels = 16 << 20

	// maxDepth is the deepest JSON or XML nesting accepted, Satchel's limit
	// for every parser (assertions nest four or five levels, SVGs a few
	// dozen).
	maxDepth = 100

	// maxChunks bounds the chunks of a PNG. Encoders write one IHDR, a few
	// ancillary chunks and IDAT chunks of 8 to 64 KiB: a 4 MiB image has
	// well under a thousand. Ten thousand leaves room and stops a file of
	// empty chunks early.
	maxChunks = 10_000

	// maxRatio bounds how far a compressed text chunk may expand. Badge
	// JSON compresses three to ten times; only data built to expand (a
	// "zip bomb") goes beyond a hundred.
	maxRatio = 100

	// minExpansion is what any compressed chunk may expand to whatever its
	// ratio, so that a tiny chunk of repetitive JSON is not refused.
	minExpansion = 64 << 10

	// maxTokens bounds the XML tokens of an SVG: real badges have a few
	// hundred to a few thousand elements; half a million tokens is what a
	// 4 MiB file of empty elements would have.
	maxTokens = 500_000

	// maxAttrs bounds the attributes of one SVG element. Drawing programs
	// write a dozen or two; thousands would only make the parser work.
	maxAttrs = 128
)

// KeyFetcher gets the document a signed badge names as its key
// (verification.creator): an Open Badges CryptographicKey (JSON with
// publicKeyPem), a JWK, or a PEM public key. Fetching it needs the
// network, so the caller decides: the app passes one only when the
// learner allows network access, and tests pass the fixtures.
type KeyFetcher interface {
	// FetchKey returns the document published at url, or an error if it
	// cannot be had (the signature check is then skipped, not failed).
	FetchKey(ctx context.Context, url string) ([]byte, error)
}

// Options are the settings of [Read]. The zero value is usable and
// offline.
type Options struct {
	// Now is the time a badge's issue date is compared with; zero means
	// time.Now().
	Now time.Time
	// MaxBytes bounds the input size, and what a compressed chunk may
	// expand to; 0 means [DefaultMaxBytes].
	MaxBytes int
	// MaxImagePixels bounds a PNG's width x height; 0 means
	// [DefaultMaxImagePixels].
	MaxImagePixels int64
	// Keys fetches the keys of signed badges; nil means offline, and the
	// signature check of a signed badge is skipped.
	Keys KeyFetcher
}

func (o Options) maxBytes() int {
	if o.MaxBytes > 0 {
		return o.MaxBytes
	}
	return DefaultMaxBytes
}

func (o Options) maxPixels() int64 {
	if o.MaxImagePixels > 0 {
		return o.MaxImagePixels
	}
	return DefaultMaxImagePixels
}

func (o Options) now() time.Time {
	if o.Now.IsZero() {
		return time.Now()
	}
	return o.Now
}

func (o Options) checkSize(n int) error {
	if n > o.maxBytes() {
		return fmt.Errorf("%d bytes (limit %d): %w", n, o.maxBytes(), ErrTooLarge)
	}
	return nil
}
