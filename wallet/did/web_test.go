package did_test

import (
	"crypto/ed25519"
	"encoding/json"
	"errors"
	"net"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/satchel-wallet/satchel/internal/fixture"
	"github.com/satchel-wallet/satchel/wallet/did"
)

func TestWebURL(t *testing.T) {
	cases := []struct{ did, url string }{
		// The examples of the did:web specification
		// (https://w3c-ccg.github.io/did-method-web/, "Create" and "Optional
		// Path Considerations").
		{"did:web:w3c-ccg.github.io", "https://w3c-ccg.github.io/.well-known/did.json"},
		{"did:web:w3c-ccg.github.io:user:alice", "https://w3c-ccg.github.io/user/alice/did.json"},
		{"did:web:example.com%3A3000:user:alice", "https://example.com:3000/user/alice/did.json"},
		{"did:web:example.com:u:bob", "https://example.com/u/bob/did.json"},
		// The DIDs of the DCC test fixtures, and the 1EdTech validator's
		// velocity.jwt issuer (a port and a path).
		{"did:web:digitalcredentials.github.io:vc-test-fixtures:dids:oidf", "https://digitalcredentials.github.io/vc-test-fixtures/dids/oidf/did.json"},
		{"did:web:digitalcredentials.github.io:vc-test-fixtures:dids:legacy#z6MkjXe1vZvPRqFuc9nRBtZ3e1Y9XKDFSbjFAfzLfW2bD6cZ", "https://digitalcredentials.github.io/vc-test-fixtures/dids/legacy/did.json"},
		{"did:web:registrar%3A3000:d:www.acmecorp-zrnkgupzazhhustuwbufc.com", "https://registrar:3000/d/www.acmecorp-zrnkgupzazhhustuwbufc.com/did.json"},
		{"did:web:Example.COM", "https://example.com/.well-known/did.json"},
		{"did:web:example.com:a%20b", "https://example.com/a%20b/did.json"},
	}
	for _, c := range cases {
		t.Run(c.did, func(t *testing.T) {
			got, err := did.WebURL(c.did)
			if err != nil || got != c.url {
				t.Fatalf("WebURL = %q, %v; want %q", got, err, c.url)
			}
		})
	}
	bad := []string{
		"did:web:",
		"did:web:192.168.1.1",
		"did:web:[::1]",
		"did:web:example.com%3A0",
		"did:web:example.com%3A99999",
		"did:web:example.com%3Ahttp",
		"did:web:example.com::x",
		"did:web:example.com:..:x",
		"did:web:example.com:a%2Fb",
		"did:web:example.com:a%2fb",
		"did:web:example.com:a%00",
		"did:web:exa_mple.com",
		"did:web:-example.com",
		"did:web:example..com",
		"did:web:example.com/x",
		"did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp",
	}
	for _, b := range bad {
		t.Run("bad/"+b, func(t *testing.T) {
			if u, err := did.WebURL(b); !errors.Is(err, did.ErrMalformed) {
				t.Fatalf("WebURL(%q) = %q, %v; want ErrMalformed", b, u, err)
			}
		})
	}
}

// dccDIDs are the did:web DIDs of the DCC test fixtures and their
// documents, all one Ed25519 key.
var dccDIDs = []struct {
	did, file, vm string
	purposes      []string
}{
	{
		"did:web:digitalcredentials.github.io:vc-test-fixtures:dids:oidf", "oidf/did.json",
		"did:web:digitalcredentials.github.io:vc-test-fixtures:dids:oidf#z6MkjXe1vZvPRqFuc9nRBtZ3e1Y9XKDFSbjFAfzLfW2bD6cZ",
		[]string{did.PurposeAssertion},
	},
	{
		"did:web:digitalcredentials.github.io:vc-test-fixtures:dids:legacy", "legacy/did.json",
		"did:web:digitalcredentials.github.io:vc-test-fixtures:dids:legacy#z6MkjXe1vZvPRqFuc9nRBtZ3e1Y9XKDFSbjFAfzLfW2bD6cZ",
		[]string{did.PurposeAssertion},
	},
}

const dccMultibase = "z6MkjXe1vZvPRqFuc9nRBtZ3e1Y9XKDFSbjFAfzLfW2bD6cZ"

func TestParseDocumentDCC(t *testing.T) {
	want, err := did.ParseMultibase(dccMultibase)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range dccDIDs {
		t.Run(d.file, func(t *testing.T) {
			keys, err := did.ParseDocument(d.did, fixture.Read(t, "vectors/ob3/dcc-vc-test-fixtures/dids/"+d.file))
			if err != nil {
				t.Fatal(err)
			}
			if len(keys) != 1 || keys[0].ID != d.vm || keys[0].Controller != d.did {
				t.Fatalf("keys = %+v", keys)
			}
			if !keys[0].Key.(ed25519.PublicKey).Equal(want) {
				t.Fatal("key differs from the multibase in the document")
			}
			if !slices.Equal(keys[0].Purposes, d.purposes) {
				t.Fatalf("purposes %v, want %v", keys[0].Purposes, d.purposes)
			}
			// The document of one DID is not the document of another.
			if _, err := did.ParseDocument(d.did+"x", fixture.Read(t, "vectors/ob3/dcc-vc-test-fixtures/dids/"+d.file)); !errors.Is(err, did.ErrBadDocument) {
				t.Fatalf("document read for another DID: %v", err)
			}
		})
	}
}

