package storage

import (
	"fmt"
	"os"
	"path/filepath"
)

// WalletEnv names the environment variable that overrides the wallet path.
const WalletEnv = "SATCHEL_WALLET"

// DefaultPath returns where the wallet lives unless told otherwise: the
// file named by SATCHEL_WALLET, or wallet.satchel in Satchel's folder of the
// user's configuration directory (~/.config/satchel on Linux,
// ~/Library/Application Support/satchel on macOS, %AppData%\satchel on
// Windows).
func DefaultPath() (string, error) {
	if p := os.Getenv(WalletEnv); p != "" {
		return p, nil
	}
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("no configuration directory to keep the wallet in (%w); set %s", err, WalletEnv)
	}
	return filepath.Join(dir, "satchel", "wallet.satchel"), nil
}
