package ob2_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/satchel-wallet/satchel/internal/fixture"
	"github.com/satchel-wallet/satchel/wallet/credential"
	"github.com/satchel-wallet/satchel/wallet/ob2"
)

const (
	ob20    = "vectors/ob2-baked/1edtech-validator/ob20/"
	bakery  = "vectors/ob2-baked/mozilla-openbadges-bakery/"
	ob30    = "vectors/ob3/1edtech-validator/ob30/"
	clr20   = "vectors/ob3/1edtech-validator/clr20/"
	day     = "2006-01-02"
	robotID = "sha256$ecf5409f3f4b91ab60cc5ef4c02aef7032354375e70cf4d8e43f6a1d29891942"
)

// assetKeys fetches keys from the validator's assets folder, which holds
// what its test server publishes at http://example.org/.
type assetKeys struct{ t testing.TB }

func (k assetKeys) FetchKey(_ context.Context, url string) ([]byte, error) {
	name, ok := strings.CutPrefix(url, "http://example.org/")
	if !ok {
		return nil, fmt.Errorf("%s: not published", url)
	}
	return os.ReadFile(filepath.Join(fixture.Path(k.t, ob20+"assets"), name))
}

// badge is what a badge fixture must give.
type badge struct {
	title, issuer, issued, until string
	proof                        string // proof check code
	format                       []string
	holder                       string // holder check code, if any
	embedded                     int
}

// hosted is the result every hosted robotics-badge assertion of the
// validator shares: dated, issued to a hashed e-mail address (that of
// nobody@example.org), its badge published at a URL, its proof needing
// the network.
func hosted(badgeURL string, more ...string) badge {
	return badge{
		issued: "2016-12-31", proof: "proof.hosted-offline", holder: "holder.ob2-hashed",
		format: append([]string{"format.ok", "format.ob2-badge-remote:" + badgeURL}, more...),
	}
}

