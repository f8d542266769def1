// Command satchel-cli is Satchel from the command line: every capability of
// the wallet for scripting and tests. Run satchel-cli --help.
package main

import (
	"os"

	"github.com/satchel-wallet/satchel/internal/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:]))
}
