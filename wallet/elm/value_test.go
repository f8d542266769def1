package elm

import (
	"encoding/json"
	"errors"
	"reflect"
	"testing"
	"time"

	"github.com/satchel-wallet/satchel/wallet/credential"
)

func jsonValue(t *testing.T, s string) any {
	t.Helper()
	var v any
	if err := json.Unmarshal([]byte(s), &v); err != nil {
		t.Fatal(err)
	}
	return v
}

func TestText(t *testing.T) {
	tests := []struct {
		name, in string
		want     credential.Text
	}{
		{"ELM 3.0 language map", `{"en": "Title", "es": "Título"}`, credential.TextOf("en", "Title", "es", "Título")},
		{"ELM 3.2 arrays", `{"en": ["Title"], "DE": ["Titel"]}`, credential.TextOf("en", "Title", "de", "Titel")},
		{"several values joined", `{"en": ["One", "Two", "One"]}`, credential.TextOf("en", "One\nTwo")},
		{"plain string", `"  Plain  "`, credential.TextOf("", "Plain")},
		{"value object", `{"@value": "Wert", "@language": "de"}`, credential.TextOf("de", "Wert")},
		{"array of value objects", `[{"@value": "A", "@language": "en"}, {"@value": "B", "@language": "fr"}]`, credential.TextOf("en", "A", "fr", "B")},
		{"@none", `{"@none": "No language"}`, credential.TextOf("", "No language")},
		{"not language tags", `{"id": 3, "@type": "x", "en-": "bad", "e": "bad"}`, nil},
		{"nested maps ignored", `{"en": {"en": "deep"}}`, nil},
		{"empty values", `{"en": "  ", "fr": []}`, nil},
		{"number", `3`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := text(jsonValue(t, tt.in)); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("text = %#v, want %#v", got, tt.want)
			}
		})
	}
}

func TestDurationHours(t *testing.T) {
	tests := []struct {
		in   string
		want float64
		err  error
	}{
		{"PT60H", 60, nil},
		{"PT90M", 1.5, nil},
		{"PT1H30M", 1.5, nil},
		{"PT7200S", 2, nil},
		{"PT2,5H", 2.5, nil},
		{"P0DT45H", 45, nil},
		{"P60M", 0, errCalendar}, // sixty months, not minutes
		{"P2M", 0, errCalendar},
		{"P1Y", 0, errCalendar},
		{"P60D", 0, errCalendar},
		{"P1DT6H", 0, errCalendar},
		{"P2W", 0, errCalendar},
		{"PT", 0, errors.New("")},
		{"P", 0, errors.New("")},
		{"60H", 0, errors.New("")},
		{"-PT5H", 0, errors.New("")},
		{"PT5H5H", 0, errors.New("")},
		{"PTT5H", 0, errors.New("")},
		{"PT5X", 0, errors.New("")},
		{"PT1e9H", 0, errors.New("")},
		{"PT99999999999H", 0, errors.New("")},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := durationHours(tt.in)
			switch {
			case tt.err == nil && (err != nil || got != tt.want):
				t.Errorf("= %v, %v; want %v", got, err, tt.want)
			case tt.err == errCalendar && !errors.Is(err, errCalendar):
				t.Errorf("err = %v, want errCalendar", err)
			case tt.err != nil && err == nil:
				t.Errorf("= %v, want an error", got)
			}
		})
	}
}

func TestParseTime(t *testing.T) {
	for in, want := range map[string]time.Time{
		"2023-09-27T13:54:17+02:00": time.Date(2023, 9, 27, 11, 54, 17, 0, time.UTC),
		"2010-01-01T00:00:00":       time.Date(2010, 1, 1, 0, 0, 0, 0, time.UTC),
		"2024-02-29":                time.Date(2024, 2, 29, 0, 0, 0, 0, time.UTC),
		"yesterday":                 {},
	} {
		if got := parseTime(in); !got.Equal(want) {
			t.Errorf("parseTime(%q) = %v", in, got)
		}
	}
}

func TestLanguageCodes(t *testing.T) {
	v := jsonValue(t, `[{"id": "http://publications.europa.eu/resource/authority/language/ENG"},
		{"id": "http://publications.europa.eu/resource/authority/language/GLE"},
		{"id": "http://publications.europa.eu/resource/authority/language/CNR"},
		{"id": "http://id.loc.gov/vocabulary/iso639-1/fi"},
		{"id": "urn:epass:concept:1", "prefLabel": {"en": "Klingon"}}]`)
	if got := languageCodes(v); !reflect.DeepEqual(got, []string{"en", "ga", "cnr", "fi"}) {
		t.Errorf("languageCodes = %q", got)
	}
}

