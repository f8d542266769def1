package cborld

// The tag that starts every CBOR-LD document of cborld 4.x: 0xd9 (a CBOR
// tag with a 16-bit number), 0x05, then the compression mode.
const (
	tagByte0, tagByte1 = 0xd9, 0x05
	// ModeUncompressed is compression mode 0: plain CBOR of the JSON-LD
	// document.
	ModeUncompressed = 0
	// ModeCompressed is compression mode 1: terms and values replaced by
	// numbers and bytes through the document's contexts. vpqr writes it.
	ModeCompressed = 1
)

// keywords are the JSON-LD keywords with their fixed term ids. cborld
// numbers them before any context term; the order is part of the format.
// A term id is even; id+1 marks a value that is an array ("plural").
var keywords = map[string]uint64{
	"@context":     0,
	"@type":        2,
	"@id":          4,
	"@value":       6,
	"@direction":   8,
	"@graph":       10,
	"@included":    12,
	"@index":       14,
	"@json":        16,
	"@language":    18,
	"@list":        20,
	"@nest":        22,
	"@reverse":     24,
	"@base":        26,
	"@container":   28,
	"@default":     30,
	"@embed":       32,
	"@explicit":    34,
	"@none":        36,
	"@omitDefault": 38,
	"@prefix":      40,
	"@preserve":    42,
	"@protected":   44,
	"@requireAll":  46,
	"@set":         48,
	"@version":     50,
	"@vocab":       52,
}

// firstTermID is the id of the first context term; ids below it are
// keywords'.
const firstTermID = 100

// Term ids of the two keys that carry a document's @context: 0 for one
// context, 1 for a list.
const (
	contextID     = 0
	contextListID = 1
)

// Keywords and members of term definitions that the walk looks at.
const (
	typeKeyword     = "@type"
	idKeyword       = "@id"
	contextKeyword  = "@context"
	importKeyword   = "@import"
	scopedKeyword   = "@context"
	typeDefKeyword  = "@type"
	aliasDefIDField = "id" // cborld reads def.id, not def["@id"], for aliases
)

// registry is the CBOR-LD context registry of cborld 4.3.4: well-known
// context URLs written as one small integer. A context not listed here is
// written as its URL. Two of these (VC 2.0 and OB 3.0.x) are notably
// absent, which is why VC 2.0 payloads are larger.
var registry = map[uint64]string{
	0x10: "https://www.w3.org/ns/activitystreams",
	0x11: "https://www.w3.org/2018/credentials/v1",
	0x12: "https://www.w3.org/ns/did/v1",
	0x13: "https://w3id.org/security/suites/ed25519-2018/v1",
	0x14: "https://w3id.org/security/suites/ed25519-2020/v1",
	0x15: "https://w3id.org/cit/v1",
	0x16: "https://w3id.org/age/v1",
	0x17: "https://w3id.org/security/suites/x25519-2020/v1",
	0x18: "https://w3id.org/veres-one/v1",
	0x19: "https://w3id.org/webkms/v1",
	0x1A: "https://w3id.org/zcap/v1",
	0x1B: "https://w3id.org/security/suites/hmac-2019/v1",
	0x1C: "https://w3id.org/security/suites/aes-2019/v1",
	0x1D: "https://w3id.org/vaccination/v1",
	0x1E: "https://w3id.org/vc-revocation-list-2020/v1",
	0x1F: "https://w3id.org/dcc/v1",
	0x20: "https://w3id.org/vc/status-list/v1",
	0x30: "https://w3id.org/security/data-integrity/v1",
	0x31: "https://w3id.org/security/multikey/v1",
	0x32: "https://purl.imsglobal.org/spec/ob/v3p0/context.json",
}

// registryIDs is registry reversed.
var registryIDs = func() map[string]uint64 {
	m := make(map[string]uint64, len(registry))
	for id, u := range registry {
		m[u] = id
	}
	return m
}()

// The value codecs, chosen by the @type of a term's definition (after
// expanding a compact IRI against the active context).
const (
	typeID        = "@id"
	typeVocab     = "@vocab"
	typeMultibase = "https://w3id.org/security#multibase"
	typeDate      = "http://www.w3.org/2001/XMLSchema#date"
	typeDateTime  = "http://www.w3.org/2001/XMLSchema#dateTime"
)

// URL scheme ids of the @id codecs: [scheme, rest...].
const (
	schemeHTTP     = 1
	schemeHTTPS    = 2
	schemeUUID     = 3
	schemeDIDv1    = 1024 // did:v1:nym:, Veres One mainnet only
	schemeDIDKey   = 1025 // did:key:
	prefixHTTP     = "http://"
	prefixHTTPS    = "https://"
	prefixUUID     = "urn:uuid:"
	prefixDIDv1    = "did:v1:nym:"
	prefixDIDKey   = "did:key:"
	multibase58    = 'z' // base58btc
	multibase64Pad = 'M' // base64 with padding
)
