// Package cli is satchel-cli: every capability of Satchel from the command
// line, for scripting and tests. It calls the same wallet, share and storage
// code as the desktop app.
//
// Conventions shared by every command: --wallet PATH (or SATCHEL_WALLET),
// the passphrase from --passphrase-file, SATCHEL_PASSPHRASE or an
// interactive prompt, --json for one machine-readable document on stdout,
// and the exit codes [ExitOK], [ExitFailed] and [ExitUsage].
package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"
)

// Exit codes.
const (
	// ExitOK means the command did what was asked.
	ExitOK = 0
	// ExitFailed means a credential or presentation failed verification or
	// was rejected, or the wallet check found damage.
	ExitFailed = 1
	// ExitUsage means a usage, environment or passphrase error.
	ExitUsage = 2
)

// IO is where a command reads and writes, and how it sees the environment.
// Tests pass their own; Main uses the process's.
type IO struct {
	In     io.Reader
	Out    io.Writer
	Err    io.Writer
	Getenv func(string) string
}

// Main runs the command line with args (without the program name) and
// returns the exit code.
func Main(args []string) int {
	return Run(context.Background(), args, IO{In: os.Stdin, Out: os.Stdout, Err: os.Stderr, Getenv: os.Getenv})
}

// Run runs the command line with args and returns the exit code.
func Run(ctx context.Context, args []string, io IO) int {
	app := &app{io: io}
	root := app.rootCommand()
	root.SetArgs(args)
	root.SetIn(io.In)
	root.SetOut(io.Out)
	root.SetErr(io.Err)
	err := root.ExecuteContext(ctx)
	if err == nil {
		return ExitOK
	}
	return app.fail(err)
}

// app holds what every command shares: the global flags and the IO.
type app struct {
	io IO

	walletPath     string
	passphraseFile string
	jsonOut        bool
}

// failure is an error with the exit code it causes and, optionally, advice
// on what to do.
type failure struct {
	code   int
	err    error
	advice string
}

func (f *failure) Error() string { return f.err.Error() }
func (f *failure) Unwrap() error { return f.err }

// usageError marks a mistake in how the command was called.
func usageError(format string, a ...any) error {
	return &failure{code: ExitUsage, err: fmt.Errorf(format, a...)}
}

// fail reports err the way the output mode asks and returns its exit code.
func (a *app) fail(err error) int {
	code, msg, advice := explain(err)
	if errors.Is(err, errSilent) {
		return code
	}
	if a.jsonOut {
		doc := map[string]any{"error": msg}
		if advice != "" {
			doc["advice"] = advice
		}
		a.printJSON(doc)
	}
	fmt.Fprintf(a.io.Err, "satchel-cli: %s\n", msg)
	if advice != "" {
		fmt.Fprintf(a.io.Err, "%s\n", advice)
	}
	return code
}

// printJSON writes v as the one JSON document of the command.
func (a *app) printJSON(v any) {
	enc := json.NewEncoder(a.io.Out)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
}

// emit writes the command's result: v as JSON with --json, otherwise text.
func (a *app) emit(v any, text func(w io.Writer)) {
	if a.jsonOut {
		a.printJSON(v)
		return
	}
	text(a.io.Out)
}

func (a *app) rootCommand() *cobra.Command {
	root := &cobra.Command{
		Use:   "satchel-cli",
		Short: "Satchel, a learner-held wallet for micro-credentials, from the command line",
		Long: `Satchel keeps the credentials that schools, universities, training providers
and employers issue you, in one encrypted file on your own computer.

The wallet file is --wallet PATH, or $SATCHEL_WALLET, or by default
wallet.satchel in the satchel folder of your configuration directory.
The passphrase comes from --passphrase-file FILE, or $SATCHEL_PASSPHRASE,
or is asked for.

Exit codes: 0 success; 1 a credential or presentation failed verification,
or the wallet check found damage; 2 a usage, environment or passphrase error.`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.CompletionOptions.DisableDefaultCmd = true
	pf := root.PersistentFlags()
	pf.StringVar(&a.walletPath, "wallet", "", "the wallet file (default $SATCHEL_WALLET or the configuration directory)")
	pf.StringVar(&a.passphraseFile, "passphrase-file", "", "read the passphrase from the first line of `FILE`")
	pf.BoolVar(&a.jsonOut, "json", false, "print one JSON document on stdout")
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error {
		return &failure{code: ExitUsage, err: err, advice: "See --help."}
	})
	root.AddCommand(
		a.initCommand(),
		a.holderCommand(),
		a.passwdCommand(),
		a.checkCommand(),
		a.backupCommand(),
		a.restoreCommand(),
		a.importCommand(),
		a.verifyCommand(),
		a.listCommand(),
		a.showCommand(),
		a.deleteCommand(),
		a.trustCommand(),
		a.collectionCommand(),
		a.tagCommand(),
		a.stackCommand(),
		a.presentCommand(),
		a.qrCommand(),
		a.verifyPresentationCommand(),
		a.logCommand(),
		a.exportCommand(),
		a.serveVerifierCommand(),
	)
	return root
}

// exactArgs is cobra.ExactArgs with a usage exit code.
func exactArgs(n int) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) != n {
			return usageError("%s takes %d argument(s), got %d", cmd.CommandPath(), n, len(args))
		}
		return nil
	}
}

// group makes cmd a command that only holds subcommands: called alone or
// with an unknown subcommand it is a usage error naming the choices.
func group(cmd *cobra.Command) *cobra.Command {
	cmd.Args = cobra.ArbitraryArgs
	cmd.RunE = func(c *cobra.Command, args []string) error {
		names := []string{}
		for _, sub := range c.Commands() {
			names = append(names, sub.Name())
		}
		if len(args) == 0 {
			return usageError("%s needs a subcommand: %s", c.CommandPath(), strings.Join(names, ", "))
		}
		return usageError("%s has no subcommand %q; it has: %s", c.CommandPath(), args[0], strings.Join(names, ", "))
	}
	return cmd
}

var errNoPassphrase = errors.New("no passphrase given")

// Command returns the command tree, for documentation and tests.
func Command() *cobra.Command {
	return (&app{io: IO{Getenv: os.Getenv}}).rootCommand()
}
