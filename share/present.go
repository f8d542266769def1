package share

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"time"

	"github.com/satchel-wallet/satchel/wallet"
	"github.com/satchel-wallet/satchel/wallet/credential"
)

// DefaultExpiry is how long a presentation stays valid when
// [Options.Expires] is zero: long enough for a verifier to check one sent
// by e-mail the same day, short enough that a copy that leaks does not
// serve for long. It is a setting; the verifier's challenge does the rest.
const DefaultExpiry = 24 * time.Hour

// maxExpiry bounds [Options.Expires]: a presentation is an answer to one
// request, not a credential, and one valid for more than a year is a
// mistake in the setting.
const maxExpiry = 366 * 24 * time.Hour

// Item is one credential chosen for a presentation, as the wallet holds
// it: the normalised view (its ID and Format are used) and the original
// bytes, which go into the presentation unchanged.
type Item struct {
	Credential credential.Credential
	Original   []byte
}

// Summary describes a stack presented as a whole: its name and totals. It
// is the holder's statement, signed with the presentation, not the
// issuers'; a verifier recomputes it from the credentials.
type Summary struct {
	// Name is the stack's name, e.g. "30 ECTS at EQF 6 in ICT".
	Name string `json:"name"`
	// ECTS is the total of ECTS credits; zero when none is stated.
	ECTS float64 `json:"totalEcts,omitempty"`
	// Hours is the total workload in hours; zero when none is stated.
	Hours float64 `json:"totalHours,omitempty"`
	// Credentials is the number of credentials in the stack.
	Credentials int `json:"credentialCount"`
}

// summaryMember is the name the summary goes under: a claim of a VP-JWT, a
// member of a VC 2.0 presentation.
const summaryMember = "stackSummary"

// undefinedTerm is the namespace the W3C gives terms that no vocabulary
// defines (the VC 2.0 "undefined terms" context maps every such term into
// it). The final VC 2.0 context has no @vocab, so JSON-LD safe mode would
// refuse the summary's terms; summaryContext defines them inline, which
// every JSON-LD processor reads offline, instead of naming the undefined
// terms context by URL, which neither Satchel's bundled contexts nor the
// common document loaders hold.
const undefinedTerm = "https://www.w3.org/ns/credentials/undefined-term#"

// summaryContext is the @context entry that defines the summary's terms in
// a VC 2.0 presentation ("name" is the VC 2.0 context's schema:name).
var summaryContext = map[string]any{
	summaryMember:     undefinedTerm + summaryMember,
	"totalEcts":       undefinedTerm + "totalEcts",
	"totalHours":      undefinedTerm + "totalHours",
	"credentialCount": undefinedTerm + "credentialCount",
}

// Options say what presentation to make.
type Options struct {
	// Format is the presentation format; see the package documentation for
	// which credentials go in which.
	Format Format
	// Challenge is the verifier's nonce. Required for [FormatSDJWT];
	// optional otherwise, but without one a verifier cannot tell a fresh
	// presentation from a replayed copy.
	Challenge string
	// Domain is the verifier's identifier (the audience). Required for
	// [FormatSDJWT].
	Domain string
	// Expires is how long the presentation stays valid; zero means
	// [DefaultExpiry].
	Expires time.Duration
	// Disclose names the claims of an SD-JWT VC to reveal, as claim names
	// ("grade"), paths ("learning_outcomes[1]", "address.locality") or
	// JSON Pointers ("/grade", the form of credential.Disclosure.Path). A
	// name reveals everything under it. Nothing else is revealed; the
	// claims the issuer made always visible always are. Only for
	// [FormatSDJWT].
	Disclose []string
	// Summary, when set, goes into the presentation where the format
	// allows it without upsetting other verifiers: a claim of a VP-JWT, a
	// member "stackSummary" of a VC 2.0 presentation (JOSE or JSON-LD, with
	// an inline @context defining its terms). It is left out of VC 1.1
	// JSON-LD presentations, whose verifiers expect the VC 1.1 and suite
	// contexts only, and of SD-JWT presentations (one credential, whose
	// claims its issuer signed); [Record.Summary] then stays nil.
	Summary *Summary
	// Now gives the signing time; nil means time.Now. For tests.
	Now func() time.Time
}

