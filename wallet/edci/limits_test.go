package edci_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/satchel-wallet/satchel/wallet/edci"
)

const root = `<europassCredential xmlns="http://data.europa.eu/snb">`

// TestHostileXML: inputs meant to make a parser work, remember or fetch
// too much are refused with the documented error, quickly.
func TestHostileXML(t *testing.T) {
	cases := map[string]struct {
		data string
		err  error
	}{
		"billion laughs": {`<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">` +
			`<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>` + root + `<title>&lol3;</title></europassCredential>`, edci.ErrDTD},
		"external entity":    {`<!DOCTYPE c [<!ENTITY x SYSTEM "file:///etc/passwd">]>` + root + `<title>&x;</title></europassCredential>`, edci.ErrDTD},
		"external DTD":       {`<!DOCTYPE europassCredential SYSTEM "http://example.org/x.dtd">` + root + `</europassCredential>`, edci.ErrDTD},
		"undeclared entity":  {root + `<title>&x;</title></europassCredential>`, edci.ErrMalformed},
		"deep nesting":       {root + strings.Repeat("<a>", 10000) + strings.Repeat("</a>", 10000) + `</europassCredential>`, edci.ErrTooLarge},
		"many attributes":    {`<europassCredential xmlns="http://data.europa.eu/snb"` + strings.Repeat(` a="1"`, 1) + manyAttrs(100) + `/>`, edci.ErrTooLarge},
		"many tokens":        {root + strings.Repeat("<a/>", 60_000) + `</europassCredential>`, edci.ErrTooLarge},
		"over size":          {root + strings.Repeat(" ", 5<<20) + `</europassCredential>`, edci.ErrTooLarge},
		"latin-1":            {`<?xml version="1.0" encoding="ISO-8859-1"?>` + root + `</europassCredential>`, edci.ErrMalformed},
		"not UTF-8":          {root + "<title>\xff\xfe</title></europassCredential>", edci.ErrMalformed},
		"mismatched tags":    {root + `<title></description></europassCredential>`, edci.ErrMalformed},
		"unclosed":           {root + `<title>`, edci.ErrMalformed},
		"two roots":          {root + `</europassCredential>` + root + `</europassCredential>`, edci.ErrMalformed},
		"text after root":    {root + `</europassCredential>junk`, edci.ErrMalformed},
		"undeclared prefix":  {root + `<x:title/></europassCredential>`, edci.ErrMalformed},
		"duplicate attr":     {`<europassCredential xmlns="http://data.europa.eu/snb" a="1" a="2"/>`, edci.ErrMalformed},
		"duplicate expanded": {`<europassCredential xmlns="http://data.europa.eu/snb" xmlns:p="urn:x" xmlns:q="urn:x" p:a="1" q:a="2"/>`, edci.ErrMalformed},
		"rebound xml":        {`<europassCredential xmlns="http://data.europa.eu/snb" xmlns:xml="urn:x"/>`, edci.ErrMalformed},
		"late declaration":   {root + `<?xml version="1.0"?></europassCredential>`, edci.ErrMalformed},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			start := time.Now()
			_, err := edci.Read(context.Background(), []byte(tc.data), edci.Options{})
			if !errors.Is(err, tc.err) {
				t.Fatalf("err %v, want %v", err, tc.err)
			}
			if d := time.Since(start); d > fast {
				t.Errorf("took %v", d)
			}
		})
	}
}

func manyAttrs(n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteString(" x")
		b.WriteString(strings.Repeat("y", i))
		b.WriteString(`="1"`)
	}
	return b.String()
}

func TestMaxBytesOption(t *testing.T) {
	data := []byte(root + `<title><text lang="en">x</text></title></europassCredential>`)
	if _, err := edci.Read(context.Background(), data, edci.Options{MaxBytes: 10}); !errors.Is(err, edci.ErrTooLarge) {
		t.Fatalf("err %v", err)
	}
	if _, err := edci.Read(context.Background(), data, edci.Options{}); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := edci.Read(ctx, data, edci.Options{}); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled: %v", err)
	}
}

// fast is how long reading a hostile input may take. It takes
// milliseconds (the benchmarks measure it); the bound only catches a
// parser that expands or loops, with room for the race detector on a
// loaded 2-core machine.
const fast = 30 * time.Second

// TestCostlyCredential: well-formed credentials built to make the
// normaliser's work grow faster than the input (thousands of grades,
// notes and skills to join, texts in thousands of languages) are read in
// time.
func TestCostlyCredential(t *testing.T) {
	var many, langs, notes strings.Builder
	for i := range 9000 {
		fmt.Fprintf(&many, `<learningAchievement><wasDerivedFrom><grade>%d</grade></wasDerivedFrom></learningAchievement>`, i)
	}
	for i := range 20000 {
		fmt.Fprintf(&langs, `<text lang="x%d">t%d</text>`, i, i)
	}
	for i := range 8000 {
		fmt.Fprintf(&notes, `<additionalNote><text lang="y%d">n%d</text><subject>s</subject></additionalNote>`, i, i)
	}
	cases := map[string]string{
		"many grades":    `<achievements>` + many.String() + `</achievements>`,
		"many languages": `<achievements><learningAchievement><title>` + langs.String() + `</title><wasDerivedFrom><grade>1</grade></wasDerivedFrom></learningAchievement>` + strings.Repeat(`<learningAchievement><wasDerivedFrom><grade>2</grade></wasDerivedFrom></learningAchievement>`, 1000) + `</achievements>`,
		"many notes":     `<achievements><learningAchievement>` + notes.String() + `</learningAchievement></achievements>`,
	}
	for name, body := range cases {
		t.Run(name, func(t *testing.T) {
			data := []byte(root + `<credentialSubject>` + body + `</credentialSubject></europassCredential>`)
			start := time.Now()
			if _, err := edci.Read(context.Background(), data, edci.Options{}); err != nil {
				t.Fatal(err)
			}
			if d := time.Since(start); d > fast {
				t.Errorf("took %v", d)
			}
		})
	}
}
