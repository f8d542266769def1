package storage

import (
	"errors"
	"fmt"
	"io"

	"github.com/satchel-wallet/satchel/wallet"
)

// CheckBackup reads the whole backup r, protected by passphrase, and
// checks it as [Restore] does — it decrypts and authenticates to its end,
// every record validates with wallet.ValidateRecord, no record appears
// twice, the record count matches — without writing anything. The app
// runs it before it closes the open wallet to restore over it, so that a
// mistyped passphrase or a damaged file is found while nothing has
// changed. A wrong passphrase is wallet.ErrWrongPassphrase, a file that is
// not a backup ErrNotBackup.
func CheckBackup(r io.Reader, passphrase []byte) (*BackupInfo, error) {
	plain, err := openBackup(r, passphrase)
	if err != nil {
		return nil, fmt.Errorf("check backup: %w", err)
	}
	br, err := newBackupReader(plain)
	if err != nil {
		return nil, fmt.Errorf("check backup: %w", err)
	}
	info := &BackupInfo{Created: br.header.Created, Schema: br.header.Schema}
	seen := make(map[string]bool)
	for {
		b, id, value, err := br.next()
		if errors.Is(err, io.EOF) {
			return info, nil
		}
		if err != nil {
			return nil, fmt.Errorf("check backup: %w", err)
		}
		if err := wallet.ValidateRecord(b, id, value); err != nil {
			return nil, fmt.Errorf("check backup: record %s/%s: %w", b, id, err)
		}
		key := string(b) + "\x00" + id
		if seen[key] {
			return nil, fmt.Errorf("check backup: record %s/%s appears twice: %w", b, id, ErrNotBackup)
		}
		seen[key] = true
		info.Records++
	}
}
