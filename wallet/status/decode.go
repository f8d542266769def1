package status

import (
	"bytes"
	"compress/gzip"
	"compress/zlib"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"strings"
)

// List is a decoded status list: the decompressed bytes and how to read
// an entry from them.
type List struct {
	// Bytes is the decompressed list.
	Bytes []byte
	// Size is the number of bits per entry: 1 for a W3C list unless the
	// entry's statusSize says otherwise, the "bits" of a Token Status List.
	Size int
	// LSBFirst says entries are counted from the least significant bit of
	// each byte, as in the IETF Token Status List. W3C lists count from the
	// most significant bit: entry 0 is the first byte's 0x80 bit.
	LSBFirst bool
}

// Len returns the number of entries the list holds.
func (l *List) Len() int {
	if l == nil || l.Size <= 0 {
		return 0
	}
	return len(l.Bytes) * 8 / l.Size
}

// Status returns the value of entry index: Size bits, read in the list's
// bit order. It returns an error wrapping [ErrIndex] when index is out of
// range, [ErrMalformed] when Size is not 1 to [MaxStatusSize].
func (l *List) Status(index int) (uint8, error) {
	if l.LSBFirst {
		return lsbStatus(l.Bytes, index, l.Size)
	}
	return Bit(l.Bytes, index, l.Size)
}

// Bit returns entry index of a W3C bitstring whose entries are size bits
// wide (statusSize, 1 to [MaxStatusSize]): bits index*size to
// index*size+size-1, counted from the most significant bit of the first
// byte, read as a big-endian number. Bit(list, i, 1) is 1 when the
// credential at index i is revoked (or suspended).
func Bit(list []byte, index, size int) (uint8, error) {
	if err := checkIndex(len(list), index, size); err != nil {
		return 0, err
	}
	var v uint8
	for p := index * size; p < (index+1)*size; p++ {
		v = v<<1 | (list[p/8]>>(7-p%8))&1
	}
	return v, nil
}

// lsbStatus reads a Token Status List entry: size is 1, 2, 4 or 8, so an
// entry never straddles two bytes, and entries fill each byte from its
// least significant bit.
func lsbStatus(list []byte, index, size int) (uint8, error) {
	if size != 1 && size != 2 && size != 4 && size != 8 {
		return 0, fmt.Errorf("status: %d bits per entry (want 1, 2, 4 or 8): %w", size, ErrMalformed)
	}
	if err := checkIndex(len(list), index, size); err != nil {
		return 0, err
	}
	p := index * size
	return (list[p/8] >> (p % 8)) & uint8(1<<size-1), nil
}

func checkIndex(n, index, size int) error {
	if size < 1 || size > MaxStatusSize {
		return fmt.Errorf("status: %d bits per entry (want 1 to %d): %w", size, MaxStatusSize, ErrMalformed)
	}
	if index < 0 || index >= n*8/size {
		return fmt.Errorf("status: index %d of a list of %d entries: %w", index, n*8/size, ErrIndex)
	}
	return nil
}

// DecodeBitstring decodes the encodedList of a W3C Bitstring Status List
// v1.0: multibase base64url ("u" prefix, no padding) of a GZIP-compressed
// bitstring. A list without the "u" prefix, as StatusList2021 and early
// Bitstring Status List implementations wrote it, is read too: the list
// credential's proof covers whichever form was signed. The result has Size
// 1 and MSB-first bit order.
func DecodeBitstring(encoded string) (*List, error) {
	return DecodeStatusList2021(strings.TrimPrefix(encoded, "u"))
}

// DecodeStatusList2021 decodes the encodedList of a StatusList2021
// credential: base64url (padding tolerated) of a GZIP-compressed
// bitstring, with no multibase prefix.
func DecodeStatusList2021(encoded string) (*List, error) {
	comp, err := decodeBase64URL(encoded)
	if err != nil {
		return nil, err
	}
	src := bytes.NewReader(comp)
	zr, err := gzip.NewReader(src)
	if err != nil {
		return nil, fmt.Errorf("status: encodedList is not gzip: %v: %w", err, ErrMalformed)
	}
	// One member only: a second would be another stream to inflate, and
	// no issuer writes one.
	zr.Multistream(false)
	raw, err := inflate(zr, src, "gzip")
	if err != nil {
		return nil, err
	}
	return &List{Bytes: raw, Size: 1}, nil
}

// DecodeTokenStatusList decodes the status_list claim of an IETF Token
// Status List: lst is base64url (no padding) of a ZLIB (RFC 1950)
// compressed byte array, and bits (1, 2, 4 or 8) the bits per entry. The
// result counts entries from the least significant bit (LSBFirst).
func DecodeTokenStatusList(bits int, lst string) (*List, error) {
	if bits != 1 && bits != 2 && bits != 4 && bits != 8 {
		return nil, fmt.Errorf("status: status_list bits %d (want 1, 2, 4 or 8): %w", bits, ErrMalformed)
	}
	comp, err := decodeBase64URL(lst)
	if err != nil {
		return nil, err
	}
	src := bytes.NewReader(comp)
	zr, err := zlib.NewReader(src)
	if err != nil {
		return nil, fmt.Errorf("status: lst is not zlib: %v: %w", err, ErrMalformed)
	}
	raw, err := inflate(zr, src, "zlib")
	if err != nil {
		return nil, err
	}
	return &List{Bytes: raw, Size: bits, LSBFirst: true}, nil
}

// decodeBase64URL decodes a compressed list, bounded by
// MaxCompressedSize. Trailing "=" padding is tolerated because some
// StatusList2021 issuers wrote it; anything outside the base64url
// alphabet is refused.
func decodeBase64URL(s string) ([]byte, error) {
	if s == "" {
		return nil, fmt.Errorf("status: empty list: %w", ErrMalformed)
	}
	if base64.RawURLEncoding.DecodedLen(len(s)) > MaxCompressedSize {
		return nil, fmt.Errorf("status: compressed list of about %d bytes (limit %d): %w", base64.RawURLEncoding.DecodedLen(len(s)), MaxCompressedSize, ErrTooLarge)
	}
	b, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(s, "="))
	if err != nil {
		return nil, fmt.Errorf("status: list is not base64url: %v: %w", err, ErrMalformed)
	}
	return b, nil
}

// inflate reads a decompressor to its end, stopping after MaxListSize
// bytes, and checks that the compressed input held nothing after the
// stream. r reads from src, an io.ByteReader, so the decompressor does not
// read ahead of its stream and src.Len() is what follows it.
func inflate(r io.ReadCloser, src *bytes.Reader, kind string) ([]byte, error) {
	defer r.Close()
	raw, err := io.ReadAll(io.LimitReader(r, MaxListSize+1))
	if len(raw) > MaxListSize {
		return nil, fmt.Errorf("status: list inflates to more than %d bytes: %w", MaxListSize, ErrTooLarge)
	}
	if err != nil {
		if errors.Is(err, io.ErrUnexpectedEOF) {
			return nil, fmt.Errorf("status: %s list is truncated: %w", kind, ErrMalformed)
		}
		return nil, fmt.Errorf("status: %s list: %v: %w", kind, err, ErrMalformed)
	}
	if len(raw) == 0 {
		return nil, fmt.Errorf("status: %s list inflates to nothing: %w", kind, ErrMalformed)
	}
	if rest := src.Len(); rest > 0 {
		return nil, fmt.Errorf("status: %d bytes after the %s stream: %w", rest, kind, ErrMalformed)
	}
	return raw, nil
}
