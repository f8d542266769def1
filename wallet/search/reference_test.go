package search_test

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/satchel-wallet/satchel/wallet/credential"
	"github.com/satchel-wallet/satchel/wallet/search"
)

// The reference: a linear scan over every credential, written from the
// package documentation without looking at the index, to check the index
// against on many queries. Slow and simple on purpose.

type refDoc struct {
	c      *credential.Credential
	cols   []string
	values [][]string // the folded tokens of each text value
	joined string     // every token, space-separated, with spaces at both ends
	title  string     // the sort keys: folded words of the title and issuer name
	issuer string
}

type reference struct {
	docs []refDoc
	lang string
}

func newReference(docs []search.Doc, lang string) *reference {
	ref := &reference{lang: lang}
	for _, d := range docs {
		if d.Credential == nil {
			continue
		}
		rd := refDoc{c: d.Credential, cols: d.Collections}
		var all []string
		for _, v := range refTexts(d.Credential) {
			toks := refTokens(v)
			rd.values = append(rd.values, toks)
			all = append(all, toks...)
		}
		rd.joined = " " + strings.Join(all, " ") + " "
		rd.title = strings.Join(refTokens(d.Credential.Title.In(lang)), " ")
		rd.issuer = strings.Join(refTokens(d.Credential.Issuer.Name.In(lang)), " ")
		ref.docs = append(ref.docs, rd)
	}
	return ref
}

func refTokens(s string) []string {
	return strings.FieldsFunc(search.Fold(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r)
	})
}

// refTexts lists the indexed texts, as the package documentation names them.
func refTexts(c *credential.Credential) []string {
	var out []string
	add := func(ts ...credential.Text) {
		for _, t := range ts {
			for _, l := range t {
				out = append(out, l.Value)
			}
		}
	}
	labels := func(cs []credential.Concept) {
		for _, k := range cs {
			add(k.Label)
		}
	}
	add(c.Title, c.Description, c.Issuer.Name, c.Issuer.Country, c.Learner.Name)
	if c.AwardingBody != nil {
		add(c.AwardingBody.Name, c.AwardingBody.Country)
	}
	for _, o := range c.LearningOutcomes {
		add(o.Title, o.Description)
		for _, s := range o.Skills {
			add(s.Label)
			out = append(out, s.ID)
		}
	}
	for _, f := range c.FieldOfStudy {
		add(f.Label)
		out = append(out, f.Code)
	}
	add(c.Grade, c.Assessment, c.Participation, c.QualityAssurance, c.Prerequisites,
		c.Supervision, c.Stackability, c.FurtherInformation)
	labels(c.PartOf)
	labels(c.Alignments)
	labels(c.Accreditation)
	out = append(out, c.Profile)
	if c.NQF != nil {
		add(c.NQF.Label)
	}
	return append(out, c.Tags...)
}

// refWord is a query word: cut words and the last word of a phrase may
// begin a token.
type refWord struct {
	text   string
	prefix bool
}

func refParse(text string) (terms [][]refWord, truncated bool) {
	n := 0
	add := func(piece string) {
		toks := refTokens(piece)
		var t []refWord
		for i, tok := range toks {
			if n == search.MaxWords {
				truncated = true
				break
			}
			n++
			w := refWord{text: tok, prefix: i == len(toks)-1}
			if len(tok) > search.MaxWordBytes {
				cut := tok[:search.MaxWordBytes]
				for !utf8.ValidString(cut) {
					cut = cut[:len(cut)-1]
				}
				w.text, w.prefix, truncated = cut, true, true
			}
			t = append(t, w)
		}
		if len(t) > 0 {
			if len(t) < len(toks) { // the phrase was cut: its new last word begins a token
				t[len(t)-1].prefix = true
			}
			terms = append(terms, t)
		}
	}
	quoted, piece := false, []rune{}
	flush := func() {
		if quoted {
			add(string(piece))
		} else {
			for _, f := range strings.Fields(string(piece)) {
				add(f)
			}
		}
		piece = piece[:0]
	}
	for _, r := range text {
		if strings.ContainsRune("\"“”„«»", r) {
			flush()
			quoted = !quoted
			continue
		}
		piece = append(piece, r)
	}
	flush()
	return terms, truncated
}

func (d *refDoc) hasTerm(t []refWord) bool {
	if len(t) == 1 {
		w := t[0].text
		if utf8.RuneCountInString(w) >= 4 {
			return strings.Contains(d.joined, w)
		}
		return strings.Contains(d.joined, " "+w)
	}
	for _, toks := range d.values {
		for i := 0; i+len(t) <= len(toks); i++ {
			j := 0
			for j < len(t) && (toks[i+j] == t[j].text || t[j].prefix && strings.HasPrefix(toks[i+j], t[j].text)) {
				j++
			}
			if j == len(t) {
				return true
			}
		}
	}
	return false
}

