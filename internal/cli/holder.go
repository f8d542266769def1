package cli

import (
	"fmt"
	"io"
	"os"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/satchel-wallet/satchel/storage"
	"github.com/satchel-wallet/satchel/wallet"
)

// maxKeyFile bounds a JWK file read for import.
const maxKeyFile = 64 << 10

func (a *app) holderCommand() *cobra.Command {
	cmd := group(&cobra.Command{
		Use:   "holder",
		Short: "Manage holder profiles (the identities you present credentials as)",
	})
	cmd.AddCommand(a.holderList(), a.holderAdd(), a.holderImport(), a.holderDefault(), a.holderExportPublic(), a.holderExportKey())
	return cmd
}

func (a *app) holderList() *cobra.Command {
	return &cobra.Command{
		Use:   "list",
		Short: "List the holder profiles",
		Args:  exactArgs(0),
		RunE: func(*cobra.Command, []string) error {
			return a.withWallet(func(_ *storage.Vault, w *wallet.Wallet) error {
				hs, err := w.Holders()
				if err != nil {
					return err
				}
				a.emit(map[string]any{"holders": hs}, func(out io.Writer) {
					tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
					fmt.Fprintln(tw, "NAME\tDEFAULT\tKEY\tDID")
					for _, h := range hs {
						def := ""
						if h.Default {
							def = "yes"
						}
						fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", h.Name, def, h.KeyType, h.DID)
					}
					tw.Flush()
				})
				return nil
			})
		},
	}
}

func (a *app) printHolder(verb string, h wallet.Holder) {
	a.emit(map[string]any{"holder": h}, func(out io.Writer) {
		fmt.Fprintf(out, "%s profile %q (%s key)\n%s\n", verb, h.Name, h.KeyType, h.DID)
	})
}

func (a *app) holderAdd() *cobra.Command {
	var name, keyType string
	cmd := &cobra.Command{
		Use:   "add --name NAME [--key ed25519|p256]",
		Short: "Create a new holder profile with a new key",
		Args:  exactArgs(0),
		RunE: func(*cobra.Command, []string) error {
			kt, err := wallet.ParseKeyType(keyType)
			if err != nil {
				return &failure{code: ExitUsage, err: err}
			}
			return a.withWallet(func(_ *storage.Vault, w *wallet.Wallet) error {
				h, err := w.AddHolder(name, kt)
				if err != nil {
					return err
				}
				a.printHolder("Created", h)
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&name, "name", "", "the profile's name (required)")
	cmd.Flags().StringVar(&keyType, "key", "ed25519", "the key type: ed25519 or p256")
	_ = cmd.MarkFlagRequired("name")
	return cmd
}

func (a *app) holderImport() *cobra.Command {
	var name, jwkPath string
	cmd := &cobra.Command{
		Use:   "import-key --jwk FILE --name NAME",
		Short: "Create a holder profile from an existing private key (JWK, Ed25519 or P-256)",
		Long: `Create a holder profile from a private key you already have, given as a JWK
file, so that you keep the identity (did:key) you used in another wallet.`,
		Args: exactArgs(0),
		RunE: func(*cobra.Command, []string) error {
			data, err := readBounded(jwkPath, maxKeyFile)
			if err != nil {
				return err
			}
			defer clear(data)
			return a.withWallet(func(_ *storage.Vault, w *wallet.Wallet) error {
				h, err := w.ImportHolderKey(name, data)
				if err != nil {
					return err
				}
				a.printHolder("Imported", h)
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&jwkPath, "jwk", "", "the private key as a JWK `FILE` (required)")
	cmd.Flags().StringVar(&name, "name", "", "the profile's name (required)")
	_ = cmd.MarkFlagRequired("jwk")
	_ = cmd.MarkFlagRequired("name")
	return cmd
}

func (a *app) holderDefault() *cobra.Command {
	return &cobra.Command{
		Use:   "default NAME",
		Short: "Make a profile the default one",
		Args:  exactArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			return a.withWallet(func(_ *storage.Vault, w *wallet.Wallet) error {
				if err := w.SetDefaultHolder(args[0]); err != nil {
					return err
				}
				h, err := w.Holder(args[0])
				if err != nil {
					return err
				}
				a.printHolder("Default", h)
				return nil
			})
		},
	}
}

func (a *app) holderExportPublic() *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "export-public NAME [--format did|jwk]",
		Short: "Print a profile's DID document or public key (nothing secret)",
		Args:  exactArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			return a.withWallet(func(_ *storage.Vault, w *wallet.Wallet) error {
				doc, err := w.ExportPublic(args[0], wallet.PublicFormat(format))
				if err != nil {
					return err
				}
				// The document is JSON already; --json prints it as is.
				fmt.Fprintf(a.io.Out, "%s\n", doc)
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&format, "format", "did", "did (the DID document) or jwk (the public key)")
	return cmd
}

func (a *app) holderExportKey() *cobra.Command {
	var out string
	cmd := &cobra.Command{
		Use:   "export-key NAME -o FILE",
		Short: "Write a profile's PRIVATE key to a file (to move the identity to another wallet)",
		Long: `Write a profile's private key, as a JWK, to a new file readable only by you.
Anyone with this file can present credentials as you: move it to the other
wallet and delete it. This is the only way a private key leaves Satchel.`,
		Args: exactArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			if out == "" {
				return usageError("export-key needs -o FILE")
			}
			return a.withWallet(func(_ *storage.Vault, w *wallet.Wallet) error {
				key, err := w.ExportPrivateKey(args[0])
				if err != nil {
					return err
				}
				defer clear(key)
				if err := writeNewFile(out, key, 0o600); err != nil {
					return err
				}
				a.emit(map[string]any{"file": out}, func(w io.Writer) {
					fmt.Fprintf(w, "Wrote the private key to %s. Keep it secret and delete it once imported.\n", out)
				})
				return nil
			})
		},
	}
	cmd.Flags().StringVarP(&out, "output", "o", "", "the new file to write")
	return cmd
}

// readBounded reads a file the learner named, refusing anything larger than
// limit.
func readBounded(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if st.Size() > limit {
		return nil, usageError("%s is %d bytes, more than the %d this file can be", path, st.Size(), limit)
	}
	return io.ReadAll(io.LimitReader(f, limit+1))
}

// writeNewFile writes data to a file that must not exist yet.
func writeNewFile(path string, data []byte, mode os.FileMode) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, mode)
	if err != nil {
		if os.IsExist(err) {
			return usageError("%s already exists; choose a new file name", path)
		}
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		os.Remove(path)
		return err
	}
	return f.Close()
}
