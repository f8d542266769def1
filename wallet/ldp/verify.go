package ldp

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/satchel-wallet/satchel/wallet/jsonld"
)

// Verifier checks the Data Integrity proofs of credentials and
// presentations. The zero value verifies offline with the bundled contexts
// and did:key; set Resolver to add other DID methods. A Verifier is safe for
// concurrent use.
type Verifier struct {
	// Processor does the JSON-LD work; nil means jsonld.Default().
	Processor *jsonld.Processor
	// Resolver finds the keys of verification methods; nil means
	// [OfflineResolver].
	Resolver KeyResolver
}

// Options says what a verifier expects of the proofs.
type Options struct {
	// Purpose is the proofPurpose every proof must have: [PurposeAssertion]
	// (the default) for credentials, [PurposeAuthentication] for
	// presentations.
	Purpose string
	// Challenge, when set, must equal each proof's challenge (the nonce a
	// verifier gave the holder).
	Challenge string
	// Domain, when set, must be among each proof's domains.
	Domain string
}

// Result is the outcome of one proof of a document.
type Result struct {
	// Index is the proof's position in the document's proof list.
	Index int
	// Type is the proof type, e.g. "DataIntegrityProof".
	Type string
	// Cryptosuite is the cryptosuite of a DataIntegrityProof, or the proof
	// type of a legacy proof such as Ed25519Signature2020.
	Cryptosuite string
	// ID is the proof's id, if it has one.
	ID string
	// VerificationMethod is the key the proof names.
	VerificationMethod string
	// Controller is the key's controller as the resolver found it (the
	// issuer's DID for a credential); empty if the key was not resolved.
	Controller string
	// Created is the proof's creation time; zero if it has none.
	Created time.Time
	// Purpose is the proofPurpose.
	Purpose string
	// Challenge is an authentication proof's challenge (nonce).
	Challenge string
	// Domain lists an authentication proof's domains (audiences).
	Domain []string
	// Expires is when the proof says it stops being valid; zero if it does
	// not say. Verify reports it and does not judge it: the time to judge
	// it at is the caller's.
	Expires time.Time
	// Err is nil if the proof verified, else a [*ProofError] saying why not.
	Err error
}

// Verified reports whether the proof verified.
func (r Result) Verified() bool { return r.Err == nil }

// Verify checks every proof of doc (a credential or presentation as parsed
// by jsonld.ParseObject) and returns one Result per proof, in order. The
// error is nil only if there is at least one proof and every proof
// verified; otherwise it is [ErrNoProof] or the first failed proof's error.
// Callers that accept a document when some proofs are of an unsupported
// kind decide that from the results. doc is not modified.
//
// A proof is checked as Data Integrity prescribes: its purpose (and, when
// the options ask, challenge and domain), then its key through the
// resolver, which must be authorised for the purpose by its controller, then
// the signature over the canonical proof options and document. Proofs of a
// proof set sign the document without the other proofs; a proof with
// previousProof signs it with the proofs it names (a proof chain).
func (v *Verifier) Verify(ctx context.Context, doc map[string]any, opts Options) ([]Result, error) {
	proc, err := v.processor()
	if err != nil {
		return nil, err
	}
	raw, ok := doc["proof"]
	if !ok || raw == nil {
		return nil, fmt.Errorf("ldp: %w", ErrNoProof)
	}
	all := asList(raw)
	if len(all) == 0 {
		return nil, fmt.Errorf("ldp: empty proof list: %w", ErrNoProof)
	}
	if opts.Purpose == "" {
		opts.Purpose = PurposeAssertion
	}
	unsecured := maps.Clone(doc)
	delete(unsecured, "proof")
	c := &canonicalizer{proc: proc, docs: make(map[docKey][]byte)}
	results := make([]Result, len(all))
	var first error
	for i, pv := range all {
		results[i] = v.verifyOne(ctx, c, unsecured, all, i, pv, opts)
		if err := results[i].Err; err != nil && first == nil {
			first = err
		}
	}
	return results, first
}

