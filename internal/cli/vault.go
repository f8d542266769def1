package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/satchel-wallet/satchel/storage"
	"github.com/satchel-wallet/satchel/wallet"
)

// NewPassphraseEnv names the variable holding a new passphrase for passwd.
const NewPassphraseEnv = "SATCHEL_NEW_PASSPHRASE"

func (a *app) passwdCommand() *cobra.Command {
	var newFile string
	cmd := &cobra.Command{
		Use:   "passwd",
		Short: "Change the wallet passphrase",
		Long: `Change the wallet passphrase. The current one comes from the usual sources;
the new one from --new-passphrase-file, SATCHEL_NEW_PASSPHRASE, or is asked
for twice. Only the wrapped key is rewritten; credentials are untouched.
Backups made before keep the passphrase they were made with.`,
		Args: exactArgs(0),
		RunE: func(*cobra.Command, []string) error {
			path, err := a.path()
			if err != nil {
				return err
			}
			current, err := a.passphrase("Current passphrase for " + path + ": ")
			if err != nil {
				return err
			}
			defer clear(current)
			v, err := storage.Open(path, current)
			if err != nil {
				return err
			}
			defer v.Close()
			next, err := a.newPassphrase(newFile, NewPassphraseEnv, "wallet passphrase")
			if err != nil {
				return err
			}
			defer clear(next)
			if err := v.ChangePassphrase(current, next); err != nil {
				return err
			}
			a.emit(map[string]any{"changed": true}, func(w io.Writer) {
				fmt.Fprintln(w, "The passphrase is changed.")
			})
			return nil
		},
	}
	cmd.Flags().StringVar(&newFile, "new-passphrase-file", "", "read the new passphrase from the first line of `FILE`")
	return cmd
}

func (a *app) checkCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "check",
		Short: "Check the wallet file: its structure, and that every record opens",
		Long: `Walk the whole wallet file: first the database's own structural check, then
every record is decrypted and authenticated. Damaged records are listed; the
rest of the wallet stays usable. Exit code 1 if anything is damaged.`,
		Args: exactArgs(0),
		RunE: func(*cobra.Command, []string) error {
			return a.withWallet(func(v *storage.Vault, _ *wallet.Wallet) error {
				rep, err := v.Check()
				if err != nil {
					return err
				}
				a.emit(map[string]any{"ok": rep.OK(), "report": rep}, func(w io.Writer) {
					fmt.Fprintf(w, "%d records open and authenticate.\n", rep.Records)
					for _, s := range rep.Structure {
						fmt.Fprintf(w, "structure: %s\n", s)
					}
					for _, d := range rep.Damaged {
						fmt.Fprintf(w, "damaged: %s\n", d)
					}
					if rep.OK() {
						fmt.Fprintln(w, "The wallet is intact.")
					}
				})
				if !rep.OK() {
					return &failure{
						code: ExitFailed, err: fmt.Errorf("the wallet has %d damaged record(s) and %d structural problem(s)", len(rep.Damaged), len(rep.Structure)),
						advice: "Damaged records cannot be read. Restore them from a backup, or delete them.",
					}
				}
				return nil
			})
		},
	}
}