func TestCredits(t *testing.T) {
	tests := []struct {
		name, in string
		want     *float64
	}{
		{"ECTS by vocabulary", `{"framework": {"id": "` + ectsFramework + `"}, "point": "2"}`, ptr(2)},
		{"ECTS by label, decimal comma", `{"framework": {"id": "urn:x", "prefLabel": {"en": "ECTS credits"}}, "point": "7,5"}`, ptr(7.5)},
		{"number", `{"framework": {"id": "` + ectsFramework + `"}, "point": 3}`, ptr(3)},
		{"another system", `{"framework": {"id": "urn:creditPointFramework:1"}, "point": "27"}`, nil},
		{"word that contains ects", `{"framework": {"prefLabel": {"en": "Projects"}}, "point": "4"}`, nil},
		{"not a number", `{"framework": {"id": "` + ectsFramework + `"}, "point": "many"}`, nil},
		{"negative", `{"framework": {"id": "` + ectsFramework + `"}, "point": "-1"}`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ects(jsonValue(t, tt.in)); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("ects = %v", got)
			}
		})
	}
}

func TestStatusEntries(t *testing.T) {
	v := jsonValue(t, `[{"id": "https://u.example/status/3#94567", "type": "BitstringStatusListEntry", "statusPurpose": "revocation",
		"statusListIndex": "94567", "statusListCredential": "https://u.example/status/3"},
		{"id": "https://u.example/sl#5", "type": "StatusList2021Entry", "statusPurpose": "suspension", "statusListIndex": 5,
		"statusListCredential": "https://u.example/sl"},
		{"id": "https://api.ebsi.eu/trusted-issuers-registry/v4/issuers/did:ebsi:z", "type": "EbsiAccreditationEntry"}]`)
	want := []credential.StatusEntry{
		{Type: "BitstringStatusListEntry", Purpose: "revocation", ListURL: "https://u.example/status/3", Index: 94567},
		{Type: "StatusList2021Entry", Purpose: "suspension", ListURL: "https://u.example/sl", Index: 5},
		{Type: "EbsiAccreditationEntry", ListURL: "https://api.ebsi.eu/trusted-issuers-registry/v4/issuers/did:ebsi:z"},
	}
	if got := statusEntries(v); !reflect.DeepEqual(got, want) {
		t.Errorf("statusEntries = %+v", got)
	}
}

func TestImages(t *testing.T) {
	png := "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
	media := func(content, kind string) map[string]any {
		return map[string]any{
			"id": "urn:epass:mediaObject:9", "content": content,
			"contentType": map[string]any{"id": "http://publications.europa.eu/resource/authority/file-type/" + kind},
		}
	}
	big := make([]byte, maxInlineImage+4)
	for i := range big {
		big[i] = 'A'
	}
	tests := []struct {
		name string
		m    map[string]any
		url  string
	}{
		{"small PNG inline", media(png, "PNG"), "data:image/png;base64," + png},
		{"bytes that are not the type named", media("QUJDRA==", "PNG"), "urn:epass:mediaObject:9"},
		{"SVG kept as a reference", media("PHN2Zz48L3N2Zz4=", "SVG"), "urn:epass:mediaObject:9"},
		{"too large for the view", media(string(big), "JPEG"), "urn:epass:mediaObject:9"},
		{"link", map[string]any{"contentURL": "https://u.example/i.png"}, "https://u.example/i.png"},
		{"javascript link", map[string]any{"contentURL": "javascript:alert(1)"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			img, ok := mediaImage(tt.m, en("caption"))
			if img.URL != tt.url || ok != (tt.url != "") {
				t.Errorf("= %.60q, %v", img.URL, ok)
			}
		})
	}
}

