package wallet

import (
	"errors"
	"fmt"
	"strings"
)

// Sentinel errors. Callers compare with errors.Is; the packages that return
// them wrap them with short lowercase context.
var (
	// ErrNotFound means the record, profile or file asked for does not exist.
	ErrNotFound = errors.New("not found")

	// ErrExists means something with that name or identity is already there.
	ErrExists = errors.New("already exists")

	// ErrInvalid means the input is malformed or breaks a rule; the wrapping
	// error says which.
	ErrInvalid = errors.New("invalid input")

	// ErrWrongPassphrase is the one generic answer to a passphrase that does
	// not open the wallet. It deliberately says nothing more.
	ErrWrongPassphrase = errors.New("wrong passphrase")

	// ErrInUse means another process (another Satchel window or command)
	// has the wallet file open.
	ErrInUse = errors.New("the wallet is open in another Satchel window")

	// ErrLocked means the wallet was locked (by the learner or after idle
	// time) and must be unlocked again before use.
	ErrLocked = errors.New("the wallet is locked")

	// ErrIntegrity means stored data failed its authentication check: it was
	// damaged on disk or tampered with.
	ErrIntegrity = errors.New("integrity check failed")

	// ErrReadOnly means a write was attempted in a read-only transaction.
	ErrReadOnly = errors.New("read-only transaction")
)

// DamagedError lists records that failed their integrity check during a walk
// over many records. The walk still visits every intact record; this error
// is returned at the end so that the caller can show what it has and say
// what was lost. It matches ErrIntegrity under errors.Is.
type DamagedError struct {
	// Records names each damaged record as "bucket/id". When the stored name
	// itself is damaged the id is the hexadecimal form of the raw key.
	Records []string
}

func (e *DamagedError) Error() string {
	n := len(e.Records)
	shown := e.Records
	if n > 5 {
		shown = shown[:5]
	}
	s := fmt.Sprintf("%d damaged record", n)
	if n != 1 {
		s += "s"
	}
	s += ": " + strings.Join(shown, ", ")
	if n > len(shown) {
		s += fmt.Sprintf(" and %d more", n-len(shown))
	}
	return s
}

// Is reports that a DamagedError is an integrity failure.
func (e *DamagedError) Is(target error) bool { return target == ErrIntegrity }
