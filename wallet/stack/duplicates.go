package stack

import (
	"slices"
	"strconv"
	"strings"

	"github.com/satchel-wallet/satchel/wallet/credential"
	"github.com/satchel-wallet/satchel/wallet/search"
)

// body identifies who awarded c: the awarding body, or the issuer when the
// credential names none; by identifier, else by folded name.
func body(c *credential.Credential) string {
	p := &c.Issuer
	if !c.AwardingBody.IsZero() {
		p = c.AwardingBody
	}
	if p.ID != "" && !credential.LocalID(p.ID) {
		return p.ID
	}
	return search.Fold(p.Name.String())
}

// duplicateKeys returns the keys under which c equals another credential:
// the same credential (its own id from the same issuer) and the same
// achievement from the same awarding body (by achievement id, and by
// title).
func duplicateKeys(c *credential.Credential) (sameCredential string, sameAchievement []string) {
	if c.SourceID != "" && !credential.LocalID(c.SourceID) {
		sameCredential = c.Issuer.ID + "\x00" + c.SourceID
	}
	b := body(c)
	if b == "" {
		return sameCredential, nil
	}
	if c.AchievementID != "" && !credential.LocalID(c.AchievementID) {
		sameAchievement = append(sameAchievement, "a\x00"+b+"\x00"+c.AchievementID)
	}
	if t := search.Fold(c.Title.String()); t != "" {
		sameAchievement = append(sameAchievement, "t\x00"+b+"\x00"+t)
	}
	return sameCredential, sameAchievement
}

// flagDuplicates groups members that are the same credential or the same
// achievement from the same awarding body and flags every member of a
// group; the earliest award is marked First and is the one that counts.
// It returns each member's group: members i and j are duplicates when
// group[i] == group[j].
func flagDuplicates(ms []Member) []int {
	parent := make([]int, len(ms))
	for i := range parent {
		parent[i] = i
	}
	find := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	sameCred := make([]bool, len(ms))
	owner := make(map[string]int)
	join := func(key string, i int, credential bool) {
		if j, ok := owner[key]; ok {
			parent[find(i)] = find(j)
			if credential {
				sameCred[i], sameCred[j] = true, true
			}
			return
		}
		owner[key] = i
	}
	for i := range ms {
		cred, ach := duplicateKeys(ms[i].Credential)
		if cred != "" {
			join("c\x00"+cred, i, true)
		}
		for _, k := range ach {
			join(k, i, false)
		}
	}
	groups := make(map[int][]int)
	for i := range ms {
		r := find(i)
		groups[r] = append(groups[r], i)
	}
	for _, g := range groups {
		if len(g) < 2 {
			continue
		}
		first := slices.MinFunc(g, func(a, b int) int { return earlier(ms[a].Credential, ms[b].Credential) })
		for _, i := range g {
			f := Flag{Code: FlagDuplicate, First: i == first, Args: map[string]string{"Count": strconv.Itoa(len(g) - 1)}}
			if sameCred[i] {
				f.Args["Same"] = "credential"
			} else {
				f.Args["Same"] = "achievement"
			}
			if i != first {
				f.Args["First"] = ms[first].Credential.Title.String()
				f.Args["FirstID"] = shortID(ms[first].ID)
			}
			for _, k := range g {
				if k != i {
					f.With = append(f.With, ms[k].ID)
				}
			}
			ms[i].Flags = append(ms[i].Flags, f)
		}
	}
	group := make([]int, len(ms))
	for i := range ms {
		group[i] = find(i)
	}
	return group
}

// earlier orders credentials by date of issue (unknown dates last), then id.
func earlier(a, b *credential.Credential) int {
	switch {
	case a.Issued.IsZero() != b.Issued.IsZero():
		if a.Issued.IsZero() {
			return 1
		}
		return -1
	case !a.Issued.Equal(b.Issued):
		return a.Issued.Compare(b.Issued)
	}
	return strings.Compare(a.ID, b.ID)
}

// maxOverlapNames bounds the outcomes named in an overlap flag.
const maxOverlapNames = 3

