package stack

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/satchel-wallet/satchel/wallet/credential"
)

var now = time.Date(2026, 11, 22, 12, 0, 0, 0, time.UTC)

func ects(f float64) *float64 { return &f }

// cred makes a verified credential; edits adjust it.
func cred(id, title string, e float64, eqf int, edits ...func(*credential.Credential)) *credential.Credential {
	c := &credential.Credential{
		ID: id, Title: credential.Plain(title), EQF: eqf,
		Issuer: credential.Party{ID: "did:example:" + id, Name: credential.Plain("Issuer " + id)},
		Issued: now.AddDate(-1, 0, 0),
		FieldOfStudy: []credential.Concept{{
			Code: "0613", ID: "http://data.europa.eu/snb/isced-f/0613",
			Label: credential.TextOf("en", "Software and applications development and analysis"),
		}},
		LearningOutcomes: []credential.Outcome{{Title: credential.Plain("Outcome of " + id)}},
		Verification:     credential.Verification{Verdict: credential.Verified},
	}
	if e > 0 {
		c.ECTS = ects(e)
	}
	for _, e := range edits {
		e(c)
	}
	return c
}

func ids(cs ...*credential.Credential) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.ID)
	}
	return out
}

// flagsOf maps each member id to its flag codes.
func flagsOf(p Progress) map[string][]FlagCode {
	out := map[string][]FlagCode{}
	for _, m := range p.Members {
		for _, f := range m.Flags {
			out[m.ID] = append(out[m.ID], f.Code)
		}
	}
	return out
}

// TestFlags builds one member for each flag and checks that each flag
// fires on the member made for it and on no other.
func TestFlags(t *testing.T) {
	base := cred("base", "Databases", 5, 6)
	cases := map[FlagCode][]*credential.Credential{
		FlagExpired:      {cred("expired", "Networks", 5, 6, func(c *credential.Credential) { c.ValidUntil = now.AddDate(0, -1, 0) })},
		FlagNotVerified:  {cred("unverified", "Security", 5, 6, func(c *credential.Credential) { c.Verification.Verdict = credential.NotVerified })},
		FlagBelowLevel:   {cred("low", "Basics", 5, 4)},
		FlagLevelUnknown: {cred("nolevel", "Cloud", 5, 0)},
		FlagOutsideField: {cred("law", "Contract law", 5, 6, func(c *credential.Credential) {
			c.FieldOfStudy = []credential.Concept{{Code: "0421", Label: credential.Plain("Law")}}
		})},
		FlagOutsideWindow: {cred("old", "Algorithms", 5, 6, func(c *credential.Credential) { c.Issued = now.AddDate(-7, 0, 0) })},
		FlagNoECTS:        {cred("hours", "Workshop", 0, 6, func(c *credential.Credential) { c.Hours = ects(12) })},
		FlagDuplicate: {
			cred("dup1", "Data science", 5, 6, func(c *credential.Credential) { c.Issuer.ID = "did:example:uni"; c.AchievementID = "urn:ach:ds" }),
			cred("dup2", "Data Science (2nd award)", 5, 6, func(c *credential.Credential) {
				c.Issuer.ID = "did:example:uni"
				c.AchievementID = "urn:ach:ds"
				c.Issued = now.AddDate(0, -2, 0)
			}),
		},
		FlagOverlap: {
			cred("ov1", "Python", 5, 6, func(c *credential.Credential) {
				c.LearningOutcomes = append(c.LearningOutcomes, credential.Outcome{Title: credential.Plain("Write unit tests")})
			}),
			cred("ov2", "Go", 5, 6, func(c *credential.Credential) {
				c.LearningOutcomes = append(c.LearningOutcomes, credential.Outcome{Title: credential.TextOf("en", "write UNIT tests")})
			}),
		},
	}
	members := []*credential.Credential{base}
	for _, cs := range cases {
		members = append(members, cs...)
	}
	s := Stack{Name: "ICT", Members: ids(members...), Target: Target{
		ECTS: ects(30), MinEQF: 6, Fields: []string{"06"}, Within: Period{Years: 5},
	}}
	p := Compute(s, members, now)
	got := flagsOf(p)
	if len(got["base"]) != 0 {
		t.Errorf("base member flagged %v", got["base"])
	}
	for code, cs := range cases {
		for _, c := range cs {
			if !slices.Equal(got[c.ID], []FlagCode{code}) {
				t.Errorf("%s: flags %v, want only %s", c.ID, got[c.ID], code)
			}
		}
	}
	// Each flag's sentence renders without template noise.
	for _, m := range p.Members {
		for _, f := range m.Flags {
			if msg := f.Message(); msg == "" || strings.Contains(msg, "<no value>") || strings.Contains(msg, "{{") {
				t.Errorf("%s %s: message %q", m.ID, f.Code, msg)
			}
		}
	}
	// The earliest award of the duplicated achievement counts, the later
	// one does not.
	counted := map[string]bool{}
	for _, m := range p.Members {
		counted[m.ID] = m.Counted
	}
	if !counted["dup1"] || counted["dup2"] {
		t.Errorf("duplicate counting: dup1 %v dup2 %v, want true false", counted["dup1"], counted["dup2"])
	}
	for _, id := range []string{"base", "ov1", "ov2"} {
		if !counted[id] {
			t.Errorf("%s does not count", id)
		}
	}
	for _, id := range []string{"expired", "unverified", "low", "nolevel", "law", "old", "hours"} {
		if counted[id] {
			t.Errorf("%s counts despite its flag", id)
		}
	}
}

