package rdfc

import (
	"errors"
	"strconv"
)

// Sentinel errors. Callers compare with errors.Is; this package wraps them
// with short lowercase context that says what went wrong.
var (
	// ErrSyntax means N-Quads input is malformed. It comes wrapped in a
	// [*ParseError] that gives the line and column.
	ErrSyntax = errors.New("n-quads syntax error")

	// ErrTooLarge means N-Quads input, a line of it, or the number of quads
	// in it is over a limit of [ParseOptions], or a dataset has more quads
	// than [Options.MaxQuads] allows. The wrapping error names the limit.
	ErrTooLarge = errors.New("input too large")

	// ErrTooComplex means canonicalisation ran out of its work budget: the
	// dataset is a "poison graph" (or close enough to one) whose blank nodes
	// cannot be told apart without a search that grows factorially. Real
	// credentials never get here; treat the input as hostile.
	ErrTooComplex = errors.New("dataset too complex to canonicalize")

	// ErrInvalidTerm means a dataset handed to [Canonicalize] holds a term
	// that RDF does not allow where it stands (a literal as subject, a blank
	// node as predicate, an empty blank node label, text that is not UTF-8,
	// a malformed language tag, ...). The wrapping error says which.
	ErrInvalidTerm = errors.New("invalid RDF term")

	// ErrUnsupportedHash means [Options.Hash] names a hash function other
	// than SHA-256 or SHA-384, the two the Data Integrity suites use.
	ErrUnsupportedHash = errors.New("unsupported hash algorithm")
)

// ParseError reports where N-Quads input went wrong. It wraps [ErrSyntax]
// or [ErrTooLarge], so callers can test it with errors.Is.
type ParseError struct {
	// Line is the 1-based line number.
	Line int
	// Column is the 1-based byte offset in the line, or 0 when the problem
	// is the line (or the input) as a whole.
	Column int
	// Msg says what is wrong, in lower case.
	Msg string
	// Err is ErrSyntax or ErrTooLarge.
	Err error
}

func (e *ParseError) Error() string {
	s := "rdfc: line " + strconv.Itoa(e.Line)
	if e.Column > 0 {
		s += ", column " + strconv.Itoa(e.Column)
	}
	return s + ": " + e.Msg + ": " + e.Err.Error()
}

// Unwrap returns ErrSyntax or ErrTooLarge.
func (e *ParseError) Unwrap() error { return e.Err }
