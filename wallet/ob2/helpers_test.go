package ob2

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"hash/crc32"
)

// pngChunk is a chunk for pngOf.
type pngChunk struct {
	typ  string
	data []byte
}

// pngOf writes a 1 x 1 PNG with the given chunks between IHDR and IEND.
func pngOf(chunks ...pngChunk) []byte {
	all := append([]pngChunk{{"IHDR", []byte{0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0}}}, chunks...)
	all = append(all, pngChunk{"IEND", nil})
	b := bytes.Clone(pngSignature)
	for _, c := range all {
		b = binary.BigEndian.AppendUint32(b, uint32(len(c.data)))
		start := len(b)
		b = append(b, c.typ...)
		b = append(b, c.data...)
		b = binary.BigEndian.AppendUint32(b, crc32.ChecksumIEEE(b[start:]))
	}
	return b
}

func zlibOf(b []byte) []byte {
	var z bytes.Buffer
	w := zlib.NewWriter(&z)
	w.Write(b)
	w.Close()
	return z.Bytes()
}
