package jose_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/satchel-wallet/satchel/wallet/jose"
)

func TestParseCompact(t *testing.T) {
	hdr := b64([]byte(`{"alg":"EdDSA","kid":"did:key:z6Mk#z6Mk","typ":"JWT"}`))
	pay := b64([]byte(`{"iss":"did:key:z6Mk","n":[1,{"a":"b"}]}`))
	sig := b64(make([]byte, 64))
	ok := hdr + "." + pay + "." + sig
	deep := strings.Repeat("[", 101) + strings.Repeat("]", 101)
	cases := []struct {
		name string
		in   string
		lim  jose.Limits
		want error
	}{
		{"valid", ok, jose.Limits{}, nil},
		{"trailing newline", ok + "\n", jose.Limits{}, nil},
		{"payload any JSON value", hdr + "." + b64([]byte(`"text"`)) + "." + sig, jose.Limits{}, nil},
		{"depth 100", hdr + "." + b64([]byte(deep[1:len(deep)-1])) + "." + sig, jose.Limits{}, nil},
		{"empty", "", jose.Limits{}, jose.ErrMalformed},
		{"no dots", hdr, jose.Limits{}, jose.ErrMalformed},
		{"one dot", hdr + "." + pay, jose.Limits{}, jose.ErrMalformed},
		{"JWE, five segments", ok + ".x.y", jose.Limits{}, jose.ErrMalformed},
		{"empty header", "." + pay + "." + sig, jose.Limits{}, jose.ErrMalformed},
		{"header not JSON", b64([]byte(`{"alg":`)) + "." + pay + "." + sig, jose.Limits{}, jose.ErrMalformed},
		{"header an array", b64([]byte(`["alg"]`)) + "." + pay + "." + sig, jose.Limits{}, jose.ErrMalformed},
		{"no alg", b64([]byte(`{"kid":"x"}`)) + "." + pay + "." + sig, jose.Limits{}, jose.ErrMalformed},
		{"alg a number", b64([]byte(`{"alg":256}`)) + "." + pay + "." + sig, jose.Limits{}, jose.ErrMalformed},
		{"alg twice", b64([]byte(`{"alg":"none","alg":"EdDSA"}`)) + "." + pay + "." + sig, jose.Limits{}, jose.ErrMalformed},
		{"critical b64", b64([]byte(`{"alg":"EdDSA","b64":false,"crit":["b64"]}`)) + "." + pay + "." + sig, jose.Limits{}, jose.ErrMalformed},
		{"padding", hdr + "=." + pay + "." + sig, jose.Limits{}, jose.ErrMalformed},
		{"standard alphabet", hdr + "." + pay + "." + strings.Replace(sig, "A", "+", 1), jose.Limits{}, jose.ErrMalformed},
		{"line break inside", hdr[:5] + "\n" + hdr[5:] + "." + pay + "." + sig, jose.Limits{}, jose.ErrMalformed},
		{"space inside", hdr + ". " + pay + "." + sig, jose.Limits{}, jose.ErrMalformed},
		{"non-zero trailing bits", hdr + "." + pay + "." + sig[:len(sig)-1] + "B", jose.Limits{}, jose.ErrMalformed},
		{"payload not UTF-8", hdr + "." + b64([]byte("{\"a\":\"\xc3\x28\"}")) + "." + sig, jose.Limits{}, jose.ErrMalformed},
		{"payload not JSON", hdr + "." + b64([]byte(`{"a":}`)) + "." + sig, jose.Limits{}, jose.ErrMalformed},
		{"payload claim twice", hdr + "." + b64([]byte(`{"iss":"a","x":{"y":1},"iss":"b"}`)) + "." + sig, jose.Limits{}, jose.ErrMalformed},
		{"lone surrogate", hdr + "." + b64([]byte(`{"a":"\ud800x"}`)) + "." + sig, jose.Limits{}, jose.ErrMalformed},
		{"depth 101", hdr + "." + b64([]byte(deep)) + "." + sig, jose.Limits{}, jose.ErrTooLarge},
		{"depth over a set limit", ok, jose.Limits{MaxDepth: 1}, jose.ErrTooLarge},
		{"size", ok, jose.Limits{MaxBytes: len(ok) - 1}, jose.ErrTooLarge},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			j, err := jose.ParseCompact(c.in, c.lim)
			if !errors.Is(err, c.want) {
				t.Fatalf("want %v, got %v", c.want, err)
			}
			if err == nil && (j.Header.Alg != "EdDSA" || !strings.HasPrefix(j.Raw(), j.SigningInput()+".")) {
				t.Fatalf("parsed %+v", j.Header)
			}
		})
	}
}

func TestCheckJSON(t *testing.T) {
	many := "{"
	for i := range 40 {
		many += fmt.Sprintf(`"k%d":%d,`, i, i)
	}
	cases := []struct {
		name string
		in   string
		want error
	}{
		{"object", `{"a":[1,{"b":"c"}],"d":"{[\"]}"}`, nil},
		{"same name in sibling objects", `{"a":{"x":1},"b":{"x":2}}`, nil},
		{"surrogate pair", `{"a":"\ud83d\ude00"}`, nil},
		{"brackets in strings do not nest", `{"a":"` + strings.Repeat("[", 500) + `"}`, nil},
		{"many members", many + `"last":0}`, nil},
		{"duplicate", `{"a":1,"b":2,"a":3}`, jose.ErrMalformed},
		{"duplicate through an escape", `{"a":1,"\u0061":2}`, jose.ErrMalformed},
		{"duplicate among many members", many + `"k7":0}`, jose.ErrMalformed},
		{"duplicate deep inside", `{"a":[{"b":{"c":1,"c":2}}]}`, jose.ErrMalformed},
		{"lone high surrogate", `{"a":"\ud800"}`, jose.ErrMalformed},
		{"lone low surrogate", `{"a":"\udc00"}`, jose.ErrMalformed},
		{"high surrogate, then not low", `{"a":"\ud800\u0041"}`, jose.ErrMalformed},
		{"bad escape", `{"a":"\u00g0"}`, jose.ErrMalformed},
		{"not UTF-8", "{\"a\":\"\xff\"}", jose.ErrMalformed},
		{"unterminated string", `{"a":"b`, jose.ErrMalformed},
		{"too deep", strings.Repeat("[", 11) + strings.Repeat("]", 11), jose.ErrTooLarge},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			depth := 100
			if c.name == "too deep" {
				depth = 10
			}
			if err := jose.CheckJSON([]byte(c.in), depth); !errors.Is(err, c.want) {
				t.Fatalf("want %v, got %v", c.want, err)
			}
		})
	}
}
