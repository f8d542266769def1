package ldp

import (
	"context"
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"encoding/asn1"
	"fmt"
	"maps"
	"math/big"
	"time"

	"github.com/mr-tron/base58"

	"github.com/satchel-wallet/satchel/wallet/jsonld"
)

// Signer adds Data Integrity proofs to documents: the issuer's to a
// credential, or the holder's to a presentation. It is safe for concurrent
// use if Key is.
type Signer struct {
	// Processor does the JSON-LD work; nil means jsonld.Default().
	Processor *jsonld.Processor
	// Key is an Ed25519 (ed25519.PrivateKey) or ECDSA P-256/P-384 key.
	Key crypto.Signer
	// Message signs instead of Key when Key is nil: a key held elsewhere
	// that signs whole messages, such as the wallet's holder signer.
	Message MessageSigner
	// VerificationMethod is the id of the key's verification method, e.g.
	// did.KeyID(holderDID).
	VerificationMethod string
}

// SignOptions describes the proof to add.
type SignOptions struct {
	// Cryptosuite is one of the cryptosuite constants, or
	// [TypeEd25519Signature2020] for a legacy proof. Empty means
	// [EdDSARDFC2022] for an Ed25519 key and [ECDSARDFC2019] for ECDSA.
	Cryptosuite string
	// Purpose is the proofPurpose; empty means [PurposeAssertion].
	Purpose string
	// Created is the proof's creation time; zero means now. It is written in
	// UTC to the second.
	Created time.Time
	// Challenge and Domain bind an authentication proof to a verifier's
	// request; both are omitted when empty.
	Challenge, Domain string
	// ID is the proof's id, omitted when empty.
	ID string
	// Expires is when the proof stops being valid ("expires"), written in
	// UTC to the second; zero leaves it out.
	Expires time.Time
}

// MessageSigner signs whole messages, hashing them itself, and returns the
// signature in the form proofs hold: Ed25519 as it is, ECDSA as r || s of
// fixed size over the SHA-256 digest of msg. The wallet's holder signers
// are MessageSigners. ECDSA message signers are used with P-256 keys only,
// the one curve whose suite hash (SHA-256) is the one they apply.
type MessageSigner interface {
	// Public returns the public key.
	Public() crypto.PublicKey
	// Sign signs msg.
	Sign(msg []byte) ([]byte, error)
}

// Sign returns a shallow copy of doc with a proof added: as its "proof" if
// it had none, otherwise appended to its proof set. doc must carry the
// @context the proof's terms need (for DataIntegrityProof, the VC 2.0 or
// Data Integrity context; for Ed25519Signature2020, its suite context).
// Ed25519 signatures are deterministic, so signing the same document with
// the same options twice gives the same proof.
func (s *Signer) Sign(ctx context.Context, doc map[string]any, opts SignOptions) (map[string]any, error) {
	if (s.Key == nil && s.Message == nil) || s.VerificationMethod == "" {
		return nil, fmt.Errorf("ldp: signer without a key or verification method: %w", ErrInvalidKey)
	}
	pub := s.public()
	name := opts.Cryptosuite
	if name == "" {
		name = EdDSARDFC2022
		if _, ok := pub.(*ecdsa.PublicKey); ok {
			name = ECDSARDFC2019
		}
	}
	typ, cs := TypeDataIntegrity, name
	if name == TypeEd25519Signature2020 {
		typ, cs = name, ""
	}
	su, err := lookupSuite(typ, cs)
	if err != nil {
		return nil, err
	}
	h, err := su.hashFor(pub)
	if err != nil {
		return nil, err
	}
	created := opts.Created
	if created.IsZero() {
		created = time.Now()
	}
	purpose := opts.Purpose
	if purpose == "" {
		purpose = PurposeAssertion
	}
	p := map[string]any{
		"type":               typ,
		"created":            created.UTC().Format("2006-01-02T15:04:05Z"),
		"verificationMethod": s.VerificationMethod,
		"proofPurpose":       purpose,
	}
	if cs != "" {
		p["cryptosuite"] = cs
	}
	if !opts.Expires.IsZero() {
		p["expires"] = opts.Expires.UTC().Format("2006-01-02T15:04:05Z")
	}
	for k, v := range map[string]string{"challenge": opts.Challenge, "domain": opts.Domain, "id": opts.ID} {
		if v != "" {
			p[k] = v
		}
	}
	proc := s.Processor
	if proc == nil {
		if proc, err = jsonld.Default(); err != nil {
			return nil, err
		}
	}
	unsecured := maps.Clone(doc)
	delete(unsecured, "proof")
	c := &canonicalizer{proc: proc, docs: make(map[docKey][]byte)}
	data, err := c.signingInput(ctx, su, h, unsecured, p, docKey{})
	if err != nil {
		return nil, err
	}
	sig, err := s.sign(h, data)
	if err != nil {
		return nil, err
	}
	p["proofValue"] = "z" + base58.Encode(sig)
	out := maps.Clone(doc)
	switch old := doc["proof"].(type) {
	case nil:
		out["proof"] = p
	case []any:
		out["proof"] = append(append([]any{}, old...), p)
	default:
		out["proof"] = []any{old, p}
	}
	return out, nil
}

func (s *Signer) public() crypto.PublicKey {
	if s.Key != nil {
		return s.Key.Public()
	}
	return s.Message.Public()
}

// sign signs data with Key, or with Message when Key is nil.
func (s *Signer) sign(h crypto.Hash, data []byte) ([]byte, error) {
	if s.Key != nil {
		return sign(s.Key, h, data)
	}
	if pub, ok := s.Message.Public().(*ecdsa.PublicKey); ok && (h != crypto.SHA256 || pub.Curve != elliptic.P256()) {
		return nil, fmt.Errorf("ldp: message signer with an ECDSA %s key: %w", pub.Curve.Params().Name, ErrKeyMismatch)
	}
	sig, err := s.Message.Sign(data)
	if err != nil {
		return nil, fmt.Errorf("ldp: sign: %w", err)
	}
	return sig, nil
}

// sign signs data: Ed25519 over the data itself, ECDSA over its digest,
// returned in the fixed-size r || s form.
func sign(key crypto.Signer, h crypto.Hash, data []byte) ([]byte, error) {
	switch pub := key.Public().(type) {
	case ed25519.PublicKey:
		return key.Sign(rand.Reader, data, crypto.Hash(0))
	case *ecdsa.PublicKey:
		d := newHash(h)
		d.Write(data)
		der, err := key.Sign(rand.Reader, d.Sum(nil), h)
		if err != nil {
			return nil, fmt.Errorf("ldp: sign: %w", err)
		}
		var rs struct{ R, S *big.Int }
		if rest, err := asn1.Unmarshal(der, &rs); err != nil || len(rest) != 0 {
			return nil, fmt.Errorf("ldp: sign: malformed ECDSA signature")
		}
		size := (pub.Curve.Params().BitSize + 7) / 8
		out := make([]byte, 2*size)
		rs.R.FillBytes(out[:size])
		rs.S.FillBytes(out[size:])
		return out, nil
	}
	return nil, fmt.Errorf("ldp: %T key: %w", key.Public(), ErrKeyMismatch)
}
