package search_test

import (
	"slices"
	"testing"

	"github.com/satchel-wallet/satchel/wallet/search"
)

func TestFold(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"ascii", "Data Science 101", "data science 101"},
		{"accents", "Crème Brûlée, naïve café", "creme brulee, naive cafe"},
		{"german sharp s", "Straße", "strasse"},
		{"german capital sharp s", "STRAẞE", "strasse"},
		{"german umlauts", "Qualitätssicherung für Ärzte", "qualitatssicherung fur arzte"},
		{"polish", "Łączność w Łodzi, źródło", "lacznosc w lodzi, zrodlo"},
		{"greek accents and case", "ΠΛΗΡΟΦΟΡΙΚΉ Πληροφορική", "πληροφορικη πληροφορικη"},
		{"greek final sigma", "ΟΔΟΣ οδός", "οδοσ οδοσ"},
		{"cyrillic case", "ИНФОРМАТИКА", "информатика"},
		{"cyrillic breve and diaeresis", "Ёлка, Йошкар-Ола", "елка, иошкар-ола"},
		{"danish", "Søren Ærø", "soren aero"},
		{"french ligature", "Œuvre et cœur", "oeuvre et coeur"},
		{"croatian", "Đorđe", "dorde"},
		{"icelandic", "Þór Guðmundsson", "thor gudmundsson"},
		{"turkish dotted capital", "İstanbul", "istanbul"},
		{"catalan middle dot", "col·legi", "collegi"},
		{"typographic ligature", "ﬁnance", "finance"},
		{"full width", "ＤＡＴＡ", "data"},
		{"superscript", "m²", "m2"},
		{"outside the table", "東京 Łódź", "東京 lodz"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := search.Fold(tt.in)
			if got != tt.want {
				t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if again := search.Fold(got); again != got {
				t.Errorf("Fold is not idempotent: %q then %q", got, again)
			}
		})
	}
}

// TestFoldIdempotent folds every text of the corpus twice.
func TestFoldIdempotent(t *testing.T) {
	for _, d := range corpus(300, 1) {
		for _, s := range refTexts(d.Credential) {
			if f := search.Fold(s); search.Fold(f) != f {
				t.Fatalf("Fold(Fold(%q)) = %q, not %q", s, search.Fold(f), f)
			}
		}
	}
}

func TestTokens(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Wirtschafts-Informatik (B.Sc.)", []string{"wirtschafts", "informatik", "b", "sc"}},
		{"e-learning", []string{"e", "learning"}},
		{"http://data.europa.eu/esco/skill/abc-123", []string{"http", "data", "europa", "eu", "esco", "skill", "abc", "123"}},
		{"  Πληροφορική,  ΣΥΣΤΗΜΑΤΑ ", []string{"πληροφορικη", "συστηματα"}},
		{"l'Université d'Été", []string{"l", "universite", "d", "ete"}},
		{"7,5 ECTS", []string{"7", "5", "ects"}},
		{"東京大学", []string{"東京大学"}},
		{"हिन्दी भाषा", []string{"हिनदी", "भाषा"}},
		{"--- !!", nil},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := search.Tokens(tt.in); !slices.Equal(got, tt.want) {
				t.Errorf("Tokens(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
