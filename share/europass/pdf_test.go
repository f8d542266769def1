package europass_test

import (
	"bytes"
	"image"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/satchel-wallet/satchel/share/europass"
	"github.com/satchel-wallet/satchel/share/qr"
	"github.com/satchel-wallet/satchel/wallet/credential"
)

// qrImages encodes a presentation as Satchel QR symbols and draws them,
// as the app does before asking for a PDF.
func qrImages(t testing.TB, presentation []byte, opt qr.Options) []image.Image {
	t.Helper()
	p, err := qr.Encode(presentation, opt)
	if err != nil {
		t.Fatal(err)
	}
	syms, err := p.Symbols()
	if err != nil {
		t.Fatal(err)
	}
	var out []image.Image
	for _, s := range syms {
		out = append(out, s.Image(4))
	}
	return out
}

// presentation stands for the signed presentation the app puts in the
// QR codes: any signed bytes do here, so a corpus credential is used.
func presentation(t testing.TB) []byte {
	t.Helper()
	for _, v := range corpusCredentials(t) {
		if v.Credential.Format == credential.FormatVCJWT {
			return v.Original
		}
	}
	t.Fatal("no VC-JWT in the corpus")
	return nil
}

// run runs a command, failing the test with its output if it fails.
func run(t testing.TB, name string, args ...string) []byte {
	t.Helper()
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", name, args, err, out)
	}
	return out
}

// TestPDF makes the PDF of the selection (Open Badges, VC-JWT, SD-JWT,
// the Commission's micro-credential, Greek, Cyrillic and Polish ones),
// renders every page with pdftoppm, keeps the pages in build/screenshots
// for people to look at, checks the text of every script is in the
// document with its fonts embedded, and reads the QR code back from the
// rendered last page with zbarimg: the printed copy can be verified.
func TestPDF(t *testing.T) {
	requireTool(t, "pdftoppm", "poppler-utils")
	requireTool(t, "zbarimg", "zbar-tools")
	creds := selection(t)
	pres := presentation(t)
	out, err := europass.PDF(creds, europass.PDFOptions{Now: exportTime, QR: qrImages(t, pres, qr.Options{})})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "record.pdf")
	if err := os.WriteFile(file, out, 0o644); err != nil {
		t.Fatal(err)
	}
	run(t, "pdftoppm", "-png", "-r", "60", file, filepath.Join(dir, "page"))
	pages, _ := filepath.Glob(filepath.Join(dir, "page-*.png"))
	slices.Sort(pages)
	if len(pages) < 3 {
		t.Fatalf("%d pages rendered", len(pages))
	}
	keepScreenshots(t, pages)

	fonts := string(run(t, "pdffonts", file))
	// pdffonts: name, type (two words), encoding, then emb sub uni.
	embedded := 0
	for _, l := range strings.Split(fonts, "\n") {
		if f := strings.Fields(l); len(f) >= 7 && strings.HasSuffix(f[2], "TrueType") {
			if f[4] != "yes" || f[6] != "yes" {
				t.Errorf("font not embedded with a Unicode map: %s", l)
			}
			embedded++
		}
	}
	if embedded != 3 {
		t.Errorf("want the three Go fonts embedded:\n%s", fonts)
	}
	text := string(run(t, "pdftotext", "-layout", file, "-"))
	for _, want := range []string{
		"Credentials of Elena Marković", "Μικροδιαπιστευτήριο του Πανεπιστημίου Αθηνών", "Основи на киберсигурността",
		"Zarządzanie projektami zwinnymi", "Politechnika Łódzka", "Data Protection (GDPR) for SMEs", "ECTS credits", "EQF level",
		"Learning outcomes", "Verified", "Not verified", "The credential expired on 1 May 2025", "How to verify this record",
		"Page 1 of " + itoa(len(pages)),
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF's text lacks %q", want)
		}
	}

	last := filepath.Join(dir, "last")
	n := itoa(len(pages))
	run(t, "pdftoppm", "-png", "-r", "150", "-f", n, "-l", n, "-singlefile", file, last)
	texts := zbar(t, last+".png")
	got, err := qr.Decode(texts...)
	if err != nil {
		t.Fatalf("decode the scanned QR text: %v", err)
	}
	if !bytes.Equal(got, pres) {
		t.Fatal("the QR code printed in the PDF does not give back the presentation")
	}
}

