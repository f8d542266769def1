//go:build benchinterop

// make bench-interop runs this: the third-party libraries' own benchmark
// (../shared/interop bench.mjs) and Satchel's on the same kinds of
// credential, in one run, with the ratio.

package wallet_test

import (
	"fmt"
	"testing"

	"github.com/satchel-wallet/satchel/internal/interop"
)

func TestBenchInterop(t *testing.T) {
	js := interop.Bench(t, 200)
	jsOps := func(part string) float64 { return js.OpsPerSec(t, part) }
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
