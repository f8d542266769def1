package europass_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/satchel-wallet/satchel/internal/fixture"
)

// The ELM 3.2 JSON Schema of the EBSI Trusted Schemas Registry, from
// fixtures/edc/schema/ebsi-vcdm2.0-europass-edc-schema, compiled offline:
// its $id is a file: URL of its author's machine and its first $ref
// ("./vcdm2.0-attestation-schema/schema.json") names the EBSI attestation
// schema, which the folder holds as attestation-schema.json; both are
// added as resources under those URLs, so nothing is fetched.

var (
	schemaOnce sync.Once
	schemaVal  *jsonschema.Schema
	schemaErr  error
)

const (
	elmSchemaID         = "file:///home/me/Documents/IPT/credential-converter/json/ebsi-elm/vcdm2.0-europass-edc-schema"
	attestationSchemaID = "file:///home/me/Documents/IPT/credential-converter/json/ebsi-elm/vcdm2.0-attestation-schema/schema.json"
)

func elmSchema(t testing.TB) *jsonschema.Schema {
	t.Helper()
	dir := fixture.Path(t, "edc/schema/ebsi-vcdm2.0-europass-edc-schema")
	schemaOnce.Do(func() {
		c := jsonschema.NewCompiler()
		// Formats (uri, date-time, duration) are asserted, as EBSI's own
		// validators do, not merely annotated.
		c.AssertFormat()
		for url, file := range map[string]string{elmSchemaID: "schema.json", attestationSchemaID: "attestation-schema.json"} {
			raw, err := os.ReadFile(filepath.Join(dir, file))
			if err != nil {
				schemaErr = err
				return
			}
			doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
			if err != nil {
				schemaErr = err
				return
			}
			if err := c.AddResource(url, doc); err != nil {
				schemaErr = err
				return
			}
		}
		schemaVal, schemaErr = c.Compile(elmSchemaID)
	})
	if schemaErr != nil {
		t.Fatalf("compile the ELM 3.2 schema: %v", schemaErr)
	}
	return schemaVal
}

// validateELM validates an ELM export against the schema.
func validateELM(t testing.TB, data []byte) error {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		return err
	}
	return elmSchema(t).Validate(doc)
}

// TestSchema shows the schema compiled and asserting: the Commission's
// own ELM 3.2 micro-credential example validates, and fails once a
// required member is removed or a format is broken; an Open Badges 3.0
// credential fails.
func TestSchema(t *testing.T) {
	sample := fixture.Read(t, "edc/ebsi-vcdm2-elm32/Microcredential_-_Data_and_software_business.json")
	if err := validateELM(t, sample); err != nil {
		t.Fatalf("the Commission's sample does not validate: %v", err)
	}
	var doc map[string]any
	if err := json.Unmarshal(sample, &doc); err != nil {
		t.Fatal(err)
	}
	bad := map[string]func(map[string]any){
		"no issued":  func(d map[string]any) { delete(d, "issued") },
		"bad date":   func(d map[string]any) { d["validFrom"] = "26 March 2024" },
		"not a URI":  func(d map[string]any) { d["id"] = "credential 1" },
		"no display": func(d map[string]any) { delete(d, "displayParameter") },
		"language region": func(d map[string]any) {
			d["credentialSubject"].(map[string]any)["fullName"] = map[string]any{"en-GB": "x"}
		},
	}
	for name, mutate := range bad {
		var d map[string]any
		_ = json.Unmarshal(sample, &d)
		mutate(d)
		b, _ := json.Marshal(d)
		if err := validateELM(t, b); err == nil {
			t.Errorf("%s: validates, but should not", name)
		}
	}
	if err := validateELM(t, fixture.Read(t, "vectors/ob3/spec-ldp-testvector/signed.json")); err == nil {
		t.Error("an Open Badges 3.0 credential validates as an EDC")
	}
}
