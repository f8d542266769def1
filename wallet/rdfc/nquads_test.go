package rdfc_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/satchel-wallet/satchel/wallet/rdfc"
)

func TestParseNQuads(t *testing.T) {
	s, pr, o := rdfc.NewIRI("urn:ex:s"), rdfc.NewIRI("urn:ex:p"), rdfc.NewIRI("urn:ex:o")
	tests := []struct {
		name string
		in   string
		want rdfc.Dataset
	}{
		{"empty", "", nil},
		{"blank and comment lines", "\n  \t\n# comment\n", nil},
		{"triple", "<urn:ex:s> <urn:ex:p> <urn:ex:o> .", rdfc.Dataset{{Subject: s, Predicate: pr, Object: o}}},
		{
			"quad with comment", "<urn:ex:s> <urn:ex:p> <urn:ex:o> <urn:ex:g> . # c\n",
			rdfc.Dataset{{Subject: s, Predicate: pr, Object: o, Graph: rdfc.NewIRI("urn:ex:g")}},
		},
		{"no spaces", "<urn:ex:s><urn:ex:p><urn:ex:o>.", rdfc.Dataset{{Subject: s, Predicate: pr, Object: o}}},
		{"tabs and CRLF", "\t<urn:ex:s>\t<urn:ex:p>\t<urn:ex:o>\t.\t\r\n", rdfc.Dataset{{Subject: s, Predicate: pr, Object: o}}},
		{
			"CR line ends", "<urn:ex:s> <urn:ex:p> <urn:ex:o> .\r<urn:ex:s> <urn:ex:p> <urn:ex:o> .",
			rdfc.Dataset{{Subject: s, Predicate: pr, Object: o}, {Subject: s, Predicate: pr, Object: o}},
		},
		{
			"blank nodes", "_:a <urn:ex:p> _:b.c _:g .",
			rdfc.Dataset{{Subject: rdfc.NewBlankNode("a"), Predicate: pr, Object: rdfc.NewBlankNode("b.c"), Graph: rdfc.NewBlankNode("g")}},
		},
		{"blank node before dot", "_:a <urn:ex:p> _:b.", rdfc.Dataset{{Subject: rdfc.NewBlankNode("a"), Predicate: pr, Object: rdfc.NewBlankNode("b")}}},
		{"unicode label", "_:é·1 <urn:ex:p> _:0x .", rdfc.Dataset{{Subject: rdfc.NewBlankNode("é·1"), Predicate: pr, Object: rdfc.NewBlankNode("0x")}}},
		{"literal", `<urn:ex:s> <urn:ex:p> "v" .`, rdfc.Dataset{{Subject: s, Predicate: pr, Object: rdfc.NewLiteral("v", "")}}},
		{
			"escapes", `<urn:ex:s> <urn:ex:p> "\t\b\n\r\f\"\'\\\u00e9\U0001F303" .`,
			rdfc.Dataset{{Subject: s, Predicate: pr, Object: rdfc.NewLiteral("\t\b\n\r\f\"'\\é🌃", "")}},
		},
		{
			"datatype", `<urn:ex:s> <urn:ex:p> "1"^^<http://www.w3.org/2001/XMLSchema#integer> .`,
			rdfc.Dataset{{Subject: s, Predicate: pr, Object: rdfc.NewLiteral("1", "http://www.w3.org/2001/XMLSchema#integer")}},
		},
		{"language", `<urn:ex:s> <urn:ex:p> "chat"@fr-CA .`, rdfc.Dataset{{Subject: s, Predicate: pr, Object: rdfc.NewLangLiteral("chat", "fr-CA")}}},
		{"direction", `<urn:ex:s> <urn:ex:p> "x"@ar--rtl .`, rdfc.Dataset{{
			Subject: s, Predicate: pr,
			Object: rdfc.Term{Kind: rdfc.Literal, Value: "x", Language: "ar", Direction: "rtl", Datatype: rdfc.RDFDirLangString},
		}}},
		{"IRI escapes", `<urn:ex:\u0073> <urn:ex:p> <urn:ex:\U0000006F> .`, rdfc.Dataset{{Subject: s, Predicate: pr, Object: o}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := rdfc.ParseNQuads(strings.NewReader(tt.in))
			if err != nil {
				t.Fatalf("ParseNQuads: %v", err)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %d quads %v, want %d", len(got), got, len(tt.want))
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("quad %d = %#v, want %#v", i, got[i], tt.want[i])
				}
			}
		})
	}
}