func (a *app) backupCommand() *cobra.Command {
	var out, passFile string
	var force bool
	cmd := &cobra.Command{
		Use:   "backup -o FILE",
		Short: "Write an encrypted backup of the whole wallet to one file",
		Long: `Write the whole wallet to one file encrypted with age (a passphrase
recipient), which Satchel restores and the standard age tool can open.
The backup uses the wallet passphrase unless --backup-passphrase-file gives
another. Keep it somewhere other than this computer.`,
		Args: exactArgs(0),
		RunE: func(*cobra.Command, []string) error {
			if out == "" {
				return usageError("backup needs -o FILE")
			}
			if _, err := os.Stat(out); err == nil && !force {
				return usageError("%s already exists; choose another name or pass --force", out)
			}
			path, err := a.path()
			if err != nil {
				return err
			}
			pass, err := a.passphrase("Passphrase for " + path + ": ")
			if err != nil {
				return err
			}
			defer clear(pass)
			v, err := storage.Open(path, pass)
			if err != nil {
				return err
			}
			defer v.Close()
			backupPass := pass
			if passFile != "" {
				if backupPass, err = a.newPassphrase(passFile, "", "backup passphrase"); err != nil {
					return err
				}
			}
			info, err := writeBackup(v, out, backupPass)
			var damaged *wallet.DamagedError
			if err != nil && !errors.As(err, &damaged) {
				return err
			}
			a.emit(map[string]any{"file": out, "backup": info}, func(w io.Writer) {
				fmt.Fprintf(w, "Backed up %d records to %s\n", info.Records, out)
			})
			if damaged != nil {
				return &failure{code: ExitFailed, err: err, advice: "Everything else is in the backup. Run `satchel-cli check`."}
			}
			return nil
		},
	}
	cmd.Flags().StringVarP(&out, "output", "o", "", "the backup file to write")
	cmd.Flags().BoolVar(&force, "force", false, "replace an existing backup file")
	cmd.Flags().StringVar(&passFile, "backup-passphrase-file", "", "protect the backup with the passphrase in `FILE` instead of the wallet's")
	return cmd
}

// writeBackup writes the backup to a temporary file beside out and renames
// it into place, so that out is never a half-written backup.
func writeBackup(v *storage.Vault, out string, pass []byte) (*storage.BackupInfo, error) {
	tmp, err := os.CreateTemp(filepath.Dir(out), ".satchel-backup-*")
	if err != nil {
		return nil, err
	}
	defer os.Remove(tmp.Name())
	info, err := v.Backup(tmp, pass)
	var damaged *wallet.DamagedError
	if err != nil && !errors.As(err, &damaged) {
		tmp.Close()
		return nil, err
	}
	if serr := tmp.Sync(); serr != nil {
		tmp.Close()
		return nil, serr
	}
	if cerr := tmp.Close(); cerr != nil {
		return nil, cerr
	}
	if rerr := os.Rename(tmp.Name(), out); rerr != nil {
		return nil, rerr
	}
	return info, err
}

func (a *app) restoreCommand() *cobra.Command {
	var force bool
	cmd := &cobra.Command{
		Use:   "restore FILE [--force]",
		Short: "Restore a wallet from a backup",
		Long: `Restore the wallet from a backup file. The passphrase asked for is the
backup's, and it becomes the restored wallet's passphrase.

Everything in the backup is verified before anything is replaced. An existing
wallet is replaced only with --force, and is then kept beside the new one
as <wallet>.before-restore-<time>.`,
		Args: exactArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			path, err := a.path()
			if err != nil {
				return err
			}
			if _, err := os.Stat(path); err == nil && !force {
				return &failure{
					code: ExitUsage, err: fmt.Errorf("a wallet already exists at %s", path),
					advice: "Pass --force to replace it (it is kept as a .before-restore file), or choose another --wallet path.",
				}
			}
			f, err := os.Open(args[0])
			if err != nil {
				return err
			}
			defer f.Close()
			pass, err := a.passphrase("Passphrase of the backup " + args[0] + ": ")
			if err != nil {
				return err
			}
			defer clear(pass)
			info, err := storage.Restore(f, pass, path, storage.RestoreOptions{Force: force})
			if err != nil {
				return err
			}
			a.emit(map[string]any{"wallet": path, "restore": info}, func(w io.Writer) {
				fmt.Fprintf(w, "Restored %d records into %s (backup of %s).\n", info.Records, path, info.Created.Format("2 January 2006 15:04 MST"))
				if info.Replaced != "" {
					fmt.Fprintf(w, "The wallet that was there is kept as %s\n", info.Replaced)
				}
				fmt.Fprintln(w, "Its passphrase is the backup's.")
			})
			return nil
		},
	}
	cmd.Flags().BoolVar(&force, "force", false, "replace an existing wallet (it is kept, renamed)")
	return cmd
}
