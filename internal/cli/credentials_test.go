package cli_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/satchel-wallet/satchel/internal/cli"
	"github.com/satchel-wallet/satchel/internal/interop"
)

// result is one object of the --json output of import and verify.
type result struct {
	Input      string `json:"input"`
	ID         string `json:"id"`
	Status     string `json:"status"`
	Format     string `json:"format"`
	Verdict    string `json:"verdict"`
	Error      string `json:"error"`
	Checks     []struct{ Check, Status, Message, Detail string }
	Credential *struct {
		Title  string `json:"title"`
		Issuer struct {
			ID, Name, Country string
		} `json:"issuer"`
		Learner          struct{ Name, ID string } `json:"learner"`
		ECTS             *float64                  `json:"ects"`
		EQF              *int                      `json:"eqfLevel"`
		LearningOutcomes []string                  `json:"learningOutcomes"`
		Issued           string                    `json:"issued"`
	} `json:"credential"`
}

// corpusEnv is a wallet whose default holder is the corpus holder, and a
// folder with a few corpus files, one of them garbage.
func corpusEnv(t *testing.T) (*env, string) {
	t.Helper()
	e := newEnv(t)
	e.ok("init")
	keys, err := os.ReadFile(filepath.Join(interop.Dir(t), "keys.json"))
	if err != nil {
		t.Fatal(err)
	}
	var k struct {
		Holder struct{ PrivateKeyJwk json.RawMessage }
	}
	json.Unmarshal(keys, &k)
	jwk := filepath.Join(e.dir, "holder.jwk")
	os.WriteFile(jwk, k.Holder.PrivateKeyJwk, 0o600)
	e.ok("holder", "import-key", "--jwk", jwk, "--name", "Elena")
	e.ok("holder", "default", "Elena")

	corpus := interop.Corpus(t, 200)
	dir := filepath.Join(e.dir, "inbox")
	os.Mkdir(dir, 0o755)
	for _, f := range []string{"cred-0000-vc2-ldp-eddsa-rdfc-2022.jsonld", "cred-0004-vc1-ldp-ed25519-2020.jsonld", "cred-0006-vc1-jwt-eddsa.jwt", "cred-0008-sd-jwt-vc.sdjwt", "neg-garbage.txt"} {
		data, err := os.ReadFile(filepath.Join(corpus, f))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, f), data, 0o644)
	}
	return e, dir
}

func results(t *testing.T, out string) []result {
	t.Helper()
	var rs []result
	if err := json.Unmarshal([]byte(out), &rs); err != nil {
		t.Fatalf("not a JSON array: %v\n%s", err, out)
	}
	return rs
}

func TestImportListShowDelete(t *testing.T) {
	e, dir := corpusEnv(t)
	code, out, _ := e.run("import", dir, "--json")
	if code != cli.ExitFailed {
		t.Fatalf("import with a garbage file: exit %d, want %d", code, cli.ExitFailed)
	}
	rs := results(t, out)
	if len(rs) != 5 {
		t.Fatalf("%d results for 5 files", len(rs))
	}
	var sdjwt result
	for _, r := range rs {
		switch {
		case strings.HasSuffix(r.Input, "neg-garbage.txt"):
			if r.Verdict != "rejected" || r.Status != "rejected" || r.Error == "" || r.Credential != nil {
				t.Errorf("garbage: %+v", r)
			}
		default:
			if r.Verdict != "verified" || r.Status != "imported" || len(r.ID) != 64 || r.Credential == nil || r.Credential.Title == "" {
				t.Errorf("%s: %+v", r.Input, r)
			}
			if len(r.Checks) != 6 {
				t.Errorf("%s: %d checks", r.Input, len(r.Checks))
			}
		}
		if strings.HasSuffix(r.Input, ".sdjwt") {
			sdjwt = r
		}
	}
	c := sdjwt.Credential
	if c == nil || c.Title != "Machine Learning Foundations" || *c.ECTS != 6 || *c.EQF != 7 || len(c.LearningOutcomes) != 3 || c.Issuer.Country != "DE" || c.Learner.Name != "Elena Marković" {
		t.Fatalf("SD-JWT fields: %+v", c)
	}

	// Again, one file from standard input: a duplicate.
	data, _ := os.ReadFile(filepath.Join(dir, "cred-0006-vc1-jwt-eddsa.jwt"))
	var out2, err2 strings.Builder
	code = cli.Run(t.Context(), []string{"import", "-", "--json"}, cli.IO{In: strings.NewReader(string(data)), Out: &out2, Err: &err2, Getenv: func(k string) string { return e.vars[k] }})
	if rs := results(t, out2.String()); code != cli.ExitOK || rs[0].Status != "duplicate" {
		t.Fatalf("stdin re-import: exit %d %+v %s", code, rs, err2.String())
	}

	var list []struct {
		ID, Title, Verdict string
	}
	e.jsonOf(&list, "list")
	if len(list) != 4 {
		t.Fatalf("list: %d credentials", len(list))
	}
	id := sdjwt.ID
	var shown result
	e.jsonOf(&shown, "show", id[:10])
	if shown.ID != id || shown.Credential.Title != "Machine Learning Foundations" || shown.Verdict != "verified" {
		t.Fatalf("show: %+v", shown)
	}
	text := e.ok("show", id[:10])
	for _, want := range []string{"ECTS credits:          6", "EQF level:             7", "Learning outcomes:", "Verification: verified", "✓ ok      proof"} {
		if !strings.Contains(text, want) {
			t.Errorf("show text lacks %q:\n%s", want, text)
		}
	}
	e.ok("delete", id[:12])
	if code, _, errs := e.run("show", id[:12]); code != cli.ExitUsage || !strings.Contains(errs, "not found") {
		t.Fatalf("show after delete: exit %d: %s", code, errs)
	}
	e.jsonOf(&list, "list")
	if len(list) != 3 {
		t.Fatalf("after delete: %d", len(list))
	}
}

