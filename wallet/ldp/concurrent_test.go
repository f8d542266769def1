package ldp

import (
	"context"
	"sync"
	"testing"

	"github.com/satchel-wallet/satchel/wallet/jsonld"
)

// TestConcurrentVerify verifies credentials from many goroutines with one
// fresh processor, so that the race detector sees its context cache filled
// and read concurrently, and the shared bundled contexts read at once.
func TestConcurrentVerify(t *testing.T) {
	proc, err := jsonld.NewProcessor(jsonld.Options{})
	if err != nil {
		t.Fatal(err)
	}
	v := Verifier{Processor: proc}
	var docs []map[string]any
	for _, bm := range benchmarks {
		docs = append(docs, readDoc(t, bm.rel))
	}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 4 {
				if _, err := v.Verify(context.Background(), docs[(g+i)%len(docs)], Options{}); err != nil {
					t.Error(err)
				}
			}
		})
	}
	wg.Wait()
}
