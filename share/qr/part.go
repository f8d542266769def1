package qr

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/satchel-wallet/satchel/share/qr/base45"
)

// maxPartText caps the text of one part. The largest QR symbol holds 4,296
// alphanumeric characters; the rest is room for a URL prefix and for text
// that arrives by other ways than a camera (a pasted URL).
const maxPartText = 16 << 10

// maxHeader caps the header (magic to ':'), so that text which is not a
// payload is refused without a scan to its end.
const maxHeader = 48

// Part is one parsed payload text.
type Part struct {
	// Index and Total number the part in its set, from 1; both are 1 for a
	// payload that fits one symbol.
	Index, Total int
	// SetID names the set the part belongs to ("" for a single symbol).
	SetID string
	// Encoding and DictVersion are the data encoding and the dictionary
	// version the payload declares.
	Encoding    Encoding
	DictVersion int
	// Data is the part's share of the message.
	Data []byte
}

// ParsePart parses the text of one symbol, as a scanner reads it: a Satchel
// payload, optionally after a URL prefix ending in '#'. A trailing line
// break is ignored (zbarimg adds one); nothing else is trimmed, because a
// space is a Base45 character.
func ParsePart(text string) (Part, error) {
	text = strings.TrimRight(text, "\r\n")
	if len(text) > maxPartText {
		return Part{}, fmt.Errorf("%w: a part of %d characters (at most %d)", ErrTooLarge, len(text), maxPartText)
	}
	s, ok := partText(text)
	if !ok {
		if strings.HasPrefix(text, VPQRPrefix) {
			return Part{}, fmt.Errorf("%w: a %s (vpqr) payload; read it with DecodeVPQR", ErrPrefix, VPQRPrefix)
		}
		return Part{}, ErrPrefix
	}
	end := strings.IndexByte(s[:min(len(s), maxHeader)], ':')
	if end < 0 {
		return Part{}, fmt.Errorf("%w: no ':' ends the header", ErrMalformed)
	}
	fields := strings.Split(s[len(Magic):end], ".")
	// The format version comes first, so that any later format, whatever
	// its other fields, is reported as a version this build does not know.
	v, err := number(fields[0], 999)
	if err != nil {
		return Part{}, fmt.Errorf("%w: format version %q", ErrMalformed, fields[0])
	}
	if v != FormatVersion {
		return Part{}, fmt.Errorf("%w: format version %d (this Satchel reads %d)", ErrVersion, v, FormatVersion)
	}
	var p Part
	if len(fields) != 2 && len(fields) != 4 {
		return Part{}, fmt.Errorf("%w: header %q", ErrMalformed, s[:end])
	}
	if len(fields[1]) < 2 {
		return Part{}, fmt.Errorf("%w: encoding field %q", ErrMalformed, fields[1])
	}
	p.Encoding = Encoding(fields[1][0])
	if p.Encoding != EncodingBase45 && p.Encoding != EncodingBase32 {
		return Part{}, fmt.Errorf("%w: data encoding %q", ErrVersion, fields[1][:1])
	}
	if p.DictVersion, err = number(fields[1][1:], 999); err != nil {
		return Part{}, fmt.Errorf("%w: dictionary version %q", ErrMalformed, fields[1][1:])
	}
	if dictionary(p.DictVersion) == nil {
		return Part{}, fmt.Errorf("%w: dictionary version %d (this Satchel has %d)", ErrVersion, p.DictVersion, dictVersion)
	}
	p.Index, p.Total = 1, 1
	if len(fields) == 4 {
		i, n, ok := strings.Cut(fields[2], "/")
		if !ok {
			return Part{}, fmt.Errorf("%w: part number %q", ErrMalformed, fields[2])
		}
		if p.Index, err = number(i, 999); err == nil {
			p.Total, err = number(n, 999)
		}
		if err != nil || p.Index < 1 || p.Index > p.Total {
			return Part{}, fmt.Errorf("%w: part number %q", ErrMalformed, fields[2])
		}
		p.SetID = fields[3]
		if _, err := b32.DecodeString(p.SetID); err != nil || len(p.SetID) != setIDLen {
			return Part{}, fmt.Errorf("%w: set id %q", ErrMalformed, p.SetID)
		}
	}
	if p.Data, err = decodeData(p.Encoding, s[end+1:]); err != nil {
		return Part{}, err
	}
	return p, nil
}

func decodeData(e Encoding, s string) ([]byte, error) {
	if s == "" {
		return nil, fmt.Errorf("%w: the part has no data", ErrMalformed)
	}
	if e == EncodingBase45 {
		b, err := base45.Decode(s)
		if err != nil {
			return nil, fmt.Errorf("%w: %v", ErrMalformed, err)
		}
		return b, nil
	}
	b, err := b32.DecodeString(s)
	// Go's Base32 decoder ignores stray bits in the last character and
	// skips line breaks; re-encoding catches both, so that every message
	// has one text and equal parts compare equal.
	if err != nil || b32.EncodeToString(b) != s {
		return nil, fmt.Errorf("%w: the data is not canonical Base32", ErrMalformed)
	}
	return b, nil
}

// number parses a decimal of 1 to 3 digits without sign or leading zero.
func number(s string, max int) (int, error) {
	if s == "" || len(s) > 3 || s[0] == '0' && len(s) > 1 {
		return 0, strconv.ErrSyntax
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, strconv.ErrSyntax
		}
	}
	n, _ := strconv.Atoi(s)
	if n > max {
		return 0, strconv.ErrRange
	}
	return n, nil
}
