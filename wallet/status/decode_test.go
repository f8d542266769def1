package status

import (
	"bytes"
	"compress/gzip"
	"compress/zlib"
	"encoding/base64"
	"errors"
	"io"
	"strings"
	"testing"
	"time"
)

// TestDecodeFixtureLists decodes the status lists of the shared fixtures
// and checks which entries are set.
func TestDecodeFixtureLists(t *testing.T) {
	cases := []struct {
		rel     string
		size    int
		revoked []int
	}{
		// Digital Credentials Consortium: 100,000 entries, 2, 6 and 8 set
		// (their credentials at index 6 and 8 are named "revoked", 7
		// "valid").
		{"vectors/ob3/dcc-vc-test-fixtures/statusLists/didkey-ed25519Signature2020/e5WK8CbZ1GjycuPombrj", 12500, []int{2, 6, 8}},
		// 1EdTech validator: 16 KiB, only 23 set (its revoked credential).
		{"vectors/ob3/1edtech-validator/ob30/bit-string-list/testlist", 16384, []int{23}},
	}
	for _, c := range cases {
		t.Run(c.rel[strings.LastIndex(c.rel, "/")+1:], func(t *testing.T) {
			doc := readJSON(t, c.rel)
			enc := doc["credentialSubject"].(map[string]any)["encodedList"].(string)
			l, err := DecodeBitstring(enc)
			if err != nil {
				t.Fatal(err)
			}
			if len(l.Bytes) != c.size || l.Len() != c.size*8 {
				t.Fatalf("%d bytes, %d entries", len(l.Bytes), l.Len())
			}
			var set []int
			for i := range l.Len() {
				if v, _ := l.Status(i); v != 0 {
					set = append(set, i)
				}
			}
			if !equalInts(set, c.revoked) {
				t.Errorf("set entries %v, want %v", set, c.revoked)
			}
		})
	}
}

// TestTokenStatusListExamples decodes the examples of
// draft-ietf-oauth-status-list ("Status List" section): the 1-bit list
// 0xB9 0xA3 and the 2-bit list 0xC9 0x44 0xF9, with the statuses the draft
// lists for them.
func TestTokenStatusListExamples(t *testing.T) {
	cases := []struct {
		name  string
		bits  int
		lst   string
		bytes []byte
		want  []uint8
	}{
		{"1 bit", 1, "eNrbuRgAAhcBXQ", []byte{0xB9, 0xA3}, []uint8{1, 0, 0, 1, 1, 1, 0, 1, 1, 1, 0, 0, 0, 1, 0, 1}},
		{"2 bits", 2, "eNo76fITAAPfAgc", []byte{0xC9, 0x44, 0xF9}, []uint8{1, 2, 0, 3, 0, 1, 0, 1, 1, 2, 3, 3}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			l, err := DecodeTokenStatusList(c.bits, c.lst)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(l.Bytes, c.bytes) {
				t.Fatalf("bytes % X, want % X", l.Bytes, c.bytes)
			}
			for i, want := range c.want {
				if got, err := l.Status(i); err != nil || got != want {
					t.Errorf("status[%d] = %d, %v; want %d", i, got, err, want)
				}
			}
			if _, err := l.Status(l.Len()); !errors.Is(err, ErrIndex) {
				t.Errorf("past the end: %v", err)
			}
		})
	}
}

// TestBit checks the W3C bit order: entry 0 is the most significant bit,
// and multi-bit entries are read big-endian across byte boundaries.
func TestBit(t *testing.T) {
	list := []byte{0b1010_0000, 0b0000_0001, 0b1100_0000}
	cases := []struct {
		index, size int
		want        uint8
		err         error
	}{
		{0, 1, 1, nil},
		{1, 1, 0, nil},
		{2, 1, 1, nil},
		{15, 1, 1, nil},
		{16, 1, 1, nil},
		{23, 1, 0, nil},
		{24, 1, 0, ErrIndex},
		{-1, 1, 0, ErrIndex},
		{0, 2, 0b10, nil},
		{1, 2, 0b10, nil},
		{7, 2, 0b01, nil},
		{5, 3, 0b111, nil}, // bits 15, 16 and 17: the last of byte 1, the first two of byte 2
		{0, 8, 0b1010_0000, nil},
		{2, 8, 0b1100_0000, nil},
		{3, 8, 0, ErrIndex},
		{0, 0, 0, ErrMalformed},
		{0, 9, 0, ErrMalformed},
	}
	for _, c := range cases {
		got, err := Bit(list, c.index, c.size)
		if c.err != nil {
			if !errors.Is(err, c.err) {
				t.Errorf("Bit(%d, %d): %v, want %v", c.index, c.size, err, c.err)
			}
			continue
		}
		if err != nil || got != c.want {
			t.Errorf("Bit(%d, %d) = %03b, %v; want %03b", c.index, c.size, got, err, c.want)
		}
	}
}

