package wallet_test

import (
	"cmp"
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/satchel-wallet/satchel/internal/fixture"
	"github.com/satchel-wallet/satchel/internal/interop"
	"github.com/satchel-wallet/satchel/wallet"
	"github.com/satchel-wallet/satchel/wallet/credential"
	"github.com/satchel-wallet/satchel/wallet/search"
	"github.com/satchel-wallet/satchel/wallet/stack"
)

// filled is a wallet holding the third-party corpus and the fixtures.
type filled struct {
	w      *wallet.Wallet
	m      manifest
	ids    map[string]string // input file name -> credential id
	stored map[string]bool   // credential ids in the wallet
}

// fixtureFiles are the fixtures imported beside the corpus: European
// Digital Credentials (ELM 3 and 2), Europass XML, Open Badges 3.0.
var fixtureFiles = []string{
	"edc/ebsi-vcdm2-elm32/*.json",
	"edc/elm-v3/Sample-*.jsonld",
	"edc/elm-v3/credential-sample.jsonld",
	"edc/elm-v2-xml/*.xml",
	"vectors/ob3/spec-ldp-testvector/signed.json",
}

func fillWallet(t *testing.T) filled {
	t.Helper()
	dir, m := interop.CorpusManifest(t, 200)
	f := filled{m: *m, ids: map[string]string{}, stored: map[string]bool{}}
	var in []wallet.Input
	for _, e := range f.m.Entries {
		data, err := os.ReadFile(filepath.Join(dir, e.File))
		if err != nil {
			t.Fatal(err)
		}
		in = append(in, wallet.Input{Name: e.File, Data: data})
	}
	for _, pattern := range fixtureFiles {
		files, _ := filepath.Glob(filepath.Join(fixture.Root(t), pattern))
		if len(files) == 0 {
			t.Fatalf("no fixture matches %s", pattern)
		}
		for _, file := range files {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			in = append(in, wallet.Input{Name: filepath.Base(file), Data: data})
		}
	}
	f.w = newWallet(t)
	if _, err := f.w.AddHolder("Elena", wallet.KeyEd25519); err != nil {
		t.Fatal(err)
	}
	ch, err := wallet.NewChecker([]wallet.Holder{{Name: "Elena", DID: f.m.Holder.DID}})
	if err != nil {
		t.Fatal(err)
	}
	res, err := f.w.Import(context.Background(), ch, in, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range res {
		if r.Status == wallet.Imported || r.Status == wallet.Duplicate {
			f.ids[r.Input] = r.Credential.ID
		}
	}
	all, err := f.w.Credentials()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range all {
		f.stored[c.ID] = true
	}
	if len(f.stored) < 220 {
		t.Fatalf("only %d credentials stored", len(f.stored))
	}
	return f
}

// idsWhere returns the ids of the corpus entries that satisfy keep.
func (f *filled) idsWhere(keep func(e entry) bool) []string {
	var out []string
	for _, e := range f.m.Entries {
		if id, ok := f.ids[e.File]; ok && keep(e) && !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	slices.Sort(out)
	return out
}

func resultIDs(r search.Result) []string {
	var out []string
	for _, c := range r.Credentials {
		out = append(out, c.ID)
	}
	return out
}

func sortedIDs(r search.Result) []string {
	out := resultIDs(r)
	slices.Sort(out)
	return out
}

func TestOrganiseSearch(t *testing.T) {
	f := fillWallet(t)
	ix, err := f.w.Index("en")
	if err != nil {
		t.Fatal(err)
	}
	if ix.Len() != len(f.stored) {
		t.Fatalf("index holds %d, wallet %d", ix.Len(), len(f.stored))
	}
	gdpr := f.idsWhere(func(e entry) bool { return e.Title == "Data Protection (GDPR) for SMEs" })
	issuer := f.m.Entries[0].Issuer
	inRange := func(e entry) bool {
		return e.Expect == "valid" && e.Issuer == issuer && e.EQF != nil && *e.EQF == 6 && e.ECTS != nil && *e.ECTS >= 3 && *e.ECTS <= 5
	}
	corpus := map[string]bool{}
	for _, id := range f.idsWhere(func(entry) bool { return true }) {
		corpus[id] = true
	}
	cases := []struct {
		name string
		q    search.Query
		want []string
	}{
		{"words of a learning outcome", search.Query{Text: "processing ACTIVITIES"}, gdpr},
		{"non-English title, accents left out", search.Query{Text: "maste asuntos internacionales"}, []string{f.ids["Diploma_rntuo_credential.json"]}},
		{"French title, accents left out", search.Query{Text: "reussite scolaire"}, []string{f.ids["credential-sample.jsonld"]}},
		{"issuer, level and ECTS range", search.Query{
			Issuer: issuer, EQF: []int{6}, ECTSMin: ptrF(3), ECTSMax: ptrF(5), Verdicts: []credential.Verdict{credential.Verified},
		}, f.idsWhere(inRange)},
		{
			"not verified",
			search.Query{Verdicts: []credential.Verdict{credential.NotVerified}, Formats: []credential.Format{credential.FormatVCLDP, credential.FormatVCJWT, credential.FormatSDJWT}},
			f.idsWhere(func(e entry) bool { return e.Expect == "invalid" }),
		},
		{
			"SD-JWT VCs",
			search.Query{Formats: []credential.Format{credential.FormatSDJWT}, Verdicts: []credential.Verdict{credential.Verified}},
			f.idsWhere(func(e entry) bool { return e.Expect == "valid" && e.Format == "sd-jwt-vc" }),
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if len(c.want) == 0 || c.want[0] == "" {
				t.Fatalf("no expected credentials: the case is broken")
			}
			got := sortedIDs(ix.Search(c.q))
			if c.name == "not verified" { // the fixtures hold some too
				got = slices.DeleteFunc(got, func(id string) bool { return !corpus[id] })
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("got %d credentials, want %d:\ngot  %v\nwant %v", len(got), len(c.want), got, c.want)
			}
		})
	}

	// Sorts give the manifest's order, ties broken by id.
	jwt := func(e entry) bool { return e.Expect == "valid" && strings.HasPrefix(e.Format, "vc1-jwt") }
	byID := map[string]entry{}
	for _, e := range f.m.Entries {
		if id := f.ids[e.File]; id != "" && jwt(e) {
			byID[id] = e
		}
	}
	want := f.idsWhere(jwt)
	slices.SortFunc(want, func(a, b string) int {
		return cmp.Or(cmp.Compare(search.Fold(byID[a].Title), search.Fold(byID[b].Title)), cmp.Compare(a, b))
	})
	q := search.Query{Formats: []credential.Format{credential.FormatVCJWT}, Verdicts: []credential.Verdict{credential.Verified}, Sort: search.SortTitle}
	if got := resultIDs(ix.Search(q)); !slices.Equal(got, want) {
		t.Errorf("by title:\ngot  %v\nwant %v", got, want)
	}
	slices.SortStableFunc(want, func(a, b string) int {
		return cmp.Or(cmp.Compare(*byID[b].ECTS, *byID[a].ECTS), cmp.Compare(a, b))
	})
	q.Sort = search.SortECTS
	if got := resultIDs(ix.Search(q)); !slices.Equal(got, want) {
		t.Errorf("by ECTS:\ngot  %v\nwant %v", got, want)
	}
}

func ptrF(f float64) *float64 { return &f }

func TestOrganiseCollectionsTagsStacks(t *testing.T) {
	f := fillWallet(t)
	w := f.w
	issuer := f.m.Entries[0].Issuer
	valid := f.idsWhere(func(e entry) bool { return e.Expect == "valid" && e.Issuer == issuer })
	if len(valid) < 10 {
		t.Fatalf("only %d credentials from %s", len(valid), issuer)
	}

	// Collections: create, add by id prefix, rename, filter by.
	c, err := w.CreateCollection("  Job   applications ")
	if err != nil || c.Name != "Job applications" {
		t.Fatalf("create: %+v %v", c, err)
	}
	if _, err := w.CreateCollection("JOB APPLICATIONS"); !errors.Is(err, wallet.ErrExists) {
		t.Fatalf("same name again: %v", err)
	}
	if _, added, err := w.AddToCollection("job applications", valid[0][:8], valid[1], valid[1]); err != nil || len(added) != 2 {
		t.Fatalf("add: %v %v", added, err)
	}
	if _, _, err := w.AddToCollection(c.ID, "ffffffffffff"); !errors.Is(err, wallet.ErrNotFound) {
		t.Fatalf("add unknown id: %v", err)
	}
	if _, err := w.RenameCollection(c.ID, "Applications 2026"); err != nil {
		t.Fatal(err)
	}
	ix, _ := w.Index("en")
	if got := sortedIDs(ix.Search(search.Query{Collections: []string{c.ID}})); !slices.Equal(got, valid[:2]) {
		t.Errorf("collection filter: %v, want %v", got, valid[:2])
	}

	// Tags: folded duplicates ignored, searchable, filterable.
	if got, err := w.AddTags(valid[2], "Python", "  data   science ", "python"); err != nil || !slices.Equal(got.Tags, []string{"Python", "data science"}) {
		t.Fatalf("tags: %v %v", got.Tags, err)
	}
	if _, err := w.AddTags(valid[2], strings.Repeat("x", 65)); !errors.Is(err, wallet.ErrInvalid) {
		t.Fatalf("long tag: %v", err)
	}
	ix, _ = w.Index("en")
	if got := resultIDs(ix.Search(search.Query{Tags: []string{"PYTHON"}})); !slices.Equal(got, valid[2:3]) {
		t.Errorf("tag filter: %v", got)
	}
	if got := resultIDs(ix.Search(search.Query{Text: "data science", Tags: []string{"python"}})); !slices.Equal(got, valid[2:3]) {
		t.Errorf("tag text search: %v", got)
	}
	// Re-verifying keeps the learner's tags.
	ch, _ := w.Checker()
	if c, err := w.Reverify(context.Background(), ch, valid[2]); err != nil || len(c.Tags) != 2 {
		t.Fatalf("reverify lost tags: %v %v", c.Tags, err)
	}

	// A stack of every valid credential of one issuer: its total is the
	// manifest's sum.
	s, err := w.CreateStack(stack.Stack{Name: "Estonian micro-credentials", Members: slices.Clone(valid), Target: stack.Target{ECTS: ptrF(30), MinEQF: 6}})
	if err != nil {
		t.Fatal(err)
	}
	p, err := w.StackProgress(s.Name)
	if err != nil {
		t.Fatal(err)
	}
	var sum float64
	below := map[string]bool{}
	for _, e := range f.m.Entries {
		if id := f.ids[e.File]; slices.Contains(valid, id) && e.Expect == "valid" {
			sum += *e.ECTS
			below[id] = *e.EQF < 6
		}
	}
	if p.ECTS != sum || len(p.Members) != len(valid) {
		t.Errorf("stack ECTS %g over %d members, want the manifest's sum %g over %d", p.ECTS, len(p.Members), sum, len(valid))
	}
	for _, m := range p.Members {
		if m.Flagged(stack.FlagBelowLevel) != below[m.ID] {
			t.Errorf("%s: below-level flag %v, manifest says below %v", m.ID, m.Flagged(stack.FlagBelowLevel), below[m.ID])
		}
	}

	// Deleting a member takes it out of collections and stacks, and says
	// which.
	d, err := w.DeleteCredential(valid[1])
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(d.Collections, []string{"Applications 2026"}) || !slices.Equal(d.Stacks, []string{s.Name}) {
		t.Errorf("deleted from %v and %v", d.Collections, d.Stacks)
	}
	got, _ := w.Collection(c.ID)
	p2, _ := w.StackProgress(s.ID)
	if len(got.Members) != 1 || len(p2.Members) != len(valid)-1 || len(p2.Missing) != 0 {
		t.Errorf("after delete: collection %v, stack %d members, %v missing", got.Members, len(p2.Members), p2.Missing)
	}
	if _, err := w.DeleteCollection("applications 2026"); err != nil {
		t.Fatal(err)
	}
	if _, _, err := w.Credential(valid[0]); err != nil {
		t.Errorf("deleting a collection deleted its credential: %v", err)
	}
}
