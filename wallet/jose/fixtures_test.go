package jose_test

import (
	"context"
	"encoding/json"
	"errors"
	"regexp"
	"strings"
	"testing"

	"github.com/satchel-wallet/satchel/internal/fixture"
	"github.com/satchel-wallet/satchel/wallet/did"
	"github.com/satchel-wallet/satchel/wallet/jose"
)

const edtech = "vectors/ob3/1edtech-validator/"

// compactToken finds the first compact JWS in a file: the baked badges
// carry theirs in an attribute (SVG) or a text chunk (PNG). Extracting
// baked assertions properly is another package's job; the regular
// expression only finds the token to verify here.
var compactToken = regexp.MustCompile(`eyJhbGci[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+`)

// TestEdTechJWTs verifies the VC-JWTs of the 1EdTech validator's fixtures.
// Those that carry their key in the header verify with KeySource
// embedded: intact, issuer not confirmed. The two without a usable key
// report why.
func TestEdTechJWTs(t *testing.T) {
	ctx := context.Background()
	embedded := []struct {
		file   string
		format jose.Format
		issuer string
	}{
		{"clr20/simple.jwt", jose.FormatVC11, "https://example.edu/issuers/565049"},
		{"ob30/simple-jwt.svg", jose.FormatVC20, "https://1edtech.edu/issuers/565049"},
		{"ob30/simple-jwt.png", jose.FormatVC20, "https://1edtech.edu/issuers/565049"},
		{"ob30/simple-jwt_v1.svg", jose.FormatVC11, "https://example.edu/issuers/565049"},
		{"ob30/simple-jwt_v1.png", jose.FormatVC11, "https://example.edu/issuers/565049"},
	}
	for _, c := range embedded {
		t.Run(c.file, func(t *testing.T) {
			data := fixture.Read(t, edtech+c.file)
			if !strings.HasSuffix(c.file, ".jwt") {
				data = compactToken.Find(data)
			}
			cred, err := jose.VerifyCredential(ctx, data, did.NewResolver(nil), jose.Limits{})
			if err != nil {
				t.Fatal(err)
			}
			if cred.Key.Source != jose.KeyEmbedded || cred.Key.Alg != jose.RS256 || cred.Format != c.format || cred.Issuer != c.issuer {
				t.Fatalf("format %s, issuer %s, key %+v", cred.Format, cred.Issuer, cred.Key)
			}
			if cred.Validity.From == nil || cred.Validity.From.Year() != 2010 {
				t.Fatalf("validity %+v", cred.Validity)
			}
			// The CLR carries VC-JWTs of its own, signed the same way.
			var doc map[string]any
			if err := json.Unmarshal(cred.JSON, &doc); err != nil {
				t.Fatal(err)
			}
			subject, _ := doc["credentialSubject"].(map[string]any)
			nested, _ := subject["verifiableCredential"].([]any)
			for i, n := range nested {
				s, ok := n.(string)
				if !ok {
					continue
				}
				inner, err := jose.VerifyCredential(ctx, []byte(s), nil, jose.Limits{})
				if err != nil || inner.Key.Source != jose.KeyEmbedded {
					t.Fatalf("nested credential %d: %v", i, err)
				}
			}
			// A flipped character in the payload breaks the signature.
			j := cred.JWS.Raw()
			dot := strings.IndexByte(j, '.')
			bad := j[:dot+40] + flip(j[dot+40]) + j[dot+41:]
			if _, err := jose.VerifyCredential(ctx, []byte(bad), nil, jose.Limits{}); !errors.Is(err, jose.ErrSignature) && !errors.Is(err, jose.ErrMalformed) {
				t.Fatalf("tampered: %v", err)
			}
		})
	}

	// simple.jwt names an https issuer and carries no key: its signature
	// cannot be checked.
	cred, err := jose.VerifyCredential(ctx, fixture.Read(t, edtech+"ob30/simple.jwt"), nil, jose.Limits{})
	if !errors.Is(err, jose.ErrNoKey) || cred == nil || cred.Format != jose.FormatVC11 {
		t.Fatalf("ob30/simple.jwt: %v", err)
	}
	// velocity.jwt names its key with a did:velocity, which Satchel does
	// not resolve; its issuer is a did:web on a private host.
	cred, err = jose.VerifyCredential(ctx, fixture.Read(t, edtech+"ob30/velocity.jwt"), nil, jose.Limits{})
	if !errors.Is(err, did.ErrUnsupportedMethod) || cred == nil {
		t.Fatalf("ob30/velocity.jwt: %v", err)
	}
	if !strings.HasPrefix(cred.Issuer, "did:web:registrar%3A3000") || !strings.HasPrefix(cred.Subject, "did:jwk:") {
		t.Fatalf("velocity.jwt issuer %s subject %s", cred.Issuer, cred.Subject)
	}
}

