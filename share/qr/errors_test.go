package qr

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"strings"
	"testing"

	"github.com/satchel-wallet/satchel/share/qr/base45"
)

// message builds a message by hand: kind, the DEFLATE stream of data, and
// the CRC of presentation.
func message(head []byte, data, presentation []byte) []byte {
	m := compress(head, data, dictV1)
	return binary.BigEndian.AppendUint32(m, crc32.ChecksumIEEE(presentation))
}

func single(msg []byte) string { return "SAT1.R1:" + base45.Encode(msg) }

func TestDecodeErrors(t *testing.T) {
	vp := []byte(`{"type":["VerifiablePresentation"],"holder":"did:key:z6Mk"}`)
	good := single(message([]byte{0}, vp, vp))
	multi, err := Encode(noise(2500, 1), Options{})
	if err != nil || len(multi.Parts) != 3 {
		t.Fatalf("setup: %v, %d parts", err, len(multi.Parts))
	}
	other, err := Encode(noise(2500, 2), Options{})
	if err != nil {
		t.Fatal(err)
	}
	p1, p2, p3 := multi.Parts[0], multi.Parts[1], multi.Parts[2]
	// Part 2 with its data changed but its header kept.
	h2 := p2[:strings.IndexByte(p2, ':')+1]
	d2, _ := base45.Decode(p2[len(h2):])
	d2[10] ^= 1
	forged2 := h2 + base45.Encode(d2)
	badCRC := message([]byte{0}, vp, vp)
	badCRC[len(badCRC)-1] ^= 1
	bomb := bytes.Repeat([]byte{'a'}, 5<<20)
	deep := []byte{}
	for range 6 {
		deep = append([]byte{0, byte(len(deep) + 1)}, append(deep, 'x')...)
	}
	trailing := append(compress([]byte{0}, vp, dictV1), 0xAA)
	trailing = binary.BigEndian.AppendUint32(trailing, crc32.ChecksumIEEE(vp))

	cases := []struct {
		name  string
		texts []string
		want  error
		text  string // in the message, when set
	}{
		{"nothing", nil, ErrMissingParts, "none read yet"},
		{"wrong prefix", []string{"HC1:6BFOXN*TS0BI$ZD"}, ErrPrefix, ""},
		{"vpqr text", []string{"VP1-BQ"}, ErrPrefix, "vpqr"},
		{"url without payload", []string{"https://verifier.example/v#XYZ"}, ErrPrefix, ""},
		{"format version 2", []string{"SAT2.R1:" + good[8:]}, ErrVersion, "format version 2"},
		{"dictionary version 9", []string{"SAT1.R9:" + good[8:]}, ErrVersion, "dictionary version 9"},
		{"unknown encoding", []string{"SAT1.Z1:" + good[8:]}, ErrVersion, "encoding"},
		{"no header end", []string{"SAT1.R1" + strings.Repeat("A", 60)}, ErrMalformed, "header"},
		{"bad base45", []string{"SAT1.R1:AB#"}, ErrMalformed, "base45"},
		{"non-canonical base32", []string{"SAT1.B1:AB"}, ErrMalformed, "Base32"},
		{"empty data", []string{"SAT1.R1:"}, ErrMalformed, "no data"},
		{"part 0", []string{strings.Replace(p1, ".1/3.", ".0/3.", 1)}, ErrMalformed, "part number"},
		{"part 4 of 3", []string{strings.Replace(p1, ".1/3.", ".4/3.", 1)}, ErrMalformed, "part number"},
		{"leading zero", []string{strings.Replace(p1, ".1/3.", ".01/3.", 1)}, ErrMalformed, "part number"},
		{"bad set id", []string{strings.Replace(p1, ".1/3.", ".1/3.X", 1)}, ErrMalformed, "set id"},
		{"bad checksum", []string{single(badCRC)}, ErrChecksum, "CRC-32"},
		{"forged part", []string{p1, forged2, p3}, ErrChecksum, "reassemble"},
		{"missing part", []string{p3, p1}, ErrMissingParts, "have 2 of 3 (missing 2)"},
		{"mixed sets", []string{p1, other.Parts[1]}, ErrMixedSets, "set"},
		{"single after set", []string{p1, good}, ErrMixedSets, ""},
		{"two singles", []string{good, single(message([]byte{0}, []byte("{}"), []byte("{}")))}, ErrMixedSets, "single-symbol"},
		{"duplicates disagree", []string{p1, p2, forged2}, ErrConflict, "part 2"},
		{"too many parts", []string{strings.Replace(p1, ".1/3.", ".1/65.", 1)}, ErrTooLarge, "65 parts"},
		{"part text too long", []string{"SAT1.R1:" + strings.Repeat("0", maxPartText)}, ErrTooLarge, "characters"},
		{"zip bomb", []string{single(message([]byte{0}, bomb, bomb))}, ErrTooLarge, "decompresses"},
		{"unknown kind", []string{single(message([]byte{0x80}, vp, vp))}, ErrMalformed, "kind"},
		{"truncated stream", []string{single(message([]byte{0}, vp, vp)[:20])}, ErrMalformed, ""},
		{"bytes after stream", []string{single(trailing)}, ErrMalformed, "after the compressed data"},
		{"expansion too deep", []string{single(message([]byte{kindExpand}, deep, vp))}, ErrMalformed, "nested"},
		{"expansion overrun", []string{single(message([]byte{kindExpand}, []byte{0, 9, 'x'}, vp))}, ErrMalformed, "overruns"},
		{"bad layout byte", []string{single(message([]byte{kindLayout, 0xE0}, vp, vp))}, ErrMalformed, "layout"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Decode(c.texts...)
			if !errors.Is(err, c.want) {
				t.Fatalf("Decode: %v, want %v", err, c.want)
			}
			if !strings.Contains(err.Error(), c.text) {
				t.Fatalf("error %q does not say %q", err, c.text)
			}
		})
	}
	if _, err := Decode(good); err != nil {
		t.Fatalf("the unbroken payload: %v", err)
	}
	if _, err := Decode(" " + good); !errors.Is(err, ErrPrefix) {
		t.Fatalf("leading space: %v", err)
	}
	if _, err := Decode(good + "\n"); err != nil {
		t.Fatalf("trailing newline, as zbarimg prints it: %v", err)
	}
}

