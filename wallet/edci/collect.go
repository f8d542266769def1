package edci

import (
	"slices"
	"strings"

	"github.com/satchel-wallet/satchel/wallet/credential"
)

// maxJoined bounds the values joined into one element of the credential
// (its assessment types, modes, grades, notes): real credentials have a
// handful, and a file with thousands would make every join cost more.
const maxJoined = 100

// add queues t to be joined into field by finish. Joining once at the end
// keeps the cost linear in the number of values.
func (z *normaliser) add(field *credential.Text, t credential.Text) {
	if t.IsZero() || len(z.pending[field]) >= maxJoined {
		return
	}
	if z.pending == nil {
		z.pending = map[*credential.Text][]credential.Text{}
	}
	z.pending[field] = append(z.pending[field], t)
}

// finish joins the queued texts and sets the collected lists.
func (z *normaliser) finish() {
	c := &z.out.cred
	lines := map[*credential.Text]bool{&c.Prerequisites: true, &c.Stackability: true, &c.FurtherInformation: true}
	for field, parts := range z.pending {
		sep := "; "
		if lines[field] {
			sep = "\n"
		}
		*field = join(sep, append([]credential.Text{*field}, parts...)...)
	}
	c.FieldOfStudy, c.Alignments = z.fields.list, z.aligns.list
	c.Languages = uniq(c.Languages)
}

// join joins texts with sep, language by language: for every language any
// of them has, each contributes its text in that language or, lacking it,
// its default text (see credential.Text.In); a value is given once.
func join(sep string, ts ...credential.Text) credential.Text {
	ts = slices.DeleteFunc(slices.Clone(ts), credential.Text.IsZero)
	if len(ts) == 0 {
		return nil
	}
	if len(ts) == 1 {
		return ts[0]
	}
	fallback := make([]string, len(ts))
	langs := map[string]bool{}
	for i, t := range ts {
		fallback[i] = t.In()
		for _, l := range t {
			if l.Value != "" {
				langs[l.Tag] = true
			}
		}
	}
	var out credential.Text
	for l := range langs {
		seen := map[string]bool{}
		var parts []string
		for i, t := range ts {
			v := t.Get(l)
			if v == "" {
				v = fallback[i]
			}
			if v != "" && !seen[v] {
				seen[v] = true
				parts = append(parts, v)
			}
		}
		out.Set(l, strings.Join(parts, sep))
	}
	return out
}

// concepts is a list of concepts without repeats.
type concepts struct {
	list []credential.Concept
	seen map[string]bool
}

// add appends c unless it is empty or already there.
func (s *concepts) add(c credential.Concept) {
	if c.ID == "" && c.Code == "" && c.Label.IsZero() {
		return
	}
	key := c.ID + "\x00" + c.Code + "\x00" + c.Label.String()
	if s.seen[key] {
		return
	}
	if s.seen == nil {
		s.seen = map[string]bool{}
	}
	s.seen[key] = true
	s.list = append(s.list, c)
}

// uniq returns list without repeats, in first-seen order.
func uniq(list []string) []string {
	seen := make(map[string]bool, len(list))
	out := list[:0]
	for _, s := range list {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}
