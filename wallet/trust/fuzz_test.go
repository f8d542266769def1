package trust

import (
	"bytes"
	"errors"
	"reflect"
	"testing"
)

// FuzzParse parses arbitrary files. A refused file must be refused with a
// sentinel; an accepted one must survive Marshal and Parse unchanged, and
// answer Match for its own identifiers.
func FuzzParse(f *testing.F) {
	f.Add(readExample(f))
	f.Add([]byte(`{"version":1,"entries":[]}`))
	f.Add([]byte(`{"version":1,"entries":[{"name":" Uni ","source":"s","added":"2026-01-02","domains":["Uni.Example."],"organizationIdentifiers":["lu:B123"]}]}`))
	f.Add([]byte(`{"version":2}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		l, err := Parse(data)
		if err != nil {
			if !errors.Is(err, ErrMalformed) && !errors.Is(err, ErrVersion) && !errors.Is(err, ErrTooLarge) &&
				!errors.Is(err, ErrInvalidEntry) && !errors.Is(err, ErrDuplicate) {
				t.Fatalf("error without a sentinel: %v", err)
			}
			return
		}
		out, err := l.Marshal()
		if err != nil {
			t.Fatal(err)
		}
		again, err := Parse(out)
		if err != nil {
			t.Fatalf("canonical form refused: %v\n%s", err, out)
		}
		if !reflect.DeepEqual(again.Entries(), l.Entries()) {
			t.Fatalf("round trip changed the entries:\n%+v\n%+v", l.Entries(), again.Entries())
		}
		if out2, _ := again.Marshal(); !bytes.Equal(out, out2) {
			t.Fatal("Marshal is not stable")
		}
		for _, e := range l.Entries() {
			for _, d := range e.DIDs {
				if m, ok := l.Match(d, nil); !ok || m.Name != e.Name {
					t.Fatalf("%s matches %q, not its entry %q", d, m.Name, e.Name)
				}
			}
			for _, id := range e.OrganizationIdentifiers {
				if _, ok := l.Match("", []string{id}); !ok {
					t.Fatalf("%s matches nothing", id)
				}
			}
			for _, d := range e.Domains {
				if _, ok := l.Match("did:web:"+d, nil); !ok {
					t.Fatalf("did:web:%s matches nothing", d)
				}
			}
		}
	})
}
