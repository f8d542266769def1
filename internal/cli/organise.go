package cli

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/satchel-wallet/satchel/storage"
	"github.com/satchel-wallet/satchel/wallet"
)

// walletCommand is a command that opens the wallet and runs fn with the
// command's arguments.
func (a *app) walletCommand(use, short string, args cobra.PositionalArgs, fn func(w *wallet.Wallet, args []string) error) *cobra.Command {
	return &cobra.Command{
		Use: use, Short: short, Args: args,
		RunE: func(_ *cobra.Command, argv []string) error {
			return a.withWallet(func(_ *storage.Vault, w *wallet.Wallet) error { return fn(w, argv) })
		},
	}
}

// minArgs is cobra.MinimumNArgs with a usage exit code.
func minArgs(n int) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) < n {
			return usageError("%s takes at least %d argument(s), got %d", cmd.CommandPath(), n, len(args))
		}
		return nil
	}
}

// collectionView is a collection as --json prints it.
type collectionView struct {
	ID      string   `json:"id"`
	Name    string   `json:"name"`
	Created string   `json:"created,omitempty"`
	Members []string `json:"members"`
}

func viewCollection(c wallet.Collection) collectionView {
	return collectionView{c.ID, c.Name, date(c.Created), orEmpty(c.Members)}
}

func (a *app) collectionCommand() *cobra.Command {
	cmd := group(&cobra.Command{
		Use:   "collection",
		Short: "Group credentials in named collections (a credential can be in many)",
	})
	shared := groupCmds[wallet.Collection]{
		noun:    "collection",
		view:    func(c wallet.Collection) any { return viewCollection(c) },
		name:    func(c wallet.Collection) string { return c.Name },
		members: func(c wallet.Collection) int { return len(c.Members) },
		rename:  (*wallet.Wallet).RenameCollection,
		delete:  (*wallet.Wallet).DeleteCollection,
		add:     (*wallet.Wallet).AddToCollection,
		remove:  (*wallet.Wallet).RemoveFromCollection,
	}
	cmd.AddCommand(shared.commands(a)...)
	cmd.AddCommand(
		a.walletCommand("create NAME", "Create an empty collection", exactArgs(1), func(w *wallet.Wallet, args []string) error {
			c, err := w.CreateCollection(args[0])
			if err != nil {
				return err
			}
			a.emit(viewCollection(c), func(out io.Writer) { fmt.Fprintf(out, "Created collection %q.\n", c.Name) })
			return nil
		}),
		a.collectionList(),
	)
	return cmd
}

func (a *app) collectionList() *cobra.Command {
	cmd := a.walletCommand("list", "List the collections", exactArgs(0), func(w *wallet.Wallet, _ []string) error {
		cs, err := w.Collections()
		var damaged *wallet.DamagedError
		if err != nil && !errors.As(err, &damaged) {
			return err
		}
		views := make([]collectionView, 0, len(cs))
		for _, c := range cs {
			views = append(views, viewCollection(c))
		}
		a.emit(views, func(out io.Writer) {
			tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "NAME\tCREDENTIALS\tCREATED")
			for _, c := range views {
				fmt.Fprintf(tw, "%s\t%d\t%s\n", c.Name, len(c.Members), day(c.Created))
			}
			tw.Flush()
			fmt.Fprintf(out, "%d collection(s). See one with `satchel-cli list --collection NAME`.\n", len(views))
		})
		return partial(err)
	})
	return cmd
}

func (a *app) tagCommand() *cobra.Command {
	cmd := group(&cobra.Command{
		Use:   "tag",
		Short: "Label credentials with your own free-text tags",
	})
	report := func(id string, tags []string) {
		a.emit(map[string]any{"id": id, "tags": orEmpty(tags)}, func(out io.Writer) {
			fmt.Fprintf(out, "[%s] tags: %s\n", id[:12], joinOr(tags, "none"))
		})
	}
	cmd.AddCommand(
		a.walletCommand("add ID TAG...", "Add tags to a credential", minArgs(2), func(w *wallet.Wallet, args []string) error {
			c, err := w.AddTags(args[0], args[1:]...)
			if err != nil {
				return err
			}
			report(c.ID, c.Tags)
			return nil
		}),
		a.walletCommand("remove ID TAG...", "Take tags off a credential", minArgs(2), func(w *wallet.Wallet, args []string) error {
			c, err := w.RemoveTags(args[0], args[1:]...)
			if err != nil {
				return err
			}
			report(c.ID, c.Tags)
			return nil
		}),
		a.walletCommand("list", "List every tag with how many credentials carry it", exactArgs(0), func(w *wallet.Wallet, _ []string) error {
			creds, err := w.Credentials()
			var damaged *wallet.DamagedError
			if err != nil && !errors.As(err, &damaged) {
				return err
			}
			tags := wallet.Tags(creds)
			if tags == nil {
				tags = []wallet.TagCount{}
			}
			a.emit(tags, func(out io.Writer) {
				for _, t := range tags {
					fmt.Fprintf(out, "%s (%d)\n", t.Tag, t.Count)
				}
				fmt.Fprintf(out, "%d tag(s)\n", len(tags))
			})
			return partial(err)
		}),
	)
	return cmd
}

// partial turns a *DamagedError that came with a usable result into exit
// code 1 with advice; other errors pass through.
func partial(err error) error {
	var damaged *wallet.DamagedError
	if errors.As(err, &damaged) {
		return &failure{code: ExitFailed, err: damaged, advice: "Run `satchel-cli check`."}
	}
	return err
}

// joinOr joins vs with commas, or returns none when vs is empty.
func joinOr(vs []string, none string) string {
	if len(vs) == 0 {
		return none
	}
	return strings.Join(vs, ", ")
}
