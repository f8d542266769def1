// Package qr carries a signed presentation in QR codes: the payload format,
// its encoder and decoder, the symbols as PNG and SVG, printable sheets, and
// the reading of QR images. The presentation is opaque here: a VP-JWT, a
// JSON-LD VP, an SD-JWT with its key-binding JWT, any bytes; what comes out
// of [Decode] is byte for byte what went into [Encode], so every signature
// still verifies.
//
// # The payload
//
// FORMAT.md beside this file is the specification; in short:
//
//	SAT1.R1:<data>                      one symbol
//	SAT1.R1.2/5.U6NCBT6S:<data>         part 2 of 5 of set U6NCBT6S
//	https://verifier.example/v#SAT1.B1:<data>   after a URL prefix
//
// "SAT" and the format version, then the data encoding (R: Base45 of RFC
// 9285; B: Base32 of RFC 4648, which a URL carries) with the version of the
// compression dictionary, then for a multi-part set the part number, the
// count and the set id (40 bits of the message's SHA-256, which the decoder
// checks). Every character is one of QR's alphanumeric mode, which stores
// 5.5 bits a character where byte mode needs 8. The data is the message:
//
//	kind | [layout] | DEFLATE with a preset dictionary | CRC-32 of the presentation
//
// The preset dictionary (dict/v1.txt, versioned with the format) holds the
// vocabulary credentials repeat: context URLs, VC, Open Badges, Data
// Integrity, JOSE, SD-JWT and ELM terms. Two reversible transforms run
// before compression when they help: JOSE text is stored with its
// base64url JSON decoded (JSON compresses; its base64url does not), and
// pretty-printed JSON is stored compact with its layout in one byte. On
// the harness's credentials the message is 16% of the input: half of what
// plain DEFLATE makes of JSON-LD, a third of what it makes of a JWT. A bare
// credential fits one symbol of version 25 at level M, a one-credential
// presentation one or two.
//
// A message too large for one symbol of [Options.MaxVersion] (25 by
// default) at [Options.Level] (M) is split into the fewest equal parts that
// fit; an [Assembler] takes them in any order. Decoding is bounded by
// [Limits]: 4 MiB decoded, a ratio of 100 against the compressed size, 64
// parts, 16 KiB of text a part. Errors wrap the sentinels of errors.go
// ([ErrPrefix], [ErrVersion], [ErrMalformed], [ErrChecksum],
// [ErrMissingParts] as a [*MissingPartsError], [ErrMixedSets],
// [ErrConflict], [ErrTooLarge]).
//
// # Libraries
//
// Symbols are drawn with rsc.io/qr/coding, the QR encoder Russ Cox wrote
// for Go: small, no dependencies, and the one Go encoder whose API takes
// explicit segments and an explicit version and level. Segments matter: a
// URL prefix must go in byte mode and the payload after it in alphanumeric
// mode. github.com/skip2/go-qrcode picks segments itself, greedily, and
// after a URL prefix folded stretches of the payload into byte mode (one or
// two versions larger in our probes); github.com/yeqown/go-qrcode and
// github.com/boombuler/barcode use one mode for the whole text. rsc.io/qr
// leaves the data mask to the caller, so mask.go scores the eight masks
// with the penalty rules of ISO/IEC 18004 and keeps the best. Images are
// read with github.com/makiuchi-d/gozxing, the pure-Go port of ZXing, so
// the verifier needs no C library; [ReadImage] checks a file's format and
// dimensions on its header before decoding it. Base45 is the small
// sub-package base45, strict as RFC 9285 asks.
//
// VP1 payloads of the DCC's vpqr are read ([DecodeVPQR]: the envelope
// checked with github.com/fxamacker/cbor, the CBOR-LD decompressed by the
// sub-package cborld over the bundled contexts) and written
// ([EncodeVPQR]) for presentations that fit one symbol.
package qr
