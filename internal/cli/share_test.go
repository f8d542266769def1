package cli_test

import (
	"encoding/json"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/satchel-wallet/satchel/internal/cli"
	"github.com/satchel-wallet/satchel/internal/interop"
)

// thirdPartyVerifies runs the harness's verifier on a presentation file.
func thirdPartyVerifies(t *testing.T, file, challenge, domain string) bool {
	t.Helper()
	out := interop.Node(t, "verify-vp.mjs", file, "--challenge", challenge, "--domain", domain)
	var r struct{ Verified bool }
	if err := json.Unmarshal(out, &r); err != nil {
		t.Fatalf("verify-vp.mjs: %v\n%s", err, out)
	}
	return r.Verified
}

func zbar(t *testing.T, png string) string {
	t.Helper()
	if _, err := exec.LookPath("zbarimg"); err != nil {
		if os.Getenv("SATCHEL_REQUIRE_TOOLS") == "1" {
			t.Fatal("zbarimg is missing (apt-get install zbar-tools)")
		}
		t.Skip("zbarimg is missing; install zbar-tools")
	}
	out, err := exec.Command("zbarimg", "--raw", "-q", png).Output()
	if err != nil {
		t.Fatalf("zbarimg %s: %v", png, err)
	}
	return strings.TrimSuffix(string(out), "\n")
}