func TestMissingPartsError(t *testing.T) {
	multi, err := Encode(noise(5000, 3), Options{})
	if err != nil {
		t.Fatal(err)
	}
	a := NewAssembler(Limits{})
	for _, i := range []int{4, 0} {
		if err := a.Add(multi.Parts[i]); err != nil {
			t.Fatal(err)
		}
	}
	_, err = a.Presentation()
	var mp *MissingPartsError
	if !errors.As(err, &mp) || mp.Have != 2 || mp.Total != len(multi.Parts) || len(mp.Missing) != len(multi.Parts)-2 || mp.Missing[0] != 2 {
		t.Fatalf("Presentation: %#v", err)
	}
	if a.Complete() || a.Have() != 2 || a.Total() != len(multi.Parts) {
		t.Fatalf("progress: have %d of %d", a.Have(), a.Total())
	}
}

func TestLimits(t *testing.T) {
	var data []byte
	for i := range 3000 {
		data = fmt.Appendf(data, `{"type":"VerifiableCredential","n":%d},`, i*7919%100003)
	}
	p, err := Encode(data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := DecodeLimits(Limits{MaxSize: 50000}, p.Parts...); !errors.Is(err, ErrTooLarge) {
		t.Fatalf("size limit: %v", err)
	}
	if _, err := DecodeLimits(Limits{MaxRatio: 10}, p.Parts...); !errors.Is(err, ErrTooLarge) {
		t.Fatalf("ratio limit: %v", err)
	}
	if _, err := DecodeLimits(Limits{MaxParts: 1}, p.Parts...); len(p.Parts) > 1 && !errors.Is(err, ErrTooLarge) {
		t.Fatalf("parts limit: %v", err)
	}
	if _, err := Decode(p.Parts...); err != nil {
		t.Fatalf("default limits: %v", err)
	}
}

func TestEncodeErrors(t *testing.T) {
	cases := []struct {
		name string
		data []byte
		opt  Options
		want error
	}{
		{"too many parts", noise(5000, 1), Options{MaxParts: 2}, ErrTooLarge},
		{"beyond the decoder's size", make([]byte, DefaultMaxSize+1), Options{}, ErrTooLarge},
		{"beyond the decoder's ratio", make([]byte, 1<<20), Options{}, ErrTooLarge},
		{"version 41", []byte("x"), Options{MaxVersion: 41}, ErrOption},
		{"level 9", []byte("x"), Options{Level: 9}, ErrOption},
		{"base45 in a URL", []byte("x"), Options{URLPrefix: "https://v.example/#", Encoding: EncodingBase45}, ErrOption},
		{"prefix without #", []byte("x"), Options{URLPrefix: "https://v.example/"}, ErrOption},
		{"prefix like a payload", []byte("x"), Options{URLPrefix: "SAT#"}, ErrOption},
		{"prefix with space", []byte("x"), Options{URLPrefix: "https://v.example/ a#"}, ErrOption},
		{"unknown encoding", []byte("x"), Options{Encoding: 'Q'}, ErrOption},
	}
	for _, c := range cases {
		if _, err := Encode(c.data, c.opt); !errors.Is(err, c.want) {
			t.Errorf("%s: %v, want %v", c.name, err, c.want)
		}
	}
	if _, err := Encode(nil, Options{}); err == nil {
		t.Error("an empty presentation encoded")
	}
}
