package stack

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/satchel-wallet/satchel/wallet/credential"
)

// benchMembers makes n varied members: five outcomes each, some shared,
// some duplicated achievements, levels, fields and dates spread out.
func benchMembers(n int) []*credential.Credential {
	r := rand.New(rand.NewPCG(1, 2))
	fields := []string{"0613", "0612", "0421", "0311", "0588"}
	out := make([]*credential.Credential, n)
	for i := range out {
		c := cred(fmt.Sprintf("%064x", i), fmt.Sprintf("Module %d: Datenbanken und Systeme", r.IntN(n)), float64(1+r.IntN(10)), 4+r.IntN(4))
		c.Issuer.ID = fmt.Sprintf("did:example:uni%d", r.IntN(20))
		c.AchievementID = fmt.Sprintf("urn:ach:%d", r.IntN(n))
		c.Issued = now.AddDate(0, -r.IntN(120), 0)
		c.FieldOfStudy = []credential.Concept{{Code: fields[r.IntN(len(fields))]}}
		c.LearningOutcomes = nil
		for k := 0; k < 5; k++ {
			c.LearningOutcomes = append(c.LearningOutcomes, credential.Outcome{
				Title:  credential.TextOf("en", fmt.Sprintf("Design relational schema number %d", r.IntN(3*n)), "de", fmt.Sprintf("Relationales Schema %d entwerfen", r.IntN(3*n))),
				Skills: []credential.Concept{{ID: fmt.Sprintf("http://data.europa.eu/esco/skill/%d", r.IntN(4*n))}},
			})
		}
		if r.IntN(10) == 0 {
			c.Verification.Verdict = credential.NotVerified
		}
		out[i] = c
	}
	return out
}

// BenchmarkCompute measures progress of a 500-member stack with every kind
// of target part, from credentials already in memory (as the app holds
// them).
func BenchmarkCompute(b *testing.B) {
	members := benchMembers(500)
	s := Stack{Name: "Bench", Members: ids(members...), Target: Target{
		ECTS: ects(180), MinEQF: 6, Fields: []string{"061", "software"}, Within: Period{Years: 5},
		Outcomes: []string{"relational schema", "http://data.europa.eu/esco/skill/7", "Schema entwerfen"},
	}}
	b.ReportAllocs()
	for b.Loop() {
		p := Compute(s, members, now)
		if len(p.Members) != 500 {
			b.Fatal(len(p.Members))
		}
	}
}

// BenchmarkSuggest ranks 10,000 candidates for a 500-member stack.
func BenchmarkSuggest(b *testing.B) {
	all := benchMembers(10500)
	members, candidates := all[:500], all[500:]
	s := Stack{Name: "Bench", Members: ids(members...), Target: Target{ECTS: ects(180), MinEQF: 6}}
	b.ReportAllocs()
	for b.Loop() {
		Suggest(s, members, candidates, now, 20)
	}
}
