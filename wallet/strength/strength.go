// Package strength estimates how hard a new passphrase is to guess, with
// the zxcvbn model. It is apart from package wallet so that code that only
// verifies (the verifier web page compiled to WebAssembly) does not carry
// zxcvbn's dictionaries, about a megabyte compressed.
package strength

import (
	"unicode/utf8"

	"github.com/ccojocar/zxcvbn-go"
)

// prefix bounds the part of a passphrase the estimator examines: its cost
// grows quickly with length, and anything longer is strong on length alone.
const prefix = 64

// Strength estimates how hard a passphrase is to guess.
type Strength struct {
	// Score runs from 0 (guessed in moments) to 4 (very hard to guess).
	Score int
	// Log10Guesses is the estimated number of guesses, as a power of ten.
	Log10Guesses float64
}

// Strong reports whether the passphrase is good enough not to warn about:
// a score of 3 or more.
func (s Strength) Strong() bool { return s.Score >= 3 }

// Of estimates the strength of a new passphrase with the zxcvbn model
// (dictionaries, keyboard patterns, dates, repeats), taking the words of
// userInputs (the learner's name, say) as known to an attacker.
func Of(p []byte, userInputs ...string) Strength {
	s := string(p)
	if utf8.RuneCountInString(s) > prefix {
		return Strength{Score: 4, Log10Guesses: 20}
	}
	m := zxcvbn.PasswordStrength(s, userInputs)
	// zxcvbn reports entropy in bits; guesses = 2^entropy.
	return Strength{Score: m.Score, Log10Guesses: m.Entropy * 0.30103}
}
