package qr

import (
	"bytes"
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func vpqrFixture(t *testing.T, name string) (text string, vp []byte) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(vpqrFixtures, name+".txt"))
	if err != nil {
		t.Fatal(err)
	}
	vp, err = os.ReadFile(filepath.Join(vpqrFixtures, name+".vp.json"))
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimSpace(string(b)), vp
}

// TestTexts takes texts as a reader of QR codes has them to the
// presentations they carry: two multi-part sets and a VP1 payload, mixed
// and shuffled, behind a verifier's URL or not, pasted one a line.
func TestTexts(t *testing.T) {
	vp := typicalVP(t)
	var other []byte
	for _, s := range presentations(t) {
		if s.name == "vp-jwt-3.jwt" {
			other = s.data
		}
	}
	a, err := Encode(vp, Options{MaxVersion: 10})
	if err != nil {
		t.Fatal(err)
	}
	b, err := Encode(other, Options{MaxVersion: 12, URLPrefix: "https://verify.example/#"})
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Parts) < 2 || len(b.Parts) < 2 {
		t.Fatalf("want multi-part sets, have %d and %d parts", len(a.Parts), len(b.Parts))
	}
	v1, vp1 := vpqrFixture(t, "vc2-eddsa-rdfc-2022-minimal")

	for _, s := range append(append([]string{v1, "https://verify.example/#" + v1}, a.Parts...), b.Parts...) {
		if !IsPayload(s) || !IsPayload(s+"\n") {
			t.Errorf("%.40s… is not taken for a payload", s)
		}
	}
	if IsPart(v1) || !IsPart(b.Parts[0]) {
		t.Error("IsPart takes a VP1 payload for a part, or a part for something else")
	}
	for _, s := range []string{"eyJhbGciOiJFZERTQSJ9.SAT1abc.sig", `{"@context":[]}`, "", "https://example.org/page#section"} {
		if IsPayload(s) {
			t.Errorf("%q is taken for a payload", s)
		}
	}

	// Pasted together, one a line, with the blanks and line ends pasting
	// adds; a line that is not a payload makes the text something else.
	pasted := "  " + strings.Join(a.Parts, "\r\n\t") + "\n\n"
	if got := Lines(pasted); len(got) != len(a.Parts) || got[0] != a.Parts[0] {
		t.Errorf("Lines gave %d texts, want %d", len(got), len(a.Parts))
	}
	if got := Lines(pasted + "\nnot a payload"); got != nil {
		t.Errorf("Lines took a mixed text apart: %d texts", len(got))
	}

	// One presentation from its texts in any order.
	shuffled := append([]string(nil), b.Parts...)
	rand.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
	if got, err := DecodePresentation(shuffled...); err != nil || !bytes.Equal(got, other) {
		t.Errorf("DecodePresentation of a shuffled set: %v", err)
	}
	if got, err := DecodePresentation("https://verify.example/#" + v1); err != nil || !sameJSON(t, got, vp1) {
		t.Errorf("DecodePresentation of a VP1 behind a URL: %v", err)
	}
	if _, err := DecodePresentation(v1, a.Parts[0]); !errors.Is(err, ErrMixedSets) {
		t.Errorf("a VP1 with a part of a set: %v, want ErrMixedSets", err)
	}
	if _, err := DecodePresentation(append(append([]string(nil), a.Parts...), b.Parts[0])...); !errors.Is(err, ErrMixedSets) {
		t.Errorf("two sets: %v, want ErrMixedSets", err)
	}

	// Every presentation from all of it mixed; a set with a part missing
	// is reported and the rest still decoded.
	all := append(append(append([]string{}, a.Parts...), v1), shuffled...)
	rand.Shuffle(len(all), func(i, j int) { all[i], all[j] = all[j], all[i] })
	got, err := DecodeSets(all)
	if err != nil || len(got) != 3 {
		t.Fatalf("DecodeSets: %d presentations, %v", len(got), err)
	}
	for _, want := range [][]byte{vp, other} {
		if !bytes.Contains(bytes.Join(got, []byte{0}), want) {
			t.Errorf("a Satchel set was not decoded: %.60s", want)
		}
	}
	found := false
	for _, p := range got {
		found = found || (bytes.HasPrefix(p, []byte("{")) && !bytes.Equal(p, vp) && sameJSON(t, p, vp1))
	}
	if !found {
		t.Error("the VP1 payload was not decoded")
	}
	got, err = DecodeSets(append(append([]string{}, a.Parts[1:]...), b.Parts...))
	var missing *MissingPartsError
	if len(got) != 1 || !errors.As(err, &missing) {
		t.Errorf("a set without its first part: %d presentations, %v", len(got), err)
	}
}

// TestReadCodes reads every code of a printed sheet, and a single symbol.
func TestReadCodes(t *testing.T) {
	p, err := Encode(typicalVP(t), Options{MaxVersion: 10})
	if err != nil {
		t.Fatal(err)
	}
	symbols, err := p.Symbols()
	if err != nil {
		t.Fatal(err)
	}
	sheets, err := SheetPNG(symbols)
	if err != nil {
		t.Fatal(err)
	}
	img, err := ReadImage(bytes.NewReader(sheets[0]))
	if err != nil {
		t.Fatal(err)
	}
	texts, err := ReadCodes(img)
	if err != nil || len(texts) == 0 {
		t.Fatalf("ReadCodes on a sheet: %d texts, %v", len(texts), err)
	}
	for _, s := range texts {
		if !IsPayload(s) {
			t.Errorf("read %.40q, not a payload", s)
		}
	}
	png, err := symbols[0].PNG(4)
	if err != nil {
		t.Fatal(err)
	}
	one, err := ReadImage(bytes.NewReader(png))
	if err != nil {
		t.Fatal(err)
	}
	if texts, err := ReadCodes(one); err != nil || len(texts) != 1 || texts[0] != p.Parts[0] {
		t.Errorf("ReadCodes on one symbol: %q, %v", texts, err)
	}
}
