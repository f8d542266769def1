package cli

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/spf13/cobra"

	"github.com/satchel-wallet/satchel/share"
	"github.com/satchel-wallet/satchel/storage"
	"github.com/satchel-wallet/satchel/wallet"
)

// presentFlags say what presentation to make.
type presentFlags struct {
	stack, format, challenge, domain, holder string
	disclose                                 []string
	expires                                  time.Duration
}

func (f *presentFlags) add(cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.StringVar(&f.stack, "stack", "", "present every credential of this stack, with its name and totals")
	fl.StringVar(&f.format, "format", "auto", "vp-jwt, vp-jwt-v2 (VC 2.0 JOSE), ldp (JSON-LD with a Data Integrity proof), sd-jwt, or auto: the first of these that fits every credential")
	fl.StringSliceVar(&f.disclose, "disclose", nil, "for sd-jwt: the claims to reveal (names or paths); nothing else is revealed")
	fl.StringVar(&f.challenge, "challenge", "", "the verifier's challenge (nonce)")
	fl.StringVar(&f.domain, "domain", "", "the verifier's domain (audience)")
	fl.DurationVar(&f.expires, "expires", share.DefaultExpiry, "how long the presentation stays valid")
	fl.StringVar(&f.holder, "holder", "", "the profile that signs (default: the default profile)")
}

// present makes the presentation the flags and ids ask for.
func (f *presentFlags) present(ctx context.Context, w *wallet.Wallet, ids []string) ([]byte, share.Record, error) {
	var format share.Format
	if f.format != "auto" {
		var err error
		if format, err = share.ParseFormat(f.format); err != nil {
			return nil, share.Record{}, usageError("--format %q: use vp-jwt, vp-jwt-v2, ldp, sd-jwt or auto", f.format)
		}
	}
	opts := share.Options{Format: format, Challenge: f.challenge, Domain: f.domain, Expires: f.expires, Disclose: f.disclose}
	var err error
	switch {
	case f.stack != "" && len(ids) > 0:
		return nil, share.Record{}, usageError("give credential ids or --stack, not both")
	case f.stack != "":
		ids, opts.Summary, err = share.StackMembers(w, f.stack)
		if err != nil {
			return nil, share.Record{}, err
		}
	case len(ids) == 0:
		return nil, share.Record{}, usageError("name the credentials to present (ids) or a --stack")
	}
	signer, err := w.Signer(f.holder)
	if err != nil {
		return nil, share.Record{}, err
	}
	items := make([]share.Item, 0, len(ids))
	for _, id := range ids {
		c, orig, err := w.Credential(id)
		if err != nil {
			return nil, share.Record{}, err
		}
		items = append(items, share.Item{Credential: c, Original: orig})
	}
	if opts.Format == "" {
		if opts.Format, err = share.ChooseFormat(items); err != nil {
			return nil, share.Record{}, err
		}
	}
	return share.Present(ctx, signer, items, opts)
}

// logShared records a presentation in the wallet's log.
func (f *presentFlags) logShared(w *wallet.Wallet, rec share.Record, via string) error {
	e := share.LogEntry(rec, via)
	if f.stack != "" && e.Stack == "" {
		e.Stack = f.stack
	}
	_, err := w.LogShared(e)
	return err
}

func (a *app) presentCommand() *cobra.Command {
	var pf presentFlags
	var out string
	cmd := &cobra.Command{
		Use:   "present ID...|--stack NAME -o FILE",
		Short: "Make a presentation of credentials, signed with your key, for a verifier",
		Long: `Make a presentation of the credentials you choose (or of a whole stack),
signed with your holder key, so that a verifier can check without asking the
issuers that the credentials are authentic and that they are yours. Give the
verifier's challenge and domain when they gave you one. With --format sd-jwt,
only the claims named with --disclose are revealed. Every presentation is
recorded in the wallet's log (see ` + "`satchel-cli log`" + `).`,
		Example: `  satchel-cli present 3f2a9c 8b1d04 --challenge 4c1e... --domain https://uni.example -o application.jwt
  satchel-cli present --stack "ICT top-up" --format ldp -o stack.json
  satchel-cli present 77aa01 --format sd-jwt --disclose learner_name,grade --challenge n1 --domain hr.example -o grade.sdjwt`,
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if out == "" {
				return usageError("say where to write the presentation with -o FILE")
			}
			return a.withWallet(func(_ *storage.Vault, w *wallet.Wallet) error {
				data, rec, err := pf.present(cmd.Context(), w, args)
				if err != nil {
					return err
				}
				if err := writeNewFile(out, data, 0o644); err != nil {
					return err
				}
				if err := pf.logShared(w, rec, "file"); err != nil {
					return err
				}
				a.emit(map[string]any{"file": out, "bytes": len(data), "presentation": rec}, func(o io.Writer) {
					fmt.Fprintf(o, "Wrote %s: a %s presentation of %d credential(s), signed by %s, valid until %s.\n",
						out, rec.Format, len(rec.Credentials), rec.Holder, rec.Expires.Format(time.RFC3339))
				})
				return nil
			})
		},
	}
	pf.add(cmd)
	cmd.Flags().StringVarP(&out, "output", "o", "", "write the presentation to `FILE` (it must not exist)")
	return cmd
}

func (a *app) logCommand() *cobra.Command {
	return a.walletCommand("log [ID]", "What you have shared: when, which credentials, with whom, how", cobra.MaximumNArgs(1), func(w *wallet.Wallet, args []string) error {
		id := ""
		if len(args) == 1 {
			id = args[0]
		}
		entries, err := w.SharedLog(id)
		if err != nil && entries == nil {
			return err
		}
		if entries == nil {
			entries = []wallet.Shared{}
		}
		a.emit(entries, func(o io.Writer) {
			for _, e := range entries {
				to := e.Audience
				if to == "" {
					to = "no audience named"
				}
				fmt.Fprintf(o, "%s  %-9s via %-4s  %d credential(s)  to %s", e.At.Local().Format("2006-01-02 15:04"), e.Format, e.Via, len(e.Credentials), to)
				if e.Stack != "" {
					fmt.Fprintf(o, "  stack %q", e.Stack)
				}
				if len(e.Disclosed) > 0 {
					fmt.Fprintf(o, "  disclosed: %s", joinOr(e.Disclosed, ""))
				}
				fmt.Fprintln(o)
			}
			fmt.Fprintf(o, "%d presentation(s)\n", len(entries))
		})
		return partial(err)
	})
}
