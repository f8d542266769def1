package stack

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"github.com/satchel-wallet/satchel/wallet/credential"
	"github.com/satchel-wallet/satchel/wallet/search"
)

// Suggestion is a credential offered as a member, with why.
type Suggestion struct {
	// ID is the credential's id.
	ID string `json:"id"`
	// Credential is its normalised view.
	Credential *credential.Credential `json:"-"`
	// Reasons say why it is offered, strongest first.
	Reasons []Reason `json:"reasons"`
	// Score orders suggestions; it is the sum of the reasons' weights.
	Score int `json:"score"`
}

// Reason is one reason to suggest a credential.
type Reason struct {
	Code string            `json:"code"`
	Args map[string]string `json:"args,omitempty"`
	// Weight is how strongly the reason points at the stack.
	Weight int `json:"weight"`
}

// Message returns the reason in an English sentence.
func (r Reason) Message() string { return credential.Render(r.Code, r.Args) }

// The weights of the reasons: what the target names outright first, then
// what the credentials say about themselves (part of the same programme),
// then what merely fits.
const (
	weightRequired      = 100
	weightOutcome       = 60
	weightPartOf        = 50
	weightNamesStack    = 40
	weightFits          = 30
	weightFramework     = 20
	weightSameBody      = 10
	weightDuplicatePart = -1000
)

// Suggest ranks candidates (typically every credential of the wallet) as
// members of s, given its current members. Members, rejected credentials
// and duplicates of members are left out; at most limit suggestions are
// returned (all when limit <= 0).
func Suggest(s Stack, members, candidates []*credential.Credential, now time.Time, limit int) []Suggestion {
	p := Compute(s, members, now)
	j := newJudge(s.Target, now)
	memberIDs := make(map[string]bool, len(members))
	related := newRelations()
	for _, m := range p.Members {
		memberIDs[m.ID] = true
		related.add(m.Credential)
	}
	stackName := words(s.Name)
	var out []Suggestion
	for _, c := range candidates {
		if memberIDs[c.ID] || c.Verification.Verdict == credential.Rejected {
			continue
		}
		var rs []Reason
		add := func(code string, w int, args map[string]string) {
			rs = append(rs, Reason{Code: "stack.suggest-" + code, Weight: w, Args: args})
		}
		if slices.Contains(s.Target.Credentials, c.ID) {
			add("required", weightRequired, nil)
		}
		for _, r := range p.Requirements {
			if r.Kind == "outcome" && !r.Met && j.coversOutcome(c, r.Args["Outcome"]) {
				add("outcome", weightOutcome, map[string]string{"Outcome": r.Args["Outcome"]})
			}
		}
		if dup := related.duplicateOf(c); dup != "" {
			add("duplicate", weightDuplicatePart, map[string]string{"Title": dup})
		}
		if prog, ok := related.sharedProgramme(c); ok {
			add("part-of", weightPartOf, map[string]string{"Programme": prog})
		}
		if len(stackName) > 0 && mentionsAll(stackName, c) {
			add("names-stack", weightNamesStack, map[string]string{"Stack": s.Name})
		}
		if !s.Target.IsZero() && c.ECTS != nil && *c.ECTS > 0 && fits(j, c) && (p.RemainingECTS == nil || *p.RemainingECTS > 0) {
			add("fits", weightFits, map[string]string{"ECTS": num(*c.ECTS)})
		}
		if fw, ok := related.sharedFramework(c); ok {
			add("framework", weightFramework, map[string]string{"Framework": fw})
		}
		if b, ok := related.sameBody(c); ok && len(rs) > 0 {
			add("same-body", weightSameBody, map[string]string{"Body": b})
		}
		score := 0
		for _, r := range rs {
			score += r.Weight
		}
		if score <= 0 {
			continue
		}
		slices.SortStableFunc(rs, func(a, b Reason) int { return cmp.Compare(b.Weight, a.Weight) })
		out = append(out, Suggestion{ID: c.ID, Credential: c, Reasons: rs, Score: score})
	}
	slices.SortFunc(out, func(a, b Suggestion) int {
		if a.Score != b.Score {
			return cmp.Compare(b.Score, a.Score)
		}
		return earlier(b.Credential, a.Credential) // newer first among equals
	})
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out
}

