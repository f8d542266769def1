package jose

import (
	"encoding/base64"
	"fmt"
)

// Default limits, used where a [Limits] field is zero.
const (
	// DefaultMaxBytes is the largest input accepted: Satchel's default file
	// size limit (a setting). A VC-JWT carrying a full micro-credential is
	// about 5 KB, a European Digital Credential with embedded images a few
	// hundred kilobytes; 4 MiB leaves room for both and keeps a hostile
	// file from costing more than a few milliseconds to refuse.
	DefaultMaxBytes = 4 << 20

	// DefaultMaxDepth is the deepest JSON nesting accepted. Credentials
	// nest about ten levels; Satchel's design sets 100 for every parser, so
	// that recursive processing downstream stays shallow and a 10,000-level
	// document is refused before anything walks it.
	DefaultMaxDepth = 100
)

// Limits bounds the work a parser does on untrusted input. The zero value
// means the defaults.
type Limits struct {
	// MaxBytes bounds the input size in bytes; 0 means [DefaultMaxBytes].
	MaxBytes int
	// MaxDepth bounds JSON nesting; 0 means [DefaultMaxDepth].
	MaxDepth int
}

func (l Limits) maxBytes() int {
	if l.MaxBytes > 0 {
		return l.MaxBytes
	}
	return DefaultMaxBytes
}

func (l Limits) maxDepth() int {
	if l.MaxDepth > 0 {
		return l.MaxDepth
	}
	return DefaultMaxDepth
}

// CheckSize returns an error wrapping [ErrTooLarge] if n bytes are over
// the limit.
func (l Limits) CheckSize(n int) error {
	if n > l.maxBytes() {
		return fmt.Errorf("%d bytes (limit %d): %w", n, l.maxBytes(), ErrTooLarge)
	}
	return nil
}

// Depth returns the JSON nesting limit in force.
func (l Limits) Depth() int { return l.maxDepth() }

// DecodeSegment decodes one segment of a compact serialisation: unpadded
// base64url, strictly. Only the 64 characters of the URL-safe alphabet are
// accepted (no padding, and no line breaks, which encoding/base64 would
// otherwise skip), and the bits after the last full byte must be zero, so
// that every byte string has exactly one accepted encoding.
func DecodeSegment(s string) ([]byte, error) {
	if i := indexNonB64URL(s); i >= 0 {
		return nil, fmt.Errorf("character %q at %d is not base64url: %w", s[i], i, ErrMalformed)
	}
	b, err := base64.RawURLEncoding.Strict().DecodeString(s)
	if err != nil {
		return nil, fmt.Errorf("base64url: %v: %w", err, ErrMalformed)
	}
	return b, nil
}

// b64url marks the bytes of the base64url alphabet.
var b64url = func() (t [256]bool) {
	for c := 'A'; c <= 'Z'; c++ {
		t[c] = true
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c] = true
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = true
	}
	t['-'], t['_'] = true, true
	return t
}()

// indexNonB64URL returns the index of the first byte outside the base64url
// alphabet, or -1.
func indexNonB64URL(s string) int {
	for i := 0; i < len(s); i++ {
		if !b64url[s[i]] {
			return i
		}
	}
	return -1
}
