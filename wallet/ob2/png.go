package ob2

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"io"
	"strings"
	"unicode/utf8"
)

// pngSignature starts every PNG file.
var pngSignature = []byte("\x89PNG\r\n\x1a\n")

// The text-chunk keywords of baked badges: Open Badges 2.0 bakes its
// assertion under "openbadges", Open Badges 3.0 its credential under
// "openbadgecredential".
const (
	keywordOB2 = "openbadges"
	keywordOB3 = "openbadgecredential"
)

// baked is the badge data an image carries.
type baked struct {
	// ob3 says the data is an Open Badges 3.0 credential, for another
	// reader.
	ob3 bool
	// text is the data: JSON, a compact JWS, or a URL.
	text string
	// verify is an SVG element's verify attribute (a URL or a JWS).
	verify string
}

// readPNG finds the badge in a PNG without decoding the image. It walks
// the chunks: the signature first, then IHDR, whose dimensions are judged
// before anything else is read; every chunk's length is bounded by what
// is left of the file and its CRC checked; the text chunks (iTXt, tEXt,
// zTXt) are read for the badge keywords, compressed ones within a bounded
// size and ratio; the walk stops at IEND, and a file that ends before it
// is truncated.
func readPNG(data []byte, opts Options) (*baked, error) {
	if !bytes.HasPrefix(data, pngSignature) {
		return nil, fmt.Errorf("no PNG signature: %w", ErrNotOB2)
	}
	var found *baked
	p := len(pngSignature)
	for n := 0; ; n++ {
		if n == maxChunks {
			return nil, fmt.Errorf("more than %d PNG chunks: %w", maxChunks, ErrTooLarge)
		}
		if len(data)-p < 12 {
			return nil, fmt.Errorf("the PNG ends after %d bytes, before its IEND chunk (truncated): %w", len(data), ErrMalformed)
		}
		length := binary.BigEndian.Uint32(data[p:])
		typ := string(data[p+4 : p+8])
		if length > 1<<31-1 || !chunkType(typ) {
			return nil, fmt.Errorf("PNG chunk %d: bad header (%q, %d bytes): %w", n, typ, length, ErrMalformed)
		}
		if uint64(length) > uint64(len(data)-p-12) {
			return nil, fmt.Errorf("the PNG ends inside its %s chunk (truncated): %w", typ, ErrMalformed)
		}
		body := data[p+8 : p+8+int(length)]
		if n == 0 {
			if err := checkIHDR(typ, body, opts); err != nil {
				return nil, err
			}
		} else if typ == "IHDR" {
			return nil, fmt.Errorf("a second IHDR chunk: %w", ErrMalformed)
		}
		crc := crc32.NewIEEE()
		crc.Write(data[p+4 : p+8])
		crc.Write(body)
		if crc.Sum32() != binary.BigEndian.Uint32(data[p+8+int(length):]) {
			return nil, fmt.Errorf("the PNG is damaged: the checksum of its %s chunk does not match: %w", typ, ErrMalformed)
		}
		p += 12 + int(length)
		switch typ {
		case "IEND":
			if found == nil {
				return nil, fmt.Errorf("a PNG without an %q text chunk: %w", keywordOB2, ErrNotBaked)
			}
			return found, nil
		case "tEXt", "zTXt", "iTXt":
			b, err := textChunk(typ, body, opts)
			if err != nil {
				return nil, err
			}
			if b != nil && found != nil {
				return nil, fmt.Errorf("the PNG carries two badges: %w", ErrMalformed)
			}
			if b != nil {
				found = b
			}
		}
	}
}

