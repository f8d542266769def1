package wallet

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
)

// Shared is one entry of the presentation log: what the learner shared,
// when, with whom and how. It names the credentials and the claims
// disclosed, never their values: the log is not a second copy of what was
// handed over.
type Shared struct {
	// ID is the entry's record id.
	ID string `json:"id"`
	// At is when the presentation was made; Expires when it stops being
	// valid (zero when it does not say).
	At      time.Time `json:"at"`
	Expires time.Time `json:"expires,omitzero"`
	// Holder is the DID that signed the presentation.
	Holder string `json:"holder"`
	// Credentials are the ids of the credentials presented.
	Credentials []string `json:"credentials"`
	// Format is the presentation format, e.g. "vp-jwt", "ldp", "sd-jwt".
	Format string `json:"format"`
	// Disclosed names the selectively disclosed claims, for SD-JWT.
	Disclosed []string `json:"disclosed,omitempty"`
	// Audience is the verifier's domain (aud) when one was given; Nonce
	// its challenge.
	Audience string `json:"audience,omitempty"`
	Nonce    string `json:"nonce,omitempty"`
	// Via says how it left the wallet: "file", "qr", "clipboard".
	Via string `json:"via"`
	// Stack names the stack presented, if a whole stack was.
	Stack string `json:"stack,omitempty"`
}

// maxLogEntries bounds the log: the oldest entries beyond it are dropped,
// so that sharing daily for decades never grows the wallet without limit.
const maxLogEntries = 10000

// LogShared adds an entry to the presentation log and returns it with its
// id. The oldest entries are dropped beyond maxLogEntries.
func (w *Wallet) LogShared(s Shared) (Shared, error) {
	if len(s.Credentials) == 0 || s.Format == "" || s.Via == "" {
		return s, fmt.Errorf("a log entry names the credentials, the format and how they were shared: %w", ErrInvalid)
	}
	if s.At.IsZero() {
		s.At = w.now()
	}
	s.At = s.At.UTC()
	// Ids sort by the time of logging (At may be truncated to the second),
	// so that the log reads in order without parsing.
	s.ID = fmt.Sprintf("%016x-%s", w.now().UnixNano(), newID()[:8])
	err := w.store.Update(func(tx Tx) error {
		if err := putJSON(tx, BucketLog, s.ID, s); err != nil {
			return err
		}
		return trimLog(tx)
	})
	if err != nil {
		return s, fmt.Errorf("log presentation: %w", err)
	}
	return s, nil
}

// trimLog drops the oldest entries beyond maxLogEntries.
func trimLog(tx Tx) error {
	var ids []string
	err := tx.ForEach(BucketLog, func(id string, _ []byte) error {
		ids = append(ids, id)
		return nil
	})
	var damaged *DamagedError
	if err != nil && !errors.As(err, &damaged) {
		return err
	}
	if len(ids) <= maxLogEntries {
		return nil
	}
	slices.Sort(ids)
	for _, id := range ids[:len(ids)-maxLogEntries] {
		if err := tx.Delete(BucketLog, id); err != nil {
			return err
		}
	}
	return nil
}

// SharedLog returns the presentation log, newest first. If credential is
// not empty, only the entries that presented it (by id or id prefix).
func (w *Wallet) SharedLog(credential string) ([]Shared, error) {
	var out []Shared
	credential = strings.ToLower(strings.TrimSpace(credential))
	err := w.store.View(func(tx Tx) error {
		return tx.ForEach(BucketLog, func(id string, v []byte) error {
			var s Shared
			if err := json.Unmarshal(v, &s); err != nil {
				return fmt.Errorf("log entry %s: %v: %w", id, err, ErrIntegrity)
			}
			if credential == "" || slices.ContainsFunc(s.Credentials, func(c string) bool { return strings.HasPrefix(c, credential) }) {
				out = append(out, s)
			}
			return nil
		})
	})
	slices.SortFunc(out, func(a, b Shared) int { return strings.Compare(b.ID, a.ID) })
	var damaged *DamagedError
	if err != nil && !errors.As(err, &damaged) {
		return nil, fmt.Errorf("read presentation log: %w", err)
	}
	return out, err
}
