package qr

import (
	"bytes"
	"compress/flate"
	"fmt"
	"strings"
	"testing"
)

func deflatePlain(b []byte) int {
	var buf bytes.Buffer
	w, _ := flate.NewWriter(&buf, flate.BestCompression)
	w.Write(b)
	w.Close()
	return buf.Len()
}

type row struct {
	name                           string
	n                              int
	raw, plain, dict, msg, textLen int
	symbols                        int
	expanded                       int
}

func measure(t *testing.T, name string, ss []sample, opt Options) row {
	t.Helper()
	r := row{name: name, n: len(ss)}
	for _, s := range ss {
		p, err := Encode(s.data, opt)
		if err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		got, err := Decode(p.Parts...)
		if err != nil || !bytes.Equal(got, s.data) {
			t.Fatalf("%s: round trip: %v", s.name, err)
		}
		r.raw += len(s.data)
		r.plain += deflatePlain(s.data)
		r.dict += len(compress(nil, s.data, dictV1))
		r.msg += p.Stats.Compressed
		r.textLen += p.Stats.TextLen
		r.symbols += p.Stats.Symbols
		if p.Stats.Kind != 0 {
			r.expanded++
		}
	}
	return r
}

// TestCompressionTable measures the format on real inputs and prints the
// table of FORMAT.md (go test -run TestCompressionTable -v ./share/qr/).
// Sizes are means over the files of a row; it fails if the dictionary
// stops paying for itself.
func TestCompressionTable(t *testing.T) {
	corpus := corpusFiles(t)
	var rows []row
	for _, kind := range []string{"jsonld-vc2", "jsonld-vc1", "jwt", "sdjwt"} {
		rows = append(rows, measure(t, "corpus "+kind, corpus[kind], Options{}))
	}
	for _, s := range presentations(t) {
		rows = append(rows, measure(t, s.name, []sample{s}, Options{}))
	}
	for _, s := range ob3Fixtures(t) {
		rows = append(rows, measure(t, s.name, []sample{s}, Options{}))
	}
	var b strings.Builder
	b.WriteString("\n| input | files | raw | deflate | deflate+dict | message (transforms) | QR text | symbols (v25-M) |\n|---|---|---|---|---|---|---|---|\n")
	for _, r := range rows {
		n := float64(r.n)
		fmt.Fprintf(&b, "| %s | %d | %.0f | %.0f (%.1f%%) | %.0f (%.1f%%) | %.0f (%.1f%%, transformed %d/%d) | %.0f | %.2f |\n",
			r.name, r.n, float64(r.raw)/n,
			float64(r.plain)/n, 100*float64(r.plain)/float64(r.raw),
			float64(r.dict)/n, 100*float64(r.dict)/float64(r.raw),
			float64(r.msg)/n, 100*float64(r.msg)/float64(r.raw), r.expanded, r.n,
			float64(r.textLen)/n, float64(r.symbols)/n)
		if r.msg >= r.plain {
			t.Errorf("%s: the dictionary does not beat plain deflate (%d >= %d)", r.name, r.msg, r.plain)
		}
	}
	t.Log(b.String())
}

// compress returns head followed by the DEFLATE stream of data: a message
// without its CRC, as pack makes it.
func compress(head, data, dict []byte) []byte {
	var buf bytes.Buffer
	buf.Write(head)
	// BestCompression: payloads are small, and every byte saved is a
	// module row saved. The level only errors when out of range.
	w, _ := flate.NewWriterDict(&buf, flate.BestCompression, dict)
	w.Write(data) // a bytes.Buffer never fails
	w.Close()
	return buf.Bytes()
}
