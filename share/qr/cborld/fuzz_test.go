package cborld

import (
	"math/rand/v2"
	"reflect"
	"testing"
)

// FuzzDecode feeds the decoder untrusted CBOR-LD, seeded with the real
// payloads, the hand-made cases and variants of both. It must not panic
// or exceed its limits; what it decodes must, when it encodes, decode
// again to the same document (the encoder loses nothing).
func FuzzDecode(f *testing.F) {
	seeds := quirkInputs(f)
	for _, fx := range testdataFixtures(f) {
		seeds = append(seeds, fx.data)
	}
	r := rand.New(rand.NewPCG(3, 4))
	for i, n := 0, len(seeds); i < 20; i++ {
		seeds = append(seeds, mutate(f, r, seeds[r.IntN(n)]))
	}
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := Decode(data)
		if err != nil {
			return
		}
		enc, err := Encode(doc)
		if err != nil {
			return
		}
		again, err := Decode(enc)
		if err != nil {
			t.Fatalf("Decode of Encode's output: %v", err)
		}
		if !reflect.DeepEqual(again, doc) {
			t.Fatalf("Decode(Encode(doc)) differs from doc:\n%v\n%v", again, doc)
		}
	})
}

// FuzzEncode feeds the encoder JSON, seeded with the presentations and the
// corner cases: whatever it encodes must decode to the same document.
func FuzzEncode(f *testing.F) {
	for _, fx := range testdataFixtures(f) {
		f.Add(fx.vp)
	}
	for _, s := range encodeDocs {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		doc, err := parseJSON(src)
		if err != nil {
			return
		}
		enc, err := Encode(doc)
		if err != nil {
			return
		}
		got, err := Decode(enc)
		if err != nil {
			t.Fatalf("Decode of Encode's output: %v", err)
		}
		if !reflect.DeepEqual(got, doc) {
			t.Fatalf("Decode(Encode(doc)) differs from doc:\n%v\n%v", got, doc)
		}
	})
}
