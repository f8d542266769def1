package wallet

import (
	"fmt"
	"unicode/utf8"
)

// MinPassphraseLength is the fewest characters a new wallet passphrase may
// have. The vault's Argon2id makes each guess costly, but no KDF saves a
// passphrase that is found among the first million guesses; eight characters
// is the floor NIST SP 800-63B sets for secrets a person chooses.
const MinPassphraseLength = 8

// ValidateNewPassphrase checks a passphrase being set for a wallet: at least
// MinPassphraseLength characters. Weak but long enough passphrases are
// allowed; callers show the hint of package strength.
func ValidateNewPassphrase(p []byte) error {
	if n := utf8.RuneCount(p); n < MinPassphraseLength {
		return fmt.Errorf("a passphrase of %d characters; use at least %d: %w", n, MinPassphraseLength, ErrInvalid)
	}
	return nil
}
