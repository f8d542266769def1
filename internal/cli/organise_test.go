package cli_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/satchel-wallet/satchel/internal/cli"
	"github.com/satchel-wallet/satchel/internal/interop"
)

type corpusEntry struct {
	File, Format, Expect, Title string
	ECTS                        float64
	EQF                         int
}

// organiseEnv is a real wallet file holding the first n valid credentials
// of the corpus, and their manifest entries by credential id.
func organiseEnv(t *testing.T, n int) (*env, map[string]corpusEntry) {
	t.Helper()
	e, _ := corpusEnv(t)
	corpus := interop.Corpus(t, 200)
	var m struct{ Entries []corpusEntry }
	data, _ := os.ReadFile(filepath.Join(corpus, "manifest.json"))
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(e.dir, "many")
	os.Mkdir(dir, 0o755)
	byFile := map[string]corpusEntry{}
	for _, en := range m.Entries {
		if en.Expect != "valid" || len(byFile) == n {
			continue
		}
		data, _ := os.ReadFile(filepath.Join(corpus, en.File))
		os.WriteFile(filepath.Join(dir, en.File), data, 0o644)
		byFile[en.File] = en
	}
	byID := map[string]corpusEntry{}
	for _, r := range results(t, e.ok("import", dir, "--json")) {
		byID[r.ID] = byFile[filepath.Base(r.Input)]
	}
	if len(byID) != n {
		t.Fatalf("imported %d of %d", len(byID), n)
	}
	return e, byID
}

type listed struct {
	ID, Title, Verdict string
	ECTS               *float64
	EQF                int `json:"eqfLevel"`
	Tags               []string
}

func TestOrganiseCommands(t *testing.T) {
	e, byID := organiseEnv(t, 40)
	ids := slices.Sorted(func(yield func(string) bool) {
		for id := range byID {
			if !yield(id) {
				return
			}
		}
	})

	// Search and filters against the manifest.
	var got []listed
	e.jsonOf(&got, "list", "--query", "processing activities")
	want := 0
	for _, en := range byID {
		if en.Title == "Data Protection (GDPR) for SMEs" {
			want++
		}
	}
	if len(got) != want || want == 0 {
		t.Errorf("--query: %d credentials, want %d", len(got), want)
	}
	e.jsonOf(&got, "list", "--eqf", "6,7", "--ects-min", "3", "--sort", "ects")
	want = 0
	for _, en := range byID {
		if (en.EQF == 6 || en.EQF == 7) && en.ECTS >= 3 {
			want++
		}
	}
	if len(got) != want || want == 0 {
		t.Errorf("--eqf 6,7 --ects-min 3: %d credentials, want %d", len(got), want)
	}
	for i, l := range got {
		if en := byID[l.ID]; (en.EQF != 6 && en.EQF != 7) || en.ECTS < 3 {
			t.Errorf("%s does not match the filters: %+v", l.ID, en)
		}
		if i > 0 && *got[i-1].ECTS < *l.ECTS {
			t.Errorf("not sorted by ECTS, largest first: %v then %v", *got[i-1].ECTS, *l.ECTS)
		}
	}

	// Collections and tags.
	e.ok("collection", "create", "Applications")
	e.ok("collection", "add", "applications", ids[0][:8], ids[1][:8])
	e.jsonOf(&got, "list", "--collection", "Applications")
	if len(got) != 2 {
		t.Errorf("--collection: %d", len(got))
	}
	e.ok("tag", "add", ids[2][:8], "Python", "évaluation")
	e.jsonOf(&got, "list", "--tag", "EVALUATION")
	if len(got) != 1 || got[0].ID != ids[2] || !slices.Equal(got[0].Tags, []string{"Python", "évaluation"}) {
		t.Errorf("--tag: %+v", got)
	}
	if out := e.ok("tag", "list"); !strings.Contains(out, "Python (1)") {
		t.Errorf("tag list: %s", out)
	}

	// A stack: totals from the manifest, flags, requirements, suggestions.
	members := ids[:6]
	var sum float64
	below := 0
	for _, id := range members {
		sum += byID[id].ECTS
		if byID[id].EQF < 6 {
			below++
		}
	}
	e.ok(append([]string{"stack", "create", "Digital skills", "--target-ects", "10", "--min-eqf", "6", "--within", "5y"}, members...)...)
	var show struct {
		ECTS, CountedECTS float64
		Members           []struct {
			ID      string
			Counted bool
			Flags   []struct{ Code, Message string }
		}
		Requirements []struct {
			Kind    string
			Met     bool
			Message string
		}
	}
	e.jsonOf(&show, "stack", "show", "digital skills")
	if show.ECTS != sum || len(show.Members) != len(members) {
		t.Errorf("stack ECTS %g over %d members, want %g over %d", show.ECTS, len(show.Members), sum, len(members))
	}
	flagged := 0
	for _, m := range show.Members {
		for _, f := range m.Flags {
			if f.Code == "below-level" {
				flagged++
			}
		}
	}
	if flagged != below {
		t.Errorf("%d members flagged below the level, the manifest has %d", flagged, below)
	}
	if len(show.Requirements) != 3 || show.Requirements[0].Kind != "ects" || show.Requirements[1].Met != (below == 0) {
		t.Errorf("requirements: %+v", show.Requirements)
	}
	text := e.ok("stack", "show", "Digital skills")
	for _, w := range []string{"Target: 10 ECTS, EQF 6 or above, issued within 5y", "Requirements:", "Members (6):"} {
		if !strings.Contains(text, w) {
			t.Errorf("stack show lacks %q:\n%s", w, text)
		}
	}
	var sug []struct {
		ID      string
		Reasons []struct{ Code, Message string }
	}
	e.jsonOf(&sug, "stack", "suggest", "Digital skills", "--limit", "0")
	for _, s := range sug {
		if slices.Contains(members, s.ID) || len(s.Reasons) == 0 {
			t.Errorf("suggestion %+v", s)
		}
	}
	if len(sug) == 0 {
		t.Error("no suggestions from 34 other credentials")
	}

	// Deleting a member says which stack lost it.
	out := e.ok("delete", members[0][:12])
	if !strings.Contains(out, `Stack "Digital skills" lost a member`) || !strings.Contains(out, "Applications") {
		t.Errorf("delete output: %s", out)
	}

	// Mistakes get a usage error that says what to do.
	for _, c := range []struct {
		args []string
		says string
	}{
		{[]string{"list", "--eqf", "9"}, "EQF levels go from 1 to 8"},
		{[]string{"list", "--from", "2024-13-01"}, "YYYY-MM-DD"},
		{[]string{"list", "--sort", "colour"}, "use issued, added"},
		{[]string{"stack", "show", "Nope"}, "satchel-cli stack list"},
		{[]string{"stack", "create", "X", "--within", "5 parsecs"}, "5y, 18mo"},
		{[]string{"collection", "create", "applications"}, "Choose another name"},
	} {
		code, _, errs := e.run(c.args...)
		if code != cli.ExitUsage || !strings.Contains(errs, c.says) {
			t.Errorf("%v: exit %d, %q; want exit %d saying %q", c.args, code, errs, cli.ExitUsage, c.says)
		}
	}
}
