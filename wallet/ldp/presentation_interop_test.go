package ldp_test

import (
	"context"
	"encoding/json"
	"os"
	"testing"

	"github.com/satchel-wallet/satchel/wallet/ldp"
)

// TestVC2PresentationFromDigitalbazaar verifies a VC 2.0 presentation that
// digitalbazaar's vc library signed (eddsa-rdfc-2022, challenge "c1",
// domain "d.example") around an Open Badges credential. VC 2.0 puts the
// presentation's credentials in a named graph through a type-scoped term
// with "@context": null; the JSON-LD processor must keep the graph
// container for the canonical form, and so the signature, to match (see
// third_party/json-gold/PATCHES.md).
func TestVC2PresentationFromDigitalbazaar(t *testing.T) {
	data, err := os.ReadFile("testdata/vp-vc2-digitalbazaar.json")
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	v := &ldp.Verifier{}
	opts := ldp.Options{Purpose: ldp.PurposeAuthentication, Challenge: "c1", Domain: "d.example"}
	if _, err := v.Verify(context.Background(), doc, opts); err != nil {
		t.Fatalf("presentation signed by digitalbazaar's library does not verify: %v", err)
	}
	opts.Challenge = "c2"
	if _, err := v.Verify(context.Background(), doc, opts); err == nil {
		t.Fatal("a wrong challenge verified")
	}
}
