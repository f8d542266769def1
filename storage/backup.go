package storage

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"time"

	"filippo.io/age"

	"github.com/satchel-wallet/satchel/wallet"
)

// A backup is one file encrypted with age to a passphrase (scrypt
// recipient), so the standard age tool opens it too:
//
//	age -d wallet.satchel-backup > wallet.jsonl
//
// Inside is JSON Lines, one object per line: a header, one line per record,
// and a trailer that counts the records, so that a cut-off backup is caught
// even before age's own end-of-stream check:
//
//	{"satchel":"backup","version":1,"created":"2026-11-22T10:00:00Z","format":1,"schema":1}
//	{"bucket":"holders","id":"9f1c...","json":{...}}
//	{"bucket":"originals","id":"3ab2...","base64":"eyJAY29..."}
//	{"end":true,"records":2}
//
// A value that is compact JSON is written as "json"; anything else, and
// every original credential (whose bytes must survive exactly), as "base64".

const (
	backupMagic   = "backup"
	backupVersion = 1
	// maxBackupLine bounds one line of a backup: the largest record is an
	// original credential, at most a few MiB, which base64 makes 4/3 larger.
	// 64 MiB leaves room for a raised import limit and refuses anything
	// that could exhaust memory.
	maxBackupLine = 64 << 20
	// backupWorkFactor is age's scrypt cost for backups (2^18, age's own
	// default, about a second): a backup travels, so it gets a strong cost.
	backupWorkFactor = 18
	// maxBackupWorkFactor is the highest scrypt cost a backup may demand
	// on reading, age's own default ceiling.
	maxBackupWorkFactor = 22
)

type backupHeader struct {
	Satchel string    `json:"satchel"`
	Version int       `json:"version"`
	Created time.Time `json:"created"`
	Format  uint32    `json:"format"`
	Schema  uint32    `json:"schema"`
}

type backupLine struct {
	Bucket wallet.Bucket   `json:"bucket,omitempty"`
	ID     string          `json:"id,omitempty"`
	JSON   json.RawMessage `json:"json,omitempty"`
	Base64 []byte          `json:"base64,omitempty"`
	// Trailer fields.
	End     bool `json:"end,omitempty"`
	Records int  `json:"records,omitempty"`
}

// BackupInfo describes a backup that was written or restored.
type BackupInfo struct {
	Created time.Time `json:"created"`
	Schema  uint32    `json:"schema"`
	Records int       `json:"records"`
	// Skipped lists damaged records that could not be backed up.
	Skipped []string `json:"skipped,omitempty"`
}

