package rdfc

import (
	"errors"
	"fmt"
	"unicode/utf8"
)

// checkQuad reports a term of q that RDF does not allow where it stands, or
// that could not be written as N-Quads and read back. The error wraps
// ErrInvalidTerm.
func checkQuad(q *Quad) error {
	if err := checkNode(q.Subject, "subject", false); err != nil {
		return err
	}
	if q.Predicate.Kind != IRI {
		return fmt.Errorf("predicate must be an IRI: %w", ErrInvalidTerm)
	}
	if err := checkText(q.Predicate.Value, "predicate"); err != nil {
		return err
	}
	if q.Object.Kind == Literal {
		if err := checkLiteral(q.Object); err != nil {
			return fmt.Errorf("object: %w", err)
		}
	} else if err := checkNode(q.Object, "object", false); err != nil {
		return err
	}
	return checkNode(q.Graph, "graph name", true)
}

// checkNode checks an IRI or blank node; the default graph is allowed only
// if graph is true.
func checkNode(t Term, where string, graph bool) error {
	switch {
	case t.Kind == IRI:
		return checkText(t.Value, where)
	case t.Kind == BlankNode && t.Value == "":
		return fmt.Errorf("%s: empty blank node label: %w", where, ErrInvalidTerm)
	case t.Kind == BlankNode:
		return checkText(t.Value, where)
	case t.Kind == DefaultGraph && graph:
		return nil
	}
	return fmt.Errorf("%s must be an IRI or a blank node: %w", where, ErrInvalidTerm)
}

func checkText(s, where string) error {
	if !utf8.ValidString(s) {
		return fmt.Errorf("%s is not valid UTF-8: %w", where, ErrInvalidTerm)
	}
	return nil
}

var (
	errLangString = errors.New("rdf:langString needs a language tag")
	errDirection  = errors.New(`base direction must be "ltr" or "rtl" and needs a language tag`)
	errLangTag    = errors.New("malformed language tag")
)

// checkLiteral checks the text, language tag and direction of a literal.
func checkLiteral(t Term) error {
	if err := checkText(t.Value, "literal"); err != nil {
		return err
	}
	if t.Language == "" {
		switch {
		case t.Datatype == RDFLangString || t.Datatype == RDFDirLangString:
			return fmt.Errorf("%w: %w", errLangString, ErrInvalidTerm)
		case t.Direction != "":
			return fmt.Errorf("%w: %w", errDirection, ErrInvalidTerm)
		}
		return checkText(t.Datatype, "datatype")
	}
	if t.Direction != "" && t.Direction != "ltr" && t.Direction != "rtl" {
		return fmt.Errorf("%w: %w", errDirection, ErrInvalidTerm)
	}
	if !validLangTag(t.Language) {
		return fmt.Errorf("%w %q: %w", errLangTag, t.Language, ErrInvalidTerm)
	}
	return nil
}

// validLangTag reports whether s matches [a-zA-Z]+ ('-' [a-zA-Z0-9]+)*, the
// LANGTAG production of N-Quads, so that it reads back as written.
func validLangTag(s string) bool {
	i := 0
	for i < len(s) && isAlpha(s[i]) {
		i++
	}
	if i == 0 {
		return false
	}
	for i < len(s) {
		if s[i] != '-' {
			return false
		}
		i++
		j := i
		for i < len(s) && isAlnum(s[i]) {
			i++
		}
		if i == j {
			return false
		}
	}
	return true
}
