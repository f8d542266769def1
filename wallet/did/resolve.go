package did

import (
	"context"
	"crypto"
	"errors"
	"fmt"
	"strings"
)

// Errors of DID resolution, beside [ErrMalformed] and [ErrUnsupportedKey]
// (key.go), which resolution returns too.
var (
	// ErrNeedsNetwork means the DID can only be resolved by fetching its
	// document (did:web) and the [Resolver] was given no [Fetcher].
	// Verification is offline by default; a caller that gets this error can
	// ask the learner whether to go online.
	ErrNeedsNetwork = errors.New("resolving this DID needs the network")

	// ErrKeyNotFound means the DID resolved but has no usable verification
	// method of the id asked for (or, given a bare DID, not exactly one).
	ErrKeyNotFound = errors.New("verification method not found")

	// ErrUnsupportedMethod means the DID uses a method Satchel does not
	// resolve (only did:key, did:jwk and did:web are).
	ErrUnsupportedMethod = errors.New("unsupported DID method")

	// ErrBadDocument means a DID document is not valid JSON, is too large,
	// is not the document of the DID asked for, or holds a malformed key.
	ErrBadDocument = errors.New("malformed DID document")

	// ErrFetch means a DID document could not be fetched: a network error,
	// an HTTP status other than 200, or no such document in a
	// [StaticFetcher].
	ErrFetch = errors.New("DID document not available")
)

// Fetcher fetches a DID document from its HTTPS address. fetch.HTTP
// fetches over the network; [StaticFetcher] serves documents held in
// memory. A Fetcher is the only way package did goes online.
type Fetcher interface {
	// Fetch returns the document at url, or an error wrapping [ErrFetch]
	// (or [ErrBadDocument] when it is too large).
	Fetch(ctx context.Context, url string) ([]byte, error)
}

// KeyResolver finds the public key of a verification method. [Resolver]
// implements it; verifiers of signed credentials and presentations take
// one, so that tests and other resolution policies can stand in.
type KeyResolver interface {
	// ResolveKey returns the public key named by id (a DID URL with a
	// fragment, or a DID with exactly one usable key) and the DID that
	// controls it.
	ResolveKey(ctx context.Context, id string) (key crypto.PublicKey, controller string, err error)
}

var _ KeyResolver = (*Resolver)(nil)

// Resolver resolves DIDs to keys: did:key and did:jwk from the identifier
// itself, did:web through its Fetcher. The zero value is ready to use and
// never goes online: did:web then fails with [ErrNeedsNetwork].
type Resolver struct {
	// Fetcher fetches did:web documents; nil keeps resolution offline.
	Fetcher Fetcher
}

// NewResolver returns a Resolver that fetches did:web documents with f;
// a nil f keeps it offline.
func NewResolver(f Fetcher) *Resolver {
	return &Resolver{Fetcher: f}
}

// ResolveKey implements [KeyResolver] over [Resolver.ResolveMethod], for
// any purpose.
func (r *Resolver) ResolveKey(ctx context.Context, id string) (crypto.PublicKey, string, error) {
	k, err := r.ResolveMethod(ctx, id, "")
	if err != nil {
		return nil, "", err
	}
	return k.Key, k.Controller, nil
}