func TestParseNQuadsErrors(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		opts   rdfc.ParseOptions
		want   error
		line   int
		column int
	}{
		{"missing dot", "<urn:ex:s> <urn:ex:p> <urn:ex:o>", rdfc.ParseOptions{}, rdfc.ErrSyntax, 1, 33},
		{"literal subject", `"s" <urn:ex:p> <urn:ex:o> .`, rdfc.ParseOptions{}, rdfc.ErrSyntax, 1, 1},
		{"blank predicate", "<urn:ex:s> _:p <urn:ex:o> .", rdfc.ParseOptions{}, rdfc.ErrSyntax, 1, 12},
		{"relative IRI", "<s> <urn:ex:p> <urn:ex:o> .", rdfc.ParseOptions{}, rdfc.ErrSyntax, 1, 1},
		{"space in IRI", "<urn:ex:s s> <urn:ex:p> <urn:ex:o> .", rdfc.ParseOptions{}, rdfc.ErrSyntax, 1, 10},
		{"unterminated IRI", "<urn:ex:s", rdfc.ParseOptions{}, rdfc.ErrSyntax, 1, 1},
		{"unterminated literal", `<urn:ex:s> <urn:ex:p> "abc`, rdfc.ParseOptions{}, rdfc.ErrSyntax, 1, 23},
		{"bad escape", `<urn:ex:s> <urn:ex:p> "\x" .`, rdfc.ParseOptions{}, rdfc.ErrSyntax, 1, 24},
		{"surrogate escape", `<urn:ex:s> <urn:ex:p> "\uD800" .`, rdfc.ParseOptions{}, rdfc.ErrSyntax, 1, 24},
		{"escape out of range", `<urn:ex:s> <urn:ex:p> "\U00110000" .`, rdfc.ParseOptions{}, rdfc.ErrSyntax, 1, 24},
		{"short escape", `<urn:ex:s> <urn:ex:p> "\u12" .`, rdfc.ParseOptions{}, rdfc.ErrSyntax, 1, 24},
		{"bad direction", `<urn:ex:s> <urn:ex:p> "x"@en--up .`, rdfc.ParseOptions{}, rdfc.ErrSyntax, 1, 31},
		{"bad language", `<urn:ex:s> <urn:ex:p> "x"@en- .`, rdfc.ParseOptions{}, rdfc.ErrSyntax, 1, 29},
		{"empty label", "_: <urn:ex:p> <urn:ex:o> .", rdfc.ParseOptions{}, rdfc.ErrSyntax, 1, 3},
		{"trailing text", "<urn:ex:s> <urn:ex:p> <urn:ex:o> . x", rdfc.ParseOptions{}, rdfc.ErrSyntax, 1, 36},
		{"triple term", "<< <urn:ex:s> <urn:ex:p> <urn:ex:o> >> <urn:ex:p> <urn:ex:o> .", rdfc.ParseOptions{}, rdfc.ErrSyntax, 1, 1},
		{"invalid UTF-8", "<urn:ex:s> <urn:ex:p> \"\xff\" .", rdfc.ParseOptions{}, rdfc.ErrSyntax, 1, 24},
		{"second line", "<urn:ex:s> <urn:ex:p> <urn:ex:o> .\n<urn:ex:s> <urn:ex:p> .", rdfc.ParseOptions{}, rdfc.ErrSyntax, 2, 23},
		{"long label", "_:" + strings.Repeat("a", 1025) + " <urn:ex:p> <urn:ex:o> .", rdfc.ParseOptions{}, rdfc.ErrSyntax, 1, 3},
		{"long language tag", `<urn:ex:s> <urn:ex:p> "x"@` + strings.Repeat("a", 300) + " .", rdfc.ParseOptions{}, rdfc.ErrSyntax, 1, 26},
		{"line too long", "<urn:ex:s> <urn:ex:p> <urn:ex:o> .", rdfc.ParseOptions{MaxLineBytes: 10}, rdfc.ErrTooLarge, 1, 0},
		{"too many quads", "<urn:ex:s> <urn:ex:p> <urn:ex:o> .\n<urn:ex:s> <urn:ex:p> <urn:ex:o> .", rdfc.ParseOptions{MaxQuads: 1}, rdfc.ErrTooLarge, 2, 0},
		{"input too long", "<urn:ex:s> <urn:ex:p> <urn:ex:o> .", rdfc.ParseOptions{MaxInputBytes: 10}, rdfc.ErrTooLarge, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tt.opts.Parse(strings.NewReader(tt.in))
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
			var pe *rdfc.ParseError
			if tt.line == 0 {
				if errors.As(err, &pe) {
					t.Errorf("got ParseError %v, want a plain error", err)
				}
				return
			}
			if !errors.As(err, &pe) {
				t.Fatalf("err = %v, not a *ParseError", err)
			}
			if pe.Line != tt.line || pe.Column != tt.column {
				t.Errorf("at line %d column %d, want %d:%d (%v)", pe.Line, pe.Column, tt.line, tt.column, err)
			}
		})
	}
}

