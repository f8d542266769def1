package rdfc

// Kind says what a [Term] is.
type Kind uint8

// The kinds of term. The zero Kind is DefaultGraph, so the zero [Term] names
// the default graph and a [Quad] whose Graph is left unset is in it.
const (
	// DefaultGraph is the graph name of quads in the default graph. It is
	// valid only as a Quad's Graph.
	DefaultGraph Kind = iota
	// IRI is an IRI; Term.Value holds it, unescaped.
	IRI
	// BlankNode is a blank node; Term.Value holds its label without "_:".
	BlankNode
	// Literal is a literal; Term.Value holds its lexical form, unescaped.
	Literal
)

// Well-known datatype IRIs.
const (
	// XSDString is the datatype of simple literals. A literal whose
	// Datatype is empty or XSDString is written without a datatype.
	XSDString = "http://www.w3.org/2001/XMLSchema#string"
	// RDFLangString is the datatype of literals with a language tag.
	RDFLangString = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
	// RDFDirLangString is the datatype of RDF 1.2 literals with a language
	// tag and a base direction.
	RDFDirLangString = "http://www.w3.org/1999/02/22-rdf-syntax-ns#dirLangString"
)

// Term is one component of a quad: an IRI, a blank node, a literal, or the
// default graph. It is a plain comparable value so that an adapter from
// another RDF library can fill it in directly.
type Term struct {
	// Kind says which of the other fields apply.
	Kind Kind
	// Value is the IRI, the blank node label (without "_:"), or the
	// literal's lexical form. All are unescaped UTF-8.
	Value string
	// Datatype is a literal's datatype IRI. Empty means xsd:string, or
	// rdf:langString when Language is set; a literal with a Language is
	// always written with its language tag, whatever Datatype says.
	Datatype string
	// Language is a literal's language tag, as given (it is not
	// lower-cased: RDFC-1.0 does not normalise it).
	Language string
	// Direction is an RDF 1.2 base direction, "ltr" or "rtl", for a literal
	// with a Language; it is written as "@lang--dir".
	Direction string
}

// NewIRI returns an IRI term.
func NewIRI(iri string) Term { return Term{Kind: IRI, Value: iri} }

// NewBlankNode returns a blank node term with the given label (without
// "_:").
func NewBlankNode(label string) Term { return Term{Kind: BlankNode, Value: label} }

// NewLiteral returns a literal with a datatype; an empty datatype means
// xsd:string.
func NewLiteral(lexical, datatype string) Term {
	return Term{Kind: Literal, Value: lexical, Datatype: datatype}
}

// NewLangLiteral returns a literal with a language tag.
func NewLangLiteral(lexical, language string) Term {
	return Term{Kind: Literal, Value: lexical, Datatype: RDFLangString, Language: language}
}

// IsBlank reports whether t is a blank node.
func (t Term) IsBlank() bool { return t.Kind == BlankNode }

// String returns t in N-Quads syntax ("" for the default graph).
func (t Term) String() string { return string(appendTerm(nil, t)) }

// Quad is one statement: subject, predicate and object, in the graph named
// by Graph (the zero Term for the default graph).
type Quad struct {
	// Subject is an IRI or a blank node.
	Subject Term
	// Predicate is an IRI.
	Predicate Term
	// Object is an IRI, a blank node or a literal.
	Object Term
	// Graph is the default graph (the zero Term), an IRI or a blank node.
	Graph Term
}

// String returns q as one line of N-Quads, with its final newline.
func (q Quad) String() string { return string(AppendQuad(nil, q)) }

// Dataset is an RDF dataset: a set of quads. Order does not matter, and
// [Canonicalize] ignores duplicates, as a set would.
type Dataset []Quad
