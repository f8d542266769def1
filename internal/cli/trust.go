package cli

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/satchel-wallet/satchel/storage"
	"github.com/satchel-wallet/satchel/wallet"
	"github.com/satchel-wallet/satchel/wallet/trust"
)

// maxTrustFile bounds a trust list file read for import.
const maxTrustFile = 4 << 20

func (a *app) trustCommand() *cobra.Command {
	cmd := group(&cobra.Command{
		Use:   "trust",
		Short: "Manage your trust list: the issuers you know, and where you learnt of each",
		Long: `The issuer check of every verification consults your trust list. An issuer
on it is named with the source you gave; any other issuer is a warning, never
a failure: not knowing an issuer says nothing about whether a credential is
genuine. Only what the signature establishes is matched: the signer's DID or
web domain, or a sealing certificate's organisation.`,
	})
	cmd.AddCommand(a.trustList(), a.trustAdd(), a.trustRemove(), a.trustImport(), a.trustExport())
	return cmd
}

// withTrust runs fn on the trust list and stores it if fn changed it.
func (a *app) withTrust(fn func(l *trust.List) (changed bool, err error)) error {
	return a.withWallet(func(_ *storage.Vault, w *wallet.Wallet) error {
		l, err := w.TrustList()
		if err != nil {
			return err
		}
		changed, err := fn(l)
		if err != nil {
			return err
		}
		if changed {
			return w.SetTrustList(l)
		}
		return nil
	})
}

func (a *app) trustList() *cobra.Command {
	return &cobra.Command{
		Use:   "list",
		Short: "List the trust list's entries",
		Args:  exactArgs(0),
		RunE: func(*cobra.Command, []string) error {
			return a.withTrust(func(l *trust.List) (bool, error) {
				entries := l.Entries()
				a.emit(map[string]any{"entries": entries}, func(w io.Writer) {
					for _, e := range entries {
						ids := append(append(append(append([]string{}, e.DIDs...), e.Domains...), e.Organizations...), e.OrganizationIdentifiers...)
						fmt.Fprintf(w, "%s (source: %s, added %s)\n  %s\n", e.Name, e.Source, e.Added, strings.Join(ids, "\n  "))
					}
					fmt.Fprintf(w, "%d entr%s\n", len(entries), map[bool]string{true: "y", false: "ies"}[len(entries) == 1])
				})
				return false, nil
			})
		},
	}
}

func (a *app) trustAdd() *cobra.Command {
	var e trust.Entry
	cmd := &cobra.Command{
		Use:   "add --name NAME --source SOURCE [--did DID] [--domain DOMAIN] [--org NAME] [--org-id ID]",
		Short: "Add an issuer to the trust list",
		Args:  exactArgs(0),
		RunE: func(*cobra.Command, []string) error {
			if e.Added == "" {
				e.Added = time.Now().UTC().Format("2006-01-02")
			}
			return a.withTrust(func(l *trust.List) (bool, error) {
				if err := l.Add(e); err != nil {
					return false, &failure{code: ExitUsage, err: err}
				}
				a.emit(map[string]any{"added": e.Name}, func(w io.Writer) { fmt.Fprintf(w, "Added %q to the trust list.\n", e.Name) })
				return true, nil
			})
		},
	}
	f := cmd.Flags()
	f.StringVar(&e.Name, "name", "", "the issuer's name as you want it shown (required)")
	f.StringVar(&e.Source, "source", "added by me", "where you learnt of this issuer")
	f.StringSliceVar(&e.DIDs, "did", nil, "a DID of the issuer (repeatable)")
	f.StringSliceVar(&e.Domains, "domain", nil, "a web domain the issuer publishes under (repeatable)")
	f.StringSliceVar(&e.Organizations, "org", nil, "the organisation name in the issuer's eSeal certificate (repeatable)")
	f.StringSliceVar(&e.OrganizationIdentifiers, "org-id", nil, "the organizationIdentifier in its eSeal certificate, e.g. VATBE-0123456789 (repeatable)")
	f.StringVar(&e.Note, "note", "", "a note for yourself")
	_ = cmd.MarkFlagRequired("name")
	return cmd
}

func (a *app) trustRemove() *cobra.Command {
	return &cobra.Command{
		Use:   "remove NAME",
		Short: "Remove an issuer from the trust list",
		Args:  exactArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			return a.withTrust(func(l *trust.List) (bool, error) {
				if !l.Remove(args[0]) {
					return false, usageError("the trust list has no entry %q", args[0])
				}
				a.emit(map[string]any{"removed": args[0]}, func(w io.Writer) { fmt.Fprintf(w, "Removed %q.\n", args[0]) })
				return true, nil
			})
		},
	}
}

func (a *app) trustImport() *cobra.Command {
	return &cobra.Command{
		Use:   "import FILE",
		Short: "Add every entry of a trust list file (the format of trust export)",
		Args:  exactArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			data, err := readBounded(args[0], maxTrustFile)
			if err != nil {
				return err
			}
			in, err := trust.Parse(data)
			if err != nil {
				return &failure{code: ExitUsage, err: fmt.Errorf("%s: %w", args[0], err)}
			}
			return a.withTrust(func(l *trust.List) (bool, error) {
				for _, e := range in.Entries() {
					if err := l.Add(e); err != nil {
						return false, &failure{code: ExitUsage, err: err, advice: "Nothing was imported."}
					}
				}
				a.emit(map[string]any{"imported": in.Len()}, func(w io.Writer) { fmt.Fprintf(w, "Imported %d entries.\n", in.Len()) })
				return true, nil
			})
		},
	}
}

func (a *app) trustExport() *cobra.Command {
	var out string
	cmd := &cobra.Command{
		Use:   "export [-o FILE]",
		Short: "Write the trust list as a file others can import",
		Args:  exactArgs(0),
		RunE: func(*cobra.Command, []string) error {
			return a.withTrust(func(l *trust.List) (bool, error) {
				data, err := l.Marshal()
				if err != nil {
					return false, err
				}
				if out == "" {
					_, err = a.io.Out.Write(append(data, '\n'))
					return false, err
				}
				return false, os.WriteFile(out, append(data, '\n'), 0o644)
			})
		},
	}
	cmd.Flags().StringVarP(&out, "output", "o", "", "write to FILE instead of standard output")
	return cmd
}