// outcomeRef is one key of one learning outcome of one member. Two
// outcomes are the same when they share a key: a linked skill, or the same
// folded title in some language.
type outcomeRef struct{ member, outcome, key int32 }

// outcomeIndex lists every key of every member's outcomes (refs, grouped
// by member then outcome) and the same refs sorted by key, with where each
// key's run starts, so that the members holding a key are a slice.
type outcomeIndex struct {
	refs, byKey []outcomeRef
	start       []int32
}

// holders returns the refs of every member holding key.
func (x *outcomeIndex) holders(key int32) []outcomeRef { return x.byKey[x.start[key]:x.start[key+1]] }

func indexOutcomes(ms []Member, titles [][][]string) *outcomeIndex {
	n := 0
	for i := range ms {
		for k, o := range ms[i].Credential.LearningOutcomes {
			n += len(o.Skills) + len(titles[i][k])
		}
	}
	x := &outcomeIndex{refs: make([]outcomeRef, 0, n)}
	// One map for skill URIs and folded titles: a title is never a URI,
	// and if one were, the two outcomes would be the same one anyway.
	ids := make(map[string]int32, n/2)
	add := func(key string, i, k int) {
		id, ok := ids[key]
		if !ok {
			id = int32(len(ids))
			ids[key] = id
		}
		x.refs = append(x.refs, outcomeRef{int32(i), int32(k), id})
	}
	for i := range ms {
		for k, o := range ms[i].Credential.LearningOutcomes {
			for _, s := range o.Skills {
				if s.ID != "" {
					add(s.ID, i, k)
				}
			}
			for _, f := range titles[i][k] {
				add(f, i, k)
			}
		}
	}
	// Counting sort by key: keys are dense, and refs are already in member
	// order, which the sort keeps within each key.
	keys := len(ids)
	x.start = make([]int32, keys+1)
	for _, r := range x.refs {
		x.start[r.key+1]++
	}
	for k := 1; k <= keys; k++ {
		x.start[k] += x.start[k-1]
	}
	x.byKey = make([]outcomeRef, len(x.refs))
	next := slices.Clone(x.start[:keys])
	for _, r := range x.refs {
		x.byKey[next[r.key]] = r
		next[r.key]++
	}
	return x
}

// flagOverlaps flags members whose learning outcomes repeat in another
// member that is not a duplicate of it (duplicates repeat everything and
// are flagged as such).
func flagOverlaps(ms []Member, group []int, titles [][][]string) {
	x := indexOutcomes(ms, titles)
	refs := x.refs
	// seen[j] == i+1 marks member j as already found overlapping member i,
	// so that shared outcomes held by many members cost no search.
	seen := make([]int32, len(ms))
	// refs are grouped by member, then by outcome, in order.
	for start := 0; start < len(refs); {
		i := refs[start].member
		end := start
		for end < len(refs) && refs[end].member == i {
			end++
		}
		var with []int32
		var names []string
		count, lastShared := 0, int32(-1)
		for _, r := range refs[start:end] {
			for _, h := range x.holders(r.key) {
				j := h.member
				if j == i || group[j] == group[i] {
					continue
				}
				if seen[j] != i+1 {
					seen[j] = i + 1
					with = append(with, j)
				}
				if lastShared != r.outcome {
					lastShared = r.outcome
					count++
					if t := ms[i].Credential.LearningOutcomes[r.outcome].Title.String(); t != "" && len(names) < maxOverlapNames {
						names = append(names, t)
					}
				}
			}
		}
		start = end
		if count == 0 {
			continue
		}
		slices.Sort(with)
		f := Flag{Code: FlagOverlap, Args: map[string]string{"Count": strconv.Itoa(count), "Outcomes": joinQuoted(names)}}
		f.With = make([]string, len(with))
		for k, j := range with {
			f.With[k] = ms[j].ID
		}
		ms[i].Flags = append(ms[i].Flags, f)
	}
}

// shortID is the id prefix a learner sees in lists.
func shortID(id string) string { return id[:min(len(id), 12)] }
