package europass_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/satchel-wallet/satchel/share/europass"
	"github.com/satchel-wallet/satchel/share/qr"
)

// golden compares got with testdata/name, or rewrites the file with
// -update. Every export is deterministic for a given input and time (the
// PDF sorts its resources; ids derive from the credential and the time).
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -run TestGolden -update to write it)", err)
	}
	if !bytes.Equal(got, want) {
		bad := filepath.Join(t.TempDir(), name)
		_ = os.WriteFile(bad, got, 0o644)
		t.Errorf("%s differs from the golden file; the new output is in %s (go test -run TestGolden -update rewrites it after review)", name, bad)
	}
}

// TestGolden keeps one export of each format of the multilingual
// credentials in testdata/, for review and to catch any change: ELM
// (the Greek Open Badges 3.0 credential), CV, legacy CV and PDF (all
// three, with the QR code of a fixed text).
func TestGolden(t *testing.T) {
	creds := multilingual()
	const holder = "did:key:z6MkprXS1mF5fNkf4B5YB37ponfwW9fDSw56ZG1JAicJXUAc"
	elm, err := europass.ELM(creds[0], europass.ELMOptions{Now: exportTime, Holder: holder, WalletVersion: "test"})
	if err != nil {
		t.Fatal(err)
	}
	if err := validateELM(t, elm); err != nil {
		t.Fatalf("the golden ELM export does not validate: %v", err)
	}
	golden(t, "elm.jsonld", elm)

	person := europass.Person{GivenName: "Ελένη", FamilyName: "Παπαδοπούλου", Email: "eleni@example.org"}
	cv, err := europass.CV(person, creds, europass.CVOptions{Now: exportTime})
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "cv.xml", cv)
	legacy, err := europass.CVLegacy(person, creds, europass.CVOptions{Now: exportTime})
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "cv-legacy.xml", legacy)

	pdf, err := europass.PDF(creds, europass.PDFOptions{Now: exportTime, QR: qrImages(t, []byte("a signed presentation would be here"), qr.Options{})})
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "record.pdf", pdf)
}

// TestGoldenLegacyValidates validates the golden legacy CV with xmllint.
func TestGoldenLegacyValidates(t *testing.T) {
	requireTool(t, "xmllint", "libxml2-utils")
	abs, err := filepath.Abs(filepath.Join("testdata", "cv-legacy.xml"))
	if err != nil {
		t.Fatal(err)
	}
	xmllintLegacy(t, abs)
}
