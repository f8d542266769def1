package search_test

import (
	"slices"
	"testing"
	"time"

	"github.com/satchel-wallet/satchel/wallet/credential"
	"github.com/satchel-wallet/satchel/wallet/search"
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

var (
	tum  = credential.Party{ID: "did:web:tum.de", Name: credential.TextOf("de", "Technische Universität München"), Country: credential.Plain("Deutschland")}
	auth = credential.Party{ID: "did:web:auth.gr", Name: credential.TextOf("el", "Αριστοτέλειο Πανεπιστήμιο Θεσσαλονίκης", "en", "Aristotle University of Thessaloniki")}
)

// fixture is a small hand-made wallet whose answers are worked out by hand
// in the tests below.
func fixture() []search.Doc {
	return []search.Doc{
		{Credential: &credential.Credential{
			ID: "wi", Format: credential.FormatVCLDP,
			Title:  credential.TextOf("de", "Wirtschaftsinformatik", "en", "Business Informatics"),
			Issuer: tum, EQF: 6, ECTS: ptr(5), Issued: day(2023, 5, 10), Added: day(2024, 1, 1),
			Tags: []string{"CV"}, Verification: credential.Verification{Verdict: credential.Verified},
		}, Collections: []string{"c1"}},
		{Credential: &credential.Credential{
			ID: "el", Format: credential.FormatEDC,
			Title:  credential.TextOf("el", "Πληροφορική"),
			Issuer: auth, EQF: 7, ECTS: ptr(10), Issued: time.Date(2021, 11, 30, 23, 30, 0, 0, time.UTC),
			Added: day(2024, 1, 2), ValidUntil: day(2022, 1, 1), Tags: []string{"études"},
			Verification: credential.Verification{Verdict: credential.NotVerified},
		}},
		{Credential: &credential.Credential{
			ID: "pl", Format: credential.FormatVCJWT,
			Title:  credential.TextOf("pl", "Łączność bezprzewodowa"),
			Issuer: credential.Party{Name: credential.Plain("Politechnika Łódzka")}, Added: day(2024, 2, 1),
			LearningOutcomes: []credential.Outcome{{
				Title:  credential.TextOf("en", "configure 5G networks"),
				Skills: []credential.Concept{{ID: "http://data.europa.eu/esco/skill/abc-123", Label: credential.TextOf("en", "network engineering")}},
			}},
			Verification: credential.Verification{Verdict: credential.Verified},
		}},
		{Credential: &credential.Credential{
			ID: "ru", Format: credential.FormatVCLDP,
			Title:  credential.TextOf("ru", "Информатика"),
			Issuer: credential.Party{ID: "did:key:z6MkRu"}, EQF: 5, ECTS: ptr(2.5), Issued: day(2020, 1, 15),
			Added: day(2023, 12, 31), Tags: []string{"cv", "Work"},
			Verification: credential.Verification{Verdict: credential.Verified},
		}},
		{Credential: &credential.Credential{
			ID: "ds", Format: credential.FormatOB2,
			Title:        credential.TextOf("en", "Data Science with Python"),
			Description:  credential.TextOf("en", "Learn data science and machine learning."),
			Issuer:       credential.Party{ID: "https://open.example", Name: credential.Plain("Open University")},
			AwardingBody: &credential.Party{Name: credential.TextOf("en", "University of Lodz")},
			EQF:          6, ECTS: ptr(5), Issued: day(2023, 5, 10), Added: day(2024, 1, 1),
			Verification: credential.Verification{Verdict: credential.Verified},
		}, Collections: []string{"c2"}},
		{Credential: &credential.Credential{
			ID: "de2", Format: credential.FormatVCLDP,
			Title:  credential.TextOf("de", "Datenbanken"),
			Issuer: tum, EQF: 6, ECTS: ptr(7.5), Issued: day(2022, 7, 1),
			Verification: credential.Verification{Verdict: credential.Verified},
		}},
		{Credential: &credential.Credential{
			ID: "notitle", Format: credential.FormatVCLDP,
			Description: credential.TextOf("en", "Science fiction writing"),
			Issuer:      credential.Party{Name: credential.Plain("Zeta Academy")}, EQF: 4, ECTS: ptr(1),
			Issued: day(2019, 3, 1), Added: day(2024, 3, 1),
			Verification: credential.Verification{Verdict: credential.Verified},
		}},
		{Credential: &credential.Credential{
			ID: "fr", Format: credential.FormatVCLDP,
			Title:  credential.TextOf("fr", "Science des données"),
			Issuer: credential.Party{Name: credential.TextOf("fr", "Université Paris-Saclay")}, Grade: credential.TextOf("fr", "très bien"),
			EQF: 7, ECTS: ptr(30), Issued: day(2024, 9, 1), Added: day(2024, 1, 5),
			Verification: credential.Verification{Verdict: credential.Verified},
		}, Collections: []string{"c1", "c2"}},
		{Credential: nil}, // skipped
	}
}

// sorted returns the ids of the result in ID order, for set comparisons.
func sortedIDs(r search.Result) []string { return slices.Sorted(slices.Values(ids(r.Credentials))) }

func TestText(t *testing.T) {
	ix := search.Build(fixture(), "en")
	all := []string{"de2", "ds", "el", "fr", "notitle", "pl", "ru", "wi"}
	tests := []struct {
		name, text string
		want       []string
	}{
		{"empty matches all", "", all},
		{"only punctuation matches all", " - ; ", all},
		{"infix in a German compound", "informatik", []string{"wi"}},
		{"prefix as you type", "wirt", []string{"wi"}},
		{"infix of 4+ letters", "schafts", []string{"wi"}},
		{"no infix under 4 letters", "tik", nil},
		{"prefix under 4 letters, also in a skill id", "dat", []string{"de2", "ds", "pl"}},
		{"upper case", "INFORMATI", []string{"wi"}},
		{"greek without accents", "πληροφορικη", []string{"el"}},
		{"greek capitals, prefix", "ΠΛΗΡΟΦ", []string{"el"}},
		{"cyrillic", "информ", []string{"ru"}},
		{"polish with and without accents", "łączność", []string{"pl"}},
		{"polish folded", "lacznosc", []string{"pl"}},
		{"issuer name and awarding body", "lodz", []string{"ds", "pl"}},
		{"issuer in its language", "München", []string{"de2", "wi"}},
		{"learning outcome", "5g", []string{"pl"}},
		{"skill label", "network engineering", []string{"pl"}},
		{"skill id", "http://data.europa.eu/esco/skill/abc-123", []string{"pl"}},
		{"grade", "tres bien", []string{"fr"}},
		{"AND across fields", "python machine", []string{"ds"}},
		{"AND fails", "python cobol", nil},
		{"one word, several docs", "science", []string{"ds", "fr", "notitle"}},
		{"two words anywhere", "science data", []string{"ds"}},
		{"phrase", `"data science"`, []string{"ds"}},
		{"phrase in order only", `"science data"`, nil},
		{"phrase, last word a prefix", `"science fict"`, []string{"notitle"}},
		{"phrase, inner words whole", `"scien fiction"`, nil},
		{"typographic quotes", "„data science“", []string{"ds"}},
		{"phrase stays within a value", `"python learn"`, nil},
		{"hyphenated word is a phrase", "data-science", []string{"ds"}},
		{"unclosed quote", `"machine learn`, []string{"ds"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ix.Search(search.Query{Text: tt.text})
			if !slices.Equal(sortedIDs(got), tt.want) || got.Total != len(tt.want) {
				t.Errorf("%q found %v (total %d), want %v", tt.text, sortedIDs(got), got.Total, tt.want)
			}
		})
	}
}

func TestFilters(t *testing.T) {
	ix := search.Build(fixture(), "en")
	utc1 := time.FixedZone("UTC+1", 3600)
	tests := []struct {
		name string
		q    search.Query
		want []string
	}{
		{"issuer id", search.Query{Issuer: "did:web:tum.de"}, []string{"de2", "wi"}},
		{"issuer name words", search.Query{Issuer: "technische MUNCH"}, []string{"de2", "wi"}},
		{"issuer name word beginnings only", search.Query{Issuer: "niversität"}, nil},
		{"issuer in another language", search.Query{Issuer: "aristotle"}, []string{"el"}},
		{"awarding body", search.Query{Issuer: "lodz"}, []string{"ds", "pl"}},
		{"issuer words within one party", search.Query{Issuer: "open lodz"}, nil},
		{"EQF", search.Query{EQF: []int{6}}, []string{"de2", "ds", "wi"}},
		{"EQF any of", search.Query{EQF: []int{4, 5}}, []string{"notitle", "ru"}},
		{"EQF 0 is no level", search.Query{EQF: []int{0}}, []string{"pl"}},
		{"ECTS min", search.Query{ECTSMin: ptr(5)}, []string{"de2", "ds", "el", "fr", "wi"}},
		{"ECTS max", search.Query{ECTSMax: ptr(2.5)}, []string{"notitle", "ru"}},
		{"ECTS range", search.Query{ECTSMin: ptr(5), ECTSMax: ptr(7.5)}, []string{"de2", "ds", "wi"}},
		{"ECTS open range skips unknown", search.Query{ECTSMin: ptr(0)}, []string{"de2", "ds", "el", "fr", "notitle", "ru", "wi"}},
		{"from", search.Query{From: day(2023, 5, 10)}, []string{"ds", "fr", "wi"}},
		{"from is a day", search.Query{From: time.Date(2023, 5, 10, 18, 0, 0, 0, time.UTC)}, []string{"ds", "fr", "wi"}},
		{"to includes its day", search.Query{To: day(2021, 11, 30)}, []string{"el", "notitle", "ru"}},
		{"to in its own zone", search.Query{To: time.Date(2021, 11, 30, 0, 0, 0, 0, utc1)}, []string{"notitle", "ru"}},
		{"date range", search.Query{From: day(2020, 1, 1), To: day(2022, 12, 31)}, []string{"de2", "el", "ru"}},
		{"verdict", search.Query{Verdicts: []credential.Verdict{credential.NotVerified}}, []string{"el"}},
		{"format", search.Query{Formats: []credential.Format{credential.FormatEDC, credential.FormatOB2}}, []string{"ds", "el"}},
		{"collections any of", search.Query{Collections: []string{"c1", "c2"}}, []string{"ds", "fr", "wi"}},
		{"unknown collection", search.Query{Collections: []string{"nope"}}, nil},
		{"tag folded", search.Query{Tags: []string{"cv"}}, []string{"ru", "wi"}},
		{"tags all of", search.Query{Tags: []string{"CV", "work"}}, []string{"ru"}},
		{"tag without accents", search.Query{Tags: []string{"Etudes"}}, []string{"el"}},
		{"unknown tag", search.Query{Tags: []string{"cv", "nope"}}, nil},
		{"empty tag ignored", search.Query{Tags: []string{" "}}, []string{"de2", "ds", "el", "fr", "notitle", "pl", "ru", "wi"}},
		{"expired", search.Query{Expired: new(true), Now: day(2023, 1, 1)}, []string{"el"}},
		{"not expired", search.Query{Expired: new(false), Now: day(2023, 1, 1)}, []string{"de2", "ds", "fr", "notitle", "pl", "ru", "wi"}},
		{"not yet expired", search.Query{Expired: new(true), Now: day(2021, 12, 31)}, nil},
		{"text and filters", search.Query{Text: "science", EQF: []int{6, 7}, ECTSMin: ptr(5)}, []string{"ds", "fr"}},
		{"everything at once", search.Query{
			Text: "inf", Issuer: "tum.de", EQF: []int{6}, ECTSMax: ptr(5),
			From: day(2023, 1, 1), Verdicts: []credential.Verdict{credential.Verified}, Formats: []credential.Format{credential.FormatVCLDP},
			Collections: []string{"c1"}, Tags: []string{"cv"}, Expired: new(false),
		}, nil},
		{"everything at once, by id", search.Query{
			Text: "inf", Issuer: "did:web:tum.de", EQF: []int{6}, ECTSMax: ptr(5),
			From: day(2023, 1, 1), Verdicts: []credential.Verdict{credential.Verified}, Formats: []credential.Format{credential.FormatVCLDP},
			Collections: []string{"c1"}, Tags: []string{"cv"}, Expired: new(false),
		}, []string{"wi"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ix.Search(tt.q); !slices.Equal(sortedIDs(got), tt.want) {
				t.Errorf("found %v, want %v", sortedIDs(got), tt.want)
			}
		})
	}
}

func TestSort(t *testing.T) {
	tests := []struct {
		key      search.SortKey
		lang     string
		natural  []string
		reversed []string
	}{
		{search.SortIssued, "en", []string{"fr", "ds", "wi", "de2", "el", "ru", "notitle", "pl"}, []string{"notitle", "ru", "el", "de2", "ds", "wi", "fr", "pl"}},
		{search.SortAdded, "en", []string{"notitle", "pl", "fr", "el", "ds", "wi", "ru", "de2"}, []string{"ru", "ds", "wi", "el", "fr", "pl", "notitle", "de2"}},
		{search.SortTitle, "en", []string{"wi", "ds", "de2", "pl", "fr", "el", "ru", "notitle"}, []string{"ru", "el", "fr", "pl", "de2", "ds", "wi", "notitle"}},
		{search.SortTitle, "de", []string{"ds", "de2", "pl", "fr", "wi", "el", "ru", "notitle"}, []string{"ru", "el", "wi", "fr", "pl", "de2", "ds", "notitle"}},
		{search.SortIssuer, "en", []string{"el", "ds", "pl", "de2", "wi", "fr", "notitle", "ru"}, []string{"notitle", "fr", "de2", "wi", "pl", "ds", "el", "ru"}},
		{search.SortIssuer, "el", []string{"ds", "pl", "de2", "wi", "fr", "notitle", "el", "ru"}, []string{"el", "notitle", "fr", "de2", "wi", "pl", "ds", "ru"}},
		{search.SortECTS, "en", []string{"fr", "el", "de2", "ds", "wi", "ru", "notitle", "pl"}, []string{"notitle", "ru", "ds", "wi", "de2", "el", "fr", "pl"}},
	}
	for _, tt := range tests {
		ix := search.Build(fixture(), tt.lang)
		t.Run(tt.key.String()+"/"+tt.lang, func(t *testing.T) {
			if got := ids(ix.Search(search.Query{Sort: tt.key}).Credentials); !slices.Equal(got, tt.natural) {
				t.Errorf("natural order %v, want %v", got, tt.natural)
			}
			if got := ids(ix.Search(search.Query{Sort: tt.key, Reverse: true}).Credentials); !slices.Equal(got, tt.reversed) {
				t.Errorf("reversed %v, want %v", got, tt.reversed)
			}
		})
	}
	t.Run("default and unknown keys sort by date issued", func(t *testing.T) {
		ix := search.Build(fixture(), "en")
		want := ids(ix.Search(search.Query{Sort: search.SortIssued}).Credentials)
		for _, k := range []search.SortKey{0, -1, 99} {
			if got := ids(ix.Search(search.Query{Sort: k}).Credentials); !slices.Equal(got, want) {
				t.Errorf("key %v: %v, want %v", k, got, want)
			}
		}
	})
}

func TestPaging(t *testing.T) {
	ix := search.Build(fixture(), "en")
	all := ids(ix.Search(search.Query{Sort: search.SortECTS}).Credentials)
	tests := []struct {
		offset, limit int
		want          []string
	}{
		{0, 3, all[:3]},
		{3, 3, all[3:6]},
		{6, 3, all[6:]},
		{8, 3, nil},
		{100, 0, nil},
		{-5, 2, all[:2]},
		{2, 0, all[2:]},
		{0, -1, all},
	}
	for _, tt := range tests {
		got := ix.Search(search.Query{Sort: search.SortECTS, Offset: tt.offset, Limit: tt.limit})
		if !slices.Equal(ids(got.Credentials), tt.want) || got.Total != len(all) {
			t.Errorf("offset %d limit %d: %v of %d, want %v of %d", tt.offset, tt.limit, ids(got.Credentials), got.Total, tt.want, len(all))
		}
	}
}
