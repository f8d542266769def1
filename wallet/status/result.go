package status

import (
	"context"
	"crypto"
	"time"

	"github.com/satchel-wallet/satchel/wallet/credential"
	"github.com/satchel-wallet/satchel/wallet/ldp"
)

// Options says how [Check] may reach and verify status lists.
type Options struct {
	// Fetcher fetches lists. Nil keeps the check offline: it is skipped
	// with code status.offline, and nothing is fetched.
	Fetcher Fetcher
	// Verifier checks the Data Integrity proof of W3C status list
	// credentials. Nil means an offline ldp.Verifier (bundled contexts,
	// did:key and did:jwk); a list signed with a did:web key needs one
	// whose resolver may go online.
	Verifier *ldp.Verifier
	// TokenKey finds the key that signs an issuer's Status List Tokens.
	// Nil means Token Status Lists cannot be verified (status.unverified).
	TokenKey TokenKeyFunc
	// AcceptListIssuer decides whether a list issued by someone other
	// than the credential's issuer may speak for it. The W3C
	// specification allows the two to differ (a university's faculties
	// sharing one list, a registry revoking for its members); whom to
	// believe is the verifier's choice. Nil accepts only the credential's
	// own issuer. The wallet can answer from the learner's trust list.
	AcceptListIssuer func(listIssuer, credentialIssuer string) bool
	// Now is the time the lists' validity is judged at; zero means the
	// current time.
	Now time.Time
}

// TokenKeyFunc returns the public key (ed25519.PublicKey, *ecdsa.PublicKey
// or *rsa.PublicKey) with which issuer signs Status List Tokens; kid is
// the token header's key id, possibly empty. The algorithm is fixed by the
// key's type (see jose.Algorithms), never by the token.
type TokenKeyFunc func(ctx context.Context, issuer, kid string) (crypto.PublicKey, error)

// State is what a status list says about one credential.
type State int

// The states. Unknown means the list could not be read at all.
const (
	Unknown State = iota
	// Valid: the credential's entry is clear (0).
	Valid
	// Revoked: the revocation bit is set, or a Token Status List says
	// INVALID (0x01).
	Revoked
	// Suspended: the suspension bit is set, or a Token Status List says
	// SUSPENDED (0x02).
	Suspended
	// Other: a Token Status List value with no meaning Satchel knows
	// (0x03, application-specific, or a reserved value).
	Other
)

// String names the state in lower case, for details and logs.
func (s State) String() string {
	switch s {
	case Valid:
		return "valid"
	case Revoked:
		return "revoked"
	case Suspended:
		return "suspended"
	case Other:
		return "other"
	}
	return "unknown"
}

// Result is the outcome of one status entry.
type Result struct {
	// Entry is the entry checked.
	Entry credential.StatusEntry
	// State is what the list says, even when it is not Verified; Unknown
	// when it could not be read.
	State State
	// Value is the raw entry value (a bit, or a Token Status List value).
	Value uint8
	// Verified is true when the list's proof or signature verified and its
	// issuer was accepted: only then does State decide anything.
	Verified bool
	// ListIssuer is the issuer the list names (its proof's controller, or
	// the token's iss), when read.
	ListIssuer string
	// Err says why State is Unknown or Verified is false; it wraps one of
	// the sentinels (ErrUnverified around the ldp or jose cause).
	Err error
}
