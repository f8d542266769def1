package jsonld

import (
	"fmt"
	"strings"

	"github.com/piprate/json-gold/ld"

	"github.com/satchel-wallet/satchel/wallet/rdfc"
)

// FromGold copies a json-gold RDF dataset (the result of its ToRDF) into
// the canonicaliser's types. [Processor.ToRDF] does not need it; it is for
// callers that hold a json-gold dataset, and for tests that compare the two
// conversions.
func FromGold(ds *ld.RDFDataset) (rdfc.Dataset, error) {
	var out rdfc.Dataset
	for _, quads := range ds.Graphs {
		for _, q := range quads {
			var err error
			var rq rdfc.Quad
			if rq.Subject, err = goldTerm(q.Subject); err != nil {
				return nil, err
			}
			if rq.Predicate, err = goldTerm(q.Predicate); err != nil {
				return nil, err
			}
			if rq.Object, err = goldTerm(q.Object); err != nil {
				return nil, err
			}
			if q.Graph != nil && q.Graph.GetValue() != "@default" {
				if rq.Graph, err = goldTerm(q.Graph); err != nil {
					return nil, err
				}
			}
			out = append(out, rq)
		}
	}
	return out, nil
}

func goldTerm(n ld.Node) (rdfc.Term, error) {
	switch t := n.(type) {
	case ld.IRI:
		return rdfc.NewIRI(t.Value), nil
	case ld.BlankNode:
		return rdfc.NewBlankNode(strings.TrimPrefix(t.Attribute, "_:")), nil
	case ld.Literal:
		if t.Language != "" {
			return rdfc.NewLangLiteral(t.Value, t.Language), nil
		}
		return rdfc.NewLiteral(t.Value, t.Datatype), nil
	}
	return rdfc.Term{}, fmt.Errorf("jsonld: json-gold node of type %T: %w", n, ErrInvalid)
}
