package ob2_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/satchel-wallet/satchel/wallet/ob2"
)

// TestHostileJSON: assertions built to make the reader work or
// misunderstand are refused, or read in time.
func TestHostileJSON(t *testing.T) {
	const head = `{"@context":"https://w3id.org/openbadges/v2","type":"Assertion","recipient":{"identity":"a@b.example"},"badge":"https://b.example","issuedOn":"2020-01-01"`
	cases := map[string]struct {
		data string
		err  error
	}{
		"deep nesting":        {head + `,"x":` + strings.Repeat("[", 10_000) + strings.Repeat("]", 10_000) + `}`, ob2.ErrTooLarge},
		"member named twice":  {head + `,"issuedOn":"2030-01-01"}`, ob2.ErrMalformed},
		"not UTF-8":           {head + `,"x":"` + "\xff" + `"}`, ob2.ErrMalformed},
		"trailing data":       {head + `}{}`, ob2.ErrMalformed},
		"badge of wrong type": {strings.Replace(head, `"badge":"https://b.example"`, `"badge":42`, 1) + `}`, ob2.ErrMalformed},
		"over size":           {head + `,"x":"` + strings.Repeat("a", 5<<20) + `"}`, ob2.ErrTooLarge},
		"JWS with bad base64": {"eyJhbGciOiJSUzI1NiJ9.eyJ9=.c2ln", ob2.ErrNotOB2},
		"many evidence items": {head + `,"evidence":[` + strings.Repeat(`{"id":"https://e.example","narrative":"n"},`, 60_000) + `"x"]}`, nil},
		"many alignments":     {strings.Replace(head, `"badge":"https://b.example"`, `"badge":{"name":"n","alignment":[`+strings.Repeat(`{"targetName":"t","targetUrl":"https://a.example"},`, 60_000)+`{}]}`, 1) + `}`, nil},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			start := time.Now()
			r, err := ob2.Read(context.Background(), []byte(tc.data), ob2.Options{})
			if !errors.Is(err, tc.err) {
				t.Fatalf("err %v, want %v", err, tc.err)
			}
			if d := time.Since(start); d > fast {
				t.Errorf("took %v", d)
			}
			if err == nil && strings.Count(r.Credential.FurtherInformation.String(), "\n") > 100 {
				t.Errorf("%d lines of further information", strings.Count(r.Credential.FurtherInformation.String(), "\n"))
			}
		})
	}
}
