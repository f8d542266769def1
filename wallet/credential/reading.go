package credential

import (
	"crypto"
	"crypto/sha256"
	"encoding/hex"
)

// Reading is what a format reader makes of one input: the normalised
// credential as far as the format allows, the checks the format itself can
// make (format, proof and, for EDCs, accreditation), and what the wallet
// needs for the checks it adds.
type Reading struct {
	// Credential is the normalised view; ID, Added and Verification are
	// filled by the wallet.
	Credential Credential
	// Checks are the format's own checks.
	Checks []Check
	// Subjects are the identifiers the credential was issued to (subject
	// ids, sub claims), for the holder check.
	Subjects []string
	// HolderKey is the key the credential is bound to (an SD-JWT's cnf),
	// if any.
	HolderKey crypto.PublicKey
	// Signer is the identifier whose key made the proof (a DID, a
	// certificate subject), for the issuer check; empty if unsigned.
	Signer string
	// SignerNames are names under which the signer may be on a trust list:
	// the certificate's organisation, a domain.
	SignerNames []string
	// Status lists the revocation or suspension entries the credential
	// points at.
	Status []StatusEntry
	// Identity is what makes this credential this credential: its
	// signature or seal, or for unsigned ones its canonical content. The
	// wallet derives the credential id from it.
	Identity []byte
	// Embedded are credentials carried inside a presentation, each in its
	// original encoding, for the wallet to read in turn.
	Embedded [][]byte
}

// StatusEntry is one credentialStatus entry: where the status list is and
// which bit is this credential's.
type StatusEntry struct {
	// Type is the entry type, e.g. "BitstringStatusListEntry".
	Type string `json:"type"`
	// Purpose is "revocation", "suspension" or another purpose.
	Purpose string `json:"purpose,omitempty"`
	// ListURL is the status list credential's URL.
	ListURL string `json:"listUrl"`
	// Index is the credential's position in the list.
	Index int `json:"index"`
}

// Fingerprint returns the id the wallet gives a credential with the given
// identity bytes and format: the hex SHA-256 of both, so equal credentials
// get equal ids whatever their formatting.
func Fingerprint(f Format, identity []byte) string {
	h := sha256.New()
	h.Write([]byte(f))
	h.Write([]byte{0})
	h.Write(identity)
	return hex.EncodeToString(h.Sum(nil))
}
