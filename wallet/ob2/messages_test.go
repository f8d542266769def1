package ob2_test

import (
	"context"
	"strings"
	"testing"

	"github.com/satchel-wallet/satchel/internal/fixture"
	"github.com/satchel-wallet/satchel/wallet/credential"
	"github.com/satchel-wallet/satchel/wallet/ob2"
)

// TestMessages: every check the fixtures produce has a registered English
// sentence with its arguments filled in.
func TestMessages(t *testing.T) {
	opts := ob2.Options{Keys: assetKeys{t}}
	for rel := range badges {
		r, err := ob2.Read(context.Background(), fixture.Read(t, rel), opts)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range r.Checks {
			if _, ok := credential.Messages()[c.Code]; !ok || c.Message == c.Code {
				t.Errorf("%s: code %s has no sentence", rel, c.Code)
			}
			if strings.Contains(c.Message, "<no value>") || strings.Contains(c.Message, "()") || strings.Contains(c.Message, "  ") {
				t.Errorf("%s: %s renders badly: %q", rel, c.Code, c.Message)
			}
		}
	}
}
