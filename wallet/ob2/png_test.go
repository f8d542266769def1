package ob2_test

import (
	"bytes"
	"compress/zlib"
	"context"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"strings"
	"testing"
	"time"

	"github.com/satchel-wallet/satchel/internal/fixture"
	"github.com/satchel-wallet/satchel/wallet/ob2"
)

// chunk is one PNG chunk to write.
type chunk struct {
	typ  string
	data []byte
}

// mkPNG writes a PNG of the given chunks, with correct lengths and CRCs.
func mkPNG(chunks ...chunk) []byte {
	b := []byte("\x89PNG\r\n\x1a\n")
	for _, c := range chunks {
		b = binary.BigEndian.AppendUint32(b, uint32(len(c.data)))
		start := len(b)
		b = append(b, c.typ...)
		b = append(b, c.data...)
		b = binary.BigEndian.AppendUint32(b, crc32.ChecksumIEEE(b[start:]))
	}
	return b
}

func ihdr(w, h uint32) chunk {
	d := binary.BigEndian.AppendUint32(nil, w)
	d = binary.BigEndian.AppendUint32(d, h)
	return chunk{"IHDR", append(d, 8, 6, 0, 0, 0)}
}

var (
	idat = chunk{"IDAT", []byte{0x78, 0x9c, 0x63, 0x60, 0, 0, 0, 2, 0, 1}}
	iend = chunk{"IEND", nil}
)

func itxt(keyword string, compressed bool, text []byte) chunk {
	d := append([]byte(keyword), 0)
	if compressed {
		d = append(d, 1, 0, 0, 0)
		d = append(d, deflate(text)...)
	} else {
		d = append(d, 0, 0, 0, 0)
		d = append(d, text...)
	}
	return chunk{"iTXt", d}
}

func deflate(b []byte) []byte {
	var z bytes.Buffer
	w := zlib.NewWriter(&z)
	w.Write(b)
	w.Close()
	return z.Bytes()
}

// assertionJSON is a small hosted assertion with an embedded badge.
const assertionJSON = `{"@context":"https://w3id.org/openbadges/v2","type":"Assertion","id":"https://example.org/a/1",
"recipient":{"type":"email","hashed":false,"identity":"ana@example.org"},"issuedOn":"2024-03-01T10:00:00Z",
"badge":{"type":"BadgeClass","name":"Café Barista","description":"Espresso basics","criteria":{"narrative":"Pull ten shots."},
"issuer":{"type":"Profile","id":"https://example.org/issuer","name":"Example Academy","url":"https://example.org"}},
"verification":{"type":"hosted"}}`