func TestTotals(t *testing.T) {
	members := []*credential.Credential{
		cred("a", "A", 5, 6), cred("b", "B", 2.5, 6), cred("c", "C", 0, 6, func(c *credential.Credential) { c.Hours = ects(20) }),
		cred("d", "D", 10, 5), cred("e", "E", 0, 6),
	}
	s := Stack{Name: "Goal", Members: append(ids(members...), "missing"), Target: Target{ECTS: ects(10), MinEQF: 6}}
	p := Compute(s, members, now)
	var sum float64
	for _, c := range members {
		if c.ECTS != nil {
			sum += *c.ECTS
		}
	}
	if p.ECTS != sum || p.ECTS != 17.5 {
		t.Errorf("ECTS = %g, want the members' sum %g", p.ECTS, sum)
	}
	if p.Hours != 20 {
		t.Errorf("Hours = %g, want 20 (members without ECTS)", p.Hours)
	}
	if p.CountedECTS != 7.5 {
		t.Errorf("CountedECTS = %g, want 7.5 (d is below the level)", p.CountedECTS)
	}
	if p.RemainingECTS == nil || *p.RemainingECTS != 2.5 {
		t.Errorf("RemainingECTS = %v, want 2.5", p.RemainingECTS)
	}
	if !slices.Equal(p.Missing, []string{"missing"}) {
		t.Errorf("Missing = %v", p.Missing)
	}
	if p.Complete {
		t.Error("complete with 2.5 ECTS to go")
	}
	if r := p.Requirements[0]; r.Kind != "ects" || r.Met || r.Message() != "7.5 of 10 ECTS: 2.5 to go." {
		t.Errorf("ects requirement %+v: %q", r, r.Message())
	}
	if r := p.Requirements[1]; r.Kind != "eqf" || r.Met || !slices.Equal(r.By, []string{"d"}) {
		t.Errorf("eqf requirement %+v, want unmet by d (level 5)", r)
	}
}

func TestRequirements(t *testing.T) {
	skill := "http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d"
	a := cred("a", "Statistik", 6, 6, func(c *credential.Credential) {
		c.LearningOutcomes = []credential.Outcome{{
			Title:  credential.TextOf("de", "Datenanalyse mit Python durchführen"),
			Skills: []credential.Concept{{ID: skill, Label: credential.Plain("use spreadsheets software")}},
		}}
	})
	b := cred("b", "Ethics", 6, 6)
	s := Stack{Name: "Data", Members: ids(a, b), Target: Target{
		ECTS: ects(12), Outcomes: []string{"datenanalyse python", skill, "quantum computing"}, Credentials: []string{"b", "zzz"},
	}}
	p := Compute(s, []*credential.Credential{a, b}, now)
	met := map[string]bool{}
	for _, r := range p.Requirements {
		key := r.Kind
		if v := r.Args["Outcome"] + r.Args["ID"]; v != "" {
			key += ":" + v
		}
		met[key] = r.Met
	}
	want := map[string]bool{
		"ects": true, "outcome:datenanalyse python": true, "outcome:" + skill: true,
		"outcome:quantum computing": false, "credential:b": true, "credential:zzz": false,
	}
	for k, v := range want {
		if got, ok := met[k]; !ok || got != v {
			t.Errorf("requirement %s met = %v (present %v), want %v", k, got, ok, v)
		}
	}
	if p.Complete {
		t.Error("complete with unmet requirements")
	}
	s.Target.Outcomes, s.Target.Credentials = s.Target.Outcomes[:2], s.Target.Credentials[:1]
	if p := Compute(s, []*credential.Credential{a, b}, now); !p.Complete {
		t.Errorf("not complete when every requirement is met: %+v", p.Requirements)
	}
}