// badges lists every file of the badge fixture folders that is a badge,
// with what reading it must give.
var badges = map[string]badge{
	ob20 + "basic-assertion.json":                       hosted("https://example.org/robotics-badge.json"),
	ob20 + "assertion-with-data-image.json":             hosted("https://example.org/robotics-badge.json"),
	ob20 + "assertion-with-extension-node-basic.json":   hosted("https://example.org/robotics-badge.json"),
	ob20 + "assertion-with-extension-node-invalid.json": hosted("https://example.org/robotics-badge.json"),
	ob20 + "assertion-with-multiple-extensions.json":    hosted("https://example.org/robotics-badge.json"),
	ob20 + "basic-assertion-expired.json":               withUntil(hosted("https://example.org/robotics-badge.json"), "2022-11-15"),
	ob20 + "basic-assertion-expired-before-issued.json": {
		issued: "2022-12-31", until: "2022-11-15", proof: "proof.hosted-offline", holder: "holder.ob2-hashed",
		format: []string{"format.ok", "format.ob2-badge-remote:https://example.org/robotics-badge.json", "format.ob2-dates"},
	},
	ob20 + "basic-assertion-in-future.json": {
		issued: "2100-12-31", proof: "proof.hosted-offline", holder: "holder.ob2-hashed",
		format: []string{"format.ok", "format.ob2-badge-remote:https://example.org/robotics-badge.json", "format.ob2-future"},
	},
	ob20 + "basic-assertion-invalid-context.json": {
		issued: "2016-12-31", proof: "proof.hosted-offline", holder: "holder.ob2-hashed",
		format: []string{"format.ok", "format.unknown-context", "format.ob2-badge-remote:https://example.org/robotics-badge.json"},
	},
	ob20 + "basic-assertion-no-public-key.json":                                     hosted("https://example.org/basic-badge-no-public-key.json"),
	ob20 + "basic-assertion-with-allowed-origins.json":                              hosted("https://example.org/badgeclass-with-verification.json"),
	ob20 + "basic-assertion-with-allowed-origins-invalid-multiple-starts-with.json": hosted("https://example.org/badgeclass-with-verification-invalid-multiple-starts-with.json"),
	ob20 + "basic-assertion-with-allowed-origins-invalid-starts-with.json":          hosted("https://example.org/badgeclass-with-verification-invalid-starts-with.json"),
	ob20 + "basic-assertion-with-allowed-origins-valid-multiple-starts-with.json":   hosted("https://example.org/badgeclass-with-verification-valid-multiple-starts-with.json"),
	ob20 + "basic-assertion-with-allowed-origins-valid-starts-with.json":            hosted("https://example.org/badgeclass-with-verification-valid-starts-with.json"),
	ob20 + "basic-assertion-with-language.json":                                     hosted("https://example.org/badgeclass-with-language.json"),
	ob20 + "warning-issuer-non-http.json":                                           hosted("http://example.org/badge-with-bad-issuer.json"),
	ob20 + "warning-with-redirection.json":                                          hosted("http://example.org/altbadgeurl.json"),
	ob20 + "assertion-with-endorsements.json": {
		title: "Awesome Robotics Badge", issuer: "https://example.org/organization.json", issued: "2016-12-31", proof: "proof.hosted-offline", holder: "holder.ob2-hashed",
		format: []string{"format.ok", "format.ob2-issuer-remote:https://example.org/organization.json"},
	},
	ob20 + "simple-badge.png": hosted("https://example.org/robotics-badge.json"),
	// Signed assertions: the validator's test server publishes their keys,
	// here fetched from its assets.
	ob20 + "simple.jwt":             signedBadge("https://example.org/robotics-badge.json"),
	ob20 + "simple-revoked.jwt":     signedBadge("https://example.org/badge-from-organization-with-revocation-list.json"),
	ob20 + "simple-not-revoked.jwt": signedBadge("https://example.org/badge-from-organization-with-empty-revocation-list.json"),
	// Open Badges 3.0 credentials baked into images go to Embedded.
	ob30 + "simple-json.png":   {proof: "proof.ob2-container", format: []string{"format.ob2-baked-ob3"}, embedded: 1},
	ob30 + "simple-json.svg":   {proof: "proof.ob2-container", format: []string{"format.ob2-baked-ob3"}, embedded: 1},
	ob30 + "simple-jwt.png":    {proof: "proof.ob2-container", format: []string{"format.ob2-baked-ob3"}, embedded: 1},
	ob30 + "simple-jwt.svg":    {proof: "proof.ob2-container", format: []string{"format.ob2-baked-ob3"}, embedded: 1},
	ob30 + "simple-jwt_v1.png": {proof: "proof.ob2-container", format: []string{"format.ob2-baked-ob3"}, embedded: 1},
	ob30 + "simple-jwt_v1.svg": {proof: "proof.ob2-container", format: []string{"format.ob2-baked-ob3"}, embedded: 1},
}

func withUntil(b badge, until string) badge { b.until = until; return b }

func signedBadge(badgeURL string) badge {
	return badge{
		issued: "2016-12-31", proof: "proof.ok", holder: "holder.ob2-hashed",
		format: []string{"format.ok", "format.ob2-badge-remote:" + badgeURL},
	}
}

// refused lists the other files of those folders, with the error each
// must give.
var refused = map[string]error{
	ob20 + "basic-assertion-invalid-type.json":  ob2.ErrNotAssertion, // type OtherAssertion
	ob20 + "redirected-validation-subject.json": ob2.ErrMalformed,    // JSON with // comments
	ob20 + "badge-class-with-language.json":     ob2.ErrNotAssertion,
	ob20 + "issuer-compact-iri-validation.json": ob2.ErrNotAssertion,
	bakery + "bad-json.svg":                     ob2.ErrMalformed, // {verify:{...}}: not JSON
	bakery + "baked.svg":                        ob2.ErrRemote,    // only the assertion's URL
	bakery + "no-json.svg":                      ob2.ErrRemote,    // empty element, verify URL
	bakery + "unbaked.svg":                      ob2.ErrNotBaked,
	bakery + "unbaked.png":                      ob2.ErrNotBaked,
	bakery + "rsa-private.pem":                  ob2.ErrNotOB2,
	bakery + "rsa-public.pem":                   ob2.ErrNotOB2,
	"vectors/ob2-baked/SOURCES.txt":             ob2.ErrNotOB2,
	ob20 + "assets/beths-robot-badge.png":       ob2.ErrNotBaked,
	ob20 + "assets/robotics-badge.png":          ob2.ErrNotBaked,
	ob20 + "assets/beths-robot-work.html":       ob2.ErrNotOB2, // empty
	ob20 + "assets/badgecriteria.json":          ob2.ErrNotOB2,
	ob20 + "assets/openbadges_context.json":     ob2.ErrNotOB2, // a URL line, then JSON
}

