package elm

import "time"

// Limits on untrusted input. Each is far above what a real EDC needs and
// low enough that a hostile file costs little to refuse. Breaking one of
// them is an error wrapping [ErrTooLarge] or [ErrLimit], and the caller
// rejects the file; the JSON nesting depth is wallet/jsonld's MaxDepth
// (100), enforced by its parser for the document, the sealed payload, the
// protected header and each JAdES unsigned component alike.
const (
	// DefaultMaxBytes is the input limit when Options.MaxBytes is zero:
	// 4 MiB, as for every format Satchel reads. Sealed EDCs with an
	// embedded page image are 100 to 500 KiB.
	DefaultMaxBytes = 4 << 20

	// maxDetectBytes bounds the input Detect parses. Detect takes no
	// options, so it allows more than DefaultMaxBytes in case the learner
	// raised the limit; Read then applies the real one.
	maxDetectBytes = 64 << 20

	// maxSignatures bounds the signatures of one JWS JSON serialization.
	// An EDC carries one seal; JWS allows several, and a few more than one
	// cost little, but each one means a certificate parse and a public-key
	// operation.
	maxSignatures = 4

	// maxChain bounds the certificates in an x5c header (signing
	// certificate first). Real chains are two to four certificates long.
	maxChain = 8

	// maxCertBytes bounds one DER certificate. Qualified certificates with
	// all their policies and statements are 1.5 to 3 KiB; 16 KiB leaves
	// room for any honest one and keeps parsing cheap.
	maxCertBytes = 16 << 10

	// maxValidationCerts bounds the certificates read from the JAdES
	// unsigned "xVals" component, which is searched for the issuer of the
	// signing certificate when x5c holds only that certificate. Long-term
	// seals carry the whole chain plus time-stamping and OCSP certificates,
	// four to eight in the samples.
	maxValidationCerts = 32

	// maxChainChecks bounds the signature checks spent looking for the seal
	// certificate's issuers among the validation data: a hostile file could
	// otherwise offer maxValidationCerts candidates with the same name at
	// every step of the chain.
	maxChainChecks = 16

	// futureLeeway is how far in the future a seal's signing time may be
	// before it is refused: clocks differ, but a seal dated tomorrow was
	// not made yet.
	futureLeeway = 24 * time.Hour

	// maxEtsiU bounds the entries of the JAdES unsigned "etsiU" header
	// that are looked at: a B-LTA seal has four or five.
	maxEtsiU = 16

	// minRSABits is the smallest RSA key accepted for a seal. ETSI TS 119
	// 312 has required at least 1900 bits for years; 2048 is what every
	// qualified trust service issues. A smaller key is reported as a seal
	// Satchel cannot check, not as a valid one.
	minRSABits = 2048

	// maxRSABits bounds RSA keys, so that a hostile certificate cannot make
	// verification arbitrarily slow. 8192 bits is twice the largest key in
	// use for seals.
	maxRSABits = 8192

	// maxQCStatements bounds the statements read from a certificate's
	// qcStatements extension; EN 319 412-5 defines six.
	maxQCStatements = 32

	// maxInlineImage bounds the base64 text of an image kept in the
	// normalised view as a data: URI (48 KiB of image). The view is stored
	// beside the original and listed often; larger images stay in the
	// original only, and the view keeps a reference to them.
	maxInlineImage = 64 << 10

	// maxImages bounds the images in the normalised view: the pages of the
	// credential's display and the issuer's logo.
	maxImages = 8

	// maxEmbedded bounds the credentials taken out of one presentation. A
	// stack presented for recognition of prior learning holds a few dozen.
	maxEmbedded = 100

	// maxStatus bounds the credentialStatus entries reported.
	maxStatus = 16
)
