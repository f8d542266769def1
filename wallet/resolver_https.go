package wallet

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/satchel-wallet/satchel/wallet/did"
	"github.com/satchel-wallet/satchel/wallet/jsonld"
	"github.com/satchel-wallet/satchel/wallet/ldp"
)

// maxKeyDocument bounds a fetched issuer or key document: a profile with a
// few keys is a few kilobytes.
const maxKeyDocument = 256 << 10

// resolveHTTPS resolves a verification method published at an https
// address, as Open Badges 3.0 allows: the address without its fragment
// names a document (an issuer profile, a controller document, or the key
// itself) in which the method is found by its id. It needs the network,
// so offline it fails with did.ErrNeedsNetwork. A key written into the
// address itself (a multibase fragment) is never taken on trust: only the
// issuer's own document says which key is theirs.
func (c *Checker) resolveHTTPS(ctx context.Context, vm string) (*ldp.Key, error) {
	base, frag, _ := strings.Cut(vm, "#")
	if !c.Online || c.Fetcher == nil {
		return nil, fmt.Errorf("%w: the key %s is published on the web: %w", ldp.ErrKeyNotResolved, vm, did.ErrNeedsNetwork)
	}
	data, err := c.Fetcher.Fetch(ctx, base)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ldp.ErrKeyNotResolved, err)
	}
	doc, err := jsonld.ParseObject(data, maxKeyDocument)
	if err != nil {
		return nil, fmt.Errorf("%w: the document at %s: %w", ldp.ErrKeyNotResolved, base, err)
	}
	docID, _ := doc["id"].(string)
	matches := func(m map[string]any) bool {
		id, _ := m["id"].(string)
		return id == vm || (frag != "" && (id == "#"+frag || (docID == base && id == docID+"#"+frag)))
	}
	var found map[string]any
	var purposes []string
	if matches(doc) {
		found = doc
		purposes = []string{ldp.PurposeAssertion, ldp.PurposeAuthentication}
	}
	for _, rel := range []string{"verificationMethod", ldp.PurposeAssertion, ldp.PurposeAuthentication} {
		for _, e := range asList(doc[rel]) {
			switch m := e.(type) {
			case map[string]any:
				if matches(m) {
					found = m
					if rel != "verificationMethod" {
						purposes = append(purposes, rel)
					}
				}
			case string:
				if m == vm || m == "#"+frag {
					purposes = append(purposes, rel)
				}
			}
		}
	}
	if found == nil {
		return nil, fmt.Errorf("%w: %s is not in the document at %s", ldp.ErrKeyNotResolved, vm, base)
	}
	key, err := methodKey(found)
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %w", ldp.ErrKeyNotResolved, vm, err)
	}
	controller, _ := found["controller"].(string)
	if controller == "" {
		controller = docID
	}
	return &ldp.Key{ID: vm, Controller: controller, PublicKey: key, Purposes: purposes}, nil
}

// methodKey reads the public key of a verification method object.
func methodKey(m map[string]any) (any, error) {
	if mb, ok := m["publicKeyMultibase"].(string); ok {
		return did.ParseMultibase(mb)
	}
	if jwk, ok := m["publicKeyJwk"].(map[string]any); ok {
		data, err := json.Marshal(jwk)
		if err != nil {
			return nil, err
		}
		k, err := did.ParsePublicJWK(data)
		if err != nil {
			return nil, err
		}
		return k.Key, nil
	}
	return nil, fmt.Errorf("no publicKeyMultibase or publicKeyJwk")
}
