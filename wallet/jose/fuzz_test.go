package jose_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/satchel-wallet/satchel/internal/fixture"
	"github.com/satchel-wallet/satchel/wallet/did"
	"github.com/satchel-wallet/satchel/wallet/jose"
)

// seedTokens adds the compact tokens of the fixtures to a fuzz corpus.
func seedTokens(f *testing.F) {
	for _, rel := range []string{edtech + "clr20/simple.jwt", edtech + "ob30/simple.jwt", edtech + "ob30/velocity.jwt"} {
		f.Add(fixture.Read(f, rel))
	}
	files, _ := filepath.Glob(filepath.Join(fixture.Path(f, "vectors/vc-jose-cose/extracted"), "*.txt"))
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err == nil && !bytes.Contains(b, []byte("~")) {
			f.Add(b)
		}
	}
	k := vectorKeys(f)["Ed25519"]
	f.Add([]byte(token(f, k.priv, map[string]any{"alg": "EdDSA", "kid": did.KeyID(k.did)},
		map[string]any{"iss": k.did, "sub": "did:example:x", "nbf": 1, "exp": 2, "jti": "urn:x", "vc": map[string]any{"@context": []any{jose.ContextV1}, "credentialSubject": map[string]any{}}})))
	vp, err := jose.SignPresentation(k, []jose.VPCredential{{Compact: "a.b.c"}, {JSON: json.RawMessage(`{"a":1}`)}}, jose.PresentationOptions{Audience: "x", Nonce: "y"})
	if err != nil {
		f.Fatal(err)
	}
	f.Add([]byte(vp))
}

// FuzzParseCredential: no input makes parsing or verification panic, every
// error is a documented one, and a parsed credential is consistent.
func FuzzParseCredential(f *testing.F) {
	seedTokens(f)
	ctx := context.Background()
	r := did.NewResolver(nil) // offline: fuzzing never goes online
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := jose.ParseCredential(data, jose.Limits{})
		if err != nil {
			if !errors.Is(err, jose.ErrMalformed) && !errors.Is(err, jose.ErrTooLarge) && !errors.Is(err, jose.ErrNotCredential) && !errors.Is(err, jose.ErrClaimConflict) {
				t.Fatalf("undocumented error: %v", err)
			}
			return
		}
		if c.Format != jose.FormatVC11 && c.Format != jose.FormatVC20 || !json.Valid(c.JSON) || !utf8.Valid(c.JSON) {
			t.Fatalf("credential %+v", c)
		}
		if c.Validity.From != nil && c.Validity.Until != nil && c.Validity.From.After(*c.Validity.Until) {
			_ = c.Validity.Check(*c.Validity.From, 0) // an empty period: Check must still answer
		}
		again, err := jose.ParseCredential([]byte(c.JWS.Raw()), jose.Limits{})
		if err != nil || !bytes.Equal(again.JSON, c.JSON) {
			t.Fatalf("re-parse of Raw: %v", err)
		}
		_ = c.Verify(ctx, r)
	})
}

// FuzzParsePresentation: the same for VP-JWTs.
func FuzzParsePresentation(f *testing.F) {
	seedTokens(f)
	ctx := context.Background()
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := jose.ParsePresentation(data, jose.Limits{})
		if err != nil {
			return
		}
		for _, c := range p.Credentials {
			if (c.Compact == "") == (c.JSON == nil) {
				t.Fatalf("credential %+v", c)
			}
		}
		_ = p.Verify(ctx, nil, jose.Expect{Nonce: "y", Audience: "x"})
	})
}

// FuzzCheckJSON compares CheckJSON on valid JSON with a reference built on
// encoding/json's tokenizer: both must agree on depth and duplicate
// member names.
func FuzzCheckJSON(f *testing.F) {
	for _, s := range []string{`{"a":1}`, `{"a":{"a":1},"b":[{"a":1,"b":2}]}`, `{"a":1,"a":2}`, `{"\u0061":1,"a":2}`, `[[[[]]]]`, `{"a":"\ud83d\ude00"}`, `"x"`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		const depth = 8
		err := jose.CheckJSON(data, depth)
		if !json.Valid(data) || !utf8.Valid(data) || bytes.Contains(data, []byte(`\u`)) {
			// Invalid UTF-8 in strings and lone surrogate escapes:
			// encoding/json accepts what CheckJSON refuses (the first
			// crasher this target found, kept in testdata).
			return
		}
		want := referenceCheck(data, depth)
		if (err == nil) != (want == nil) {
			t.Fatalf("CheckJSON = %v, reference = %v", err, want)
		}
	})
}

func referenceCheck(data []byte, max int) error {
	d := json.NewDecoder(bytes.NewReader(data))
	d.UseNumber() // numbers beyond float64 are valid JSON (the second crasher kept)
	type frame struct {
		object bool
		keys   map[string]bool
		key    bool
	}
	var stack []*frame
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		var top *frame
		if len(stack) > 0 {
			top = stack[len(stack)-1]
		}
		switch v := tok.(type) {
		case json.Delim:
			switch v {
			case '{', '[':
				if top != nil && top.object {
					top.key = true
				}
				if len(stack) >= max {
					return errors.New("deep")
				}
				stack = append(stack, &frame{object: v == '{', keys: map[string]bool{}, key: true})
			default:
				stack = stack[:len(stack)-1]
			}
		case string:
			if top != nil && top.object && top.key {
				if top.keys[v] {
					return errors.New("duplicate")
				}
				top.keys[v] = true
				top.key = false
				continue
			}
			if top != nil && top.object {
				top.key = true
			}
		default:
			if top != nil && top.object {
				top.key = true
			}
		}
	}
}