func TestAppendQuad(t *testing.T) {
	s, pr := rdfc.NewIRI("urn:ex:s"), rdfc.NewIRI("urn:ex:p")
	tests := []struct {
		name string
		q    rdfc.Quad
		want string
	}{
		{"triple", rdfc.Quad{Subject: s, Predicate: pr, Object: rdfc.NewBlankNode("b")}, "<urn:ex:s> <urn:ex:p> _:b .\n"},
		{"graph", rdfc.Quad{Subject: s, Predicate: pr, Object: s, Graph: rdfc.NewBlankNode("g")}, "<urn:ex:s> <urn:ex:p> <urn:ex:s> _:g .\n"},
		{"echar", rdfc.Quad{Subject: s, Predicate: pr, Object: rdfc.NewLiteral("\b\t\n\f\r\"\\'", "")}, `<urn:ex:s> <urn:ex:p> "\b\t\n\f\r\"\\'" .` + "\n"},
		{
			"uchar upper hex",
			rdfc.Quad{Subject: s, Predicate: pr, Object: rdfc.NewLiteral("\x00\x07\x0b\x0e\x1f\x7f", "")},
			`<urn:ex:s> <urn:ex:p> "\u0000\u0007\u000B\u000E\u001F\u007F" .` + "\n",
		},
		{"raw non-ASCII", rdfc.Quad{Subject: s, Predicate: pr, Object: rdfc.NewLiteral("\u0080é∞🌃", "")}, "<urn:ex:s> <urn:ex:p> \"\u0080é∞🌃\" .\n"},
		{"xsd:string dropped", rdfc.Quad{Subject: s, Predicate: pr, Object: rdfc.NewLiteral("v", rdfc.XSDString)}, `<urn:ex:s> <urn:ex:p> "v" .` + "\n"},
		{"datatype", rdfc.Quad{Subject: s, Predicate: pr, Object: rdfc.NewLiteral("1", "urn:ex:int")}, `<urn:ex:s> <urn:ex:p> "1"^^<urn:ex:int> .` + "\n"},
		{"language", rdfc.Quad{Subject: s, Predicate: pr, Object: rdfc.NewLangLiteral("v", "en-GB")}, `<urn:ex:s> <urn:ex:p> "v"@en-GB .` + "\n"},
		{
			"direction",
			rdfc.Quad{Subject: s, Predicate: pr, Object: rdfc.Term{Kind: rdfc.Literal, Value: "v", Language: "he", Direction: "rtl"}},
			`<urn:ex:s> <urn:ex:p> "v"@he--rtl .` + "\n",
		},
		{"IRI as is", rdfc.Quad{Subject: rdfc.NewIRI("urn:ex:∞#é"), Predicate: pr, Object: s}, "<urn:ex:∞#é> <urn:ex:p> <urn:ex:s> .\n"},
		{
			"IRI forbidden characters",
			rdfc.Quad{Subject: rdfc.NewIRI("urn:ex:a b<>\"{}|^`\\\x01"), Predicate: pr, Object: s},
			`<urn:ex:a\u0020b\u003C\u003E\u0022\u007B\u007D\u007C\u005E\u0060\u005C\u0001> <urn:ex:p> <urn:ex:s> .` + "\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := string(rdfc.AppendQuad(nil, tt.q)); got != tt.want {
				t.Errorf("AppendQuad = %q, want %q", got, tt.want)
			}
			if got := tt.q.String(); got != tt.want {
				t.Errorf("String = %q, want %q", got, tt.want)
			}
			// What is written reads back as the same quad.
			ds, err := rdfc.ParseNQuads(strings.NewReader(tt.want))
			if err != nil {
				t.Fatalf("re-parse: %v", err)
			}
			if got := ds[0].String(); got != tt.want {
				t.Errorf("round trip = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestWriteNQuads(t *testing.T) {
	in := "_:b <urn:ex:p> \"x\" .\n<urn:ex:s> <urn:ex:p> _:b <urn:ex:g> .\n"
	ds, err := rdfc.ParseNQuads(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := rdfc.WriteNQuads(&buf, ds); err != nil {
		t.Fatal(err)
	}
	if buf.String() != in {
		t.Errorf("WriteNQuads = %q, want %q", buf.String(), in)
	}
}
