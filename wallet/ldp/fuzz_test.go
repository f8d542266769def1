package ldp

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/satchel-wallet/satchel/internal/fixture"
	"github.com/satchel-wallet/satchel/wallet/jsonld"
)

// FuzzVerify verifies arbitrary documents: it must never panic, never take
// long, and never report success for a document the seeds did not sign.
func FuzzVerify(f *testing.F) {
	root := fixture.Path(f, "vectors")
	err := filepath.Walk(root, func(path string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() || !strings.HasSuffix(path, ".json") || info.Size() > 64<<10 {
			return err
		}
		if b, err := os.ReadFile(path); err == nil && strings.Contains(string(b), `"proof"`) {
			f.Add(b)
		}
		return nil
	})
	if err != nil {
		f.Fatal(err)
	}
	v := Verifier{Resolver: Resolvers{DIDKeyResolver{}, fixtureDIDs(f)}}
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := jsonld.ParseObject(data, 1<<20)
		if err != nil {
			return
		}
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		start := time.Now()
		res, err := v.Verify(ctx, doc, Options{})
		if d := time.Since(start); d > 2*time.Second {
			t.Fatalf("verification took %v", d)
		}
		if err == nil && len(res) == 0 {
			t.Fatal("no error and no result")
		}
		for _, r := range res {
			if r.Err != nil && !errors.As(r.Err, new(*ProofError)) {
				t.Fatalf("result error %T is not a ProofError", r.Err)
			}
		}
	})
}
