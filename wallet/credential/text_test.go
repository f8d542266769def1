package credential_test

import (
	"encoding/json"
	"testing"

	"github.com/satchel-wallet/satchel/wallet/credential"
)

func TestTextJSON(t *testing.T) {
	tx := credential.TextOf("fr", "Données", "", "plain", "de", "Daten \"roh\"")
	if got := tx.Languages(); len(got) != 2 || got[0] != "de" || got[1] != "fr" {
		t.Fatalf("Languages: %v", got)
	}
	data, err := json.Marshal(tx)
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"":"plain","de":"Daten \"roh\"","fr":"Données"}`; string(data) != want {
		t.Fatalf("JSON %s, want %s", data, want)
	}
	var back credential.Text
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatal(err)
	}
	if back.Get("de") != `Daten "roh"` || back.Get("") != "plain" || back.Get("fr") != "Données" || len(back) != 3 {
		t.Fatalf("round trip: %#v", back)
	}
	// As with a map: null is nothing, a null text is empty, the later of
	// two tags wins, and a value that is neither string nor null is an
	// error.
	var n credential.Text
	if err := json.Unmarshal([]byte(" null "), &n); err != nil || n != nil {
		t.Fatalf("null: %v %#v", err, n)
	}
	if err := json.Unmarshal([]byte(`{"en":"a","en":"b"}`), &n); err != nil || n.Get("en") != "b" || len(n) != 1 {
		t.Fatalf("duplicate tag: %v %#v", err, n)
	}
	for _, bad := range []string{`{"en":1}`, `["en"]`, `"en"`} {
		if err := json.Unmarshal([]byte(bad), &n); err == nil {
			t.Errorf("%s: no error", bad)
		}
	}
	if got := tx.Map(func(s string) string { return s + "!" }); got.Get("fr") != "Données!" || len(got) != 3 || tx.Get("fr") != "Données" {
		t.Errorf("Map: %#v (and the original %#v)", got, tx)
	}
}

// FuzzTextJSON checks that a Text reads every JSON object a map of strings
// reads, to the same texts, and that what it writes reads back the same.
func FuzzTextJSON(f *testing.F) {
	for _, s := range []string{`{"en":"a","de":"b"}`, `{"":"x"}`, `null`, `{}`, `{"en":"a\u00e9\"","en":"c"}`, "{\"en\":\"\xff\"}", `{"en":null,"de":"x"}`, ` { "fr" : "é" } `} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var m map[string]string
		mErr := json.Unmarshal(data, &m)
		var tx credential.Text
		tErr := json.Unmarshal(data, &tx)
		if (mErr == nil) != (tErr == nil) {
			t.Fatalf("map error %v, text error %v", mErr, tErr)
		}
		if mErr != nil {
			return
		}
		if len(m) != len(tx) {
			t.Fatalf("map %v, text %#v", m, tx)
		}
		for k, v := range m {
			if tx.Get(k) != v {
				t.Fatalf("%q: map %q, text %q", k, v, tx.Get(k))
			}
		}
		out, err := json.Marshal(tx)
		if err != nil {
			t.Fatal(err)
		}
		var again map[string]string
		if err := json.Unmarshal(out, &again); err != nil || len(again) != len(m) {
			t.Fatalf("%s does not read back: %v", out, err)
		}
	})
}
