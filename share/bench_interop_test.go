//go:build benchinterop

// make bench-interop runs this beside wallet's: the third-party libraries'
// benchmark (../shared/interop bench.mjs) and Satchel's on the same kinds
// of presentation, in one run, with the ratio.

package share_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/satchel-wallet/satchel/internal/interop"
	"github.com/satchel-wallet/satchel/share"
	"github.com/satchel-wallet/satchel/share/qr"
)

func TestBenchInteropShare(t *testing.T) {
	js := interop.Bench(t, 200)
	jsOps := func(part string) float64 { return js.OpsPerSec(t, part) }
	c := loadCorpus(t)
	tw := newHolderWallet(t, c)
	ctx := context.Background()
	jwt := tw.importFiles(t, c.files(t, "vc1-jwt-eddsa", "valid", 1)...)
	ld2 := tw.importFiles(t, c.files(t, "vc2-ldp-eddsa-rdfc-2022", "valid", 1)...)
	present := func(items []share.Item, f share.Format) func(b *testing.B) {
		return func(b *testing.B) {
			for b.Loop() {
				if _, _, err := share.Present(ctx, tw.signer, items, share.Options{Format: f, Challenge: challenge, Domain: domain}); err != nil {
					b.Fatal(err)
				}
			}
		}
	}
	rows := []struct {
		what, jsName string
		bench        func(*testing.B)
		target       float64
	}{
		{"create+sign VP-JWT, 1 VC-JWT", "(iii) create+sign VP-JWT", present(jwt, share.FormatVPJWT), 5},
		{"create+sign JSON-LD VP eddsa-rdfc-2022", "(x) create+sign JSON-LD VP", present(ld2, share.FormatLDP), 0},
	}
	fmt.Printf("\nThird party: Node %s on %s; Satchel: Go\n", js.Node, js.CPU)
	fmt.Printf("%-40s %14s %14s %8s %8s\n", "", "third party/s", "Satchel/s", "ratio", "target")
	failed := false
	for _, r := range rows {
		theirs := jsOps(r.jsName)
		res := testing.Benchmark(r.bench)
		ours := float64(res.N) / res.T.Seconds()
		ratio := ours / theirs
		target := ""
		if r.target > 0 {
			target = fmt.Sprintf(">= %.0fx", r.target)
			failed = failed || ratio < r.target
		}
		fmt.Printf("%-40s %14.0f %14.0f %7.1fx %8s\n", r.what, theirs, ours, ratio, target)
	}

	// A QR image for a 1-credential presentation: sign, encode, draw every
	// symbol as PNG. Goal: at most 50 ms.
	for _, f := range []share.Format{share.FormatVPJWT, share.FormatLDP} {
		items := jwt
		if f == share.FormatLDP {
			items = ld2
		}
		var symbols int
		res := testing.Benchmark(func(b *testing.B) {
			for b.Loop() {
				vp, _, err := share.Present(ctx, tw.signer, items, share.Options{Format: f, Challenge: challenge, Domain: domain})
				if err != nil {
					b.Fatal(err)
				}
				p, err := qr.Encode(vp, qr.Options{})
				if err != nil {
					b.Fatal(err)
				}
				ss, err := p.Symbols()
				if err != nil {
					b.Fatal(err)
				}
				for _, s := range ss {
					if _, err := s.PNG(qr.DefaultModulePixels); err != nil {
						b.Fatal(err)
					}
				}
				symbols = len(ss)
			}
		})
		per := time.Duration(res.NsPerOp())
		fmt.Printf("QR image(s) of a 1-credential %s presentation: %v per presentation, %d symbol(s) (goal <= 50ms)\n", f, per.Round(time.Microsecond), symbols)
		failed = failed || per > 50*time.Millisecond
	}
	for _, r := range js.Results {
		if strings.Contains(r.Name, "(iv) vpqr toQrCode") {
			fmt.Printf("third party: %s: %.1f ms each\n", r.Name, 1000/r.OpsPerSec)
		}
	}
	if failed {
		t.Error("a target was missed")
	}
}