func TestBakedPNG(t *testing.T) {
	latin1 := bytes.ReplaceAll([]byte(assertionJSON), []byte("é"), []byte{0xe9})
	cases := []struct {
		name string
		png  []byte
		err  error
	}{
		{"iTXt", mkPNG(ihdr(100, 100), itxt("openbadges", false, []byte(assertionJSON)), idat, iend), nil},
		{"compressed iTXt", mkPNG(ihdr(100, 100), itxt("openbadges", true, []byte(assertionJSON)), idat, iend), nil},
		{"tEXt in Latin-1", mkPNG(ihdr(100, 100), chunk{"tEXt", append([]byte("openbadges\x00"), latin1...)}, idat, iend), nil},
		{"zTXt", mkPNG(ihdr(100, 100), chunk{"zTXt", append([]byte("openbadges\x00\x00"), deflate(latin1)...)}, idat, iend), nil},
		{"after the image data", mkPNG(ihdr(100, 100), idat, itxt("openbadges", false, []byte(assertionJSON)), iend), nil},
		{"bytes after IEND", append(mkPNG(ihdr(100, 100), itxt("openbadges", false, []byte(assertionJSON)), iend), "junk"...), nil},
		{"other keywords", mkPNG(ihdr(1, 1), chunk{"tEXt", []byte("Software\x00Satchel")}, itxt("openbadges", false, []byte(assertionJSON)), iend), nil},
		{"unbaked", mkPNG(ihdr(1, 1), chunk{"tEXt", []byte("Software\x00Satchel")}, idat, iend), ob2.ErrNotBaked},
		{"a URL", mkPNG(ihdr(1, 1), itxt("openbadges", false, []byte("https://example.org/assertions/1")), iend), ob2.ErrRemote},
		{"not JSON", mkPNG(ihdr(1, 1), itxt("openbadges", false, []byte("{oops")), iend), ob2.ErrMalformed},
		{"two badges", mkPNG(ihdr(1, 1), itxt("openbadges", false, []byte(assertionJSON)), itxt("openbadges", false, []byte(assertionJSON)), iend), ob2.ErrMalformed},
		{"huge dimensions", mkPNG(ihdr(100_000, 100_000), iend), ob2.ErrTooLarge},
		{"zero width", mkPNG(ihdr(0, 10), iend), ob2.ErrMalformed},
		{"IHDR not first", mkPNG(idat, ihdr(1, 1), iend), ob2.ErrMalformed},
		{"two IHDR", mkPNG(ihdr(1, 1), ihdr(1, 1), iend), ob2.ErrMalformed},
		{"no IEND", mkPNG(ihdr(1, 1), itxt("openbadges", false, []byte(assertionJSON))), ob2.ErrMalformed},
		{"bad chunk type", mkPNG(ihdr(1, 1), chunk{"a1b2", nil}, iend), ob2.ErrMalformed},
		{"bad compression flag", mkPNG(ihdr(1, 1), chunk{"iTXt", []byte("openbadges\x00\x02\x00\x00\x00{}")}, iend), ob2.ErrMalformed},
		{"bad deflate stream", mkPNG(ihdr(1, 1), chunk{"iTXt", []byte("openbadges\x00\x01\x00\x00\x00garbage")}, iend), ob2.ErrMalformed},
		{"iTXt not UTF-8", mkPNG(ihdr(1, 1), itxt("openbadges", false, []byte("{\"a\":\"\xff\"}")), iend), ob2.ErrMalformed},
		{"zip bomb", mkPNG(ihdr(1, 1), itxt("openbadges", true, bytes.Repeat([]byte(" "), 8<<20)), iend), ob2.ErrTooLarge},
		{"expands beyond the ratio", mkPNG(ihdr(1, 1), itxt("openbadges", true, append([]byte("{\"a\":\""), bytes.Repeat([]byte("a"), 1<<20)...)), iend), ob2.ErrTooLarge},
		{"many chunks", mkPNG(append(append([]chunk{ihdr(1, 1)}, manyChunks(10_001)...), iend)...), ob2.ErrTooLarge},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			r, err := ob2.Read(context.Background(), tc.png, ob2.Options{})
			if d := time.Since(start); d > fast {
				t.Errorf("took %v", d)
			}
			if !errors.Is(err, tc.err) {
				t.Fatalf("err %v, want %v", err, tc.err)
			}
			if err != nil {
				return
			}
			c := r.Credential
			if c.Title.String() != "Café Barista" || c.Issuer.Name.String() != "Example Academy" || c.MediaType != "image/png" ||
				c.Issued.Format(day) != "2024-03-01" || c.Learner.ID != "ana@example.org" || !strings.Contains(c.Profile, "PNG") {
				t.Errorf("normalised %+v", c)
			}
		})
	}
}

func manyChunks(n int) []chunk {
	out := make([]chunk, n)
	for i := range out {
		out[i] = chunk{"tEXt", []byte("k\x00v")}
	}
	return out
}

// TestDamagedPNG cuts and corrupts the validator's baked PNG: every
// prefix is refused as truncated, and any corrupted byte after the
// signature is caught by a CRC or a structural check.
func TestDamagedPNG(t *testing.T) {
	good := fixture.Read(t, ob20+"simple-badge.png")
	for n := range len(good) {
		_, err := ob2.Read(context.Background(), good[:n], ob2.Options{})
		want := ob2.ErrMalformed
		if n < 8 {
			want = ob2.ErrNotOB2
		}
		if !errors.Is(err, want) {
			t.Fatalf("first %d bytes: %v", n, err)
		}
	}
	for i := 8; i < len(good); i++ {
		bad := bytes.Clone(good)
		bad[i] ^= 0x40
		if _, err := ob2.Read(context.Background(), bad, ob2.Options{}); err == nil {
			t.Fatalf("byte %d corrupted, read without error", i)
		}
	}
	if _, err := ob2.Read(context.Background(), good, ob2.Options{MaxImagePixels: 100}); !errors.Is(err, ob2.ErrTooLarge) {
		t.Fatalf("pixel limit: %v", err)
	}
}

// fast is how long reading a hostile input may take. It takes
// milliseconds (the benchmarks measure it); the bound only catches a hang
// or work in proportion to what the input claims rather than what it
// holds, with room for the race detector on a loaded 2-core machine.
const fast = 30 * time.Second
