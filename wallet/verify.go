package wallet

import (
	"context"
	"crypto"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/satchel-wallet/satchel/wallet/credential"
	"github.com/satchel-wallet/satchel/wallet/did"
	"github.com/satchel-wallet/satchel/wallet/jsonld"
	"github.com/satchel-wallet/satchel/wallet/ldp"
	"github.com/satchel-wallet/satchel/wallet/trust"
)

// DefaultMaxBytes is the largest input Satchel reads: 4 MiB. Real
// credentials are a few kilobytes; sealed EDCs with embedded images reach a
// few hundred. The limit is a setting.
const DefaultMaxBytes = 4 << 20

// Fetcher fetches a document from the network. Verification uses one only
// when the learner allowed network checks.
type Fetcher = did.Fetcher

// Checker verifies credentials of every supported format: it reads the
// input, lets the format make its own checks (format, proof, accreditation)
// and adds the checks that concern the wallet (holder, validity, status,
// issuer). It never stores anything. A Checker is safe for concurrent use
// once built.
type Checker struct {
	// Holders are the learner's profiles, for the holder check.
	Holders []Holder
	// holderKeys are the public keys of Holders, by DID.
	holderKeys map[string]crypto.PublicKey
	// Trust is the learner's trust list, for the issuer check; nil means
	// an empty list.
	Trust *trust.List
	// Online allows network checks: did:web keys, status lists, hosted
	// badges. Off by default.
	Online bool
	// Fetcher does the network access when Online; nil means none.
	Fetcher Fetcher
	// Now is the time validity is judged at; zero means the current time.
	Now time.Time
	// MaxBytes bounds the input; zero means DefaultMaxBytes.
	MaxBytes int

	ldp *ldp.Verifier
}

// NewChecker returns a Checker for holders with the bundled JSON-LD
// contexts.
func NewChecker(holders []Holder) (*Checker, error) {
	proc, err := jsonld.Default()
	if err != nil {
		return nil, fmt.Errorf("json-ld processor: %w", err)
	}
	c := &Checker{Holders: holders, holderKeys: map[string]crypto.PublicKey{}}
	for _, h := range holders {
		if pub, err := did.ParseKey(h.DID); err == nil {
			c.holderKeys[h.DID] = pub
		}
	}
	c.ldp = &ldp.Verifier{Processor: proc, Resolver: c.resolver()}
	return c, nil
}

// resolver returns the key resolver: did:key and did:jwk always, did:web
// only when network checks are allowed.
func (c *Checker) resolver() ldp.KeyResolver { return ldpResolver{c} }

// didResolver resolves DIDs, going online only when allowed.
func (c *Checker) didResolver() *did.Resolver {
	if c.Online && c.Fetcher != nil {
		return did.NewResolver(c.Fetcher)
	}
	return &did.Resolver{}
}

// ldpResolver adapts the DID resolver to package ldp. It is evaluated per
// call so that Online and Fetcher may be set after NewChecker.
type ldpResolver struct{ c *Checker }

func (r ldpResolver) ResolveKey(ctx context.Context, vm string) (*ldp.Key, error) {
	if strings.HasPrefix(vm, "https://") {
		return r.c.resolveHTTPS(ctx, vm)
	}
	k, err := r.c.didResolver().ResolveMethod(ctx, vm, "")
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ldp.ErrKeyNotResolved, err)
	}
	return &ldp.Key{ID: k.ID, Controller: k.Controller, PublicKey: k.Key, Purposes: k.Purposes}, nil
}

func (c *Checker) now() time.Time {
	if c.Now.IsZero() {
		return time.Now()
	}
	return c.Now
}

func (c *Checker) maxBytes() int {
	if c.MaxBytes <= 0 {
		return DefaultMaxBytes
	}
	return c.MaxBytes
}

// Verified is the outcome of reading and verifying one input.
type Verified struct {
	// Credential is the normalised credential with its verification; its
	// ID is set. For a rejected input only the verification is filled.
	Credential credential.Credential
	// Original is the input exactly as read.
	Original []byte
	// Presentation is set when the input was a presentation; Embedded then
	// holds the credentials it carried, each verified in its own right.
	Presentation bool
	Embedded     []*Verified
	// reading keeps the format's findings for the wallet's own checks.
	reading *credential.Reading
}

// errReject marks input that is not a credential at all or breaks a limit.
type errReject struct {
	code   string
	args   map[string]string
	detail string
}

func (e *errReject) Error() string { return credential.Render(e.code, e.args) }

func reject(code string, args map[string]string, detail string) error {
	return &errReject{code: code, args: args, detail: detail}
}

// Verify reads and verifies one input without storing it. It never returns
// an error: a refused input is a Verified whose verdict is Rejected, with
// the format check saying why.
func (c *Checker) Verify(ctx context.Context, data []byte) *Verified {
	v := &Verified{Original: data}
	reading, err := c.read(ctx, data)
	if err != nil {
		var rej *errReject
		if !errors.As(err, &rej) {
			rej = &errReject{code: "format.unknown", detail: err.Error()}
		}
		v.Credential.Verification.Reject(rej.code, rej.args, rej.detail)
		v.Credential.Verification.CheckedAt = c.now().UTC()
		return v
	}
	v.reading = reading
	v.Credential = reading.Credential
	v.Credential.ID = credential.Fingerprint(v.Credential.Format, reading.Identity)
	ver := credential.Verification{Checks: reading.Checks, CheckedAt: c.now().UTC(), Online: c.Online}
	if !c.isPresentation(reading) {
		ver.Checks = append(ver.Checks, c.walletChecks(ctx, reading)...)
	}
	for i, ch := range ver.Checks {
		if ch.Check == credential.CheckProof && ch.Status == credential.OK {
			ver.Signer = ch.Args["Signer"]
			if t, err := time.Parse(time.RFC3339, ch.Args["SignedAt"]); err == nil {
				ver.SignedAt = t.UTC()
			}
			ver.Checks[i] = nameSigner(ch, &v.Credential.Issuer)
		}
	}
	ver.Decide()
	v.Credential.Verification = ver
	for _, e := range reading.Embedded {
		v.Presentation = true
		v.Embedded = append(v.Embedded, c.Verify(ctx, e))
	}
	return v
}

// nameSigner puts the issuer's name beside the signer's identifier in a
// proof message when the signer is the issuer: "Tallinn Digital Skills
// Academy (did:key:z6Mk...)" says more to a learner than a DID.
func nameSigner(ch credential.Check, issuer *credential.Party) credential.Check {
	signer := ch.Args["Signer"]
	name := issuer.Name.In("en")
	if signer == "" || signer != issuer.ID || name == "" {
		return ch
	}
	args := make(map[string]string, len(ch.Args))
	for k, v := range ch.Args {
		args[k] = v
	}
	args["Signer"] = name + " (" + signer + ")"
	return credential.NewCheck(ch.Check, ch.Status, ch.Code, args, ch.Detail)
}

// isPresentation reports whether the reading is a presentation, or another
// container such as a baked image carrying an Open Badges 3.0 credential,
// rather than a credential; containers get no holder, validity, status or
// issuer checks of their own (their credentials do).
func (c *Checker) isPresentation(r *credential.Reading) bool {
	if len(r.Embedded) > 0 {
		return true
	}
	for _, t := range r.Credential.Types {
		if t == "VerifiablePresentation" || t == "EuropeanDigitalPresentation" {
			return true
		}
	}
	return false
}