func TestVerifyFilesAndIDs(t *testing.T) {
	e, dir := corpusEnv(t)
	corpus := interop.Corpus(t, 200)
	// Files are verified without being stored.
	code, out, _ := e.run("verify", filepath.Join(dir, "cred-0000-vc2-ldp-eddsa-rdfc-2022.jsonld"), filepath.Join(corpus, "neg-expired-vc2.jsonld"), "--json")
	rs := results(t, out)
	if code != cli.ExitFailed || rs[0].Verdict != "verified" || rs[1].Verdict != "not verified" {
		t.Fatalf("verify: exit %d, %s / %s", code, rs[0].Verdict, rs[1].Verdict)
	}
	var list []struct{ ID string }
	e.jsonOf(&list, "list")
	if len(list) != 0 {
		t.Fatalf("verify stored %d credentials", len(list))
	}
	// A stored credential is verified again by id.
	var imported []result
	e.jsonOf(&imported, "import", filepath.Join(dir, "cred-0004-vc1-ldp-ed25519-2020.jsonld"))
	code, out, _ = e.run("verify", imported[0].ID[:8], "--json")
	if rs := results(t, out); code != cli.ExitOK || rs[0].Verdict != "verified" || rs[0].ID != imported[0].ID {
		t.Fatalf("verify by id: exit %d %+v", code, rs)
	}

	// Without any wallet, files still verify; there is no holder to compare.
	none := newEnv(t)
	code, out, _ = none.run("verify", filepath.Join(dir, "cred-0008-sd-jwt-vc.sdjwt"), "--json")
	rs = results(t, out)
	if code != cli.ExitOK || rs[0].Verdict != "verified" {
		t.Fatalf("verify without a wallet: exit %d %+v", code, rs)
	}
	for _, c := range rs[0].Checks {
		if c.Check == "holder" && c.Status != "skipped" {
			t.Fatalf("holder check without a wallet: %+v", c)
		}
	}
	// Bigger than --max-size: rejected with the limit named.
	code, out, _ = none.run("verify", filepath.Join(dir, "cred-0000-vc2-ldp-eddsa-rdfc-2022.jsonld"), "--max-size", "1000", "--json")
	if rs := results(t, out); code != cli.ExitFailed || rs[0].Verdict != "rejected" || !strings.Contains(rs[0].Error, "larger than") {
		t.Fatalf("max-size: exit %d %+v", code, rs)
	}
}

func TestTrustList(t *testing.T) {
	e, dir := corpusEnv(t)
	file := filepath.Join(dir, "cred-0000-vc2-ldp-eddsa-rdfc-2022.jsonld")
	issuerCheck := func() (string, string) {
		t.Helper()
		_, out, _ := e.run("verify", file, "--json")
		for _, c := range results(t, out)[0].Checks {
			if c.Check == "issuer" {
				return c.Status, c.Message
			}
		}
		t.Fatal("no issuer check")
		return "", ""
	}
	if st, _ := issuerCheck(); st != "warning" {
		t.Fatalf("unknown issuer: %s", st)
	}
	e.ok("trust", "add", "--name", "Tallinn Digital Skills Academy", "--source", "Estonian qualifications register", "--did", "did:key:z6MkkaDm9ooGUU8G7SxbQf7zZu3zL52PKh2BnSQhi5Asj65F")
	if st, msg := issuerCheck(); st != "ok" || !strings.Contains(msg, "Estonian qualifications register") {
		t.Fatalf("trusted issuer: %s %q", st, msg)
	}
	if code, _, errs := e.run("trust", "add", "--name", "Again", "--did", "did:key:z6MkkaDm9ooGUU8G7SxbQf7zZu3zL52PKh2BnSQhi5Asj65F"); code != cli.ExitUsage || errs == "" {
		t.Fatalf("the same DID twice: exit %d", code)
	}
	export := filepath.Join(e.dir, "trust.json")
	e.ok("trust", "export", "-o", export)
	e.ok("trust", "remove", "Tallinn Digital Skills Academy")
	if st, _ := issuerCheck(); st != "warning" {
		t.Fatal("removal did not take")
	}
	e.ok("trust", "import", export)
	var list struct {
		Entries []struct{ Name, Source string }
	}
	e.jsonOf(&list, "trust", "list")
	if len(list.Entries) != 1 || list.Entries[0].Source != "Estonian qualifications register" {
		t.Fatalf("after import: %+v", list)
	}
}
