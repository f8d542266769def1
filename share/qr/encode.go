package qr

import (
	"bytes"
	"crypto/sha256"
	"encoding/base32"
	"errors"
	"fmt"

	"github.com/satchel-wallet/satchel/share/qr/base45"
)

// Magic starts every Satchel QR payload, followed by the format version.
const Magic = "SAT"

// FormatVersion is the payload format this package writes and reads.
const FormatVersion = 1

// setIDLen is the length of a set id: 8 Base32 characters, 40 bits of the
// message's SHA-256. Sets a verifier reads at one time never share one by
// chance, and the decoder checks it against the reassembled message, so it
// is the set's checksum too.
const setIDLen = 8

var b32 = base32.StdEncoding.WithPadding(base32.NoPadding)

// Payload is an encoded presentation: the text of each QR symbol, in order.
type Payload struct {
	// Parts holds one text per symbol; a presentation that fits one
	// symbol has one part.
	Parts []string
	// Options are the settings the payload was made with, defaults filled
	// in; Symbols draws with them.
	Options Options
	// Stats describes the encoding, for measurements and logs.
	Stats Stats
}

// Stats are the sizes of one encoding.
type Stats struct {
	Raw        int  // presentation bytes
	Compressed int  // message bytes: kind, layout, DEFLATE stream, CRC
	Kind       byte // the transforms applied (see FORMAT.md)
	TextLen    int  // characters of all parts, URL prefixes included
	Symbols    int  // number of parts
}

// Encode turns a signed presentation (a VP-JWT, a JSON-LD VP, an SD-JWT with
// its key-binding JWT: any bytes) into the text of one QR symbol, or of
// several numbered parts when it does not fit one symbol of opt.MaxVersion
// at opt.Level. The presentation is compressed with DEFLATE and the preset
// dictionary; see FORMAT.md for the layout. It fails with ErrTooLarge when
// more than opt.MaxParts symbols would be needed, or when the presentation
// is more than the default decoder limits accept.
func Encode(presentation []byte, opt Options) (*Payload, error) {
	o, err := opt.withDefaults()
	if err != nil {
		return nil, err
	}
	if len(presentation) == 0 {
		return nil, errors.New("qr: the presentation is empty")
	}
	if len(presentation) > DefaultMaxSize {
		return nil, fmt.Errorf("%w: the presentation has %d bytes, more than the %d a decoder accepts", ErrTooLarge, len(presentation), DefaultMaxSize)
	}
	msg, kind := pack(presentation, dictionary(dictVersion))
	// Decode what was made, with a decoder's default limits: a payload
	// that a verifier would refuse (a ratio above 100) or that would not
	// give back the presentation exactly must never leave the wallet.
	back, err := unpack(msg, dictionary(dictVersion), Limits{}.withDefaults())
	if errors.Is(err, ErrTooLarge) {
		return nil, fmt.Errorf("decoders would refuse this presentation: %w", err)
	}
	if err != nil || !bytes.Equal(back, presentation) {
		return nil, fmt.Errorf("qr: internal error: the payload does not decode to the presentation (%v)", err)
	}
	parts, err := split(msg, o)
	if err != nil {
		return nil, err
	}
	p := &Payload{Parts: parts, Options: o, Stats: Stats{
		Raw: len(presentation), Compressed: len(msg), Kind: kind, Symbols: len(parts),
	}}
	for _, s := range parts {
		p.Stats.TextLen += len(s)
	}
	return p, nil
}

// header returns the text before a part's data: the URL prefix, the magic,
// the format version, the encoding and the dictionary version, and for a
// part of a set its number, the count and the set id.
func header(o Options, i, n int, setID string) string {
	h := fmt.Sprintf("%s%s%d.%c%d", o.URLPrefix, Magic, FormatVersion, o.Encoding, dictVersion)
	if n > 1 {
		h += fmt.Sprintf(".%d/%d.%s", i, n, setID)
	}
	return h + ":"
}

func encodeData(e Encoding, b []byte) string {
	if e == EncodingBase32 {
		return b32.EncodeToString(b)
	}
	return base45.Encode(b)
}

func encodedLen(e Encoding, n int) int {
	if e == EncodingBase32 {
		return b32.EncodedLen(n)
	}
	return base45.EncodedLen(n)
}

// split makes the part texts of msg: one symbol if it fits, otherwise the
// fewest parts of equal size (within a byte) that each fit.
func split(msg []byte, o Options) ([]string, error) {
	pre := len(o.URLPrefix)
	single := header(o, 1, 1, "")
	if fits(pre, len(single)-pre+encodedLen(o.Encoding, len(msg)), o.MaxVersion, o.Level) {
		return []string{single + encodeData(o.Encoding, msg)}, nil
	}
	sum := sha256.Sum256(msg)
	setID := b32.EncodeToString(sum[:5])
	for n := 2; n <= o.MaxParts && n <= len(msg); n++ {
		// The first part is the longest: it has the larger share and a
		// part number with as many digits as any, at most.
		size := (len(msg) + n - 1) / n
		h := header(o, n, n, setID)
		if !fits(pre, len(h)-pre+encodedLen(o.Encoding, size), o.MaxVersion, o.Level) {
			continue
		}
		parts := make([]string, n)
		for i := range n {
			lo, hi := len(msg)*i/n, len(msg)*(i+1)/n
			parts[i] = header(o, i+1, n, setID) + encodeData(o.Encoding, msg[lo:hi])
		}
		return parts, nil
	}
	return nil, fmt.Errorf("%w: the presentation needs more than %d symbols of version %d at level %s (%d bytes compressed)",
		ErrTooLarge, o.MaxParts, o.MaxVersion, o.Level, len(msg))
}

// partText reports whether s, after an optional URL prefix, starts with the
// magic, and returns the payload.
func partText(s string) (string, bool) { return after(s, Magic) }
