package elm

import (
	"strings"
	"testing"

	"github.com/satchel-wallet/satchel/internal/fixture"
	"github.com/satchel-wallet/satchel/wallet/credential"
)

// accredited returns minimalEDC with an EQF level, a field of study and
// the given accreditation on its qualification.
func accredited(acc string) []byte {
	spec := `"specifiedBy": {"id": "urn:epass:qualification:7", "type": "Qualification",
		"eqfLevel": {"id": "http://data.europa.eu/snb/eqf/6"},
		"thematicArea": {"id": "http://data.europa.eu/snb/isced-f/0688"}` + acc + `},`
	return []byte(strings.Replace(minimalEDC, `"title": {"en": "Testing 101"},`, `"title": {"en": "Testing 101"}, `+spec, 1))
}

func TestAccreditationCheck(t *testing.T) {
	acc := func(members string) string {
		return `, "accreditation": {"id": "urn:acc:1", "type": "Accreditation", "title": {"en": "Programme accreditation"},
			"dcType": {"id": "http://data.europa.eu/snb/accreditation/e57dddfcf3", "prefLabel": {"en": "Program License"}}` + members + `}`
	}
	tests := []struct {
		name   string
		data   []byte
		status credential.Status
		code   string
	}{
		{"none", []byte(minimalEDC), credential.Skipped, "accreditation.none"},
		{"present", accredited(acc("")), credential.OK, "accreditation.ok"},
		{
			"held by the awarding body", accredited(acc(`, "organisation": {"id": "urn:epass:org:1"}, "expiryDate": "2030-01-01T00:00:00Z",
			"limitEQFLevel": [{"id": "http://data.europa.eu/snb/eqf/5"}, {"id": "http://data.europa.eu/snb/eqf/6"}],
			"limitQualification": {"id": "urn:epass:qualification:7"}, "limitField": {"id": "http://data.europa.eu/snb/isced-f/06"}`)),
			credential.OK, "accreditation.ok",
		},
		{
			"held by another organisation", accredited(acc(`, "organisation": {"id": "urn:epass:org:99", "legalName": {"en": "Other College"}}`)),
			credential.Failed, "accreditation.mismatch",
		},
		{"expired before issuance", accredited(acc(`, "expiryDate": "2024-01-01T00:00:00Z"`)), credential.Failed, "accreditation.elm-expired"},
		{"other EQF level", accredited(acc(`, "limitEQFLevel": {"id": "http://data.europa.eu/snb/eqf/7"}`)), credential.Failed, "accreditation.elm-scope"},
		{"other qualification", accredited(acc(`, "limitQualification": "urn:epass:qualification:8"`)), credential.Failed, "accreditation.elm-scope"},
		{"other field", accredited(acc(`, "limitField": {"id": "http://data.europa.eu/snb/isced-f/02"}`)), credential.Failed, "accreditation.elm-scope"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := read(t, tt.data)
			c := findCheck(t, r, credential.CheckAccreditation)
			if c.Status != tt.status || c.Code != tt.code {
				t.Fatalf("check = %s %s: %s (%s)", c.Status, c.Code, c.Message, c.Detail)
			}
			if tt.code != "accreditation.none" {
				if len(r.Credential.Accreditation) != 1 || r.Credential.Accreditation[0].Label.In("en") != "Programme accreditation" ||
					r.Credential.QualityAssurance.In("en") != "Program License" {
					t.Errorf("accreditation %+v, quality assurance %v", r.Credential.Accreditation, r.Credential.QualityAssurance)
				}
			}
		})
	}
}

// The EDC software's full test credential carries an accreditation in its
// evidence (the EDC-accredited profile), held by an organisation with the
// awarding body's legal name.
func TestAccreditationSample(t *testing.T) {
	r := readFixture(t, "edc/edc-software-v2.0.6/jsonld/credential_shouldValidate.jsonld")
	c := findCheck(t, r, credential.CheckAccreditation)
	if c.Status != credential.OK || c.Args["Names"] != "Title title title title title" || c.Detail != "compared: organisation" {
		t.Fatalf("check = %+v", c)
	}
}

// A file from the shared fixtures that has no accreditation reports none.
func TestNoAccreditationSample(t *testing.T) {
	r := read(t, fixture.Read(t, "edc/ebsi-vcdm2-elm32/DigiComp_Generic.json"))
	if c := findCheck(t, r, credential.CheckAccreditation); c.Code != "accreditation.none" {
		t.Fatalf("check = %+v", c)
	}
}