func refParty(p *credential.Party, who string) bool {
	if p.ID == who {
		return true
	}
	words := refTokens(who)
	if len(words) == 0 {
		return false
	}
	words = words[:min(len(words), search.MaxWords)]
	var toks []string
	for _, l := range p.Name {
		toks = append(toks, refTokens(l.Value)...)
	}
	for _, w := range words {
		if !slices.ContainsFunc(toks, func(t string) bool { return strings.HasPrefix(t, w) }) {
			return false
		}
	}
	return true
}

func (d *refDoc) matches(q search.Query, terms [][]refWord) bool {
	c := d.c
	for _, t := range terms {
		if !d.hasTerm(t) {
			return false
		}
	}
	if who := strings.TrimSpace(q.Issuer); who != "" && !refParty(&c.Issuer, who) && (c.AwardingBody == nil || !refParty(c.AwardingBody, who)) {
		return false
	}
	if len(q.EQF) > 0 && !slices.Contains(q.EQF, c.EQF) {
		return false
	}
	if (q.ECTSMin != nil || q.ECTSMax != nil) && (c.ECTS == nil || math.IsNaN(*c.ECTS)) {
		return false
	}
	if q.ECTSMin != nil && *c.ECTS < *q.ECTSMin || q.ECTSMax != nil && *c.ECTS > *q.ECTSMax {
		return false
	}
	day := func(t time.Time, add int) time.Time {
		return time.Date(t.Year(), t.Month(), t.Day()+add, 0, 0, 0, 0, t.Location())
	}
	if !q.From.IsZero() && (c.Issued.IsZero() || c.Issued.Before(day(q.From, 0))) {
		return false
	}
	if !q.To.IsZero() && (c.Issued.IsZero() || !c.Issued.Before(day(q.To, 1))) {
		return false
	}
	if len(q.Verdicts) > 0 && !slices.Contains(q.Verdicts, c.Verification.Verdict) {
		return false
	}
	if len(q.Formats) > 0 && !slices.Contains(q.Formats, c.Format) {
		return false
	}
	if len(q.Collections) > 0 && !slices.ContainsFunc(q.Collections, func(id string) bool { return slices.Contains(d.cols, id) }) {
		return false
	}
	for _, tag := range q.Tags {
		want := search.Fold(strings.TrimSpace(tag))
		if want != "" && !slices.ContainsFunc(c.Tags, func(t string) bool { return search.Fold(strings.TrimSpace(t)) == want }) {
			return false
		}
	}
	if q.Expired != nil {
		now := q.Now
		if now.IsZero() {
			now = time.Now()
		}
		expired := !c.ValidUntil.IsZero() && c.ValidUntil.Before(now)
		if expired != *q.Expired {
			return false
		}
	}
	return true
}

// key returns the credential's sort key as a comparable value, and false
// when it has none.
func (ref *reference) key(d *refDoc, k search.SortKey) (float64, string, bool) {
	c := d.c
	switch k {
	case search.SortAdded:
		return float64(c.Added.UnixNano()), "", !c.Added.IsZero()
	case search.SortTitle:
		return 0, d.title, d.title != ""
	case search.SortIssuer:
		return 0, d.issuer, d.issuer != ""
	case search.SortECTS:
		if c.ECTS == nil || math.IsNaN(*c.ECTS) {
			return 0, "", false
		}
		return *c.ECTS, "", true
	}
	return float64(c.Issued.UnixNano()), "", !c.Issued.IsZero()
}

func (ref *reference) search(q search.Query) search.Result {
	terms, truncated := refParse(q.Text)
	var found []*refDoc
	for i := range ref.docs {
		if ref.docs[i].matches(q, terms) {
			found = append(found, &ref.docs[i])
		}
	}
	// Names sort A to Z; dates and credits largest first.
	ascending := q.Sort == search.SortTitle || q.Sort == search.SortIssuer
	if q.Reverse {
		ascending = !ascending
	}
	slices.SortStableFunc(found, func(a, b *refDoc) int {
		fa, sa, ha := ref.key(a, q.Sort)
		fb, sb, hb := ref.key(b, q.Sort)
		if ha != hb {
			if ha {
				return -1
			}
			return 1
		}
		c := cmp.Or(cmp.Compare(fa, fb), strings.Compare(sa, sb))
		if !ascending {
			c = -c
		}
		if !ha {
			c = 0
		}
		return cmp.Or(c, strings.Compare(a.c.ID, b.c.ID))
	})
	got := make([]*credential.Credential, len(found))
	for i, d := range found {
		got[i] = d.c
	}
	res := search.Result{Total: len(got), Truncated: truncated}
	got = got[min(max(q.Offset, 0), len(got)):]
	if q.Limit > 0 && q.Limit < len(got) {
		got = got[:q.Limit]
	}
	if len(got) > 0 {
		res.Credentials = got
	}
	return res
}