func TestSuggest(t *testing.T) {
	prog := credential.Concept{ID: "urn:programme:ms-ai", Label: credential.Plain("Master in AI")}
	member := cred("m", "Machine learning", 5, 7, func(c *credential.Credential) {
		c.PartOf = []credential.Concept{prog}
		c.Alignments = []credential.Concept{{ID: "https://example.org/fw/ml", Framework: credential.Plain("AI Competence Framework")}}
	})
	sibling := cred("sib", "Deep learning", 5, 7, func(c *credential.Credential) { c.PartOf = []credential.Concept{prog} })
	aligned := cred("al", "Robotics", 5, 3, func(c *credential.Credential) {
		c.FieldOfStudy = nil
		c.Alignments = []credential.Concept{{ID: "https://example.org/fw/rob", Framework: credential.Plain("AI competence framework")}}
	})
	fitting := cred("fit", "Statistics", 4, 7)
	naming := cred("nm", "Ethics", 0, 0, func(c *credential.Credential) {
		c.FieldOfStudy = nil
		c.Stackability = credential.Plain("Can be integrated into the Master in AI of the university")
	})
	duplicate := cred("dupe", "Machine Learning", 5, 7, func(c *credential.Credential) { c.Issuer = member.Issuer })
	rejected := cred("rej", "Deep learning 2", 5, 7, func(c *credential.Credential) {
		c.PartOf = []credential.Concept{prog}
		c.Verification.Verdict = credential.Rejected
	})
	unrelated := cred("un", "Cooking", 0, 2, func(c *credential.Credential) { c.FieldOfStudy = nil })
	s := Stack{Name: "Master in AI", Members: []string{"m"}, Target: Target{ECTS: ects(60), MinEQF: 7}}
	got := Suggest(s, []*credential.Credential{member},
		[]*credential.Credential{sibling, aligned, fitting, naming, duplicate, rejected, unrelated, member}, now, 0)
	reasons := map[string][]string{}
	for _, sg := range got {
		for _, r := range sg.Reasons {
			reasons[sg.ID] = append(reasons[sg.ID], strings.TrimPrefix(r.Code, "stack.suggest-"))
			if msg := r.Message(); strings.Contains(msg, "<no value>") {
				t.Errorf("%s: %q", sg.ID, msg)
			}
		}
	}
	want := map[string][]string{
		"sib": {"part-of", "names-stack", "fits"},
		"al":  {"framework"},
		"fit": {"fits"},
		"nm":  {"names-stack"},
	}
	for id, w := range want {
		if !slices.Equal(reasons[id], w) {
			t.Errorf("%s: reasons %v, want %v", id, reasons[id], w)
		}
	}
	for _, id := range []string{"dupe", "rej", "un", "m"} {
		if r, ok := reasons[id]; ok {
			t.Errorf("%s suggested: %v", id, r)
		}
	}
	if len(got) == 0 || got[0].ID != "sib" {
		t.Errorf("first suggestion %v, want sib (same programme and fits)", got)
	}
}

func TestPeriod(t *testing.T) {
	for in, want := range map[string]Period{
		"5y": {Years: 5}, "18mo": {Months: 18}, "2w": {Days: 14}, "90d": {Days: 90},
		"1y6mo": {Years: 1, Months: 6}, "P5Y6M": {Years: 5, Months: 6}, " 3 years": {Years: 3},
	} {
		got, err := ParsePeriod(in)
		if err != nil || got != want {
			t.Errorf("ParsePeriod(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "y", "5", "5x", "5m", "99999y", "P"} {
		if _, err := ParsePeriod(bad); err == nil {
			t.Errorf("ParsePeriod(%q) accepted", bad)
		}
	}
	s := Stack{Name: "x", Target: Target{Within: Period{Years: 5}, ECTS: ects(30)}}
	b, err := json.Marshal(s)
	if err != nil || !strings.Contains(string(b), `"within":"5y"`) {
		t.Fatalf("marshal: %s %v", b, err)
	}
	var back Stack
	if err := json.Unmarshal(b, &back); err != nil || back.Target.Within != s.Target.Within {
		t.Fatalf("round trip: %+v %v", back, err)
	}
	if got := (Period{Years: 5}).Before(now); !got.Equal(time.Date(2021, 11, 22, 12, 0, 0, 0, time.UTC)) {
		t.Errorf("Before = %v", got)
	}
}

func TestValidate(t *testing.T) {
	for name, s := range map[string]Stack{
		"no name":    {Name: "  "},
		"ects":       {Name: "x", Target: Target{ECTS: ects(-1)}},
		"eqf":        {Name: "x", Target: Target{MinEQF: 9}},
		"empty req":  {Name: "x", Target: Target{Outcomes: []string{" "}}},
		"long name":  {Name: strings.Repeat("n", MaxNameLength+1)},
		"many items": {Name: "x", Target: Target{Fields: make([]string, MaxRequirements+1)}},
	} {
		if err := s.Validate(); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	if err := (&Stack{Name: "ok", Target: Target{ECTS: ects(30), MinEQF: 6}}).Validate(); err != nil {
		t.Error(err)
	}
}
