package ob2_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/satchel-wallet/satchel/internal/fixture"
	"github.com/satchel-wallet/satchel/wallet/ob2"
)

const fullAssertion = `{
  "@context": "https://w3id.org/openbadges/v2", "type": "Assertion", "id": "https://example.org/assertions/42",
  "recipient": {"type": "email", "hashed": false, "identity": "ana@example.org"},
  "issuedOn": "2023-05-04T12:00:00+02:00", "expires": "2026-05-04T12:00:00Z",
  "image": {"id": "https://example.org/assertions/42/image.png", "caption": "Ana's badge"},
  "evidence": [{"id": "https://example.org/work/1", "name": "Portfolio", "narrative": "Three projects"}, "https://example.org/work/2"],
  "narrative": "Ana built a weather station.",
  "badge": {
    "type": "BadgeClass", "id": "https://example.org/badges/iot", "@language": "es",
    "name": "Internet de las cosas", "description": "Sensores y redes",
    "image": "https://example.org/badges/iot.png",
    "criteria": {"id": "https://example.org/badges/iot/criteria", "narrative": "Construir un dispositivo"},
    "tags": ["IoT", "electrónica"],
    "alignment": [
      {"targetName": "EQF level 5", "targetUrl": "http://data.europa.eu/snb/eqf/5"},
      {"targetName": "Build IoT devices", "targetUrl": "http://data.europa.eu/esco/skill/abc", "targetFramework": "ESCO", "targetCode": "abc"}
    ],
    "issuer": {"type": "Profile", "id": "https://example.org/issuer", "name": "Escuela Ejemplo", "url": "https://example.org", "email": "info@example.org"}
  },
  "verification": {"type": "HostedBadge"}
}`

func TestNormalise(t *testing.T) {
	r, err := ob2.Read(context.Background(), []byte(fullAssertion), ob2.Options{})
	if err != nil {
		t.Fatal(err)
	}
	c := r.Credential
	cases := []struct{ name, got, want string }{
		{"title", c.Title.Get("es"), "Internet de las cosas"},
		{"description", c.Description.Get("es"), "Sensores y redes"},
		{"issuer", c.Issuer.Name.Get("es") + " " + c.Issuer.ID + " " + c.Issuer.URL, "Escuela Ejemplo https://example.org/issuer https://example.org"},
		{"issued", c.Issued.UTC().Format("2006-01-02T15"), "2023-05-04T10"},
		{"until", c.ValidUntil.Format(day), "2026-05-04"},
		{"source", c.SourceID, "https://example.org/assertions/42"},
		{"learner", c.Learner.ID + " " + strings.Join(r.Subjects, ","), "ana@example.org ana@example.org"},
		{"images", c.Images[0].URL + " " + c.Images[0].Caption.Get("es") + " " + c.Images[1].URL, "https://example.org/assertions/42/image.png Ana's badge https://example.org/badges/iot.png"},
		{"alignment", c.Alignments[0].ID + " " + c.Alignments[0].Code + " " + c.Alignments[0].Framework.Get("es"), "http://data.europa.eu/esco/skill/abc abc ESCO"},
		{"media type", c.MediaType, "application/json"},
		{"profile", c.Profile, "Open Badges 2.0 assertion (hosted)"},
		{"further information", c.FurtherInformation.Get("es"), "Criteria: Construir un dispositivo https://example.org/badges/iot/criteria\n" +
			"Tags: IoT, electrónica\nEvidence: Portfolio Three projects https://example.org/work/1\nEvidence: https://example.org/work/2\n" +
			"Narrative: Ana built a weather station."},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if tc.got != tc.want {
				t.Errorf("%q, want %q", tc.got, tc.want)
			}
		})
	}
	if c.EQF != 5 || len(c.Alignments) != 1 || len(c.Images) != 2 {
		t.Errorf("EQF %d, %d alignments, %d images", c.EQF, len(c.Alignments), len(c.Images))
	}
	for _, ch := range r.Checks {
		if ch.Status == "failed" || ch.Status == "warning" {
			t.Errorf("check %s %s: %s", ch.Status, ch.Code, ch.Message)
		}
	}
	// A reformatted copy is the same badge.
	compact := bytes.Join(bytes.Fields([]byte(fullAssertion)), []byte(" "))
	r2, err := ob2.Read(context.Background(), compact, ob2.Options{})
	if err != nil || !bytes.Equal(r2.Identity, r.Identity) {
		t.Errorf("identity differs after reformatting: %v", err)
	}
}

// TestOlderAssertions: Open Badges 1.0 assertions (no 2.0 context, Unix
// times, a verify object) still read.
func TestOlderAssertions(t *testing.T) {
	v1 := `{"uid":"abc","recipient":{"type":"email","hashed":true,"salt":"s","identity":"sha256$` +
		`0000000000000000000000000000000000000000000000000000000000000000"},"badge":"https://example.org/badge.json",` +
		`"verify":{"type":"hosted","url":"https://example.org/assertion.json"},"issuedOn":1359217910}`
	r, err := ob2.Read(context.Background(), []byte(v1), ob2.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if r.Credential.Issued.Format(day) != "2013-01-26" || r.Credential.Profile != "Open Badges 1.x assertion (hosted)" {
		t.Errorf("issued %s, profile %s", r.Credential.Issued, r.Credential.Profile)
	}
}

// TestBakedOB3: an image baked with an Open Badges 3.0 credential hands
// the credential, exactly as baked, to the reader of its format.
func TestBakedOB3(t *testing.T) {
	cases := map[string]string{
		"simple-json.png":   "{",
		"simple-json.svg":   "{",
		"simple-jwt.png":    "eyJ",
		"simple-jwt.svg":    "eyJ",
		"simple-jwt_v1.png": "eyJ",
		"simple-jwt_v1.svg": "eyJ",
	}
	for name, prefix := range cases {
		t.Run(name, func(t *testing.T) {
			data := fixture.Read(t, ob30+name)
			r, err := ob2.Read(context.Background(), data, ob2.Options{})
			if err != nil {
				t.Fatal(err)
			}
			e := r.Embedded[0]
			if !bytes.HasPrefix(e, []byte(prefix)) || !bytes.Contains(data, e) && !strings.HasSuffix(name, ".svg") {
				t.Errorf("embedded %.40s", e)
			}
			if prefix == "{" && !bytes.Contains(e, []byte(`"OpenBadgeCredential"`)) {
				t.Errorf("embedded JSON is not the credential: %.80s", e)
			}
		})
	}
}

func TestDetect(t *testing.T) {
	cases := map[string]bool{
		ob20 + "simple-badge.png":                   true,
		ob20 + "simple.jwt":                         true,
		ob20 + "basic-assertion.json":               true,
		bakery + "baked.svg":                        true,
		ob30 + "simple-jwt.png":                     true,
		ob30 + "simple.json":                        false,
		ob30 + "simple.jwt":                         false,
		clr20 + "simple.jwt":                        false,
		bakery + "unbaked.png":                      false,
		"edc/elm-v2-xml/EDC_WileECoyote_Simple.xml": false,
	}
	for rel, want := range cases {
		if got := ob2.Detect(fixture.Read(t, rel)); got != want {
			t.Errorf("Detect(%s) = %v", rel, got)
		}
	}
}