// Record describes a presentation that was made, for the presentation log:
// what was shared, when, with whom and in what form, without a second copy
// of the shared values.
type Record struct {
	// ID identifies the presentation: its jti or id; for an SD-JWT, which
	// has none, an id made for the log.
	ID string `json:"id"`
	// Format is the presentation format.
	Format Format `json:"format"`
	// Holder is the DID of the holder who signed it.
	Holder string `json:"holder"`
	// Credentials are the wallet ids of the credentials in it, in order.
	Credentials []string `json:"credentials"`
	// Disclosed are the paths (JSON Pointers, as credential.Disclosure.Path
	// has them) of the SD-JWT claims revealed; empty for other formats,
	// which reveal the whole credential.
	Disclosed []string `json:"disclosed,omitempty"`
	// Audience is the verifier it is addressed to; Challenge the nonce it
	// answers.
	Audience  string `json:"audience,omitempty"`
	Challenge string `json:"challenge,omitempty"`
	// Summary is the stack summary it carries, if any.
	Summary *Summary `json:"summary,omitempty"`
	// Created and Expires bound its validity.
	Created time.Time `json:"created"`
	Expires time.Time `json:"expires"`
}

// Present makes a presentation of items signed by the holder's signer,
// and returns its bytes and the Record to log. Each credential goes in as
// its original; a credential that cannot go in the format is refused
// with an [*IncompatibleError] before anything is signed.
func Present(ctx context.Context, s wallet.Signer, items []Item, opts Options) ([]byte, Record, error) {
	if s == nil {
		return nil, Record{}, fmt.Errorf("no holder signer: %w", ErrOptions)
	}
	if len(items) == 0 {
		return nil, Record{}, ErrNoCredentials
	}
	if _, err := ParseFormat(string(opts.Format)); err != nil {
		return nil, Record{}, err
	}
	if opts.Expires < 0 || opts.Expires > maxExpiry {
		return nil, Record{}, fmt.Errorf("expiry %s (want up to %s): %w", opts.Expires, maxExpiry, ErrOptions)
	}
	if len(opts.Disclose) > 0 && opts.Format != FormatSDJWT {
		return nil, Record{}, fmt.Errorf("claims to disclose given for %s, which reveals whole credentials; only sd-jwt discloses selectively: %w", opts.Format, ErrOptions)
	}
	creds := make([]*prepared, len(items))
	for i, it := range items {
		p, err := prepareFor(it, opts.Format)
		if err != nil {
			return nil, Record{}, err
		}
		creds[i] = p
	}
	now := time.Now
	if opts.Now != nil {
		now = opts.Now
	}
	created := now().UTC().Truncate(time.Second)
	life := opts.Expires
	if life == 0 {
		life = DefaultExpiry
	}
	rec := Record{
		Format:    opts.Format,
		Holder:    s.DID(),
		Audience:  opts.Domain,
		Challenge: opts.Challenge,
		Created:   created,
		Expires:   created.Add(life),
	}
	for _, it := range items {
		rec.Credentials = append(rec.Credentials, it.Credential.ID)
	}
	id, err := newID()
	if err != nil {
		return nil, Record{}, err
	}
	rec.ID = id
	var out []byte
	switch opts.Format {
	case FormatVPJWT, FormatVPJWTV2:
		out, err = presentJWT(s, creds, opts, &rec)
	case FormatLDP:
		out, err = presentLDP(ctx, s, creds, opts, &rec)
	case FormatSDJWT:
		out, err = presentSDJWT(s, creds, opts, &rec)
	}
	if err != nil {
		return nil, Record{}, err
	}
	return out, rec, nil
}

// PresentStored is [Present] over the wallet: the credentials are the
// stored ones with the given ids (or unique id prefixes), signed by the
// profile called holder (the default profile when empty).
func PresentStored(ctx context.Context, w *wallet.Wallet, holder string, ids []string, opts Options) ([]byte, Record, error) {
	s, err := w.Signer(holder)
	if err != nil {
		return nil, Record{}, fmt.Errorf("holder: %w", err)
	}
	items := make([]Item, 0, len(ids))
	for _, id := range ids {
		c, orig, err := w.Credential(id)
		if err != nil {
			return nil, Record{}, fmt.Errorf("credential %s: %w", id, err)
		}
		items = append(items, Item{Credential: c, Original: orig})
	}
	return Present(ctx, s, items, opts)
}

// newID returns a random urn:uuid (version 4) for a presentation.
func newID() (string, error) {
	var u [16]byte
	if _, err := rand.Read(u[:]); err != nil {
		return "", fmt.Errorf("presentation id: %w", err)
	}
	u[6] = u[6]&0x0f | 0x40 // version 4
	u[8] = u[8]&0x3f | 0x80 // RFC 4122 variant
	h := hex.EncodeToString(u[:])
	return "urn:uuid:" + h[:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:], nil
}
