// Package ob2 reads Open Badges 2.0 badges (and the 1.x assertions still
// found in the wild): baked PNG and SVG images, signed assertions
// (compact JWS) and hosted ones (JSON). [Read] turns one into a
// [credential.Reading]: the normalised badge, the format, proof and holder
// checks. An image baked with an Open Badges 3.0 credential (the
// "openbadgecredential" PNG keyword, the <openbadges:credential> SVG
// element) gives a reading whose Embedded holds that credential, JSON or
// VC-JWT, as baked, for the reader of its format.
//
// # Baked images
//
// PNG: Satchel reads the chunks itself and never decodes the image. It
// checks the signature; judges the image dimensions in IHDR, the first
// chunk, against [Options].MaxImagePixels before anything else; bounds
// every chunk's length by what is left of the file and checks its CRC;
// reads the iTXt (compressed or not), tEXt and zTXt chunks whose keyword
// is "openbadges" or "openbadgecredential", decompressing within the size
// limit and a ratio of 100:1; stops at IEND; and refuses a file that ends
// before it as truncated. More than one badge chunk is refused as
// ambiguous.
//
// SVG: Satchel tokenises the document with encoding/xml (never rendering,
// running or fetching anything), within a depth, token and attribute
// bound, and finds the one <openbadges:assertion> element
// (xmlns:openbadges="http://openbadges.org"): its verify attribute is a
// signed badge's JWS or a hosted badge's URL, its content (usually CDATA)
// the assertion's JSON or JWS. A DOCTYPE is accepted only as the plain
// external identifier drawing programs write; an internal subset, where
// entities would be declared, is refused ([ErrDTD]).
//
// A badge that holds only the address of its assertion (the older
// bakeries' way) cannot be read offline: [Read] returns a [*RemoteError]
// with the address.
//
// # Proof
//
// A signed badge is a compact JWS whose payload is the assertion; its key
// is published at verification.creator. Fetching it needs the network, so
// it goes through a [KeyFetcher] the caller may pass; without one the
// proof check is skipped (proof.needs-network). With the key, the
// signature is checked with lestrrat-go/jwx, the algorithm fixed by the
// key: RS256 for RSA (2048 bits or more), ES256 and ES384 for P-256 and
// P-384, EdDSA for Ed25519. The token's alg must be that one; "none" and
// HMAC are refused. A key document that names itself must name the
// address it was fetched from. Reading.Signer is the key's owner (the
// issuer's profile URL) or the key URL; Reading.Identity the signature.
//
// A hosted badge is checked by fetching it from its id, which needs the
// network: the proof check is skipped (proof.hosted-offline), and
// Reading.Identity is the assertion in a canonical JSON form. Bare JSON
// that claims to be signed is reported as lacking its signature.
//
// # Mapping
//
// Open Badges onto [credential.Credential]:
//
//	SourceID           id
//	Types              type
//	Title, Description badge name, description (in badge @language)
//	Issuer             badge issuer: id, name, url (by URL: the id only)
//	Issued, ValidUntil issuedOn, expires (ISO 8601, or Unix time as 1.0 allowed)
//	Learner.ID         recipient identity, when not hashed; also in Subjects
//	EQF                an alignment whose targetUrl is
//	                   http://data.europa.eu/snb/eqf/N, or whose framework is
//	                   the EQF and whose code is a level
//	Alignments         the other alignments (targetUrl, targetName,
//	                   targetCode, targetFramework)
//	Images             the assertion image, then the badge image
//	FurtherInformation "Criteria: ...", "Tags: ...", "Evidence: ...",
//	                   "Narrative: ..." lines (the model has no fields for
//	                   them)
//
// A hashed recipient (sha256$... with a salt) cannot be matched without
// the e-mail address it hides: the reading carries no subject, and a
// holder warning (holder.ob2-hashed) whose Args hold the hash and salt, for
// [RecipientMatches]. A badge or issuer referenced by URL rather than
// embedded is reported in a format warning: the reading holds what the
// file holds. Endorsements, extensions and revocation lists are not read.
//
// # Untrusted input
//
// Errors wrap [ErrNotOB2], [ErrNotBaked], [ErrNotAssertion],
// [ErrMalformed], [ErrTooLarge], [ErrDTD] and [ErrRemote]; the caller
// rejects such input. JSON is checked before decoding (strict UTF-8, no
// member named twice, depth 100); JWS segments are strict base64url.
package ob2
