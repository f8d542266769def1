//go:build xvfb

package main

import (
	"bufio"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"strings"

	"github.com/satchel-wallet/satchel/ui"
)

// In the window test's build, SATCHEL_TOUR=1 makes the app read steps for
// ui.App.Drive from its standard input, one a line, and answer each with
// "done STEP" or "failed STEP: ERROR" on its standard output. The step
// "watch-unlock" is the tour's own: after the next unlock, the app prints
// "report unlocked N listed-ms L indexed-ms I" (see ui.UnlockReport).
func init() {
	onStart = func(app *ui.App) {
		if os.Getenv("SATCHEL_TOUR") == "" {
			return
		}
		go func() {
			in := bufio.NewScanner(os.Stdin)
			for in.Scan() {
				step := in.Text()
				if step == "memstats" {
					var m runtime.MemStats
					runtime.GC()
					runtime.ReadMemStats(&m)
					fmt.Printf("report memstats heap-inuse-mb %d heap-sys-mb %d sys-mb %d\n", m.HeapInuse>>20, m.HeapSys>>20, m.Sys>>20)
					fmt.Printf("done %s\n", step)
					continue
				}
				if file, ok := strings.CutPrefix(step, "heap-profile "); ok {
					runtime.GC()
					f, err := os.Create(file)
					if err == nil {
						err = pprof.WriteHeapProfile(f)
						f.Close()
					}
					if err != nil {
						fmt.Printf("failed %s: %v\n", step, err)
					} else {
						fmt.Printf("done %s\n", step)
					}
					continue
				}
				if step == "watch-unlock" {
					app.WatchUnlock(func(r ui.UnlockReport) {
						fmt.Printf("report unlocked %d listed-ms %d indexed-ms %d\n",
							r.Credentials, r.Listed.Milliseconds(), r.Indexed.Milliseconds())
					})
					fmt.Printf("done %s\n", step)
					continue
				}
				if err := app.Drive(step); err != nil {
					fmt.Printf("failed %s: %v\n", step, err)
				} else {
					fmt.Printf("done %s\n", step)
				}
			}
		}()
	}
}
