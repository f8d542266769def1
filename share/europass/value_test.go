package europass

import (
	"reflect"
	"testing"

	"github.com/satchel-wallet/satchel/wallet/credential"
)

func TestHoursDuration(t *testing.T) {
	for _, c := range []struct {
		h    float64
		want string
	}{{0, "PT0H"}, {1, "PT1H"}, {1.5, "PT1H30M"}, {125, "PT125H"}, {0.25, "PT15M"}, {1.0 / 3, "PT20M"}, {2.0001, "PT2H"}, {0.5 / 60, "PT30S"}} {
		if got := hoursDuration(c.h); got != c.want {
			t.Errorf("hoursDuration(%v) = %s, want %s", c.h, got, c.want)
		}
	}
}

func TestLangMap(t *testing.T) {
	b := newBuilder("de")
	for _, c := range []struct {
		name string
		in   credential.Text
		want obj
	}{
		{"none", nil, nil},
		{"no language", credential.TextOf("", "x"), obj{"de": []any{"x"}}},
		{"explicit wins over none", credential.TextOf("", "x", "de", "y"), obj{"de": []any{"y"}}},
		{"region to base", credential.TextOf("de-at", "x"), obj{"de": []any{"x"}}},
		{"base wins over region", credential.TextOf("de-at", "x", "de", "y"), obj{"de": []any{"y"}}},
		{"several", credential.TextOf("el", "α", "en", "a"), obj{"el": []any{"α"}, "en": []any{"a"}}},
		{"no ISO 639-1 code", credential.TextOf("fil", "x"), obj{"de": []any{"x"}}},
	} {
		if got := b.langMap(c.in); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: langMap(%v) = %v, want %v", c.name, c.in, got, c.want)
		}
	}
	if got := b.langString(credential.TextOf("el", "α", "en", "a")); !reflect.DeepEqual(got, obj{"el": []any{"α"}}) {
		t.Errorf("langString: %v", got)
	}
}

func TestVocabulary(t *testing.T) {
	for in, want := range map[string]string{"EE": "EST", "ee": "EST", "GR": "GRC", "EL": "GRC", "UK": "GBR", "IRL": "IRL", "XX": "", "": ""} {
		if got := countryAlpha3(in); got != want {
			t.Errorf("countryAlpha3(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{"EST": "EE", "GB": "GB", "UK": "GB", "POL": "PL", "ZZZ": ""} {
		if got := countryAlpha2(in); got != want {
			t.Errorf("countryAlpha2(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]bool{"did:key:z6Mk": true, "urn:epass:org:1": true, "https://x.example/a": true, "0421": false, "a b:c": false, "mailto:a@b.c": true, "": false} {
		if got := isURI(in); got != want {
			t.Errorf("isURI(%q) = %v", in, got)
		}
	}
	for in, want := range map[string]string{"Open Badges 3.0": "an Open Badges 3.0", "European Digital Credential": "a European Digital Credential", "SD-JWT VC": "an SD-JWT VC", "W3C VC": "a W3C VC"} {
		if got := article(in); got != want {
			t.Errorf("article(%q) = %q", in, got)
		}
	}
}