// chunkType reports whether t is a valid chunk type: four ASCII letters.
func chunkType(t string) bool {
	for i := 0; i < len(t); i++ {
		if c := t[i] | 0x20; c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

// checkIHDR checks the first chunk: it must be IHDR, and the image it
// describes no larger than the pixel limit.
func checkIHDR(typ string, body []byte, opts Options) error {
	if typ != "IHDR" || len(body) != 13 {
		return fmt.Errorf("the PNG does not start with its IHDR chunk: %w", ErrMalformed)
	}
	w, h := binary.BigEndian.Uint32(body), binary.BigEndian.Uint32(body[4:])
	if w == 0 || h == 0 || w > 1<<31-1 || h > 1<<31-1 {
		return fmt.Errorf("image of %d x %d pixels: %w", w, h, ErrMalformed)
	}
	if px := uint64(w) * uint64(h); px > uint64(opts.maxPixels()) {
		return fmt.Errorf("image of %d x %d pixels (limit %d pixels): %w", w, h, opts.maxPixels(), ErrTooLarge)
	}
	return nil
}

// textChunk reads a tEXt, zTXt or iTXt chunk, returning the badge it
// carries or nil when its keyword is not a badge keyword.
func textChunk(typ string, body []byte, opts Options) (*baked, error) {
	keyword, rest, ok := bytes.Cut(body, []byte{0})
	if !ok {
		return nil, fmt.Errorf("a %s chunk without a keyword: %w", typ, ErrMalformed)
	}
	b := &baked{}
	switch string(keyword) {
	case keywordOB2:
	case keywordOB3:
		b.ob3 = true
	default:
		return nil, nil
	}
	var text []byte
	switch typ {
	case "tEXt":
		text = latin1(rest)
	case "zTXt":
		if len(rest) < 1 || rest[0] != 0 {
			return nil, fmt.Errorf("a zTXt chunk with an unknown compression method: %w", ErrMalformed)
		}
		t, err := inflate(rest[1:], opts)
		if err != nil {
			return nil, err
		}
		text = latin1(t)
	case "iTXt":
		var err error
		if text, err = internationalText(rest, opts); err != nil {
			return nil, err
		}
	}
	b.text = strings.TrimSpace(string(text))
	return b, nil
}

// internationalText reads the part of an iTXt chunk after its keyword:
// compression flag and method, language tag, translated keyword, then
// the UTF-8 text, compressed or not.
func internationalText(rest []byte, opts Options) ([]byte, error) {
	if len(rest) < 2 || rest[0] > 1 || rest[1] != 0 {
		return nil, fmt.Errorf("an iTXt chunk with a bad compression flag or method: %w", ErrMalformed)
	}
	compressed := rest[0] == 1
	_, rest, ok := bytes.Cut(rest[2:], []byte{0}) // language tag
	if ok {
		_, rest, ok = bytes.Cut(rest, []byte{0}) // translated keyword
	}
	if !ok {
		return nil, fmt.Errorf("an iTXt chunk without its language fields: %w", ErrMalformed)
	}
	text := rest
	if compressed {
		var err error
		if text, err = inflate(rest, opts); err != nil {
			return nil, err
		}
	}
	if !utf8.Valid(text) {
		return nil, fmt.Errorf("an iTXt chunk whose text is not UTF-8: %w", ErrMalformed)
	}
	return text, nil
}

// inflate decompresses a zlib stream into at most the input size limit,
// and at most maxRatio times its compressed size (but always
// minExpansion), so that a small chunk cannot expand into gigabytes.
// Reading to the end checks the stream's Adler-32 checksum.
func inflate(z []byte, opts Options) ([]byte, error) {
	limit := min(opts.maxBytes(), max(minExpansion, maxRatio*len(z)))
	r, err := zlib.NewReader(bytes.NewReader(z))
	if err != nil {
		return nil, fmt.Errorf("a compressed text chunk: %v: %w", err, ErrMalformed)
	}
	defer r.Close()
	out, err := io.ReadAll(io.LimitReader(r, int64(limit)+1))
	if err != nil {
		return nil, fmt.Errorf("a compressed text chunk: %v: %w", err, ErrMalformed)
	}
	if len(out) > limit {
		return nil, fmt.Errorf("a compressed text chunk of %d bytes expands beyond %d bytes: %w", len(z), limit, ErrTooLarge)
	}
	return out, nil
}

// latin1 converts ISO 8859-1 text (tEXt and zTXt chunks) to UTF-8.
func latin1(b []byte) []byte {
	out := make([]byte, 0, len(b))
	for _, c := range b {
		out = utf8.AppendRune(out, rune(c))
	}
	return out
}
