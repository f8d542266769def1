package wallet

import (
	"bytes"
	"context"
	"fmt"
	"strconv"
	"unicode/utf8"

	"github.com/satchel-wallet/satchel/wallet/credential"
)

// sizeWords says a byte count for people: "5.0 MiB".
func sizeWords(n int) string {
	switch {
	case n >= 1<<20:
		return strconv.FormatFloat(float64(n)/(1<<20), 'f', 1, 64) + " MiB"
	case n >= 1<<10:
		return strconv.FormatFloat(float64(n)/(1<<10), 'f', 1, 64) + " KiB"
	}
	return strconv.Itoa(n) + " bytes"
}

var pngSignature = []byte("\x89PNG\r\n\x1a\n")

// read recognises the format of data and reads it with that format's
// reader. Formats are told apart by their first bytes and, for JSON and
// XML, by what the document declares.
func (c *Checker) read(ctx context.Context, data []byte) (*credential.Reading, error) {
	if len(data) > c.maxBytes() {
		return nil, reject("format.too-large", map[string]string{"Size": sizeWords(len(data)), "Limit": sizeWords(c.maxBytes())}, fmt.Sprintf("%d bytes > %d", len(data), c.maxBytes()))
	}
	if bytes.HasPrefix(data, pngSignature) {
		return c.readOB2(ctx, data)
	}
	trimmed := bytes.TrimSpace(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")))
	if len(trimmed) == 0 {
		return nil, reject("format.unknown", nil, "the file is empty")
	}
	if !utf8.Valid(trimmed) {
		return nil, reject("format.not-utf8", nil, "invalid UTF-8")
	}
	switch trimmed[0] {
	case '{', '[':
		return c.readJSON(ctx, trimmed)
	case '<':
		return c.readXML(ctx, trimmed)
	}
	if isCompactJWS(trimmed) {
		return c.readJWT(ctx, string(trimmed))
	}
	if bytes.Contains(trimmed, []byte("~")) && isCompactJWS(bytes.SplitN(trimmed, []byte("~"), 2)[0]) {
		return c.readSDJWT(ctx, string(trimmed))
	}
	return nil, reject("format.unknown", nil, "neither JSON, XML, PNG nor a JWT")
}

// isCompactJWS reports whether b has the shape of a compact JWS: three
// base64url segments separated by dots.
func isCompactJWS(b []byte) bool {
	if bytes.Count(b, []byte(".")) != 2 {
		return false
	}
	for _, r := range b {
		if !(r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '_' || r == '.') {
			return false
		}
	}
	return true
}
