package wallet_test

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/satchel-wallet/satchel/internal/fixture"
	"github.com/satchel-wallet/satchel/wallet"
	"github.com/satchel-wallet/satchel/wallet/credential"
)

// TestFormatFixtures runs the European Digital Credential, Europass XML,
// Open Badges 2.0 and baked Open Badges 3.0 fixtures through the whole
// pipeline, offline, and checks what fixtures/README.md says of them: the
// sealed EDCs' and the sealed ELM 2 credentials' seals are intact, the
// XML credentials re-indented after sealing are not, hosted and signed
// badges need the network, unusable input is refused.
func TestFormatFixtures(t *testing.T) {
	ch, err := wallet.NewChecker(nil)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		file    string
		verdict credential.Verdict
		proof   credential.Status // "" for rejected input
		title   string            // of the first credential; "" to skip
	}{
		{"edc/elm-v3/Sample-MC-Annex1-signed.jsonld", credential.Verified, credential.OK, "Digital micro-credential creation"},
		{"edc/elm-v3/Sample-CertOfPart-signed.jsonld", credential.Verified, credential.OK, "EDC Updates Webinar"},
		{"edc/edc-software-v2.0.6/jsonld/credential-signed.jsonld", credential.NotVerified, credential.OK, "some kind of learning achievement"}, // expired 2024
		{"edc/edc-software-v2.0.6/jsonld/json_to_seal-signed-jades-baseline-lta.json", credential.Verified, credential.OK, ""},
		{"edc/elm-v3/Sample-MC-Annex1-unsigned.jsonld", credential.NotVerified, credential.Failed, "Digital micro-credential creation"},
		{"edc/ebsi-vcdm2-elm32/Microcredential_-_Data_and_software_business.json", credential.NotVerified, credential.Failed, "Data and software business"},
		{"edc/elm-v3/Sample-MC-Annex1-unsigned-uploadable.json", credential.Rejected, "", ""},
		{"edc/elm-v2-xml/Ildiko_Mazar_Certificate_of_Excellence.xml", credential.NotVerified, credential.OK, "Certificate of Excellence"}, // expired 2025
		{"edc/elm-v2-xml/EDC_DiplomaSupplement_AA.xml", credential.Verified, credential.OK, "Graduate University Study of Civil Engineering - Diploma Supplement"},
		{"edc/elm-v2-xml/EDC_SampleDegree_AA.xml", credential.NotVerified, credential.Failed, "Graduate University Study of Civil Engineering"},
		{"edc/edc-software-v2.0.6/xml/credential-generic-profile-xsd-signed.xml", credential.NotVerified, credential.Failed, ""}, // re-indented after sealing
		{"vectors/ob2-baked/1edtech-validator/ob20/basic-assertion.json", credential.NotVerified, credential.Skipped, ""},
		{"vectors/ob2-baked/1edtech-validator/ob20/assertion-with-endorsements.json", credential.NotVerified, credential.Skipped, "Awesome Robotics Badge"},
		{"vectors/ob2-baked/1edtech-validator/ob20/simple-badge.png", credential.NotVerified, credential.Skipped, ""},
		{"vectors/ob2-baked/1edtech-validator/ob20/simple.jwt", credential.NotVerified, credential.Skipped, ""},
		{"vectors/ob2-baked/mozilla-openbadges-bakery/bad-json.svg", credential.Rejected, "", ""},
		{"vectors/ob2-baked/mozilla-openbadges-bakery/no-json.svg", credential.Rejected, "", ""},
		{"vectors/ob2-baked/mozilla-openbadges-bakery/unbaked.png", credential.Rejected, "", ""},
		{"vectors/ob2-baked/mozilla-openbadges-bakery/unbaked.svg", credential.Rejected, "", ""},
		{"vectors/ob3/1edtech-validator/clr20/simple.jwt", credential.Verified, credential.Warning, "Sample Transcript"}, // key in its own header
		{"vectors/ob3/1edtech-validator/ob30/simple.jwt", credential.NotVerified, credential.Failed, "Example University Degree"},
		{"vectors/ob3/1edtech-validator/ob30/velocity.jwt", credential.NotVerified, credential.Failed, ""},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			data, err := os.ReadFile(fixture.Path(t, c.file))
			if err != nil {
				t.Fatal(err)
			}
			v := ch.Verify(context.Background(), data)
			ver := v.Credential.Verification
			if ver.Verdict != c.verdict {
				t.Fatalf("verdict %s, want %s: %s", ver.Verdict, c.verdict, summary(ver))
			}
			if c.proof != "" {
				if p, _ := ver.Find(credential.CheckProof); p.Status != c.proof {
					t.Fatalf("proof %s, want %s: %s", p.Status, c.proof, summary(ver))
				}
			}
			if c.title != "" && !strings.HasPrefix(v.Credential.Title.In("en"), c.title) {
				t.Fatalf("title %q, want %q", v.Credential.Title.In("en"), c.title)
			}
		})
	}

	// A baked image carrying an Open Badges 3.0 VC-JWT: the credential
	// inside is read in its own right.
	data, err := os.ReadFile(fixture.Path(t, "vectors/ob3/1edtech-validator/ob30/simple-jwt.png"))
	if err != nil {
		t.Fatal(err)
	}
	v := ch.Verify(context.Background(), data)
	if !v.Presentation || len(v.Embedded) != 1 || v.Embedded[0].Credential.Title.In("en") != "Teamwork Badge" || v.Embedded[0].Credential.Format != credential.FormatVCJWT {
		t.Fatalf("baked VC-JWT: %+v", v.Embedded)
	}
}