func flip(c byte) string {
	if c == 'A' {
		return "B"
	}
	return "A"
}

// TestVCJoseCoseExamples parses the JOSE examples of the W3C VC-JOSE-COSE
// specification. Their signing key was generated per rendering and never
// published, so each parses, and its signature reports that no key can be
// found. SD-JWT examples are covered in package sdjwt.
func TestVCJoseCoseExamples(t *testing.T) {
	var idx []struct {
		File string `json:"file"`
		Kind string `json:"kind"`
	}
	if err := json.Unmarshal(fixture.Read(t, "vectors/vc-jose-cose/extracted/index.json"), &idx); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	creds, vps := 0, 0
	for _, e := range idx {
		if e.Kind != "jws" {
			continue
		}
		t.Run(e.File, func(t *testing.T) {
			data := fixture.Read(t, "vectors/vc-jose-cose/extracted/"+e.File)
			j, err := jose.ParseCompact(string(data), jose.Limits{})
			if err != nil {
				t.Fatal(err)
			}
			var payload map[string]any
			if err := json.Unmarshal(j.Payload, &payload); err != nil {
				t.Fatal(err)
			}
			typ := payload["type"]
			switch {
			case payload["_sd_alg"] != nil:
				if _, err := jose.ParseCredential(data, jose.Limits{}); !errors.Is(err, jose.ErrNotCredential) {
					t.Fatalf("SD-JWT issuer JWT: %v", err)
				}
			case typ == "VerifiablePresentation":
				vps++
				p, err := jose.ParsePresentation(data, jose.Limits{})
				if err != nil || p.Format != jose.FormatVC20 {
					t.Fatalf("presentation: %v", err)
				}
				if err := p.Verify(ctx, nil, jose.Expect{}); !errors.Is(err, jose.ErrNoKey) {
					t.Fatalf("presentation signature: %v", err)
				}
				for _, c := range p.Credentials {
					if c.Compact == "" || strings.Contains(c.Compact, "~") {
						continue
					}
					checkUnverifiable(t, []byte(c.Compact))
				}
			case typ == "EnvelopedVerifiablePresentation":
				if _, err := jose.ParsePresentation(data, jose.Limits{}); !errors.Is(err, jose.ErrNotPresentation) {
					t.Fatalf("enveloping JWT: %v", err)
				}
				inner := strings.TrimPrefix(payload["id"].(string), "data:application/vp+jwt,")
				if _, err := jose.ParsePresentation([]byte(inner), jose.Limits{}); err != nil {
					t.Fatalf("enveloped presentation: %v", err)
				}
			default:
				creds++
				checkUnverifiable(t, data)
			}
		})
	}
	if creds < 4 || vps < 3 {
		t.Fatalf("parsed %d credentials and %d presentations", creds, vps)
	}
}

// checkUnverifiable parses a VC 2.0 JOSE credential of the W3C examples
// and checks that its signature cannot be checked.
func checkUnverifiable(t *testing.T, data []byte) {
	t.Helper()
	cred, err := jose.ParseCredential(data, jose.Limits{})
	if err != nil {
		t.Fatalf("credential: %v", err)
	}
	if cred.Format != jose.FormatVC20 || cred.Issuer == "" || !json.Valid(cred.JSON) || cred.Validity.From == nil {
		t.Fatalf("credential fields: %+v", cred)
	}
	if err := cred.Verify(context.Background(), nil); !errors.Is(err, jose.ErrNoKey) && !errors.Is(err, did.ErrNeedsNetwork) {
		t.Fatalf("signature: want ErrNoKey (or, for a did:web issuer, ErrNeedsNetwork), got %v", err)
	}
}
