package edci

import "errors"

// Sentinel errors. [Read] returns an error only when the input is not an
// EDCI XML credential or is damaged beyond use; callers compare with
// errors.Is. Everything else, a broken seal included, is a check in the
// reading.
var (
	// ErrNotEDCI means the input is well-formed XML (or not XML at all) but
	// its root is neither a Europass credential nor a Europass
	// presentation in the ELM v2 namespaces.
	ErrNotEDCI = errors.New("not a Europass EDCI XML credential")

	// ErrMalformed means the input is not well-formed XML, is not UTF-8,
	// or is an EDCI document too damaged to read: mismatched tags, an
	// undeclared namespace prefix, an attribute given twice, text outside
	// the root element, a presentation without credentials.
	ErrMalformed = errors.New("malformed EDCI XML")

	// ErrTooLarge means the input breaks a limit of [Options] or of this
	// package: its size, the nesting depth of its elements, the number of
	// tokens, or the number of attributes on one element.
	ErrTooLarge = errors.New("EDCI XML over limit")

	// ErrDTD means the input declares a document type. EDCI credentials
	// never do; a DTD is how entity-expansion ("billion laughs") and
	// external-entity attacks reach a parser, so Satchel refuses it
	// outright rather than relying on the parser to ignore it.
	ErrDTD = errors.New("XML document type declarations are not accepted")
)
