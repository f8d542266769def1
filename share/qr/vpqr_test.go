package qr

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fxamacker/cbor/v2"

	"github.com/satchel-wallet/satchel/internal/interop"
)

// TestVPQR parses the VP1 payloads that vpqr itself writes
// (vpqr-roundtrip.mjs), and compares their size with Satchel's payload of
// the same presentations.
func TestVPQR(t *testing.T) {
	dir := t.TempDir()
	interop.Node(t, "vpqr-roundtrip.mjs", "--out", dir)
	texts, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(texts) != 4 {
		t.Fatalf("vpqr-roundtrip wrote %d payloads: %v", len(texts), err)
	}
	for _, f := range texts {
		text, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		_, v, err := DecodeVPQR(string(text))
		if !errors.Is(err, ErrCBORLD) || v == nil || v.Mode != 1 {
			t.Fatalf("%s: %v", filepath.Base(f), err)
		}
		if _, err := Decode(string(text)); !errors.Is(err, ErrPrefix) || !strings.Contains(err.Error(), "vpqr") {
			t.Fatalf("Decode of a VP1 payload: %v", err)
		}
		vp, err := os.ReadFile(strings.TrimSuffix(f, ".txt") + ".vp.json")
		if err != nil {
			t.Fatal(err)
		}
		p, err := Encode(vp, Options{})
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: VP %d bytes; vpqr CBOR-LD %d bytes, %d characters; Satchel %d bytes, %d characters in %d symbol(s)",
			strings.TrimSuffix(filepath.Base(f), ".txt"), len(vp), len(v.CBORLD), len(bytes.TrimSpace(text)), p.Stats.Compressed, p.Stats.TextLen, len(p.Parts))
	}
}

func TestVPQRUncompressed(t *testing.T) {
	doc := map[string]any{"@context": []any{"https://www.w3.org/2018/credentials/v1"}, "type": "VerifiablePresentation"}
	body, err := cbor.Marshal(cbor.Tag{Number: 0x0500, Content: doc})
	if err != nil {
		t.Fatal(err)
	}
	text := VPQRPrefix + "B" + b32.EncodeToString(body)
	out, v, err := DecodeVPQR(text)
	if err != nil || v.Mode != 0 {
		t.Fatalf("DecodeVPQR: %v", err)
	}
	var got map[string]any
	if err := json.Unmarshal(out, &got); err != nil || got["type"] != "VerifiablePresentation" {
		t.Fatalf("decoded %s: %v", out, err)
	}
	bad := []struct {
		text string
		want error
	}{
		{"SAT1.R1:00", ErrPrefix},
		{VPQRPrefix + "Z" + b32.EncodeToString(body), ErrVersion},
		{VPQRPrefix + "B" + b32.EncodeToString([]byte{0xd9, 0x05, 0x07, 0xa0}), ErrVersion},
		{VPQRPrefix + "B" + b32.EncodeToString([]byte{0xa0, 0x05, 0x00, 0xa0}), ErrMalformed},
		{VPQRPrefix + "B" + b32.EncodeToString(body[:len(body)-3]), ErrMalformed},
		{VPQRPrefix + "B" + b32.EncodeToString(append([]byte{0xd9, 0x05, 0x00}, bytes.Repeat([]byte{0x81}, 200)...)), ErrMalformed},
		{VPQRPrefix + "Bab", ErrMalformed},
	}
	for _, c := range bad {
		if _, _, err := DecodeVPQR(c.text); !errors.Is(err, c.want) {
			t.Errorf("DecodeVPQR(%.30q): %v, want %v", c.text, err, c.want)
		}
	}
}