// Backup writes every record of the vault to w as an age-encrypted backup
// protected by passphrase. It reads from one consistent snapshot. Damaged
// records cannot be read and are left out: the backup is still complete for
// everything else, and the returned error is a *wallet.DamagedError listing
// what was skipped (info is returned too).
func (v *Vault) Backup(w io.Writer, passphrase []byte) (*BackupInfo, error) {
	if len(passphrase) == 0 {
		return nil, fmt.Errorf("backup: empty passphrase: %w", wallet.ErrInvalid)
	}
	rcpt, err := age.NewScryptRecipient(string(passphrase))
	if err != nil {
		return nil, fmt.Errorf("backup: %w", err)
	}
	rcpt.SetWorkFactor(backupWork())
	aw, err := age.Encrypt(w, rcpt)
	if err != nil {
		return nil, fmt.Errorf("backup: %w", err)
	}
	bw := bufio.NewWriterSize(aw, 64<<10)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	info := &BackupInfo{Created: time.Now().UTC().Truncate(time.Second), Schema: schemaVersion}
	if err := enc.Encode(backupHeader{Satchel: backupMagic, Version: backupVersion, Created: info.Created, Format: formatVersion, Schema: schemaVersion}); err != nil {
		return nil, fmt.Errorf("backup: %w", err)
	}
	err = v.View(func(tx wallet.Tx) error {
		for _, b := range wallet.Buckets() {
			err := tx.ForEach(b, func(id string, value []byte) error {
				info.Records++
				return enc.Encode(recordLine(b, id, value))
			})
			var d *wallet.DamagedError
			if errors.As(err, &d) {
				info.Skipped = append(info.Skipped, d.Records...)
			} else if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("backup: %w", err)
	}
	if err := enc.Encode(backupLine{End: true, Records: info.Records}); err != nil {
		return nil, fmt.Errorf("backup: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return nil, fmt.Errorf("backup: %w", err)
	}
	if err := aw.Close(); err != nil {
		return nil, fmt.Errorf("backup: %w", err)
	}
	if len(info.Skipped) > 0 {
		return info, fmt.Errorf("backup left out damaged records: %w", &wallet.DamagedError{Records: info.Skipped})
	}
	return info, nil
}

func recordLine(b wallet.Bucket, id string, value []byte) backupLine {
	l := backupLine{Bucket: b, ID: id}
	if b != wallet.BucketOriginals && isCompactJSON(value) {
		l.JSON = value
	} else {
		l.Base64 = value
		if l.Base64 == nil {
			l.Base64 = []byte{}
		}
	}
	return l
}

// isCompactJSON reports whether v is JSON that the encoder will write back
// byte for byte, so that "json" lines restore exactly what was stored.
func isCompactJSON(v []byte) bool {
	if len(v) == 0 || !json.Valid(v) {
		return false
	}
	var buf bytes.Buffer
	if err := json.Compact(&buf, v); err != nil || !bytes.Equal(buf.Bytes(), v) {
		return false
	}
	// The encoder escapes U+2028 and U+2029 even with HTML escaping off.
	return !bytes.Contains(v, []byte("\u2028")) && !bytes.Contains(v, []byte("\u2029"))
}

func backupWork() int {
	if insecureTestKDF() {
		return 10
	}
	return backupWorkFactor
}

// openBackup decrypts an age backup with passphrase.
func openBackup(r io.Reader, passphrase []byte) (io.Reader, error) {
	id, err := age.NewScryptIdentity(string(passphrase))
	if err != nil {
		return nil, fmt.Errorf("backup: %w", err)
	}
	id.SetMaxWorkFactor(maxBackupWorkFactor)
	dr, err := age.Decrypt(r, id)
	var nomatch *age.NoIdentityMatchError
	switch {
	case errors.As(err, &nomatch):
		return nil, wallet.ErrWrongPassphrase
	case err != nil:
		return nil, fmt.Errorf("%v: %w", err, ErrNotBackup)
	}
	return dr, nil
}

// backupReader reads the JSON Lines inside a decrypted backup.
type backupReader struct {
	r      *bufio.Reader
	header backupHeader
	count  int
	done   bool
}

func newBackupReader(r io.Reader) (*backupReader, error) {
	br := &backupReader{r: bufio.NewReaderSize(r, 64<<10)}
	line, err := br.line()
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal(line, &br.header); err != nil || br.header.Satchel != backupMagic {
		return nil, fmt.Errorf("no backup header: %w", ErrNotBackup)
	}
	if br.header.Version != backupVersion || br.header.Schema > schemaVersion {
		return nil, fmt.Errorf("backup version %d, schema %d: %w", br.header.Version, br.header.Schema, ErrNewerVersion)
	}
	return br, nil
}

// line reads one line, refusing lines longer than maxBackupLine.
func (br *backupReader) line() ([]byte, error) {
	var buf []byte
	for {
		chunk, err := br.r.ReadSlice('\n')
		buf = append(buf, chunk...)
		if len(buf) > maxBackupLine {
			return nil, fmt.Errorf("a line longer than %d bytes: %w", maxBackupLine, ErrNotBackup)
		}
		switch {
		case err == nil:
			return buf, nil
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		case errors.Is(err, io.EOF):
			if len(buf) == 0 {
				return nil, io.EOF
			}
			return nil, fmt.Errorf("last line is cut off: %w", ErrNotBackup)
		default:
			return nil, fmt.Errorf("read backup: %v: %w", err, ErrNotBackup)
		}
	}
}

// next returns the next record. After the trailer it checks that nothing
// follows and that the count matches, then returns io.EOF.
func (br *backupReader) next() (wallet.Bucket, string, []byte, error) {
	if br.done {
		return "", "", nil, io.EOF
	}
	line, err := br.line()
	if errors.Is(err, io.EOF) {
		return "", "", nil, fmt.Errorf("the backup ends before its last line (cut off?): %w", ErrNotBackup)
	}
	if err != nil {
		return "", "", nil, err
	}
	var l backupLine
	if err := json.Unmarshal(line, &l); err != nil {
		return "", "", nil, fmt.Errorf("record %d: %v: %w", br.count+1, err, ErrNotBackup)
	}
	if l.End {
		if l.Records != br.count {
			return "", "", nil, fmt.Errorf("the trailer counts %d records, the backup has %d: %w", l.Records, br.count, ErrNotBackup)
		}
		if _, err := br.line(); !errors.Is(err, io.EOF) {
			return "", "", nil, fmt.Errorf("data after the trailer: %w", ErrNotBackup)
		}
		br.done = true
		return "", "", nil, io.EOF
	}
	br.count++
	if l.Bucket == "" || l.ID == "" {
		return "", "", nil, fmt.Errorf("record %d has no bucket or id: %w", br.count, ErrNotBackup)
	}
	switch {
	case l.JSON != nil && l.Base64 == nil:
		return l.Bucket, l.ID, l.JSON, nil
	case l.Base64 != nil && l.JSON == nil:
		return l.Bucket, l.ID, l.Base64, nil
	}
	return "", "", nil, fmt.Errorf("record %d has no value or two: %w", br.count, ErrNotBackup)
}
