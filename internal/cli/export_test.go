package cli_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/xml"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/satchel-wallet/satchel/internal/fixture"
)

// requireTool finds an external program a test needs.
func requireTool(t *testing.T, name, pkg string) {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		if os.Getenv("SATCHEL_REQUIRE_TOOLS") == "1" {
			t.Fatalf("%s is missing (apt-get install %s)", name, pkg)
		}
		t.Skipf("%s is missing; install %s", name, pkg)
	}
}

func TestExportCommands(t *testing.T) {
	e, byID := organiseEnv(t, 12)
	sealed := []string{"Sample-MC-Annex1-signed.jsonld", "Sample-CertOfPart-signed.jsonld"}
	var edcIDs []string
	for _, name := range sealed {
		rs := results(t, e.ok("import", fixture.Path(t, "edc/elm-v3/"+name), "--json"))
		edcIDs = append(edcIDs, rs[0].ID)
	}

	// Originals leave byte for byte, and verify again.
	dir := filepath.Join(e.dir, "europass")
	e.ok(append([]string{"export", "--format", "edc", "-o", dir + "/"}, edcIDs...)...)
	files, _ := filepath.Glob(filepath.Join(dir, "*.jsonld"))
	if len(files) != 2 {
		t.Fatalf("exported %v", files)
	}
	want := map[[32]byte]bool{}
	for _, name := range sealed {
		data, _ := os.ReadFile(fixture.Path(t, "edc/elm-v3/"+name))
		want[sha256.Sum256(data)] = true
	}
	for _, f := range files {
		data, _ := os.ReadFile(f)
		if !want[sha256.Sum256(data)] {
			t.Errorf("%s differs from the sealed original", f)
		}
		var rs []result
		e.jsonOf(&rs, "verify", f)
		if rs[0].Verdict == "" || checkOf(rs[0], "proof") != "ok" {
			t.Errorf("%s: the seal no longer verifies: %+v", f, rs[0])
		}
	}

	// A corpus credential converted to ELM reads back with its fields.
	var one string
	for id, en := range byID {
		if en.Format == "vc2-ldp-eddsa-rdfc-2022" {
			one = id
			break
		}
	}
	elm := filepath.Join(e.dir, "converted.jsonld")
	e.ok("export", "--format", "elm", one[:10], "-o", elm)
	code, out, _ := e.run("verify", elm, "--json") // unsealed: not verified, exit 1
	back := results(t, out)
	if code != 1 || back[0].Verdict != "not verified" {
		t.Errorf("a converted copy verifies as %s (exit %d); it must not pass for a sealed original", back[0].Verdict, code)
	}
	if c := back[0].Credential; c == nil || c.Title != byID[one].Title || *c.ECTS != byID[one].ECTS || *c.EQF != byID[one].EQF {
		t.Errorf("ELM export reads back as %+v, want %+v", c, byID[one])
	}

	// A CV of a collection carries every credential.
	e.ok("collection", "create", "CV")
	e.ok("collection", "add", "CV", one[:10], edcIDs[0][:10])
	cv := filepath.Join(e.dir, "cv.xml")
	e.ok("export", "--format", "europass-cv", "--collection", "CV", "--given-name", "Elena", "--family-name", "Marković", "-o", cv)
	data, _ := os.ReadFile(cv)
	if err := xml.Unmarshal(data, new(struct{})); err != nil || !bytes.Contains(data, []byte(byID[one].Title)) || !bytes.Contains(data, []byte("Marković")) {
		t.Errorf("CV: %v\n%.400s", err, data)
	}

	// The PDF's QR code, printed and scanned, is a presentation that verifies.
	requireTool(t, "pdftoppm", "poppler-utils")
	e.ok("stack", "create", "Paper", one[:10])
	pdf := filepath.Join(e.dir, "record.pdf")
	e.ok("export", "--format", "pdf", "--stack", "Paper", "-o", pdf)
	prefix := filepath.Join(e.dir, "page")
	if out, err := exec.Command("pdftoppm", "-png", "-r", "150", pdf, prefix).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, out)
	}
	pages, _ := filepath.Glob(prefix + "*.png")
	if len(pages) == 0 {
		t.Fatal("pdftoppm made no pages")
	}
	var res struct{ Verdict string }
	e.jsonOf(&res, "verify-presentation", pages[len(pages)-1])
	if res.Verdict != "verified" {
		t.Errorf("the QR code on the printed page: %s", res.Verdict)
	}
	var log []struct{ Via string }
	e.jsonOf(&log, "log")
	if len(log) == 0 || log[0].Via != "pdf" {
		t.Errorf("the PDF's presentation is not in the log: %+v", log)
	}
	if code, _, errs := e.run("export", "--format", "docx", one[:10], "-o", "x"); code == 0 || !strings.Contains(errs, "europass-cv") {
		t.Errorf("unknown format: exit %d %s", code, errs)
	}
}

// checkOf returns the status of the check called name.
func checkOf(r result, name string) string {
	for _, c := range r.Checks {
		if string(c.Check) == name {
			return string(c.Status)
		}
	}
	return ""
}