// TestDecodeErrors feeds damaged and hostile lists to every decoder.
func TestDecodeErrors(t *testing.T) {
	good := gzipB64(t, make([]byte, 16))
	var twoMembers bytes.Buffer
	for range 2 {
		w := gzip.NewWriter(&twoMembers)
		w.Write(make([]byte, 16))
		w.Close()
	}
	comp, _ := base64.RawURLEncoding.DecodeString(good)
	cases := []struct {
		name string
		dec  func() (*List, error)
		want error
	}{
		{"empty", func() (*List, error) { return DecodeBitstring("u") }, ErrMalformed},
		{"not base64url", func() (*List, error) { return DecodeBitstring("u" + good[:10] + "+/" + good[12:]) }, ErrMalformed},
		{"not gzip", func() (*List, error) { return DecodeBitstring("u" + zlibB64(t, make([]byte, 16))) }, ErrMalformed},
		{"truncated", func() (*List, error) { return DecodeBitstring("u" + good[:len(good)-6]) }, ErrMalformed},
		{"cut in the header", func() (*List, error) { return DecodeBitstring("u" + good[:8]) }, ErrMalformed},
		{"corrupt", func() (*List, error) {
			c := bytes.Clone(comp)
			c[len(c)-9] ^= 0xFF // last byte of the deflate data
			return DecodeBitstring("u" + base64.RawURLEncoding.EncodeToString(c))
		}, ErrMalformed},
		{"trailing bytes", func() (*List, error) {
			return DecodeBitstring("u" + base64.RawURLEncoding.EncodeToString(append(bytes.Clone(comp), 0, 0)))
		}, ErrMalformed},
		{"two gzip members", func() (*List, error) {
			return DecodeBitstring("u" + base64.RawURLEncoding.EncodeToString(twoMembers.Bytes()))
		}, ErrMalformed},
		{"inflates to nothing", func() (*List, error) { return DecodeBitstring("u" + gzipB64(t, nil)) }, ErrMalformed},
		{"too much base64", func() (*List, error) { return DecodeBitstring("u" + strings.Repeat("A", MaxCompressedSize*4/3+8)) }, ErrTooLarge},
		{"token bits 3", func() (*List, error) { return DecodeTokenStatusList(3, "eNrbuRgAAhcBXQ") }, ErrMalformed},
		{"token bits 0", func() (*List, error) { return DecodeTokenStatusList(0, "eNrbuRgAAhcBXQ") }, ErrMalformed},
		{"token gzip", func() (*List, error) { return DecodeTokenStatusList(1, good) }, ErrMalformed},
		{"token truncated", func() (*List, error) { return DecodeTokenStatusList(1, "eNrbuRgAAhcB") }, ErrMalformed},
		{"token checksum", func() (*List, error) { return DecodeTokenStatusList(1, "eNrbuRgAAhcBXA") }, ErrMalformed},
		{"token padding is not base64url", func() (*List, error) { return DecodeTokenStatusList(1, "eNrbuRgAAhcBXQ==x") }, ErrMalformed},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			l, err := c.dec()
			if !errors.Is(err, c.want) {
				t.Fatalf("got %v (list %v), want %v", err, l != nil, c.want)
			}
		})
	}
}

// countingReader counts the bytes read through it.
type countingReader struct {
	io.ReadCloser
	n int
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.ReadCloser.Read(p)
	c.n += n
	return n, err
}

// TestBombRefusedFast inflates gzip and zlib bombs: zeros at deflate's
// ratio of about 1000:1, one MiB more than MaxListSize. Each must be
// refused with ErrTooLarge after reading no more than MaxListSize+1 bytes
// from the decompressor, which is what makes any bomb, however large,
// cost no more than inflating MaxListSize: about 60 ms on an idle
// machine. The time is logged, not asserted, because it depends on the
// machine's load and the race detector; the byte count does not.
func TestBombRefusedFast(t *testing.T) {
	bomb := make([]byte, MaxListSize+1<<20)
	gzEnc, zlEnc := gzipB64(t, bomb), zlibB64(t, bomb)
	gzComp, _ := base64.RawURLEncoding.DecodeString(gzEnc)
	zlComp, _ := base64.RawURLEncoding.DecodeString(zlEnc)
	cases := []struct {
		name   string
		comp   []byte
		open   func(io.Reader) (io.ReadCloser, error)
		decode func() (*List, error)
	}{
		{"gzip", gzComp, func(r io.Reader) (io.ReadCloser, error) { return gzip.NewReader(r) }, func() (*List, error) { return DecodeBitstring("u" + gzEnc) }},
		{"zlib", zlComp, zlib.NewReader, func() (*List, error) { return DecodeTokenStatusList(1, zlEnc) }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			src := bytes.NewReader(c.comp)
			zr, err := c.open(src)
			if err != nil {
				t.Fatal(err)
			}
			cr := &countingReader{ReadCloser: zr}
			if _, err := inflate(cr, src, c.name); !errors.Is(err, ErrTooLarge) {
				t.Fatalf("inflate: %v, want ErrTooLarge", err)
			}
			if cr.n > MaxListSize+1 {
				t.Fatalf("read %d bytes from the decompressor (limit %d)", cr.n, MaxListSize)
			}
			start := time.Now()
			if _, err := c.decode(); !errors.Is(err, ErrTooLarge) {
				t.Fatalf("decode: %v, want ErrTooLarge", err)
			}
			t.Logf("%d compressed bytes refused after inflating %d, in %v", len(c.comp), cr.n, time.Since(start))
		})
	}
}

// TestBitstringPrefix reads a W3C list with and without its multibase
// prefix, and a StatusList2021 list with padding.
func TestBitstringPrefix(t *testing.T) {
	enc := gzipB64(t, bitstring(16, 3))
	for _, c := range []struct {
		name string
		dec  func() (*List, error)
	}{
		{"multibase", func() (*List, error) { return DecodeBitstring("u" + enc) }},
		{"bare", func() (*List, error) { return DecodeBitstring(enc) }},
		{"2021", func() (*List, error) { return DecodeStatusList2021(enc) }},
		{"2021 padded", func() (*List, error) { return DecodeStatusList2021(enc + strings.Repeat("=", (4-len(enc)%4)%4)) }},
	} {
		t.Run(c.name, func(t *testing.T) {
			l, err := c.dec()
			if err != nil {
				t.Fatal(err)
			}
			if v, _ := l.Status(3); v != 1 || l.Len() != 128 {
				t.Fatalf("entry 3 = %d, %d entries", v, l.Len())
			}
		})
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