// ResolveMethod returns the verification method id names. id is a DID URL
// with a fragment, or a bare DID, which names the DID's one key (for
// did:web: its one key for purpose, or its one key at all). A non-empty
// purpose ([PurposeAssertion], [PurposeAuthentication]) requires the key to
// be listed under that relationship; did:key and did:jwk keys are listed
// under all of them.
func (r *Resolver) ResolveMethod(ctx context.Context, id, purpose string) (*DocumentKey, error) {
	base, frag, hasFrag := strings.Cut(id, "#")
	switch {
	case strings.HasPrefix(base, KeyPrefix):
		pub, err := ParseKey(base)
		if err != nil {
			return nil, err
		}
		vm := KeyID(base)
		if hasFrag && base+"#"+frag != vm {
			return nil, fmt.Errorf("%s (a did:key has only #%s): %w", shorten(id), shorten(strings.TrimPrefix(vm, base+"#")), ErrKeyNotFound)
		}
		return &DocumentKey{ID: vm, Type: "Multikey", Controller: base, Key: pub, Purposes: allPurposes()}, nil
	case strings.HasPrefix(base, JWKPrefix):
		pub, err := ParseJWK(id)
		if err != nil {
			return nil, err
		}
		return &DocumentKey{ID: JWKKeyID(base), Type: "JsonWebKey2020", Controller: base, Key: pub, Purposes: allPurposes()}, nil
	case strings.HasPrefix(base, WebPrefix):
		return r.resolveWeb(ctx, base, frag, hasFrag, purpose)
	case strings.HasPrefix(base, "did:"):
		method, _, _ := strings.Cut(strings.TrimPrefix(base, "did:"), ":")
		return nil, fmt.Errorf("did:%s: %w", shorten(method), ErrUnsupportedMethod)
	}
	return nil, fmt.Errorf("%q is not a DID: %w", shorten(id), ErrMalformed)
}

func (r *Resolver) resolveWeb(ctx context.Context, did, frag string, hasFrag bool, purpose string) (*DocumentKey, error) {
	url, err := WebURL(did)
	if err != nil {
		return nil, err
	}
	if r == nil || r.Fetcher == nil {
		return nil, fmt.Errorf("%s is published at %s: %w", shorten(did), url, ErrNeedsNetwork)
	}
	data, err := r.Fetcher.Fetch(ctx, url)
	if err != nil {
		if !errors.Is(err, ErrFetch) {
			err = fmt.Errorf("%w: %w", ErrFetch, err)
		}
		return nil, fmt.Errorf("resolve %s: %w", shorten(did), err)
	}
	keys, err := ParseDocument(did, data)
	if err != nil {
		return nil, fmt.Errorf("resolve %s: %w", shorten(did), err)
	}
	if hasFrag {
		want := did + "#" + frag
		for i := range keys {
			if keys[i].ID != want {
				continue
			}
			if purpose != "" && !contains(keys[i].Purposes, purpose) {
				return nil, fmt.Errorf("%s is not listed for %s: %w", shorten(want), purpose, ErrKeyNotFound)
			}
			return &keys[i], nil
		}
		return nil, fmt.Errorf("%s: %w", shorten(want), ErrKeyNotFound)
	}
	var found []*DocumentKey
	for i := range keys {
		if purpose == "" || contains(keys[i].Purposes, purpose) {
			found = append(found, &keys[i])
		}
	}
	if len(found) != 1 {
		return nil, fmt.Errorf("%s has %d usable keys and none was named: %w", shorten(did), len(found), ErrKeyNotFound)
	}
	return found[0], nil
}

func allPurposes() []string {
	return []string{PurposeAssertion, PurposeAuthentication, "capabilityInvocation", "capabilityDelegation"}
}

// StaticFetcher serves DID documents held in memory, keyed by the HTTPS
// address [WebURL] gives for their DID. It resolves did:web offline: in
// tests, and for documents the learner saved or a trust list ships.
type StaticFetcher map[string][]byte

var _ Fetcher = StaticFetcher(nil)

// Add stores the document of a did:web under its address.
func (s StaticFetcher) Add(did string, doc []byte) error {
	url, err := WebURL(did)
	if err != nil {
		return err
	}
	s[url] = doc
	return nil
}

// Fetch returns the document stored for url, or an error wrapping
// [ErrFetch].
func (s StaticFetcher) Fetch(_ context.Context, url string) ([]byte, error) {
	if doc, ok := s[url]; ok {
		return doc, nil
	}
	return nil, fmt.Errorf("no stored document for %s: %w", url, ErrFetch)
}
