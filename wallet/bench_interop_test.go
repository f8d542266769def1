//go:build benchinterop

// make bench-interop runs this: the third-party libraries' own benchmark
// (../shared/interop bench.mjs) and Satchel's on the same kinds of
// credential, in one run, with the ratio.

package wallet_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/satchel-wallet/satchel/internal/interop"
)

func TestBenchInterop(t *testing.T) {
	var js struct {
		Node    string `json:"node"`
		CPU     string `json:"cpu"`
		Results []struct {
			Name      string  `json:"name"`
			OpsPerSec float64 `json:"opsPerSec"`
			Failures  int     `json:"failures"`
		} `json:"results"`
	}
	out := interop.Node(t, "bench.mjs", "--n", "200")
	if err := json.Unmarshal(out, &js); err != nil {
		t.Fatalf("bench.mjs printed %q: %v", out, err)
	}
	jsOps := func(prefix string) float64 {
		for _, r := range js.Results {
			if strings.Contains(r.Name, prefix) {
				if r.Failures > 0 {
					t.Fatalf("%s: %d failures in the third-party run", r.Name, r.Failures)
				}
				return r.OpsPerSec
			}
		}
		t.Fatalf("bench.mjs has no %q", prefix)
		return 0
	}
	rows := []struct {
		what, format, jsName string
		target               float64
	}{
		{"verify VC 2.0 eddsa-rdfc-2022", "vc2-ldp-eddsa-rdfc-2022", "(i) verify VC 2.0", 3},
		{"verify VC-JWT EdDSA", "vc1-jwt-eddsa", "(ii) verify VC-JWT EdDSA", 3},
		{"verify VC-JWT ES256", "vc1-jwt-es256", "(ii) verify VC-JWT ES256", 0},
		{"verify VC 1.1 Ed25519Signature2020", "vc1-ldp-ed25519-2020", "(x) verify VC 1.1", 0},
		{"verify SD-JWT VC", "sd-jwt-vc", "(x) verify SD-JWT VC", 0},
	}
	fmt.Printf("\nThird party: Node %s on %s; Satchel: Go, the whole import pipeline\n", js.Node, js.CPU)
	fmt.Printf("%-36s %14s %14s %8s %8s\n", "", "third party/s", "Satchel/s", "ratio", "target")
	failed := false
	for _, r := range rows {
		theirs := jsOps(r.jsName)
		res := testing.Benchmark(func(b *testing.B) { benchVerify(b, r.format) })
		ours := float64(res.N) / res.T.Seconds()
		ratio := ours / theirs
		target := ""
		if r.target > 0 {
			target = fmt.Sprintf(">= %.0fx", r.target)
			failed = failed || ratio < r.target
		}
		fmt.Printf("%-36s %14.0f %14.0f %7.1fx %8s\n", r.what, theirs, ours, ratio, target)
	}
	if failed {
		t.Error("a throughput target was missed")
	}
}
