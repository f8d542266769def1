package ldp

import (
	"context"
	"crypto"
	"encoding/json"
	"fmt"
	"maps"
	"reflect"

	"github.com/gowebpki/jcs"

	"github.com/satchel-wallet/satchel/wallet/jsonld"
	"github.com/satchel-wallet/satchel/wallet/rdfc"
)

// canonicalizer turns documents and proof options into the bytes a suite
// hashes, remembering the document's form so that the proofs of one proof
// set, which all sign the same unsecured document, canonicalise it once.
type canonicalizer struct {
	proc *jsonld.Processor
	docs map[docKey][]byte
}

type docKey struct {
	jcs      bool
	hash     crypto.Hash
	previous string // the previousProof ids, joined; "" for none
}

// canonical returns canonical bytes of v with the suite's method.
func (c *canonicalizer) canonical(ctx context.Context, s suite, h crypto.Hash, v map[string]any) ([]byte, error) {
	if s.jcs {
		b, err := json.Marshal(v)
		if err != nil {
			return nil, fmt.Errorf("ldp: %w: %v", ErrCanonicalization, err)
		}
		if b, err = jcs.Transform(b); err != nil {
			return nil, fmt.Errorf("ldp: %w: jcs: %v", ErrCanonicalization, err)
		}
		return b, nil
	}
	// RDFC-1.0 uses the suite's hash to label blank nodes: SHA-384 for
	// ecdsa-rdfc-2019 with P-384, as that suite prescribes, else SHA-256.
	res, err := c.proc.Canonicalize(ctx, v, rdfc.Options{Hash: h})
	if err != nil {
		return nil, fmt.Errorf("ldp: %w: %w", ErrCanonicalization, err)
	}
	return res.NQuads, nil
}

// signingInput computes hash(canonical proof options) || hash(canonical
// document) for one proof. unsecured is the document without the proofs
// (with the previous proofs for a proof chain); options is the proof
// without its proofValue. Neither is modified.
func (c *canonicalizer) signingInput(ctx context.Context, s suite, h crypto.Hash, unsecured, options map[string]any, key docKey) ([]byte, error) {
	config := maps.Clone(options)
	if s.jcs {
		// vc-di-eddsa and vc-di-ecdsa (JCS): proof options with an @context
		// must list a prefix of the document's contexts, and then stand in
		// for them.
		if pc, ok := config["@context"]; ok {
			if !contextPrefix(pc, unsecured["@context"]) {
				return nil, fmt.Errorf("ldp: the proof's @context is not a prefix of the document's: %w", ErrMalformedProof)
			}
			unsecured = maps.Clone(unsecured)
			unsecured["@context"] = pc
		}
	}
	if dc, ok := unsecured["@context"]; ok {
		config["@context"] = dc
	} else if !s.jcs {
		return nil, fmt.Errorf("ldp: the document has no @context: %w", ErrCanonicalization)
	}
	proofCanon, err := c.canonical(ctx, s, h, config)
	if err != nil {
		return nil, err
	}
	key.jcs, key.hash = s.jcs, h
	docCanon, ok := c.docs[key]
	if !ok || s.jcs {
		if docCanon, err = c.canonical(ctx, s, h, unsecured); err != nil {
			return nil, err
		}
		if !s.jcs {
			c.docs[key] = docCanon
		}
	}
	return hashData(h, proofCanon, docCanon), nil
}

// contextPrefix reports whether the contexts of prefix start the list of
// doc, in order.
func contextPrefix(prefix, doc any) bool {
	p, d := asList(prefix), asList(doc)
	return len(p) <= len(d) && reflect.DeepEqual(p, d[:len(p)])
}
