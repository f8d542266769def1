package cli

import (
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/satchel-wallet/satchel/wallet"
)

// groupCmds describes a kind of named group of credentials (collections,
// stacks) for the subcommands they share: rename, delete, add, remove.
type groupCmds[T any] struct {
	noun    string
	view    func(T) any
	name    func(T) string
	members func(T) int
	rename  func(w *wallet.Wallet, ref, name string) (T, error)
	delete  func(w *wallet.Wallet, ref string) (T, error)
	add     func(w *wallet.Wallet, ref string, ids ...string) (T, []string, error)
	remove  func(w *wallet.Wallet, ref string, ids ...string) (T, []string, error)
}

// commands returns the shared subcommands of g.
func (g groupCmds[T]) commands(a *app) []*cobra.Command {
	change := func(verb string, fn func(*wallet.Wallet, string, ...string) (T, []string, error)) func(*wallet.Wallet, []string) error {
		return func(w *wallet.Wallet, args []string) error {
			v, ids, err := fn(w, args[0], args[1:]...)
			if err != nil {
				return err
			}
			a.emit(map[string]any{g.noun: g.view(v), verb: orEmpty(ids)}, func(out io.Writer) {
				fmt.Fprintf(out, "%s %q: %d credential(s) %s; it holds %d.\n", capital(g.noun), g.name(v), len(ids), verb, g.members(v))
			})
			return nil
		}
	}
	return []*cobra.Command{
		a.walletCommand("rename NAME NEW-NAME", "Rename a "+g.noun, exactArgs(2), func(w *wallet.Wallet, args []string) error {
			v, err := g.rename(w, args[0], args[1])
			if err != nil {
				return err
			}
			a.emit(g.view(v), func(out io.Writer) { fmt.Fprintf(out, "Renamed %s %q to %q.\n", g.noun, args[0], g.name(v)) })
			return nil
		}),
		a.walletCommand("delete NAME", "Delete a "+g.noun+" (its credentials stay in the wallet)", exactArgs(1), func(w *wallet.Wallet, args []string) error {
			v, err := g.delete(w, args[0])
			if err != nil {
				return err
			}
			a.emit(g.view(v), func(out io.Writer) {
				fmt.Fprintf(out, "Deleted %s %q; its %d credential(s) stay in the wallet.\n", g.noun, g.name(v), g.members(v))
			})
			return nil
		}),
		a.walletCommand("add NAME ID...", "Add credentials to a "+g.noun, minArgs(2), change("added", g.add)),
		a.walletCommand("remove NAME ID...", "Take credentials out of a "+g.noun, minArgs(2), change("removed", g.remove)),
	}
}

// capital upper-cases the first letter of an ASCII word.
func capital(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}