func TestFixtures(t *testing.T) {
	ctx := context.Background()
	opts := ob2.Options{Keys: assetKeys{t}}
	seen := map[string]bool{}
	for rel, w := range badges {
		seen[rel] = true
		t.Run(rel, func(t *testing.T) {
			data := fixture.Read(t, rel)
			if !ob2.Detect(data) {
				t.Error("Detect = false")
			}
			r, err := ob2.Read(ctx, data, opts)
			if err != nil {
				t.Fatal(err)
			}
			checkBadge(t, r, w)
		})
	}
	for rel, want := range refused {
		seen[rel] = true
		t.Run(rel, func(t *testing.T) {
			_, err := ob2.Read(ctx, fixture.Read(t, rel), opts)
			if !errors.Is(err, want) {
				t.Fatalf("err %v, want %v", err, want)
			}
		})
	}
	// Every other file of the folders: Open Badges documents that are not
	// assertions (badge classes, profiles, keys, revocation lists), and
	// Open Badges 3.0 / CLR 2.0 credentials for the other readers.
	root := fixture.Root(t)
	for _, dir := range []string{"vectors/ob2-baked", "vectors/ob3/1edtech-validator"} {
		err := filepath.WalkDir(filepath.Join(root, dir), func(p string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			rel := filepath.ToSlash(strings.TrimPrefix(p, root+string(filepath.Separator)))
			if seen[rel] {
				return nil
			}
			t.Run(rel, func(t *testing.T) {
				data := fixture.Read(t, rel)
				_, err := ob2.Read(ctx, data, opts)
				want := ob2.ErrNotAssertion
				if strings.HasPrefix(rel, "vectors/ob3/") {
					want = ob2.ErrNotOB2
					if ob2.Detect(data) {
						t.Error("Detect = true for a credential of another format")
					}
				}
				if !errors.Is(err, want) {
					t.Fatalf("err %v, want %v", err, want)
				}
			})
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}

func checkBadge(t *testing.T, r *credential.Reading, w badge) {
	t.Helper()
	c := r.Credential
	if c.Title.String() != w.title {
		t.Errorf("title %q, want %q", c.Title.String(), w.title)
	}
	if c.Issuer.ID != w.issuer {
		t.Errorf("issuer %q, want %q", c.Issuer.ID, w.issuer)
	}
	if got := c.Issued.Format(day); w.issued != "" && got != w.issued {
		t.Errorf("issued %s, want %s", got, w.issued)
	}
	if got := c.ValidUntil.Format(day); w.until != "" && got != w.until {
		t.Errorf("valid until %s, want %s", got, w.until)
	}
	var format []string
	for _, ch := range r.Checks {
		switch ch.Check {
		case credential.CheckFormat:
			code := ch.Code
			if u := ch.Args["URL"]; u != "" && code != "format.unknown-context" {
				code += ":" + u
			}
			format = append(format, code)
		case credential.CheckProof:
			if ch.Code != w.proof {
				t.Errorf("proof %s %s (%s), want %s", ch.Status, ch.Code, ch.Detail, w.proof)
			}
		case credential.CheckHolder:
			if ch.Code != w.holder || ch.Args["Hash"] != robotID || !ob2.RecipientMatches(ch.Args["Hash"], ch.Args["Salt"], "nobody@example.org") ||
				ob2.RecipientMatches(ch.Args["Hash"], ch.Args["Salt"], "somebody@example.org") {
				t.Errorf("holder %s %v", ch.Code, ch.Args)
			}
		}
	}
	if got, want := strings.Join(format, " "), strings.Join(w.format, " "); got != want {
		t.Errorf("format checks %s, want %s", got, want)
	}
	if len(r.Embedded) != w.embedded || len(r.Identity) == 0 {
		t.Errorf("%d embedded, identity %d bytes", len(r.Embedded), len(r.Identity))
	}
	if w.holder != "" && len(r.Subjects) != 0 {
		t.Errorf("a hashed recipient gave subjects %v", r.Subjects)
	}
}
