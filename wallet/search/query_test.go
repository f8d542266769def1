package search_test

import (
	"errors"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/satchel-wallet/satchel/wallet/credential"
	"github.com/satchel-wallet/satchel/wallet/search"
)

func TestParseSort(t *testing.T) {
	tests := []struct {
		in   string
		want search.SortKey
		err  bool
	}{
		{"issued", search.SortIssued, false},
		{"added", search.SortAdded, false},
		{"title", search.SortTitle, false},
		{"issuer", search.SortIssuer, false},
		{"ects", search.SortECTS, false},
		{" ECTS ", search.SortECTS, false},
		{"", search.SortIssued, false},
		{"date", 0, true},
		{"eqf", 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := search.ParseSort(tt.in)
			if tt.err {
				if !errors.Is(err, search.ErrUnknownSort) {
					t.Fatalf("ParseSort(%q) error %v, want ErrUnknownSort", tt.in, err)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("ParseSort(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
			}
			if back, _ := search.ParseSort(got.String()); back != got {
				t.Errorf("%v does not round-trip through its name", got)
			}
		})
	}
}

func TestLimits(t *testing.T) {
	long := strings.Repeat("Rindfleischetikettierungsüberwachung", 3) // 111 letters
	docs := append(fixture(), search.Doc{Credential: &credential.Credential{ID: "long", Title: credential.Plain(long + " law")}})
	ix := search.Build(docs, "en")
	tests := []struct {
		name      string
		text      string
		want      []string
		truncated bool
	}{
		{"a long word is cut and still matches", long, []string{"long"}, true},
		{"a long word cut inside a phrase still matches", `"` + long + ` law"`, []string{"long"}, true},
		{"32 words are kept", strings.Repeat("science ", 32), []string{"ds", "fr", "notitle"}, false},
		{"words past 32 are dropped", strings.Repeat("science ", 32) + "nothing-like-this", []string{"ds", "fr", "notitle"}, true},
		{"a phrase is cut at 32 words", `"` + strings.Repeat("x ", 31) + `data science"`, nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ix.Search(search.Query{Text: tt.text})
			if !slices.Equal(sortedIDs(got), tt.want) || got.Truncated != tt.truncated {
				t.Errorf("found %v, truncated %v; want %v, %v", sortedIDs(got), got.Truncated, tt.want, tt.truncated)
			}
		})
	}
}

func TestBuild(t *testing.T) {
	ix := search.Build(fixture(), "en")
	if ix.Len() != 8 {
		t.Errorf("Len() = %d, want 8 (the nil credential skipped)", ix.Len())
	}
	empty := search.Build(nil, "en")
	if r := empty.Search(search.Query{Text: "x", Sort: search.SortTitle}); empty.Len() != 0 || r.Total != 0 || r.Credentials != nil {
		t.Errorf("empty index: Len %d, %+v", empty.Len(), r)
	}
	if f := empty.Facets(search.Query{}); f.Issuers != nil || f.Tags != nil || f.EQF != nil {
		t.Errorf("empty index facets: %+v", f)
	}
	// Duplicate ids are kept, in input order.
	a := &credential.Credential{ID: "same", Title: credential.Plain("first")}
	b := &credential.Credential{ID: "same", Title: credential.Plain("second")}
	dup := search.Build([]search.Doc{{Credential: a}, {Credential: b}}, "en")
	if got := dup.Search(search.Query{}).Credentials; len(got) != 2 || got[0] != a || got[1] != b {
		t.Errorf("duplicates: %v", got)
	}
}

// TestConcurrentSearch runs queries from several goroutines, for the race
// detector.
func TestConcurrentSearch(t *testing.T) {
	docs := corpus(500, 9)
	ix := search.Build(docs, "en")
	want := ix.Search(search.Query{Text: "data", Sort: search.SortTitle}).Total
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for range 50 {
				if got := ix.Search(search.Query{Text: "data", Sort: search.SortTitle}).Total; got != want {
					t.Errorf("concurrent search found %d, want %d", got, want)
				}
				ix.Facets(search.Query{Text: "łódź"})
				search.Fold("Łódź")
			}
		})
	}
	wg.Wait()
}