// TestPDFMultipleSymbols prints a presentation too large for one symbol:
// every part is printed, captioned, and read back from the page.
func TestPDFMultipleSymbols(t *testing.T) {
	requireTool(t, "pdftoppm", "poppler-utils")
	requireTool(t, "zbarimg", "zbar-tools")
	pres := presentation(t)
	imgs := qrImages(t, pres, qr.Options{MaxVersion: 10})
	if len(imgs) < 2 {
		t.Fatalf("want several symbols, got %d", len(imgs))
	}
	out, err := europass.PDF(multilingual(), europass.PDFOptions{Now: exportTime, QR: imgs})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "record.pdf")
	if err := os.WriteFile(file, out, 0o644); err != nil {
		t.Fatal(err)
	}
	run(t, "pdftoppm", "-png", "-r", "150", file, filepath.Join(dir, "page"))
	pages, _ := filepath.Glob(filepath.Join(dir, "page-*.png"))
	var texts []string
	for _, p := range pages {
		texts = append(texts, zbarMaybe(t, p)...)
	}
	if len(texts) != len(imgs) {
		t.Fatalf("%d symbols printed, %d read back", len(imgs), len(texts))
	}
	got, err := qr.Decode(texts...)
	if err != nil || !bytes.Equal(got, pres) {
		t.Fatalf("the printed parts do not give back the presentation: %v", err)
	}
	if !strings.Contains(string(run(t, "pdftotext", file, "-")), "Part 2 of "+itoa(len(imgs))) {
		t.Error("the parts are not captioned")
	}
}

// TestPDFWithoutQR: without a presentation the document says it cannot
// be verified on its own.
func TestPDFWithoutQR(t *testing.T) {
	requireTool(t, "pdftotext", "poppler-utils")
	out, err := europass.PDF(multilingual()[:1], europass.PDFOptions{Now: exportTime, Learner: "Ελένη Παπαδοπούλου"})
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "record.pdf")
	if err := os.WriteFile(file, out, 0o644); err != nil {
		t.Fatal(err)
	}
	text := string(run(t, "pdftotext", file, "-"))
	if !strings.Contains(text, "cannot be verified on its own") || !strings.Contains(text, "Ελένη Παπαδοπούλου") {
		t.Errorf("text:\n%s", text)
	}
}

// zbar reads every QR symbol in an image with zbarimg; it must find one.
func zbar(t testing.TB, png string) []string {
	t.Helper()
	texts := zbarMaybe(t, png)
	if len(texts) == 0 {
		t.Fatalf("zbarimg found no QR code in %s", png)
	}
	return texts
}

func zbarMaybe(t testing.TB, png string) []string {
	t.Helper()
	out, err := exec.Command("zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", png).Output()
	if err != nil {
		if ee, ok := err.(*exec.ExitError); ok && ee.ExitCode() == 4 {
			return nil // no symbol found
		}
		t.Fatalf("zbarimg %s: %v", png, err)
	}
	// One symbol's text a line: Base45 text has spaces, never a line break.
	var texts []string
	for _, l := range strings.Split(string(out), "\n") {
		if l != "" {
			texts = append(texts, l)
		}
	}
	return texts
}

// keepScreenshots copies the rendered pages to build/screenshots as
// export-pdf-N.png, where the window tests keep theirs, for people to
// look at.
func keepScreenshots(t testing.TB, pages []string) {
	t.Helper()
	dir, err := filepath.Abs("../../build/screenshots")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	old, _ := filepath.Glob(filepath.Join(dir, "export-pdf-*.png"))
	for _, f := range old {
		os.Remove(f)
	}
	for i, p := range pages {
		if err := os.WriteFile(filepath.Join(dir, "export-pdf-"+itoa(i+1)+".png"), readFile(t, p), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("%d pages in %s", len(pages), dir)
}

func itoa(n int) string { return strconv.Itoa(n) }
