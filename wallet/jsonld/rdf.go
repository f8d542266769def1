package jsonld

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/gowebpki/jcs"
	"github.com/piprate/json-gold/ld"

	"github.com/satchel-wallet/satchel/wallet/rdfc"
)

// RDF vocabulary used when turning JSON-LD into quads.
const (
	rdfType    = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
	rdfFirst   = "http://www.w3.org/1999/02/22-rdf-syntax-ns#first"
	rdfRest    = "http://www.w3.org/1999/02/22-rdf-syntax-ns#rest"
	rdfNil     = "http://www.w3.org/1999/02/22-rdf-syntax-ns#nil"
	rdfJSON    = "http://www.w3.org/1999/02/22-rdf-syntax-ns#JSON"
	xsdBoolean = "http://www.w3.org/2001/XMLSchema#boolean"
	xsdInteger = "http://www.w3.org/2001/XMLSchema#integer"
	xsdDouble  = "http://www.w3.org/2001/XMLSchema#double"
)

// toRDF runs the JSON-LD 1.1 "Deserialize JSON-LD to RDF" algorithm over
// expanded JSON-LD, straight into the canonicaliser's types.
//
// It replaces json-gold's ToRDF for three reasons. json-gold silently drops
// statements whose IRIs it deems invalid (with a URL regular expression that
// rejects IRIs jsonld.js and the specification accept, and that costs a
// quarter of the processing time); safe mode must refuse such documents
// instead, so every drop here is an [ErrUnsafe] error. It also writes numbers
// and JSON literals the way jsonld.js does, which is how issuers sign.
func toRDF(expanded []any) (rdfc.Dataset, error) {
	issuer := ld.NewIdentifierIssuer("_:b")
	nodeMap := map[string]any{"@default": map[string]any{}}
	api := ld.NewJsonLdApi()
	if _, err := api.GenerateNodeMap(expanded, nodeMap, "@default", issuer, "", "", nil); err != nil {
		return nil, goldError(err)
	}
	w := rdfWriter{issuer: issuer}
	for graphName, g := range nodeMap {
		graph := rdfc.Term{}
		if graphName != "@default" {
			t, err := nodeTerm(graphName, "graph name")
			if err != nil {
				return nil, err
			}
			graph = t
		}
		nodes, _ := g.(map[string]any)
		for id, n := range nodes {
			subject, err := nodeTerm(id, "subject")
			if err != nil {
				return nil, err
			}
			node, _ := n.(map[string]any)
			if err := w.node(subject, node, graph); err != nil {
				return nil, err
			}
		}
	}
	return w.quads, nil
}

type rdfWriter struct {
	issuer *ld.IdentifierIssuer
	quads  rdfc.Dataset
}

func (w *rdfWriter) node(subject rdfc.Term, node map[string]any, graph rdfc.Term) error {
	for property, v := range node {
		values, _ := v.([]any)
		if property == "@type" {
			for _, t := range values {
				s, _ := t.(string)
				object, err := nodeTerm(s, "type")
				if err != nil {
					return err
				}
				w.add(subject, rdfc.NewIRI(rdfType), object, graph)
			}
			continue
		}
		if ld.IsKeyword(property) {
			continue
		}
		if strings.HasPrefix(property, "_:") {
			return fmt.Errorf("jsonld: property %q is a blank node, which RDF does not allow as a predicate: %w", property, ErrUnsafe)
		}
		if !isAbsoluteIRI(property) {
			return fmt.Errorf("jsonld: property %q is not an absolute IRI: %w", property, ErrUnsafe)
		}
		predicate := rdfc.NewIRI(property)
		for _, item := range values {
			object, err := w.object(item, graph)
			if err != nil {
				return err
			}
			w.add(subject, predicate, object, graph)
		}
	}
	return nil
}

func (w *rdfWriter) add(s, p, o, g rdfc.Term) {
	w.quads = append(w.quads, rdfc.Quad{Subject: s, Predicate: p, Object: o, Graph: g})
}

// object converts a node reference, value object or list object.
func (w *rdfWriter) object(item any, graph rdfc.Term) (rdfc.Term, error) {
	m, ok := item.(map[string]any)
	if !ok {
		return rdfc.Term{}, fmt.Errorf("jsonld: unexpected %T in expanded JSON-LD: %w", item, ErrInvalid)
	}
	if v, isValue := m["@value"]; isValue {
		return valueTerm(m, v)
	}
	if list, isList := m["@list"]; isList {
		items, _ := list.([]any)
		return w.list(items, graph)
	}
	id, _ := m["@id"].(string)
	return nodeTerm(id, "object")
}

// list writes the rdf:first/rdf:rest chain of a list and returns its head.
func (w *rdfWriter) list(items []any, graph rdfc.Term) (rdfc.Term, error) {
	if len(items) == 0 {
		return rdfc.NewIRI(rdfNil), nil
	}
	head := rdfc.NewBlankNode(strings.TrimPrefix(w.issuer.GetId(""), "_:"))
	subject := head
	for i, item := range items {
		object, err := w.object(item, graph)
		if err != nil {
			return rdfc.Term{}, err
		}
		w.add(subject, rdfc.NewIRI(rdfFirst), object, graph)
		next := rdfc.NewIRI(rdfNil)
		if i < len(items)-1 {
			next = rdfc.NewBlankNode(strings.TrimPrefix(w.issuer.GetId(""), "_:"))
		}
		w.add(subject, rdfc.NewIRI(rdfRest), next, graph)
		subject = next
	}
	return head, nil
}