func (v *Verifier) verifyOne(ctx context.Context, c *canonicalizer, unsecured map[string]any, all []any, i int, pv any, opts Options) Result {
	p, err := readProof(pv)
	r := Result{Index: i}
	if p != nil {
		r.Type, r.Cryptosuite, r.ID = p.typ, p.cryptosuite, p.id
		r.VerificationMethod, r.Created, r.Purpose = p.verificationMethod, p.created, p.purpose
		r.Challenge, r.Domain, r.Expires = p.challenge, p.domain, p.expires
		if p.typ != TypeDataIntegrity {
			r.Cryptosuite = p.typ
		}
	}
	if err == nil {
		r.Controller, err = v.check(ctx, c, unsecured, all, p, opts)
	}
	if err != nil {
		r.Err = &ProofError{Index: i, Type: r.Type, Cryptosuite: r.Cryptosuite, VerificationMethod: r.VerificationMethod, Err: err}
	}
	return r
}

// check verifies one proof and returns the key's controller.
func (v *Verifier) check(ctx context.Context, c *canonicalizer, unsecured map[string]any, all []any, p *proof, opts Options) (string, error) {
	s, err := lookupSuite(p.typ, p.cryptosuite)
	if err != nil {
		return "", err
	}
	if p.purpose != opts.Purpose {
		return "", fmt.Errorf("ldp: proofPurpose %q, expected %q: %w", p.purpose, opts.Purpose, ErrPurposeMismatch)
	}
	if opts.Challenge != "" && p.challenge != opts.Challenge {
		return "", fmt.Errorf("ldp: challenge %q, expected %q: %w", p.challenge, opts.Challenge, ErrChallengeMismatch)
	}
	if opts.Domain != "" && !slices.Contains(p.domain, opts.Domain) {
		return "", fmt.Errorf("ldp: domain %q, expected %q: %w", p.domain, opts.Domain, ErrDomainMismatch)
	}
	if p.typ == TypeEd25519Signature2020 && p.created.IsZero() {
		return "", fmt.Errorf("ldp: Ed25519Signature2020 proof without created: %w", ErrMalformedProof)
	}
	sig, err := decodeProofValue(p.value)
	if err != nil {
		return "", err
	}
	if p.verificationMethod == "" {
		return "", fmt.Errorf("ldp: proof has no verificationMethod: %w", ErrMalformedProof)
	}
	key, err := v.resolver().ResolveKey(ctx, p.verificationMethod)
	if err != nil {
		if !errors.Is(err, ErrKeyNotResolved) && !errors.Is(err, ErrInvalidKey) {
			err = fmt.Errorf("%w: %w", ErrKeyNotResolved, err)
		}
		return "", err
	}
	if !key.Authorizes(opts.Purpose) {
		return key.Controller, fmt.Errorf("ldp: %s does not authorise the key for %s: %w", short(key.Controller), opts.Purpose, ErrPurposeMismatch)
	}
	h, err := s.hashFor(key.PublicKey)
	if err != nil {
		return key.Controller, err
	}
	doc, dk, err := withPrevious(unsecured, all, p)
	if err != nil {
		return key.Controller, err
	}
	options := maps.Clone(p.raw)
	delete(options, "proofValue")
	data, err := c.signingInput(ctx, s, h, doc, options, dk)
	if err != nil {
		return key.Controller, err
	}
	if !verifySignature(key.PublicKey, h, data, sig) {
		return key.Controller, fmt.Errorf("ldp: %w", ErrSignatureMismatch)
	}
	return key.Controller, nil
}

// withPrevious returns the document a proof signs: for a proof chain, the
// unsecured document with the proofs its previousProof names.
func withPrevious(unsecured map[string]any, all []any, p *proof) (map[string]any, docKey, error) {
	if len(p.previous) == 0 {
		return unsecured, docKey{}, nil
	}
	var matching []any
	for _, id := range p.previous {
		found := false
		for _, q := range all {
			if m, ok := q.(map[string]any); ok && m["id"] == id {
				matching = append(matching, q)
				found = true
				break
			}
		}
		if !found {
			return nil, docKey{}, fmt.Errorf("ldp: previousProof %q: %w", id, ErrPreviousProof)
		}
	}
	doc := maps.Clone(unsecured)
	doc["proof"] = matching
	return doc, docKey{previous: strings.Join(p.previous, " ")}, nil
}

func (v *Verifier) processor() (*jsonld.Processor, error) {
	if v.Processor != nil {
		return v.Processor, nil
	}
	return jsonld.Default()
}

func (v *Verifier) resolver() KeyResolver {
	if v.Resolver != nil {
		return v.Resolver
	}
	return OfflineResolver()
}
