package base45

import (
	"bytes"
	"errors"
	"testing"
)

// The examples of RFC 9285 sections 4.3 and 4.4.
var rfcVectors = []struct{ raw, enc string }{
	{"AB", "BB8"},
	{"Hello!!", "%69 VD92EX0"},
	{"base-45", "UJCLQE7W581"},
	{"ietf!", "QED8WEX0"},
	{"", ""},
	{"\x00", "00"},
	{"\xff\xff", "FGW"},
}

func TestRFCVectors(t *testing.T) {
	for _, v := range rfcVectors {
		if got := Encode([]byte(v.raw)); got != v.enc {
			t.Errorf("Encode(%q) = %q, want %q", v.raw, got, v.enc)
		}
		got, err := Decode(v.enc)
		if err != nil || string(got) != v.raw {
			t.Errorf("Decode(%q) = %q, %v; want %q", v.enc, got, err, v.raw)
		}
		if EncodedLen(len(v.raw)) != len(v.enc) || DecodedLen(len(v.enc)) != len(v.raw) {
			t.Errorf("lengths of %q disagree", v.raw)
		}
	}
}

func TestDecodeRejects(t *testing.T) {
	for _, s := range []string{
		"GGW",   // 65536: one past the largest triple
		"ZZZ",   // far out of range
		"A",     // 3k+1 characters
		"BB8A",  // 3k+1 characters
		"bb8",   // lower case is outside the alphabet
		"BB#",   // '#' is outside the alphabet
		"BB8\n", // so is a newline
		"S6",    // 276: a trailing pair above 255
	} {
		if _, err := Decode(s); !errors.Is(err, ErrInvalid) {
			t.Errorf("Decode(%q) = %v, want ErrInvalid", s, err)
		}
	}
}

func FuzzRoundTrip(f *testing.F) {
	for _, v := range rfcVectors {
		f.Add([]byte(v.raw))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		got, err := Decode(Encode(b))
		if err != nil || !bytes.Equal(got, b) {
			t.Fatalf("round trip of %x: %x, %v", b, got, err)
		}
	})
}

func FuzzDecode(f *testing.F) {
	for _, v := range rfcVectors {
		f.Add(v.enc)
	}
	f.Fuzz(func(t *testing.T, s string) {
		b, err := Decode(s)
		if err != nil {
			return
		}
		// Strict decoding: whatever decodes has exactly this encoding.
		if Encode(b) != s {
			t.Fatalf("Decode(%q) accepted a non-canonical encoding", s)
		}
	})
}
