package trust

import (
	"bytes"
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"
)

func readExample(t testing.TB) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/example.json")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestExampleRoundTrip parses the example list and writes it back byte
// for byte: the example is in canonical form.
func TestExampleRoundTrip(t *testing.T) {
	data := readExample(t)
	l, err := Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	if l.Len() != 4 {
		t.Fatalf("%d entries", l.Len())
	}
	out, err := l.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(out, data) {
		t.Fatalf("round trip changed the file:\n%s", out)
	}
}

// TestCanonicalRoundTrip parses a list written loosely and checks that
// its canonical form parses back to the same entries.
func TestCanonicalRoundTrip(t *testing.T) {
	l, err := Parse([]byte(`{"version":1,"entries":[{"name":"  Uni  ","source":"added by me","domains":["Uni.EXAMPLE."],
		"organizationIdentifiers":[" vatbe-0123456789 "],"organizations":[" Uni  SA "],"added":" 2026-01-02 "}]}`))
	if err != nil {
		t.Fatal(err)
	}
	want := Entry{
		Name: "Uni", Source: "added by me", Domains: []string{"uni.example"}, Organizations: []string{"Uni  SA"},
		OrganizationIdentifiers: []string{"VATBE-0123456789"}, Added: "2026-01-02",
	}
	if got := l.Entries(); !reflect.DeepEqual(got, []Entry{want}) {
		t.Fatalf("got %+v", got)
	}
	out, _ := l.Marshal()
	again, err := Parse(out)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(again.Entries(), l.Entries()) {
		t.Fatalf("round trip: %+v", again.Entries())
	}
	empty, _ := New().Marshal()
	if string(empty) != "{\n  \"version\": 1,\n  \"entries\": []\n}\n" {
		t.Fatalf("empty list: %q", empty)
	}
}

// TestParseErrors checks that each kind of bad file is refused with the
// right sentinel and a message that says where and what.
func TestParseErrors(t *testing.T) {
	entry := func(members string) string {
		return `{"version":1,"entries":[{"name":"Uni","source":"added by me","added":"2026-03-01",` + members + `}]}`
	}
	two := func(a, b string) string {
		return `{"version":1,"entries":[{"name":"A","source":"s","added":"2026-03-01",` + a + `},{"name":"B","source":"s","added":"2026-03-01",` + b + `}]}`
	}
	cases := []struct {
		name, file string
		err        error
		msg        string
	}{
		{"empty", ``, ErrMalformed, "not valid JSON (the file is empty or cut short)"},
		{"not JSON", `version: 1`, ErrMalformed, "not valid JSON"},
		{"array", `[]`, ErrMalformed, "the file is a JSON array, not an object"},
		{"not UTF-8", "{\"version\":1,\"entries\":[],\"x\":\"\xff\"}", ErrMalformed, "UTF-8"},
		{"member twice", `{"version":1,"version":1,"entries":[]}`, ErrMalformed, "version"},
		{"too deep", `{"version":1,"entries":[{"note":[[[[[[[[[[]]]]]]]]]]}]}`, ErrMalformed, "nested"},
		{"data after", `{"version":1,"entries":[]} {}`, ErrMalformed, "data after the list"},
		{"no version", `{"entries":[]}`, ErrVersion, "no version"},
		{"version 2", `{"version":2,"entries":[]}`, ErrVersion, "version 2 (this Satchel reads version 1)"},
		{"version as text", `{"version":"1","entries":[]}`, ErrMalformed, "version is a JSON string, which it cannot be"},
		{"name as a number", `{"version":1,"entries":[{"name":1}]}`, ErrMalformed, "entries.name is a JSON number"},
		{"unknown member", `{"version":1,"entries":[],"issuers":[]}`, ErrMalformed, `unknown member "issuers"`},
		{"member in another case", `{"Version":1,"entries":[]}`, ErrMalformed, `unknown member "Version"`},
		{"entry member in another case", entry(`"Domains":["uni.example"]`), ErrMalformed, `entry 1: unknown member "Domains"`},
		{"misspelt entry member", entry(`"did":["did:web:uni.example"]`), ErrMalformed, `unknown member "did"`},
		{"no name", `{"version":1,"entries":[{"name":" ","source":"s","added":"2026-03-01","domains":["uni.example"]}]}`, ErrInvalidEntry, `entry 1 (""): no name`},
		{"no source", `{"version":1,"entries":[{"name":"Uni","added":"2026-03-01","domains":["uni.example"]}]}`, ErrInvalidEntry, `entry 1 ("Uni"): no source`},
		{"no date", `{"version":1,"entries":[{"name":"Uni","source":"s","domains":["uni.example"]}]}`, ErrInvalidEntry, "not a date (write YYYY-MM-DD)"},
		{"bad date", entry(`"domains":["uni.example"],"note":"x"}, {"name":"B","source":"s","added":"01/03/2026","domains":["b.example"]`), ErrInvalidEntry, `entry 2 ("B"): added "01/03/2026" is not a date`},
		{"no identifier", entry(`"note":"nothing to match"`), ErrInvalidEntry, "no identifier"},
		{"empty identifier lists", entry(`"dids":[],"domains":[]`), ErrInvalidEntry, "no identifier"},
		{"DID URL", entry(`"dids":["did:web:uni.example#key-1"]`), ErrInvalidEntry, `did "did:web:uni.example#key-1" is a DID URL`},
		{"not a DID", entry(`"dids":["https://uni.example"]`), ErrInvalidEntry, "is not a DID"},
		{"upper-case method", entry(`"dids":["did:WEB:uni.example"]`), ErrInvalidEntry, "method"},
		{"domain with scheme", entry(`"domains":["https://uni.example"]`), ErrInvalidEntry, "without https://"},
		{"domain with path", entry(`"domains":["uni.example/degrees"]`), ErrInvalidEntry, "without https://, port or path"},
		{"domain with port", entry(`"domains":["uni.example:443"]`), ErrInvalidEntry, "port"},
		{"top-level domain", entry(`"domains":["example"]`), ErrInvalidEntry, "one label"},
		{"wildcard", entry(`"domains":["*.uni.example"]`), ErrInvalidEntry, "not a valid DNS name"},
		{"IP address", entry(`"domains":["192.0.2.1"]`), ErrInvalidEntry, "IP address"},
		{"unicode domain", entry(`"domains":["universität.example"]`), ErrInvalidEntry, "xn--"},
		{"bad organizationIdentifier", entry(`"organizationIdentifiers":["0123456789"]`), ErrInvalidEntry, "VATBE-0123456789"},
		{"empty organization", entry(`"organizations":[""]`), ErrInvalidEntry, "no organization"},
		{"control character", entry(`"organizations":["Uni\u0000"]`), ErrInvalidEntry, "control character"},
		{"identifier twice in one entry", entry(`"domains":["uni.example","UNI.example"]`), ErrDuplicate, `entry 1 ("Uni") lists domain uni.example twice`},
		{"same DID", two(`"dids":["did:web:uni.example"]`, `"dids":["did:web:uni.example"]`), ErrDuplicate, `entry 2 ("B"): did did:web:uni.example is already in entry 1 ("A")`},
		{"same domain", two(`"domains":["uni.example"]`, `"domains":["Uni.Example"]`), ErrDuplicate, "domain uni.example is already in entry 1"},
		{"same organization", two(`"organizations":["Uni  SA"]`, `"organizations":["uni sa"]`), ErrDuplicate, `organization "uni sa" is already in entry 1`},
		{"same organizationIdentifier", two(`"organizationIdentifiers":["VATBE-0123456789"]`, `"organizationIdentifiers":["vatbe-0123456789"]`), ErrDuplicate, "organizationIdentifier VATBE-0123456789 is already"},
		{"same name", `{"version":1,"entries":[{"name":"Uni","source":"s","added":"2026-03-01","domains":["a.example"]},{"name":"UNI ","source":"s","added":"2026-03-01","domains":["b.example"]}]}`, ErrDuplicate, `the name "UNI" is already in entry 1`},
		{"too many DIDs", entry(`"dids":[` + strings.TrimSuffix(strings.Repeat(`"did:key:z1",`, maxIdentifiers+1), ",") + `]`), ErrTooLarge, "65 dids (limit 64)"},
		{"long note", entry(`"domains":["uni.example"],"note":"` + strings.Repeat("x", maxNote+1) + `"`), ErrTooLarge, "note of 4097 bytes"},
		{"file too large", `{"version":1,"entries":[],"note":"` + strings.Repeat(" ", MaxFileSize) + `"}`, ErrTooLarge, "limit 4194304"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			l, err := Parse([]byte(c.file))
			if !errors.Is(err, c.err) {
				t.Fatalf("got %v (list %v), want %v", err, l != nil, c.err)
			}
			if !strings.Contains(err.Error(), c.msg) {
				t.Fatalf("message %q does not say %q", err, c.msg)
			}
		})
	}
}

