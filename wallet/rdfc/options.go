package rdfc

import (
	"crypto"
	"crypto/sha256"
	"crypto/sha512"
	"fmt"
	"hash"
)

// Default work budget, used where an [Options] field is zero.
//
// Hash N-Degree Quads runs only for blank nodes that their own quads cannot
// tell apart. In credentials that is rare: the blank nodes of a credential
// and its proof differ in their properties, and canonicalisation finishes
// without a single call. Symmetric structures need a few calls per blank
// node; the hardest inputs the W3C suite expects to be canonicalised,
// test044 to test046 ("poison – evil", 36 quads), need 430 calls, 2 652
// permutations and 20 856 steps. The poison graph of test074 (ten blank
// nodes, each linked to all the others) would need billions. The defaults
// sit about ten times above the former, and low enough that refusing the
// latter takes a few tens of milliseconds.
const (
	// DefaultMaxHashNDegreeCalls bounds the calls of Hash N-Degree Quads,
	// recursive calls included: the limit the specification's security
	// considerations suggest. Every blank node of the dataset adds one call
	// to the budget, because each blank node that shares its first degree
	// hash needs at least one call however benign the dataset is; the
	// explosion of a poison graph is in the recursion, which this bounds.
	DefaultMaxHashNDegreeCalls = 4_000

	// DefaultMaxSteps bounds the rest of the work of Hash N-Degree Quads:
	// one step per related blank node hashed, and per blank node placed in
	// or copied for a permutation. A call limit alone would let one call on
	// a node with many neighbours, or many permutations cut short before
	// they recurse, run far too long. A step costs from tens of
	// nanoseconds to about a microsecond (when it hashes), so the search
	// stops within tens of milliseconds, and a fraction of a second at
	// worst.
	DefaultMaxSteps = 250_000
)

// Options adjusts [Canonicalize]. The zero value gives SHA-256 and the
// default limits. For a limit, zero means the default and a negative value
// means no limit (for tests and trusted input only).
type Options struct {
	// Hash is the hash function of the algorithm: crypto.SHA256 (the
	// default, used by every Data Integrity suite Satchel verifies) or
	// crypto.SHA384 (which ecdsa-rdfc-2019 uses with P-384 keys).
	Hash crypto.Hash

	// MaxQuads bounds the number of quads in the dataset; the default is
	// [DefaultMaxQuads], the parser's limit, for the same reason.
	MaxQuads int

	// MaxHashNDegreeCalls bounds the calls of Hash N-Degree Quads; the
	// number of blank nodes in the dataset is added to it (see
	// [DefaultMaxHashNDegreeCalls]).
	MaxHashNDegreeCalls int

	// MaxSteps bounds the steps of Hash N-Degree Quads work (see
	// [DefaultMaxSteps]).
	MaxSteps int
}

// newHash returns the hash function o selects.
func (o Options) newHash() (hash.Hash, error) {
	switch o.Hash {
	case 0, crypto.SHA256:
		return sha256.New(), nil
	case crypto.SHA384:
		return sha512.New384(), nil
	}
	return nil, fmt.Errorf("rdfc: %v: %w", o.Hash, ErrUnsupportedHash)
}

// Result is a canonicalised dataset.
type Result struct {
	// NQuads is the canonical N-Quads document: one line per distinct quad,
	// each ending in "\n", sorted by code point, blank nodes labelled
	// _:c14n0, _:c14n1, ... This is what Data Integrity proofs hash.
	NQuads []byte

	// IssuedIdentifiers maps each input blank node label to the canonical
	// label it was given ("c14n0", ...), both without "_:".
	IssuedIdentifiers map[string]string

	// Work is what the canonicalisation spent of its budget.
	Work Work
}

// Work counts the expensive steps of a canonicalisation, so that callers
// and tests can see how far a dataset is from the limits.
type Work struct {
	// HashNDegreeCalls is the number of Hash N-Degree Quads calls.
	HashNDegreeCalls int
	// Permutations is the number of permutations examined.
	Permutations int
	// Steps is the number of steps (see [DefaultMaxSteps]).
	Steps int
}