// fits reports whether c would count towards the target as it stands.
func fits(j *judge, c *credential.Credential) bool {
	for _, f := range j.flags(c) {
		if f.Code != FlagNoECTS {
			return false
		}
	}
	return true
}

// mentionsAll reports whether c's stackability statement or the
// programmes it is part of name every word of the stack's name.
func mentionsAll(name []string, c *credential.Credential) bool {
	texts := c.Stackability.Values()
	for _, p := range c.PartOf {
		texts = append(texts, p.Label.Values()...)
	}
	return matcher{words: name}.matchText(texts...)
}

// relations indexes what the members say about where they belong.
type relations struct {
	programmes map[string]string // partOf key -> label
	identities map[string]string // the members' own ids -> title
	frameworks map[string]string // folded framework -> name
	bodies     map[string]string // awarding body key -> name
	dupKeys    map[string]string // duplicate key -> title
}

func newRelations() *relations {
	return &relations{map[string]string{}, map[string]string{}, map[string]string{}, map[string]string{}, map[string]string{}}
}

func conceptKeys(c credential.Concept) []string {
	var keys []string
	if c.ID != "" && !credential.LocalID(c.ID) {
		keys = append(keys, c.ID)
	}
	for _, l := range c.Label.Values() {
		keys = append(keys, "l\x00"+search.Fold(l))
	}
	return keys
}

func (r *relations) add(c *credential.Credential) {
	title := c.Title.String()
	for _, p := range c.PartOf {
		for _, k := range conceptKeys(p) {
			r.programmes[k] = cmp.Or(p.Label.String(), p.ID)
		}
	}
	for _, id := range []string{c.SourceID, c.AchievementID} {
		if id != "" && !credential.LocalID(id) {
			r.identities[id] = title
		}
	}
	for _, a := range c.Alignments {
		if fw := a.Framework.String(); fw != "" {
			r.frameworks[search.Fold(fw)] = fw
		}
	}
	r.bodies[body(c)] = partyName(c)
	cred, ach := duplicateKeys(c)
	for _, k := range append(ach, cred) {
		if k != "" {
			r.dupKeys[k] = title
		}
	}
}

func partyName(c *credential.Credential) string {
	if !c.AwardingBody.IsZero() {
		return cmp.Or(c.AwardingBody.Name.String(), c.AwardingBody.ID)
	}
	return cmp.Or(c.Issuer.Name.String(), c.Issuer.ID)
}

// duplicateOf returns the title of the member c duplicates, if any.
func (r *relations) duplicateOf(c *credential.Credential) string {
	cred, ach := duplicateKeys(c)
	for _, k := range append(ach, cred) {
		if t, ok := r.dupKeys[k]; ok && k != "" {
			return t
		}
	}
	return ""
}

// sharedProgramme finds a programme c and a member are both part of, or a
// member that is part of c, or c being part of a member.
func (r *relations) sharedProgramme(c *credential.Credential) (string, bool) {
	for _, p := range c.PartOf {
		for _, k := range conceptKeys(p) {
			if l, ok := r.programmes[k]; ok {
				return l, true
			}
		}
		if t, ok := r.identities[p.ID]; ok && p.ID != "" && !credential.LocalID(p.ID) {
			return t, true
		}
	}
	for _, id := range []string{c.SourceID, c.AchievementID} {
		if l, ok := r.programmes[id]; ok && id != "" && !credential.LocalID(id) {
			return l, true
		}
	}
	return "", false
}

func (r *relations) sharedFramework(c *credential.Credential) (string, bool) {
	for _, a := range c.Alignments {
		if fw, ok := r.frameworks[search.Fold(a.Framework.String())]; ok && fw != "" {
			return fw, true
		}
	}
	return "", false
}

func (r *relations) sameBody(c *credential.Credential) (string, bool) {
	b := body(c)
	name, ok := r.bodies[b]
	return name, ok && strings.TrimSpace(b) != ""
}