func TestShareCommands(t *testing.T) {
	e, byID := organiseEnv(t, 40)
	var v11, v20, sdjwt []string
	for id, en := range byID {
		switch {
		case en.Format == "sd-jwt-vc":
			sdjwt = append(sdjwt, id)
		case strings.HasPrefix(en.Format, "vc2"):
			v20 = append(v20, id)
		default:
			v11 = append(v11, id)
		}
	}
	slices.Sort(v11)
	slices.Sort(v20)
	const challenge, domain = "n-4c1e9a", "https://hr.example"

	// A file presentation in each format, checked here and by the
	// third-party verifier, and logged.
	for _, c := range []struct {
		format string
		ids    []string
	}{{"vp-jwt", v11}, {"vp-jwt-v2", v20}, {"ldp", v20}, {"auto", v11}} {
		format := c.format
		file := filepath.Join(e.dir, format+".vp")
		e.ok("present", c.ids[0][:10], c.ids[1][:10], c.ids[2][:10], "--format", format, "--challenge", challenge, "--domain", domain, "-o", file)
		var res struct {
			Verdict     string
			Credentials []result
		}
		e.jsonOf(&res, "verify-presentation", file, "--challenge", challenge, "--domain", domain)
		if res.Verdict != "verified" || len(res.Credentials) != 3 {
			t.Errorf("%s: %s with %d credentials", format, res.Verdict, len(res.Credentials))
		}
		if format != "vp-jwt-v2" && !thirdPartyVerifies(t, file, challenge, domain) {
			t.Errorf("%s: the third-party verifier refuses Satchel's presentation", format)
		}
		if code, _, _ := e.run("verify-presentation", file, "--challenge", "other", "--domain", domain); code != cli.ExitFailed {
			t.Errorf("%s with the wrong challenge: exit %d", format, code)
		}
	}
	sd := filepath.Join(e.dir, "one.sdjwt")
	e.ok("present", sdjwt[0][:10], "--format", "sd-jwt", "--disclose", "learner_name", "--challenge", challenge, "--domain", domain, "-o", sd)
	var sdres struct {
		Verdict   string
		Disclosed []string
	}
	e.jsonOf(&sdres, "verify-presentation", sd, "--challenge", challenge, "--domain", domain)
	if sdres.Verdict != "verified" || !slices.Equal(sdres.Disclosed, []string{"/learner_name"}) {
		t.Errorf("sd-jwt: %+v", sdres)
	}

	// A stack as a QR set: every symbol reads back with zbarimg to the
	// printed text, and the set verifies from its images in any order.
	e.ok(append([]string{"stack", "create", "Three"}, v20[3:6]...)...)
	var q struct {
		Parts   []string
		Version int
		EC      string
		Files   []string
	}
	e.jsonOf(&q, "qr", "--stack", "Three", "--challenge", challenge, "--domain", domain, "-o", filepath.Join(e.dir, "stack.png"))
	if len(q.Parts) < 2 || q.Version > 25 || q.EC != "M" || len(q.Files) != len(q.Parts)+1 {
		t.Fatalf("qr: %d parts, version %d, level %s, files %v", len(q.Parts), q.Version, q.EC, q.Files)
	}
	images := q.Files[:len(q.Parts)]
	for i, png := range images {
		if got := zbar(t, png); got != q.Parts[i] {
			t.Errorf("%s reads as %.40q, Satchel printed %.40q", png, got, q.Parts[i])
		}
	}
	rand.Shuffle(len(images), func(i, j int) { images[i], images[j] = images[j], images[i] })
	var res struct {
		Verdict string
		Summary struct {
			Name            string
			CredentialCount int
		}
	}
	e.jsonOf(&res, append([]string{"verify-presentation", "--challenge", challenge, "--domain", domain}, images...)...)
	if res.Verdict != "verified" || res.Summary.Name != "Three" || res.Summary.CredentialCount != 3 {
		t.Errorf("QR set in shuffled order: %+v", res)
	}
	args := []string{"verify-presentation", "--challenge", challenge, "--domain", domain}
	for _, p := range q.Parts {
		args = append(args, "--text", p)
	}
	e.jsonOf(&res, args...)
	if res.Verdict != "verified" {
		t.Errorf("QR texts: %s", res.Verdict)
	}
	if code, _, errs := e.run(append([]string{"verify-presentation"}, images[:1]...)...); code != cli.ExitUsage || !strings.Contains(errs, "of 3") {
		t.Errorf("one part of three: exit %d: %s", code, errs)
	}

	// A vpqr (VP1-) payload and a QR image import like the presentation
	// they carry: its credentials land in the wallet, verified.
	vp1 := filepath.Join("..", "..", "share", "qr", "cborld", "testdata", "vpqr", "vc2-eddsa-rdfc-2022-full-eu-mc.txt")
	imported := results(t, e.ok("import", vp1, "--json"))
	if len(imported) < 2 || imported[1].Verdict != "verified" || imported[1].Credential == nil {
		t.Errorf("VP1 payload import: %+v", imported)
	}
	var ld1 string
	for id, en := range byID {
		if en.Format == "vc1-ldp-ed25519-2020" {
			ld1 = id
		}
	}
	one := filepath.Join(e.dir, "one.png")
	e.ok("qr", ld1[:10], "--format", "ldp", "--max-version", "32", "-o", one)
	imported = results(t, e.ok("import", one, "--json"))
	if len(imported) < 2 || imported[1].Status != "duplicate" || imported[1].ID != ld1 {
		t.Errorf("QR image import: %+v", imported)
	}

	// A VP1 (vpqr) code of a small JSON-LD presentation, read back by
	// zbarimg and verified.
	v1png := filepath.Join(e.dir, "vp1.png")
	var v1 struct {
		Parts []string
		EC    string
	}
	e.jsonOf(&v1, "qr", "--presentation", filepath.Join("..", "..", "share", "qr", "cborld", "testdata", "vpqr", "vc2-eddsa-rdfc-2022-minimal.vp.json"),
		"--vpqr", "--ec", "L", "--max-version", "40", "-o", v1png)
	if len(v1.Parts) != 1 || !strings.HasPrefix(v1.Parts[0], "VP1-B") || zbar(t, v1png) != v1.Parts[0] {
		t.Errorf("vpqr: %+v", v1)
	}
	var vres struct{ Verdict string }
	if code, out, _ := e.run("verify-presentation", v1png, "--challenge", "vpqr-challenge-0001", "--domain", "verifier.example", "--json"); code != 0 || json.Unmarshal([]byte(out), &vres) != nil || vres.Verdict != "verified" {
		t.Errorf("the VP1 code does not verify: exit %d %s", code, out)
	}

	// The log names what was shared, how, and to whom.
	var log []struct {
		Format, Via, Audience, Stack string
		Credentials, Disclosed       []string
	}
	e.jsonOf(&log, "log")
	if len(log) != 7 || log[1].Via != "qr" || log[1].Stack != "Three" || log[2].Format != "sd-jwt" || !slices.Equal(log[2].Disclosed, []string{"/learner_name"}) || log[6].Audience != domain {
		t.Errorf("log: %+v", log)
	}
}