// TestParseDocumentVectors reads the DID documents of the did:key test
// vectors with the generic reader: JsonWebKey2020 and
// Ed25519VerificationKey2018 keys, referenced from the relationships, and
// X25519 key-agreement keys, which it skips.
func TestParseDocumentVectors(t *testing.T) {
	n, read := 0, 0
	for _, f := range []string{"nist-curves.json", "ed25519-x25519.json"} {
		var m map[string]struct {
			DIDDocument json.RawMessage `json:"didDocument"`
		}
		if err := json.Unmarshal(fixture.Read(t, "vectors/did-key/test-vectors/"+f), &m); err != nil {
			t.Fatal(err)
		}
		for id, v := range m {
			if v.DIDDocument == nil {
				continue
			}
			n++
			t.Run(f+"/"+id[:24], func(t *testing.T) {
				keys, err := did.ParseDocument(id, v.DIDDocument)
				if err != nil {
					t.Fatal(err)
				}
				want, err := did.ParseKey(id)
				if err != nil {
					t.Fatal(err)
				}
				if len(keys) == 0 {
					return // a key type Satchel does not read, such as P256Key2021
				}
				read++
				if len(keys) != 1 || keys[0].ID != did.KeyID(id) {
					t.Fatalf("keys = %+v", keys)
				}
				if !keysEqual(keys[0].Key, want) {
					t.Fatal("document key differs from the did:key")
				}
				if !slices.Contains(keys[0].Purposes, did.PurposeAssertion) || !slices.Contains(keys[0].Purposes, did.PurposeAuthentication) {
					t.Fatalf("purposes %v", keys[0].Purposes)
				}
			})
		}
	}
	if n < 10 || read < n/2 {
		t.Fatalf("read keys from %d of %d documents", read, n)
	}
}

func TestParseDocumentRejects(t *testing.T) {
	const id = "did:web:example.com"
	cases := map[string]string{
		"not JSON":   `{"id":`,
		"not UTF-8":  "{\"id\":\"did:web:example.com\",\"x\":\"\xff\"}",
		"no id":      `{"verificationMethod":[]}`,
		"too deep":   `{"id":"did:web:example.com","service":` + strings.Repeat("[", 100) + strings.Repeat("]", 100) + `}`,
		"other id":   `{"id":"did:web:example.org"}`,
		"bad list":   `{"id":"did:web:example.com","assertionMethod":{"id":"#k"}}`,
		"no vm id":   `{"id":"did:web:example.com","verificationMethod":[{"type":"Multikey","publicKeyMultibase":"` + dccMultibase + `"}]}`,
		"bad key":    `{"id":"did:web:example.com","verificationMethod":[{"id":"#k","type":"Multikey","publicKeyMultibase":"` + mustMB(t, append([]byte{0xed, 0x01}, make([]byte, 31)...)) + `"}]}`,
		"private":    `{"id":"did:web:example.com","verificationMethod":[{"id":"#k","type":"JsonWebKey2020","publicKeyJwk":{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo","d":"nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A"}}]}`,
		"two values": `{"id":"did:web:example.com","verificationMethod":[{"id":"#k","type":"Multikey","publicKeyMultibase":"` + dccMultibase + `"}],"assertionMethod":[{"id":"#k","type":"Multikey","publicKeyMultibase":"z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp"}]}`,
	}
	for name, doc := range cases {
		t.Run(name, func(t *testing.T) {
			if _, err := did.ParseDocument(id, []byte(doc)); !errors.Is(err, did.ErrBadDocument) && !errors.Is(err, did.ErrMalformed) {
				t.Fatalf("want ErrBadDocument, got %v", err)
			}
		})
	}
	// Keys of, or controlled by, another DID are never the DID's own.
	foreign := `{"id":"did:web:example.com","verificationMethod":[
		{"id":"did:web:example.org#k","type":"Multikey","publicKeyMultibase":"` + dccMultibase + `"},
		{"id":"#k2","type":"Multikey","controller":"did:web:example.org","publicKeyMultibase":"` + dccMultibase + `"}]}`
	if keys, err := did.ParseDocument(id, []byte(foreign)); err != nil || len(keys) != 0 {
		t.Fatalf("foreign keys: %v, %v", keys, err)
	}
}

func FuzzParseDocument(f *testing.F) {
	for _, d := range dccDIDs {
		f.Add(d.did, fixture.Read(f, "vectors/ob3/dcc-vc-test-fixtures/dids/"+d.file))
	}
	f.Add("did:web:example.com", []byte(`{"id":"did:web:example.com","verificationMethod":[{"id":"#k","type":"JsonWebKey2020","publicKeyJwk":{"kty":"EC","crv":"P-256","x":"`+specP256X+`","y":"`+specP256Y+`"}}],"authentication":["#k"]}`))
	f.Fuzz(func(t *testing.T, id string, doc []byte) {
		keys, err := did.ParseDocument(id, doc)
		if err != nil {
			return
		}
		for _, k := range keys {
			if k.Key == nil || k.Controller != id {
				t.Fatalf("key %+v of %s", k, id)
			}
		}
	})
}

func FuzzWebURL(f *testing.F) {
	for _, d := range dccDIDs {
		f.Add(d.did)
	}
	f.Add("did:web:example.com%3A3000:user:alice")
	f.Add("did:web:w3c-ccg.github.io")
	f.Fuzz(func(t *testing.T, id string) {
		u, err := did.WebURL(id)
		if err != nil {
			if !errors.Is(err, did.ErrMalformed) {
				t.Fatalf("undocumented error: %v", err)
			}
			return
		}
		p, err := url.Parse(u)
		if err != nil || p.Scheme != "https" || p.User != nil || p.RawQuery != "" || p.Fragment != "" ||
			!strings.HasSuffix(p.Path, "/did.json") || strings.Contains(p.Path, "/../") || strings.Contains(p.Path, "//") {
			t.Fatalf("WebURL(%q) = %q (%v)", id, u, err)
		}
		if net.ParseIP(p.Hostname()) != nil {
			t.Fatalf("WebURL(%q) points at an IP address: %q", id, u)
		}
	})
}