// Shapes of values the samples do not use but ELM and JSON-LD allow.
func TestOtherShapes(t *testing.T) {
	png := "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
	page := func(n int) string {
		return `{"type": "DisplayDetail", "page": ` + string(rune('0'+n)) + `, "image": {"id": "urn:img:` + string(rune('0'+n)) + `", "content": "` + png + `",
			"contentType": {"id": "http://publications.europa.eu/resource/authority/file-type/PNG"}}}`
	}
	doc := `{"type": "EuropeanDigitalCredential", "id": {"@value": "urn:credential:x"},
	  "issuer": "did:web:issuer.example",
	  "displayParameter": {"title": {"en": "Badge", "fr": "Badge FR"}, "primaryLanguage": {"id": "L2"},
	    "individualDisplay": [{"language": {"id": "L1"}, "displayDetail": ` + page(1) + `},
	      {"language": {"id": "L2"}, "displayDetail": [` + page(1) + `, ` + page(2) + `]}]},
	  "credentialSubject": [{"id": "did:key:z1", "givenName": {"en": "Ana", "es": "Ana"}, "familyName": {"en": "Andromeda"},
	    "hasClaim": [{"type": "LearningActivity", "title": "Webinar"}, {"type": "LearningAchievement", "title": {"@value": "Course", "@language": "en"},
	      "isPartOf": [{"id": "urn:programme:1", "title": {"en": "Programme"}}, "urn:programme:2"],
	      "specifiedBy": {"isPartialQualification": "true", "isPartOf": {"id": "urn:qualification:9"},
	        "learningOutcomeSummary": {"noteLiteral": {"en": "Can test."}},
	        "educationSubject": [{"id": "http://data.europa.eu/snb/isced-f/0613"}, {"id": "urn:subject:1"}],
	        "thematicArea": {"id": "http://data.europa.eu/snb/isced-f/0613"}}}]},
	    {"id": "did:key:z2"}]}`
	r := read(t, []byte(doc))
	c := r.Credential
	want := []credential.Concept{{ID: "urn:programme:1", Label: en("Programme")}, {ID: "urn:programme:2"}, {ID: "urn:qualification:9"}}
	if !reflect.DeepEqual(c.PartOf, want) {
		t.Errorf("PartOf = %+v", c.PartOf)
	}
	if !reflect.DeepEqual(c.Learner.Name, credential.TextOf("en", "Ana Andromeda", "es", "Ana Andromeda")) {
		t.Errorf("learner name %v", c.Learner.Name)
	}
	if c.Title.In("en") != "Course" || c.SourceID != "urn:credential:x" || c.Issuer.ID != "did:web:issuer.example" {
		t.Errorf("title %v id %q issuer %+v", c.Title, c.SourceID, c.Issuer)
	}
	if c.Stackability.In("en") != "Partial qualification: part of a larger qualification." {
		t.Errorf("stackability %v", c.Stackability)
	}
	if len(c.LearningOutcomes) != 1 || c.LearningOutcomes[0].Title.In("en") != "Can test." {
		t.Errorf("outcomes %+v", c.LearningOutcomes)
	}
	if len(c.FieldOfStudy) != 1 || c.FieldOfStudy[0].Code != "0613" {
		t.Errorf("fields %+v", c.FieldOfStudy)
	}
	if len(c.Images) != 2 || c.Images[1].Caption.In("fr") != "Badge FR (2)" || c.Images[0].Caption.In("en") != "Badge (1)" {
		t.Errorf("images %+v", c.Images)
	}
	if !reflect.DeepEqual(r.Subjects, []string{"did:key:z1", "did:key:z2"}) {
		t.Errorf("subjects %v", r.Subjects)
	}
}

func TestScalars(t *testing.T) {
	for _, tt := range []struct {
		in     string
		b, ok  bool
		asText string
	}{
		{`true`, true, true, ""},
		{`"False"`, false, true, "False"},
		{`{"@value": true}`, true, true, ""},
		{`[false]`, false, true, ""},
		{`"maybe"`, false, false, "maybe"},
		{`[true, false]`, false, false, ""},
		{`{"@id": "urn:x"}`, false, false, "urn:x"},
		{`[3, "y"]`, false, false, "y"},
	} {
		v := jsonValue(t, tt.in)
		if b, ok := boolean(v); b != tt.b || ok != tt.ok {
			t.Errorf("boolean(%s) = %v, %v", tt.in, b, ok)
		}
		if s := str(v); s != tt.asText {
			t.Errorf("str(%s) = %q", tt.in, s)
		}
	}
	for uri, want := range map[string]int{
		"http://data.europa.eu/snb/eqf/8": 8, "http://data.europa.eu/snb/eqf/9": 0,
		"http://data.europa.eu/snb/eqf/x": 0, "http://example.org/eqf/5": 0,
	} {
		if got := eqfFromURI(uri); got != want {
			t.Errorf("eqfFromURI(%s) = %d", uri, got)
		}
	}
}
