package qr

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/fxamacker/cbor/v2"

	"github.com/satchel-wallet/satchel/internal/interop"
	"github.com/satchel-wallet/satchel/wallet/jsonld"
)

// vpqrFixtures are the payloads vpqr-roundtrip.mjs wrote, kept by package
// cborld (its testdata/README.md says how they were made).
const vpqrFixtures = "cborld/testdata/vpqr"

// sameJSON reports whether two JSON documents hold the same value.
func sameJSON(t *testing.T, a, b []byte) bool {
	t.Helper()
	va, err := jsonld.Parse(a, 0)
	if err != nil {
		t.Fatal(err)
	}
	vb, err := jsonld.Parse(b, 0)
	if err != nil {
		t.Fatal(err)
	}
	return reflect.DeepEqual(va, vb)
}

// TestVPQR decodes the VP1 payloads that vpqr itself writes
// (vpqr-roundtrip.mjs, fresh) back to their presentations, encodes those
// to the same text where it fits one symbol, and compares the size with
// Satchel's payload of the same presentations.
func TestVPQR(t *testing.T) {
	requireTool(t, "node", "nodejs")
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
		vp, err := os.ReadFile(strings.TrimSuffix(f, ".txt") + ".vp.json")
		if err != nil {
			t.Fatal(err)
		}
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		got, v, err := DecodeVPQR(string(text))
		if err != nil || v.Mode != 1 {
			t.Fatalf("%s: %v", name, err)
		}
		if !sameJSON(t, got, vp) {
			t.Fatalf("%s: decoded presentation differs from the original", name)
		}
		if _, err := Decode(string(text)); !errors.Is(err, ErrPrefix) || !strings.Contains(err.Error(), "vpqr") {
			t.Fatalf("Decode of a VP1 payload: %v", err)
		}
		mine, err := EncodeVPQR(vp, Options{Level: LevelL, MaxVersion: 40})
		switch {
		case strings.Contains(name, "full"): // vpqr cannot draw these either
			if !errors.Is(err, ErrTooLarge) {
				t.Errorf("%s: EncodeVPQR: %v, want ErrTooLarge", name, err)
			}
		case err != nil || mine != strings.TrimSpace(string(text)):
			t.Errorf("%s: EncodeVPQR gives other text than vpqr: %v", name, err)
		}
		p, err := Encode(vp, Options{})
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: VP %d bytes; vpqr CBOR-LD %d bytes, %d characters; Satchel %d bytes, %d characters in %d symbol(s)",
			name, len(vp), len(v.CBORLD), len(bytes.TrimSpace(text)), p.Stats.Compressed, p.Stats.TextLen, len(p.Parts))
	}
}

// TestEncodeVPQRReadByVPQR has vpqr's own decoder (decode-vpqr.mjs) read
// the text EncodeVPQR writes, and draws and reads back its QR symbol.
func TestEncodeVPQRReadByVPQR(t *testing.T) {
	requireTool(t, "node", "nodejs")
	vp, err := os.ReadFile(filepath.Join(vpqrFixtures, "vc2-eddsa-rdfc-2022-minimal.vp.json"))
	if err != nil {
		t.Fatal(err)
	}
	opt := Options{Level: LevelL, MaxVersion: 40}
	text, err := EncodeVPQR(vp, opt)
	if err != nil {
		t.Fatal(err)
	}
	if got := interop.Node(t, "decode-vpqr.mjs", "--vp-only", text); !sameJSON(t, got, vp) {
		t.Fatalf("decode-vpqr.mjs reads another presentation:\n%.400s", got)
	}
	sym, err := NewSymbol(text, opt)
	if err != nil {
		t.Fatal(err)
	}
	read, err := DecodeImage(sym.Image(4))
	if err != nil || read != text {
		t.Fatalf("the symbol reads back as %.40q, %v", read, err)
	}
	t.Logf("%d characters, QR version %d-%s", len(text), sym.Version, sym.Level)
}

// TestVPQRFixtures decodes the kept payloads without node.
func TestVPQRFixtures(t *testing.T) {
	texts, err := filepath.Glob(filepath.Join(vpqrFixtures, "*.txt"))
	if err != nil || len(texts) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, f := range texts {
		text, _ := os.ReadFile(f)
		vp, _ := os.ReadFile(strings.TrimSuffix(f, ".txt") + ".vp.json")
		got, _, err := DecodeVPQR(string(text))
		if err != nil || !sameJSON(t, got, vp) {
			t.Errorf("%s: %v", filepath.Base(f), err)
		}
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
	compressed := func(v any) string {
		b, err := cbor.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		return VPQRPrefix + "B" + b32.EncodeToString(append([]byte{0xd9, 0x05, 0x01}, b...))
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
		{compressed(map[any]any{uint64(0): "https://contexts.example.org/unknown/v1"}), ErrCBORLD},
		{compressed(map[any]any{uint64(0): uint64(0x1F)}), ErrCBORLD}, // registered (DCC v1), not bundled
		{compressed(map[any]any{uint64(500): "x"}), ErrMalformed},
		{compressed([]any{map[any]any{}, map[any]any{}}), ErrMalformed},
	}
	for _, c := range bad {
		if _, _, err := DecodeVPQR(c.text); !errors.Is(err, c.want) {
			t.Errorf("DecodeVPQR(%.30q): %v, want %v", c.text, err, c.want)
		}
	}
}

func TestEncodeVPQRErrors(t *testing.T) {
	for _, c := range []struct {
		vp   string
		opt  Options
		want error
	}{
		{`{"@context": "https://contexts.example.org/unknown/v1"}`, Options{}, ErrCBORLD},
		{`{"@context": "https://www.w3.org/ns/credentials/v2", "notATerm": 1}`, Options{}, ErrCBORLD},
		{`not json`, Options{}, ErrCBORLD},
		{`{"@context": "https://www.w3.org/ns/credentials/v2", "type": "VerifiablePresentation"}`, Options{Level: 9}, ErrOption},
		{`{"@context": "https://www.w3.org/ns/credentials/v2", "type": "VerifiablePresentation", "id": "urn:x:` + strings.Repeat("a", 200) + `"}`, Options{MaxVersion: 5}, ErrTooLarge},
	} {
		if _, err := EncodeVPQR([]byte(c.vp), c.opt); !errors.Is(err, c.want) {
			t.Errorf("EncodeVPQR(%.50s): %v, want %v", c.vp, err, c.want)
		}
	}
}
