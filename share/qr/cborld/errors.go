package cborld

import "errors"

// The sentinel errors of the package. Every error the package returns wraps
// one of them with the detail (which term id, which context, which limit),
// so callers tell the cases apart with errors.Is.
var (
	// ErrNotCBORLD means the data does not start with the CBOR-LD tag
	// (d9 05) and a compression mode this package knows (0 or 1).
	ErrNotCBORLD = errors.New("not CBOR-LD")
	// ErrMalformed means the CBOR is broken, or well-formed but not what a
	// CBOR-LD encoder writes: an unknown term id, a value of the wrong
	// shape for its codec, a map key that is not a term id.
	ErrMalformed = errors.New("malformed CBOR-LD")
	// ErrUnknownContext means the document uses a JSON-LD context that is
	// not bundled (contexts are never fetched), or a compressed context
	// number that the registry does not define. The term table cannot be
	// rebuilt without the context, so nothing after it can be read.
	ErrUnknownContext = errors.New("JSON-LD context not available offline")
	// ErrTooLarge means a limit was hit; see Limits.
	ErrTooLarge = errors.New("CBOR-LD exceeds a limit")
	// ErrUnsupported means (when encoding) the document cannot be written
	// as CBOR-LD so that it reads back the same: a key that no active
	// context defines, a keyword cborld cannot carry (@value, @graph, ...),
	// a null @context, an array inside an array, or a value its term's
	// codec would misread.
	ErrUnsupported = errors.New("document cannot be written as CBOR-LD")
)
