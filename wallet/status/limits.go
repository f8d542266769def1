package status

// Limits on status lists. A status list comes from a server the learner
// did not choose (the credential names it), so every size is bounded
// before the work it would cause, and a compressed list is inflated only
// up to the decompressed limit.
const (
	// MaxDocumentSize bounds a fetched status list credential or Status
	// List Token, the largest body a fetch should allow. It holds a
	// list of the largest compressed size (below) in base64url with room
	// for the credential around it; real lists are a few hundred bytes to
	// a few hundred kilobytes.
	MaxDocumentSize = 4 << 20

	// MaxCompressedSize bounds the compressed list (encodedList or lst,
	// after base64url). A list of one million 1-bit entries in which every
	// entry is random, the least compressible case, is 125 KiB; 2 MiB
	// leaves room for 8-bit lists of that size while keeping the input to
	// inflate small.
	MaxCompressedSize = 2 << 20

	// MaxListSize bounds the decompressed list: 8 MiB holds 67 million
	// 1-bit or 8 million 8-bit entries, far beyond the largest lists
	// published (the W3C minimum is 16 KiB, 131,072 entries). Inflation
	// stops at this many bytes, so a gzip or zlib bomb costs at most a few
	// milliseconds of inflate work and 8 MiB of memory before it is
	// refused.
	//
	// There is no separate ratio limit below this one, on purpose: deflate
	// cannot expand by more than about 1032:1 per stream, and an honest
	// empty list reaches about 1000:1 (8 MiB of zeros compress to 8 KiB),
	// so any ratio limit that stops a bomb would also refuse a real list
	// whose credentials are all valid. Only one gzip member or zlib stream
	// is read and nothing may follow it, which keeps the stream's own
	// ratio bound the only one in play; the absolute limit above is what
	// makes a bomb cheap to refuse.
	MaxListSize = 8 << 20

	// MaxStatusSize is the largest statusSize (bits per entry) read from a
	// W3C list, and the largest Token Status List "bits" value (which the
	// draft restricts to 1, 2, 4 and 8). Multi-bit W3C entries carry
	// message codes; none published uses more than 8 bits.
	MaxStatusSize = 8

	// MaxEntries bounds the status entries of one credential that Check
	// follows. Each may mean a download; issuers use one to three (a
	// revocation, a suspension and a message list), so a credential
	// naming more is refused rather than made to fetch dozens of
	// addresses on the learner's behalf.
	MaxEntries = 8

	// maxIndexDigits bounds statusListIndex as written: an index into the
	// largest list (MaxListSize*8 entries) has 9 digits.
	maxIndexDigits = 10
)
