package jose_test

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/satchel-wallet/satchel/wallet/jose"
)

// TestPresentationExtra checks the further payload members of a
// presentation: Extra claims in name order (top-level in VC 1.1, members
// of the presentation in VC 2.0), Context entries after the VC 2.0
// context, and names the presentation sets itself refused.
func TestPresentationExtra(t *testing.T) {
	holder := walletSigner(t, vectorKeys(t)["Ed25519"])
	creds := []jose.VPCredential{{JSON: json.RawMessage(`{"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiableCredential"]}`)}}
	summary := map[string]any{"name": "ICT <stack> & more", "totalEcts": 37.5}
	opts := jose.PresentationOptions{
		Extra:   map[string]any{"stackSummary": summary, "b": 1},
		Context: []any{map[string]any{"stackSummary": "https://www.w3.org/ns/credentials/undefined-term#stackSummary"}},
	}
	for _, sign := range []func(jose.Signer, []jose.VPCredential, jose.PresentationOptions) (string, error){jose.SignPresentation, jose.SignPresentationV2} {
		tok, err := sign(holder, creds, opts)
		if err != nil {
			t.Fatal(err)
		}
		payload, _ := base64.RawURLEncoding.DecodeString(strings.Split(tok, ".")[1])
		var m map[string]any
		if err := json.Unmarshal(payload, &m); err != nil {
			t.Fatal(err)
		}
		s, _ := m["stackSummary"].(map[string]any)
		if s["name"] != "ICT <stack> & more" || s["totalEcts"] != 37.5 || m["b"] != 1.0 {
			t.Fatalf("payload %s", payload)
		}
		if strings.Index(string(payload), `"b":`) > strings.Index(string(payload), `"stackSummary":{`) {
			t.Errorf("extra claims not in name order: %s", payload)
		}
		if ctx, ok := m["@context"].([]any); ok && (len(ctx) != 2 || ctx[0] != jose.ContextV2) {
			t.Errorf("@context %v", ctx)
		}
		if _, err := jose.ParsePresentation([]byte(tok), jose.Limits{}); err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range []string{"iss", "vp", "holder", "@context", ""} {
		_, err := jose.SignPresentation(holder, creds, jose.PresentationOptions{Extra: map[string]any{name: "x"}})
		if !errors.Is(err, jose.ErrMalformed) {
			t.Errorf("extra claim %q: %v", name, err)
		}
	}
}
