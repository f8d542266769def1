package edci

import (
	"fmt"
	"time"
)

// Limits on untrusted input. Go's encoding/xml expands no external
// entities and fetches nothing, but a parser still does work in proportion
// to what it is given; these bounds keep a hostile file to a few
// milliseconds and a few megabytes of memory.
const (
	// DefaultMaxBytes is the largest document accepted: Satchel's default
	// file size limit (a setting). The largest real EDCI file known, a
	// sealed diploma supplement presentation with its logos inline, is
	// 0.9 MiB.
	DefaultMaxBytes = 4 << 20

	// maxDepth is the deepest element nesting accepted. Real EDCI
	// credentials nest at most 13 levels (achievement inside achievement
	// inside the subject); Satchel's design sets 100 for every parser, so
	// that the recursive canonicaliser and normaliser stay shallow.
	maxDepth = 100

	// maxTokens bounds the number of XML tokens (tags, text runs,
	// comments) in one document, and so the size of the tree built from
	// it (about 200 bytes a node). The largest samples, diploma
	// supplements, have 8,900; a 4 MiB file of empty elements would have
	// two million. A hundred thousand is ten times the largest real file
	// and a tree of some 25 MB at most.
	maxTokens = 100_000

	// maxAttrs bounds the attributes (namespace declarations included) on
	// one element. EDCI roots carry about eight; a few thousand would make
	// the duplicate check and canonical sorting costly for nothing.
	maxAttrs = 64
)

// Options are the settings of [Read]. The zero value is usable.
type Options struct {
	// Now is the time used where the seal gives no signing time to judge
	// the certificate at; zero means time.Now().
	Now time.Time
	// MaxBytes bounds the input size; 0 means [DefaultMaxBytes].
	MaxBytes int
}

func (o Options) maxBytes() int {
	if o.MaxBytes > 0 {
		return o.MaxBytes
	}
	return DefaultMaxBytes
}

func (o Options) now() time.Time {
	if o.Now.IsZero() {
		return time.Now()
	}
	return o.Now
}

// checkSize returns an error wrapping [ErrTooLarge] if n bytes are over
// the limit.
func (o Options) checkSize(n int) error {
	if n > o.maxBytes() {
		return fmt.Errorf("%d bytes (limit %d): %w", n, o.maxBytes(), ErrTooLarge)
	}
	return nil
}
