package wallet

import (
	"fmt"
	"unicode/utf8"

	"github.com/ccojocar/zxcvbn-go"
)

// MinPassphraseLength is the fewest characters a new wallet passphrase may
// have. The vault's Argon2id makes each guess costly, but no KDF saves a
// passphrase that is found among the first million guesses; eight characters
// is the floor NIST SP 800-63B sets for secrets a person chooses.
const MinPassphraseLength = 8

// strengthPrefix bounds the part of a passphrase the estimator examines:
// its cost grows quickly with length, and anything longer is strong on
// length alone.
const strengthPrefix = 64

// Strength estimates how hard a passphrase is to guess.
type Strength struct {
	// Score runs from 0 (guessed in moments) to 4 (very hard to guess).
	Score int
	// Guesses is the estimated number of guesses, as a power of ten.
	Log10Guesses float64
}

// Strong reports whether the passphrase is good enough not to warn about:
// a score of 3 or more.
func (s Strength) Strong() bool { return s.Score >= 3 }

// PassphraseStrength estimates the strength of a new passphrase with the
// zxcvbn model (dictionaries, keyboard patterns, dates, repeats), taking the
// words of userInputs (the learner's name, say) as known to an attacker.
func PassphraseStrength(p []byte, userInputs ...string) Strength {
	s := string(p)
	if utf8.RuneCountInString(s) > strengthPrefix {
		return Strength{Score: 4, Log10Guesses: 20}
	}
	m := zxcvbn.PasswordStrength(s, userInputs)
	// zxcvbn reports entropy in bits; guesses = 2^entropy.
	return Strength{Score: m.Score, Log10Guesses: m.Entropy * 0.30103}
}

// ValidateNewPassphrase checks a passphrase being set for a wallet: at least
// MinPassphraseLength characters. Weak but long enough passphrases are
// allowed; callers show the PassphraseStrength hint.
func ValidateNewPassphrase(p []byte) error {
	if n := utf8.RuneCount(p); n < MinPassphraseLength {
		return fmt.Errorf("a passphrase of %d characters; use at least %d: %w", n, MinPassphraseLength, ErrInvalid)
	}
	return nil
}