// TestTooManyEntries checks the entry limit.
func TestTooManyEntries(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"version":1,"entries":[`)
	for i := range MaxEntries + 1 {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`{}`)
	}
	b.WriteString(`]}`)
	if _, err := Parse([]byte(b.String())); !errors.Is(err, ErrTooLarge) {
		t.Fatalf("got %v", err)
	}
}

// TestAddRemove edits a list: Add canonicalises and dates an entry and
// refuses duplicates; Remove finds an entry by name.
func TestAddRemove(t *testing.T) {
	l := New()
	if err := l.Add(Entry{Name: "Uni", Source: "added by me", Domains: []string{"Uni.Example"}}); err != nil {
		t.Fatal(err)
	}
	e := l.Entries()[0]
	if e.Domains[0] != "uni.example" || e.Added != time.Now().Format(time.DateOnly) {
		t.Fatalf("added %+v", e)
	}
	err := l.Add(Entry{Name: "Other", Source: "s", Domains: []string{"uni.example"}})
	if !errors.Is(err, ErrDuplicate) || !strings.Contains(err.Error(), `already in entry 1 ("Uni")`) {
		t.Fatalf("duplicate: %v", err)
	}
	if err := l.Add(Entry{Name: "Bad", Source: "s", Domains: []string{"https://b.example"}}); !errors.Is(err, ErrInvalidEntry) {
		t.Fatalf("invalid: %v", err)
	}
	if err := l.Add(Entry{Name: "B", Source: "s", DIDs: []string{"did:key:z6Mk"}, Added: "2026-01-01"}); err != nil {
		t.Fatal(err)
	}
	if l.Remove("nobody") || !l.Remove(" UNI ") || l.Len() != 1 {
		t.Fatalf("remove: %+v", l.Entries())
	}
	// The removed entry's identifiers are free again, and the index of
	// the entry that moved is right.
	if err := l.Add(Entry{Name: "Uni", Source: "s", Domains: []string{"uni.example"}}); err != nil {
		t.Fatal(err)
	}
	err = l.Add(Entry{Name: "C", Source: "s", DIDs: []string{"did:key:z6Mk"}})
	if !errors.Is(err, ErrDuplicate) || !strings.Contains(err.Error(), `entry 1 ("B")`) {
		t.Fatalf("after remove: %v", err)
	}
	// Entries returns copies.
	l.Entries()[0].DIDs[0] = "did:key:changed"
	if l.Entries()[0].DIDs[0] != "did:key:z6Mk" {
		t.Fatal("Entries shares memory with the list")
	}
}
