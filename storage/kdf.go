package storage

import (
	"crypto/rand"
	"encoding/json"
	"fmt"
	"os"

	"golang.org/x/crypto/argon2"
)

// KDFParams are the Argon2id parameters that turn a passphrase into the
// key-encryption key. They are stored in the file so that a vault keeps
// opening when the defaults change.
type KDFParams struct {
	Alg     string `json:"alg"`  // always "argon2id"
	Version int    `json:"v"`    // Argon2 version, 19 (0x13)
	Memory  uint32 `json:"m"`    // KiB
	Time    uint32 `json:"t"`    // passes
	Threads uint8  `json:"p"`    // lanes
	Salt    []byte `json:"salt"` // random, saltSize bytes
}

const (
	kdfAlg = "argon2id"
	// saltSize is 16 bytes, the size RFC 9106 recommends.
	saltSize = 16
	// kekSize is the size of the key-encryption key, an XChaCha20 key.
	kekSize = 32
)

// DefaultKDF returns the parameters new vaults and new passphrases get:
// 64 MiB, 3 passes, 4 lanes. RFC 9106's second recommended option is 64 MiB
// and 3 passes; 4 lanes let two-core laptops use both cores. It costs about
// 0.1 to 0.2 s here, which a learner does not notice at unlock and which
// makes guessing a passphrase offline expensive.
func DefaultKDF() KDFParams {
	if insecureTestKDF() {
		return testKDF
	}
	return KDFParams{Alg: kdfAlg, Version: argon2.Version, Memory: 64 << 10, Time: 3, Threads: 4}
}

// The range of parameters accepted when opening. The floor refuses files
// whose parameters would make offline guessing cheap (they can only come
// from a damaged or doctored header; Satchel never writes them). The ceiling
// refuses files that would make the machine allocate or compute without
// limit: a header asking for 4 GiB of memory is refused, not obeyed.
var (
	kdfFloor   = KDFParams{Memory: 32 << 10, Time: 2, Threads: 1}
	kdfCeiling = KDFParams{Memory: 1 << 20, Time: 16, Threads: 16}
)

// InsecureTestKDFEnv, when set to 1, makes this package create vaults with
// a trivially cheap KDF and accept such vaults, so that tests which open
// many vaults run fast. It must never be set for a real wallet: a vault made
// under it is protected by almost nothing, and without it such a vault is
// refused with ErrKDFParams.
const InsecureTestKDFEnv = "SATCHEL_INSECURE_TEST_KDF"

var testKDF = KDFParams{Alg: kdfAlg, Version: argon2.Version, Memory: 256, Time: 1, Threads: 1}

func insecureTestKDF() bool { return os.Getenv(InsecureTestKDFEnv) == "1" }

// withSalt returns p with a fresh random salt.
func (p KDFParams) withSalt() KDFParams {
	p.Salt = make([]byte, saltSize)
	_, _ = rand.Read(p.Salt)
	return p
}

// check reports whether p may be used to open a vault.
func (p KDFParams) check() error {
	floor := kdfFloor
	if insecureTestKDF() {
		floor = testKDF
	}
	switch {
	case p.Alg != kdfAlg || p.Version != argon2.Version:
		return fmt.Errorf("%s version %d (want %s version %d): %w", p.Alg, p.Version, kdfAlg, argon2.Version, ErrKDFParams)
	case len(p.Salt) < saltSize || len(p.Salt) > 64:
		return fmt.Errorf("salt of %d bytes: %w", len(p.Salt), ErrKDFParams)
	case p.Memory < floor.Memory || p.Time < floor.Time || p.Threads < floor.Threads:
		return fmt.Errorf("m=%d KiB t=%d p=%d is below the minimum m=%d t=%d p=%d: %w",
			p.Memory, p.Time, p.Threads, floor.Memory, floor.Time, floor.Threads, ErrKDFParams)
	case p.Memory > kdfCeiling.Memory || p.Time > kdfCeiling.Time || p.Threads > kdfCeiling.Threads:
		return fmt.Errorf("m=%d KiB t=%d p=%d is above the maximum m=%d t=%d p=%d: %w",
			p.Memory, p.Time, p.Threads, kdfCeiling.Memory, kdfCeiling.Time, kdfCeiling.Threads, ErrKDFParams)
	case p.Memory < 8*uint32(p.Threads):
		return fmt.Errorf("m=%d KiB is less than 8 KiB per lane: %w", p.Memory, ErrKDFParams)
	}
	return nil
}

// deriveKEK runs Argon2id. Callers check p first.
func (p KDFParams) deriveKEK(passphrase []byte) []byte {
	return argon2.IDKey(passphrase, p.Salt, p.Time, p.Memory, p.Threads, kekSize)
}

func (p KDFParams) marshal() []byte {
	b, _ := json.Marshal(p) // a struct of plain fields always marshals
	return b
}

func parseKDF(b []byte) (KDFParams, error) {
	var p KDFParams
	if err := json.Unmarshal(b, &p); err != nil {
		return p, fmt.Errorf("kdf header: %v: %w", err, ErrNotVault)
	}
	return p, p.check()
}
