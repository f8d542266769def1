package cli

import (
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/satchel-wallet/satchel/storage"
	"github.com/satchel-wallet/satchel/wallet"
)

func (a *app) initCommand() *cobra.Command {
	var keyType string
	cmd := &cobra.Command{
		Use:   "init",
		Short: "Create a new wallet and its holder identity",
		Long: `Create a new, empty wallet protected by a passphrase, with a first holder
profile named "default" whose identity is a new did:key.

The passphrase is asked for twice (or read from --passphrase-file or
SATCHEL_PASSPHRASE). It cannot be recovered: keep a backup
(satchel-cli backup) and remember the passphrase.`,
		Args: exactArgs(0),
		RunE: func(*cobra.Command, []string) error {
			kt, err := wallet.ParseKeyType(keyType)
			if err != nil {
				return &failure{code: ExitUsage, err: err}
			}
			path, err := a.path()
			if err != nil {
				return err
			}
			if _, err := os.Stat(path); err == nil {
				return &failure{
					code: ExitUsage, err: fmt.Errorf("a wallet already exists at %s", path),
					advice: "Use it, choose another --wallet path, or restore a backup over it with `satchel-cli restore --force`.",
				}
			}
			pass, err := a.newWalletPassphrase()
			if err != nil {
				return err
			}
			defer clear(pass)
			v, err := storage.Create(path, pass)
			if err != nil {
				return err
			}
			defer v.Close()
			h, err := wallet.New(v).Init(kt)
			if err != nil {
				return err
			}
			a.emit(map[string]any{"wallet": path, "holder": h}, func(w io.Writer) {
				fmt.Fprintf(w, "Created the wallet %s\nYour holder identity (%s key):\n%s\n", path, h.KeyType, h.DID)
			})
			return nil
		},
	}
	cmd.Flags().StringVar(&keyType, "key", "ed25519", "the holder key type: ed25519 or p256")
	return cmd
}

// newWalletPassphrase returns the passphrase for a new wallet: from the
// usual sources, or asked twice.
func (a *app) newWalletPassphrase() ([]byte, error) {
	return a.newPassphrase(a.passphraseFile, PassphraseEnv, "wallet passphrase")
}
