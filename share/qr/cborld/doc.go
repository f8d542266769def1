// Package cborld reads and writes CBOR-LD as the Digital Credentials
// Consortium's cborld 4.3.4 does: the compression under vpqr's "VP1-" QR
// payloads, which the DCC's Learner Credential Wallet shares presentations
// with. [Decode] turns CBOR-LD back into the JSON-LD document it was made
// from, member for member, so that the Data Integrity proofs in it still
// verify; [Encode] writes the bytes cborld writes.
//
// # Format
//
// A document starts with the tag d9 05 and a compression mode: 0 for the
// document as plain CBOR, 1 ([ModeCompressed]) for a CBOR map in which
// every key is a term id and values go through codecs. Keywords have fixed
// ids (@context 0, @type 2, @id 4, ...). Every other term gets its id when
// a context that defines it first comes into use while walking the
// document: from 100, in steps of 2, in sorted order of each context's
// terms. An odd id (id+1) marks an array of values. A @context is written
// as a number from cborld's registry (0x11 for VC 1.1, 0x32 for OB 3.0,
// ...) or as its URL; VC 2.0 and OB 3.0.x versions have no number.
// Values are written by the @type of their term: term ids for @vocab and
// for @type, [scheme, rest] arrays for http, https, urn:uuid, did:key and
// did:v1 URLs (base58 parts as bytes), multibase strings ('z', 'M') as
// bytes, xsd:dateTime and xsd:date as seconds since the epoch.
//
// Since ids follow the contexts, the decoder must load the very context
// documents the encoder did, in the same order. The contexts come from the
// wallet's offline loader over package assets ([DefaultLoader]); nothing
// is fetched, and a document with another context fails with
// [ErrUnknownContext]. For Open Badges 3.0.3 it serves the copy the DCC
// packages ship (see loader.go): the wallet's own copy defines two more
// terms, which would shift every id after them.
//
// # Matching cborld
//
// The walk follows cborld's Transformer, including what looks like mistakes,
// since ids and codecs depend on them: embedded contexts stay in use for the
// siblings that follow their object; a property with a scoped context sees
// the parent's type-scoped contexts and one without does not; "@import" is
// numbered as a term; an alias of @id is recognised by a definition's "id"
// member, not "@id"; a context document whose @context is an array is read
// by index. Where cborld decodes, Decode gives the same document, or refuses
// in these cases, where cborld writes broken JSON or lets JavaScript coerce:
// byte strings, maps or CBOR simple values where a plain value belongs;
// integers beyond 2^53; duplicate map keys (the later one wins in cborld); a
// term given both singly and as an array; an odd id whose value is no array;
// a dateTime pair that is not two numbers; a number in a @context array
// under the singular key; a context that is an array inside a context list.
//
// Encode writes cborld's bytes (keys sorted length first, floats in their
// shortest form) except where cborld loses data or fails: it then writes
// text instead of a codec (a DID URL with two '#', invalid base58, base64 or
// UUIDs), and dates before 1970 as negative numbers (cborld writes broken
// CBOR for them); cborld reads both back unchanged. It refuses
// ([ErrUnsupported]) what cannot make the trip: a key no active context
// defines, keywords other than @context, @id and @type, a null @context,
// arrays inside arrays, numbers where a date or a term id would be read.
//
// # Limits
//
// Decoding bounds the input, the nesting, the items of each array and map,
// the contexts put into use, and the output ([Limits]); base58 values are
// capped at 4 KiB, since base58 costs quadratic time. CBOR tags, duplicate
// map keys, invalid UTF-8, NaN and infinities are refused.
package cborld
