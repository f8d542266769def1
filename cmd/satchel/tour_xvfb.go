//go:build xvfb

package main

import (
	"bufio"
	"fmt"
	"os"

	"github.com/satchel-wallet/satchel/ui"
)

// In the window test's build, SATCHEL_TOUR=1 makes the app read steps for
// ui.App.Drive from its standard input, one a line, and answer each with
// "done STEP" or "failed STEP: ERROR" on its standard output.
func init() {
	onStart = func(app *ui.App) {
		if os.Getenv("SATCHEL_TOUR") == "" {
			return
		}
		go func() {
			in := bufio.NewScanner(os.Stdin)
			for in.Scan() {
				step := in.Text()
				if err := app.Drive(step); err != nil {
					fmt.Printf("failed %s: %v\n", step, err)
				} else {
					fmt.Printf("done %s\n", step)
				}
			}
		}()
	}
}
