// Package rdfc canonicalises RDF datasets with the W3C RDF Dataset
// Canonicalization algorithm, RDFC-1.0 (https://www.w3.org/TR/rdf-canon/),
// and reads and writes the N-Quads it is expressed in.
//
// Data Integrity proofs of the "rdfc" kind (eddsa-rdfc-2022,
// ecdsa-rdfc-2019, Ed25519Signature2020) sign a hash of the canonical
// N-Quads of a credential. A JSON-LD processor turns the credential into an
// RDF [Dataset]; [Canonicalize] relabels its blank nodes deterministically
// and returns the sorted canonical N-Quads, which the caller hashes. Two
// datasets that differ only in blank node labels produce the same bytes.
//
// # Why this package exists
//
// The canonicaliser in github.com/piprate/json-gold fails the W3C test for
// N-Quads escaping (test060) and never returns on the "poison graph" of
// test074, a clique of blank nodes built to make the Hash N-Degree Quads
// step take factorial time. A wallet that verifies credentials from anyone
// cannot afford either. This package passes the whole W3C RDFC-1.0 test
// suite, imports only the standard library, and knows nothing about
// JSON-LD: an adapter elsewhere copies a JSON-LD library's dataset into the
// plain exported types here.
//
// # Limits
//
// Canonicalisation is fast for anything a credential contains (tens of
// microseconds for a hundred quads), but a crafted dataset can make Hash
// N-Degree Quads explode, so its work is budgeted, as the specification's
// security considerations recommend. [Options] bounds the number of quads,
// the calls of Hash N-Degree Quads and the finer steps of work inside them;
// the defaults are about ten times what the hardest accepted tests of the
// W3C suite need (real credentials usually need no call at all) and stop
// test074 within a few tens of milliseconds. Exhausting a budget returns an
// error matching [ErrTooComplex]; cancelling the [context.Context] stops
// the work too. [Result.Work] reports what was spent.
//
// [ParseNQuads] bounds its input as well: total bytes, bytes per line and
// number of quads (see [ParseOptions]); going over returns an error
// matching [ErrTooLarge] that names the limit, a [*ParseError] with the line
// number when one line is to blame.
//
// # Canonical N-Quads
//
// Output follows the canonical N-Quads form RDFC-1.0 requires: one quad per
// line, single spaces between terms, " .\n" at the end, no comments. In
// literals the characters \b \t \n \f \r " and \ are written as ECHAR escapes,
// the other control characters (U+0000–U+0007, U+000B, U+000E–U+001F, U+007F)
// as \uXXXX with upper-case hex, everything else as UTF-8. xsd:string
// literals carry no datatype. IRIs are written as they are, except that the
// characters N-Quads forbids inside <> (controls, space, <>"{}|^`\) are
// written as \uXXXX, which keeps the output parseable and matches the
// reference implementation.
package rdfc
