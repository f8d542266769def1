package qr

import (
	"bytes"
	"compress/flate"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
)

// The message is the byte string that the parts of a payload carry:
//
//	kind (1 byte) | [layout (1 byte)] | raw DEFLATE stream with the preset dictionary | CRC-32 (IEEE, big-endian) of the presentation
//
// The kind says which reversible transforms were applied before
// compression: bit 0 the base64url expansion of JOSE text (see expand),
// bit 1 the JSON layout transform (see compactLayout), whose layout byte
// then follows the kind. Other bits are zero. The CRC covers the
// presentation itself, so it checks the whole path: text encoding,
// decompression, transforms.
const (
	kindExpand byte = 1 << 0
	kindLayout byte = 1 << 1
	kindMask        = kindExpand | kindLayout
	crcLen          = 4
)

// dictV1 is preset dictionary version 1: vocabulary of W3C VCs (1.1 and
// 2.0), Open Badges 3.0 and CLR 2.0, Data Integrity proofs, JOSE and SD-JWT
// claims, European Digital Credentials (ELM 3) and the elements of the EU
// micro-credential recommendation, with the most frequent strings last,
// where DEFLATE reaches them with the shortest distances. It holds no
// issuer, person or course names. It is part of the format: changing one
// byte breaks every payload made with it, so a change is a new version
// (TestDictionaryPinned keeps it fixed).
//
//go:embed dict/v1.txt
var dictV1 []byte

// dictVersion is the dictionary the encoder uses.
const dictVersion = 1

// dictionary returns preset dictionary v, or nil if this build lacks it.
func dictionary(v int) []byte {
	if v == 1 {
		return dictV1
	}
	return nil
}

// pack builds the message of a presentation with dictionary dict. It
// compresses every combination of the transforms that applies and keeps the
// smallest.
func pack(presentation, dict []byte) (msg []byte, kind byte) {
	type form struct {
		kind, layout byte
		data         []byte
	}
	forms := []form{{data: presentation}}
	if compact, layout, ok := compactLayout(presentation); ok {
		forms = append(forms, form{kindLayout, layout, compact})
	}
	for _, f := range forms { // the forms so far; range does not see the appended ones
		if t, changed := expand(nil, f.data, 0); changed {
			forms = append(forms, form{f.kind | kindExpand, f.layout, t})
		}
	}
	// One writer, reset for each form: a DEFLATE compressor at the best
	// level costs more to allocate than to run on a few kilobytes.
	var buf bytes.Buffer
	w, _ := flate.NewWriterDict(&buf, flate.BestCompression, dict)
	for _, f := range forms {
		buf.Reset()
		buf.WriteByte(f.kind)
		if f.kind&kindLayout != 0 {
			buf.WriteByte(f.layout)
		}
		w.Reset(&buf)
		w.Write(f.data) // a bytes.Buffer never fails
		w.Close()
		if msg == nil || buf.Len() < len(msg) {
			msg, kind = bytes.Clone(buf.Bytes()), f.kind
		}
	}
	return binary.BigEndian.AppendUint32(msg, crc32.ChecksumIEEE(presentation)), kind
}

// unpack returns the presentation a message carries, within the limits.
func unpack(msg, dict []byte, lim Limits) ([]byte, error) {
	if len(msg) < 1+2+crcLen {
		return nil, fmt.Errorf("%w: message of %d bytes is too short", ErrMalformed, len(msg))
	}
	kind, stream := msg[0], msg[1:len(msg)-crcLen]
	want := binary.BigEndian.Uint32(msg[len(msg)-crcLen:])
	if kind&^kindMask != 0 {
		return nil, fmt.Errorf("%w: unknown payload kind %#x", ErrMalformed, kind)
	}
	var layout byte
	if kind&kindLayout != 0 {
		layout, stream = stream[0], stream[1:]
	}
	// The ratio limit stops a bomb early; the size limit bounds the rest.
	limit := lim.MaxSize
	if len(stream) <= limit/lim.MaxRatio {
		limit = len(stream) * lim.MaxRatio
	}
	data, err := inflate(stream, dict, limit)
	if err != nil {
		return nil, err
	}
	if kind&kindExpand != 0 {
		if data, err = contract(nil, data, 0, limit); err != nil {
			return nil, err
		}
	}
	if kind&kindLayout != 0 {
		if data, err = indent(nil, data, layout, limit); err != nil {
			return nil, err
		}
	}
	if got := crc32.ChecksumIEEE(data); got != want {
		return nil, fmt.Errorf("%w: CRC-32 %08x, want %08x", ErrChecksum, got, want)
	}
	return data, nil
}

// inflate decompresses a raw DEFLATE stream that must end exactly at the
// end of stream and may not decompress to more than limit bytes.
func inflate(stream, dict []byte, limit int) ([]byte, error) {
	src := bytes.NewReader(stream)
	r := flate.NewReaderDict(src, dict)
	defer r.Close()
	data, err := io.ReadAll(io.LimitReader(r, int64(limit)+1))
	if err != nil {
		if errors.Is(err, io.ErrUnexpectedEOF) {
			return nil, fmt.Errorf("%w: compressed data is truncated", ErrMalformed)
		}
		return nil, fmt.Errorf("%w: compressed data: %v", ErrMalformed, err)
	}
	if len(data) > limit {
		return nil, fmt.Errorf("%w: decompresses to more than %d bytes", ErrTooLarge, limit)
	}
	// flate reads a bytes.Reader byte by byte, so what is left was never
	// part of the stream.
	if src.Len() != 0 {
		return nil, fmt.Errorf("%w: %d bytes after the compressed data", ErrMalformed, src.Len())
	}
	return data, nil
}
