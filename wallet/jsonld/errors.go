package jsonld

import (
	"errors"
	"strconv"
)

// Sentinel errors. Callers compare with errors.Is; the wrapping error says
// what went wrong and where, in lower case.
var (
	// ErrTooLarge means the input is longer than the caller's byte limit.
	ErrTooLarge = errors.New("json input too large")

	// ErrTooDeep means arrays and objects nest deeper than [MaxDepth].
	ErrTooDeep = errors.New("json nesting too deep")

	// ErrSyntax means the input is not one well-formed JSON value (RFC 8259),
	// or holds a number outside the range of a float64.
	ErrSyntax = errors.New("json syntax error")

	// ErrInvalidUTF8 means a string, or the input, is not valid UTF-8, or a
	// \u escape names a lone surrogate.
	ErrInvalidUTF8 = errors.New("invalid utf-8 in json")

	// ErrDuplicateKey means an object has the same member name twice.
	ErrDuplicateKey = errors.New("duplicate key in json object")

	// ErrUnknownContext means a document references a context URL that is
	// not bundled. Nothing is fetched; the error is a [*ContextError] that
	// names the URL.
	ErrUnknownContext = errors.New("unknown JSON-LD context")

	// ErrTooManyContexts means a document references more contexts than
	// [Options.MaxContexts] allows.
	ErrTooManyContexts = errors.New("too many JSON-LD contexts")

	// ErrUnsafe means safe mode refused the document: some of its data would
	// have been dropped or left without a meaning (a term no context
	// defines, a relative IRI, ...), so a signature over its RDF would not
	// cover what the JSON shows.
	ErrUnsafe = errors.New("JSON-LD safe mode violation")

	// ErrInvalid means JSON-LD processing failed: the document or one of its
	// contexts breaks a rule of JSON-LD 1.1 (for example it redefines a
	// protected term). The wrapping error carries the processor's message.
	ErrInvalid = errors.New("invalid JSON-LD")
)

// SyntaxError reports where JSON input went wrong. It wraps [ErrSyntax],
// [ErrInvalidUTF8], [ErrDuplicateKey] or [ErrTooDeep].
type SyntaxError struct {
	// Offset is the byte offset in the input at which the problem was found.
	Offset int
	// Msg says what is wrong, in lower case.
	Msg string
	// Err is the sentinel.
	Err error
}

// Error describes the problem and its offset.
func (e *SyntaxError) Error() string {
	return "jsonld: offset " + strconv.Itoa(e.Offset) + ": " + e.Msg + ": " + e.Err.Error()
}

// Unwrap returns the sentinel.
func (e *SyntaxError) Unwrap() error { return e.Err }

// ContextError names a context URL that could not be used. It wraps
// [ErrUnknownContext].
type ContextError struct {
	// URL is the context URL as the document gives it.
	URL string
	// Err is the sentinel.
	Err error
}

// Error names the URL.
func (e *ContextError) Error() string {
	return "jsonld: context " + strconv.Quote(e.URL) + " is not bundled and is never fetched: " + e.Err.Error()
}

// Unwrap returns the sentinel.
func (e *ContextError) Unwrap() error { return e.Err }
