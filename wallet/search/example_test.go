package search_test

import (
	"fmt"
	"time"

	"github.com/satchel-wallet/satchel/wallet/credential"
	"github.com/satchel-wallet/satchel/wallet/search"
)

func Example() {
	ects := func(f float64) *float64 { return &f }
	docs := []search.Doc{
		{Credential: &credential.Credential{
			ID:     "a",
			Title:  credential.TextOf("de", "Wirtschaftsinformatik", "en", "Business Informatics"),
			Issuer: credential.Party{Name: credential.Plain("Technische Universität München")},
			EQF:    6, ECTS: ects(5), Issued: time.Date(2023, 5, 10, 0, 0, 0, 0, time.UTC),
		}},
		{Credential: &credential.Credential{
			ID:     "b",
			Title:  credential.TextOf("el", "Πληροφορική"),
			Issuer: credential.Party{Name: credential.Plain("Αριστοτέλειο Πανεπιστήμιο Θεσσαλονίκης")},
			EQF:    7, ECTS: ects(10), Issued: time.Date(2021, 11, 30, 0, 0, 0, 0, time.UTC),
		}},
		{Credential: &credential.Credential{
			ID:     "c",
			Title:  credential.TextOf("en", "Introduction to Informatics"),
			Issuer: credential.Party{Name: credential.Plain("Open University")},
			EQF:    4, Issued: time.Date(2024, 2, 1, 0, 0, 0, 0, time.UTC),
		}},
	}
	ix := search.Build(docs, "de")

	// "informat" is inside "Wirtschaftsinformatik" and begins "Informatics";
	// the Greek title is at EQF level 7. Sorted by ECTS, the credential that
	// states none comes last.
	sortBy, _ := search.ParseSort("ects")
	res := ix.Search(search.Query{Text: "informat", EQF: []int{4, 5, 6}, Sort: sortBy})
	fmt.Println(res.Total, "found")
	for _, c := range res.Credentials {
		fmt.Println(c.Title.In("de"))
	}

	// Accents and case do not matter.
	fmt.Println(ix.Search(search.Query{Text: "ΠΛΗΡΟΦΟΡΙΚΗ"}).Credentials[0].Issuer.Name)
	// Output:
	// 2 found
	// Wirtschaftsinformatik
	// Introduction to Informatics
	// Αριστοτέλειο Πανεπιστήμιο Θεσσαλονίκης
}

func ExampleIndex_Facets() {
	docs := []search.Doc{
		{Credential: &credential.Credential{ID: "a", EQF: 6, Tags: []string{"CV"}, Issuer: credential.Party{ID: "did:web:tum.de", Name: credential.Plain("TUM")}}},
		{Credential: &credential.Credential{ID: "b", EQF: 6, Tags: []string{"cv", "Job"}, Issuer: credential.Party{ID: "did:web:tum.de", Name: credential.Plain("TUM")}}},
		{Credential: &credential.Credential{ID: "c", Tags: []string{"job"}, Issuer: credential.Party{Name: credential.Plain("Open University")}}},
	}
	f := search.Build(docs, "en").Facets(search.Query{})
	for _, is := range f.Issuers {
		fmt.Printf("%s (%s): %d\n", is.Name, is.Key, is.Count)
	}
	for _, t := range f.Tags {
		fmt.Printf("#%s: %d\n", t.Tag, t.Count)
	}
	for _, l := range f.EQF {
		fmt.Printf("EQF %d: %d\n", l.Level, l.Count)
	}
	// Output:
	// TUM (did:web:tum.de): 2
	// Open University (Open University): 1
	// #CV: 2
	// #Job: 2
	// EQF 0: 1
	// EQF 6: 2
}

func ExampleFold() {
	fmt.Println(search.Fold("Łódź"), search.Fold("Straße"), search.Fold("Πληροφορική"))
	// Output: lodz strasse πληροφορικη
}
