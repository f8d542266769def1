// Package jsonld processes JSON-LD credentials offline: it parses untrusted
// JSON within limits, expands it against the JSON-LD contexts bundled in
// package assets, and turns it into an RDF dataset for the RDFC-1.0
// canonicaliser in package wallet/rdfc, which Data Integrity proofs sign.
//
// # Offline
//
// [Loader] serves only bundled contexts. A document that references any
// other context URL fails with a [*ContextError] naming the URL; nothing is
// fetched, and this package has no network code.
//
// # Limits
//
// [Parse] refuses input over the caller's byte limit, nesting deeper than
// [MaxDepth], invalid UTF-8 and duplicate member names (see [Parse] for why
// each). [Processor] refuses documents with more than [Options.MaxContexts]
// context references.
//
// # Safe mode
//
// Data Integrity requires JSON-LD "safe mode": processing must fail rather
// than drop data, because a signature over the RDF of a document does not
// cover what the RDF lost while the JSON still shows it. json-gold's
// SafeMode option covers one case, a property that does not expand to an
// IRI (including keyword-like "@foo" keys). This package adds:
//   - a relative IRI as subject, property, type, object, graph name or
//     datatype ("relative ... reference" in jsonld.js), and an IRI with white
//     space in it, which JSON-LD drops when producing RDF;
//   - a blank node used as a property;
//   - a document that expands to nothing.
//
// Malformed language tags are refused by the canonicaliser. Cases jsonld.js
// also treats as unsafe but that are not detected here, because json-gold
// reports no event for them: a value object whose @value is null, a node
// object holding only @language, a free-floating scalar in @graph. Each
// drops a value that carries no IRI, so nothing can be smuggled past a
// signature with them except a null or an empty string.
//
// # Performance
//
// json-gold spends most of its time processing contexts. [Processor] keeps
// the processed form of each top-level @context list (the bundled contexts
// themselves are parsed once, in [Loader]), and converts expanded JSON-LD to
// RDF itself instead of with json-gold's ToRDF, whose IRI checks cost a
// quarter of the time (see rdf.go).
package jsonld
