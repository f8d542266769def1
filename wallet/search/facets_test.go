package search_test

import (
	"reflect"
	"testing"

	"github.com/satchel-wallet/satchel/wallet/search"
)

func TestFacets(t *testing.T) {
	ix := search.Build(fixture(), "en")
	tests := []struct {
		name string
		q    search.Query
		want search.Facets
	}{
		{"whole index", search.Query{}, search.Facets{
			Issuers: []search.IssuerCount{
				{Key: "did:web:tum.de", Name: "Technische Universität München", Count: 2},
				{Key: "did:web:auth.gr", Name: "Aristotle University of Thessaloniki", Count: 1},
				{Key: "did:key:z6MkRu", Name: "did:key:z6MkRu", Count: 1},
				{Key: "https://open.example", Name: "Open University", Count: 1},
				{Key: "Politechnika Łódzka", Name: "Politechnika Łódzka", Count: 1},
				{Key: "Université Paris-Saclay", Name: "Université Paris-Saclay", Count: 1},
				{Key: "University of Lodz", Name: "University of Lodz", Count: 1},
				{Key: "Zeta Academy", Name: "Zeta Academy", Count: 1},
			},
			Tags: []search.TagCount{{Tag: "cv", Count: 2}, {Tag: "études", Count: 1}, {Tag: "Work", Count: 1}},
			EQF: []search.LevelCount{
				{Level: 0, Count: 1},
				{Level: 4, Count: 1},
				{Level: 5, Count: 1},
				{Level: 6, Count: 3},
				{Level: 7, Count: 2},
			},
		}},
		{"a query", search.Query{Text: "inf", Sort: search.SortTitle, Limit: 1}, search.Facets{
			Issuers: []search.IssuerCount{{Key: "did:web:tum.de", Name: "Technische Universität München", Count: 1}},
			Tags:    []search.TagCount{{Tag: "cv", Count: 1}}, // spelled as "ru", first by ID, spells it
			EQF:     []search.LevelCount{{Level: 6, Count: 1}},
		}},
		{"no match", search.Query{Text: "nothing"}, search.Facets{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ix.Facets(tt.q); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Facets =\n%+v\nwant\n%+v", got, tt.want)
			}
		})
	}
	// A facet's key selects what it counts.
	for _, is := range ix.Facets(search.Query{}).Issuers {
		if n := ix.Search(search.Query{Issuer: is.Key}).Total; n != is.Count {
			t.Errorf("Issuer %q finds %d, facet says %d", is.Key, n, is.Count)
		}
	}
}