// nodeTerm turns a node identifier into a blank node or an IRI, refusing a
// relative IRI (safe mode: JSON-LD would drop the statement).
func nodeTerm(id, role string) (rdfc.Term, error) {
	if label, ok := strings.CutPrefix(id, "_:"); ok {
		return rdfc.NewBlankNode(label), nil
	}
	if !isAbsoluteIRI(id) {
		return rdfc.Term{}, fmt.Errorf("jsonld: %s %q is not an absolute IRI: %w", role, id, ErrUnsafe)
	}
	return rdfc.NewIRI(id), nil
}

// isAbsoluteIRI reports whether s is a scheme, a colon and no white space:
// the test jsonld.js applies (^([A-Za-z][A-Za-z0-9+-.]*|_):[^\s]*$), so
// that Satchel accepts and refuses the same IRIs as the library most
// issuers sign with.
func isAbsoluteIRI(s string) bool {
	colon := strings.IndexByte(s, ':')
	if colon < 1 || !isAlpha(s[0]) {
		return false
	}
	for i := 1; i < colon; i++ {
		c := s[i]
		if !isAlpha(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.' {
			return false
		}
	}
	return !strings.ContainsAny(s[colon:], " \t\n\r\f\v")
}

func isAlpha(c byte) bool { return (c|0x20) >= 'a' && (c|0x20) <= 'z' }

// valueTerm converts a value object to a literal.
func valueTerm(m map[string]any, v any) (rdfc.Term, error) {
	datatype, _ := m["@type"].(string)
	if datatype == "@json" {
		b, err := json.Marshal(v)
		if err != nil {
			return rdfc.Term{}, fmt.Errorf("jsonld: json literal: %v: %w", err, ErrInvalid)
		}
		if b, err = jcs.Transform(b); err != nil {
			return rdfc.Term{}, fmt.Errorf("jsonld: json literal: %v: %w", err, ErrInvalid)
		}
		return rdfc.NewLiteral(string(b), rdfJSON), nil
	}
	if datatype != "" && !isAbsoluteIRI(datatype) {
		return rdfc.Term{}, fmt.Errorf("jsonld: datatype %q is not an absolute IRI: %w", datatype, ErrUnsafe)
	}
	switch x := v.(type) {
	case bool:
		return rdfc.NewLiteral(strconv.FormatBool(x), or(datatype, xsdBoolean)), nil
	case float64:
		if isJSDouble(x) || datatype == xsdDouble {
			return rdfc.NewLiteral(canonicalDouble(x), or(datatype, xsdDouble)), nil
		}
		s := strconv.FormatFloat(x, 'f', 0, 64)
		if x == 0 {
			s = "0" // not "-0"
		}
		return rdfc.NewLiteral(s, or(datatype, xsdInteger)), nil
	case string:
		// A base direction is dropped, as JSON-LD 1.1 does when no
		// rdfDirection is chosen (jsonld.js's default when signing).
		if lang, ok := m["@language"].(string); ok {
			return rdfc.NewLangLiteral(x, lang), nil
		}
		return rdfc.NewLiteral(x, datatype), nil
	}
	return rdfc.Term{}, fmt.Errorf("jsonld: @value of type %T: %w", v, ErrInvalid)
}

func or(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// isJSDouble reports whether jsonld.js treats the number as a double rather
// than an integer: when JavaScript's String(v) has a decimal point, or
// |v| >= 1e21. String(v) writes the shortest digits that round-trip
// (d1...dk) with a decimal exponent n (v = 0.d1...dk × 10^n): as an integer
// when k <= n <= 21, with a point inside when 0 < n <= 21, as "0.00ddd"
// when -6 < n <= 0, and in exponent form otherwise, which has a point only
// when k > 1. Go's shortest 'e' format gives the same digits.
func isJSDouble(v float64) bool {
	if math.Abs(v) >= 1e21 {
		return true
	}
	if v == 0 {
		return false
	}
	s := strconv.FormatFloat(math.Abs(v), 'e', -1, 64) // d.ddde±xx
	mant, exp, _ := strings.Cut(s, "e")
	k := len(strings.Replace(mant, ".", "", 1))
	e, _ := strconv.Atoi(exp)
	n := e + 1
	switch {
	case k <= n && n <= 21:
		return false
	case 0 < n && n <= 21, -6 < n && n <= 0:
		return true
	default:
		return k > 1
	}
}

// canonicalDouble writes v as jsonld.js does:
// v.toExponential(15).replace(/(\d)0*e\+?/, '$1E'), e.g. 1.1E0, 5.0E-1.
func canonicalDouble(v float64) string {
	s := strconv.FormatFloat(v, 'e', 15, 64) // -d.ddddddddddddddde±xx
	mant, exp, _ := strings.Cut(s, "e")
	mant = strings.TrimRight(mant, "0")
	if strings.HasSuffix(mant, ".") {
		mant += "0"
	}
	e, _ := strconv.Atoi(exp)
	return mant + "E" + strconv.Itoa(e)
}
