package sdjwt

import "github.com/satchel-wallet/satchel/wallet/jose"

// DefaultMaxDisclosures bounds the Disclosures of one SD-JWT when
// [Limits.MaxDisclosures] is zero. The largest real credentials carry a
// few dozen (the PID example of the SD-JWT VC draft: 28); a transcript
// with every learning outcome disclosable stays in the hundreds. Each
// Disclosure costs a hash and a JSON decode, so a thousand bounds the work
// a hostile input can ask for at a few milliseconds.
const DefaultMaxDisclosures = 1000

// Limits bounds the work parsing does on untrusted input. The zero value
// means the defaults.
type Limits struct {
	// MaxBytes bounds the whole input; 0 means jose.DefaultMaxBytes
	// (4 MiB).
	MaxBytes int
	// MaxDepth bounds JSON nesting, counted through the Disclosures nested
	// in one another; 0 means jose.DefaultMaxDepth (100).
	MaxDepth int
	// MaxDisclosures bounds the number of Disclosures; 0 means
	// [DefaultMaxDisclosures].
	MaxDisclosures int
}

func (l Limits) jose() jose.Limits {
	return jose.Limits{MaxBytes: l.MaxBytes, MaxDepth: l.MaxDepth}
}

func (l Limits) maxDisclosures() int {
	if l.MaxDisclosures > 0 {
		return l.MaxDisclosures
	}
	return DefaultMaxDisclosures
}
