package trust

// Limits on a trust list file. A learner may load a list someone else
// published (a ministry, a university), so Parse bounds it before decoding.
const (
	// MaxFileSize bounds a trust list file. An entry is a few hundred
	// bytes; the EU's national trusted lists hold a few hundred
	// qualified providers each, so 4 MiB holds every list a learner would
	// load, with room to spare, and parses in milliseconds.
	MaxFileSize = 4 << 20

	// MaxEntries bounds the entries of a list, for the same reason.
	MaxEntries = 10000

	// maxIdentifiers bounds each kind of identifier in one entry: an
	// organisation has a few DIDs (one per key rotation), a few domains.
	maxIdentifiers = 64

	// maxText bounds a name, a source, an organisation name or an
	// identifier. The longest legal names of organisations run to about
	// 200 characters.
	maxText = 512

	// maxNote bounds the free-text note.
	maxNote = 4096

	// maxDIDLength bounds a DID; did:jwk DIDs of P-384 keys are the
	// longest in use, under 300 characters.
	maxDIDLength = 2048

	// maxDepth bounds JSON nesting: the format nests three levels.
	maxDepth = 8
)
