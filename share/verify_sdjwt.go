package share

import (
	"crypto"
	"errors"

	"github.com/satchel-wallet/satchel/wallet/credential"
	"github.com/satchel-wallet/satchel/wallet/did"
	"github.com/satchel-wallet/satchel/wallet/sdjwt"
)

// readSDJWT reads an SD-JWT presentation and checks its Key Binding JWT:
// signed by the key in the credential's cnf, over exactly the SD-JWT
// presented (sd_hash). The issuer's signature and the disclosures are the
// credential's checks.
func readSDJWT(in []byte, limit int) (*reading, *rejection) {
	rd := &reading{format: FormatSDJWT, embedded: [][]byte{in}}
	rd.formatCheck = credential.NewCheck(credential.CheckFormat, credential.OK, "format.ok", map[string]string{"Profile": "SD-JWT VC with key binding"}, "")
	tok, err := sdjwt.Parse(string(in), sdjwt.Limits{MaxBytes: limit})
	switch {
	case errors.Is(err, sdjwt.ErrUnreferenced), errors.Is(err, sdjwt.ErrDuplicateDisclosure),
		errors.Is(err, sdjwt.ErrDuplicateDigest), errors.Is(err, sdjwt.ErrClaimClash):
		// A disclosure the issuer did not sign: the credential's proof
		// check fails on it; the key binding is not worth checking.
		rd.proof = credential.NewCheck(credential.CheckProof, credential.Failed, "vp.kb-unchecked", map[string]string{"Problem": short(err.Error())}, err.Error())
		rd.unchecked = "the presentation does not read correctly"
		return rd, nil
	case err != nil:
		return nil, malformed("SD-JWT", err)
	}
	for _, d := range tok.Disclosures {
		rd.disclosed = append(rd.disclosed, d.Pointer)
	}
	rd.id = tok.Claims.ID
	if tok.HolderKey != nil {
		rd.holder = holderOf(tok.Claims.Subject, tok.HolderKey)
	}
	if tok.KeyBinding == nil {
		rd.proof = credential.NewCheck(credential.CheckProof, credential.Failed, "vp.kb-missing", nil, "the SD-JWT ends with \"~\"")
		rd.unchecked = "without a key binding there is no challenge, audience or time to check"
		return rd, nil
	}
	kb, err := tok.VerifyKeyBinding(sdjwt.Expect{})
	switch {
	case errors.Is(err, sdjwt.ErrNoHolderKey):
		rd.proof = credential.NewCheck(credential.CheckProof, credential.Failed, "vp.kb-no-key", nil, err.Error())
	case err != nil:
		rd.proof = credential.NewCheck(credential.CheckProof, credential.Failed, "vp.kb-failed", nil, err.Error())
	}
	if err != nil {
		rd.unchecked = "the key binding, which covers them, did not verify"
		return rd, nil
	}
	rd.proof = credential.NewCheck(credential.CheckProof, credential.OK, "vp.kb-ok", nil, kb.Alg+" key binding by the cnf key")
	rd.challenge, rd.audience, rd.from = kb.Nonce, []string{kb.Audience}, kb.IssuedAt
	if kb.Expires != nil {
		rd.till = *kb.Expires
	}
	return rd, nil
}

// holderOf names the holder of a key-bound SD-JWT: its subject, when that
// is a did:key of the bound key, otherwise the did:key of the bound key
// itself (whoever holds the key is the holder).
func holderOf(sub string, key crypto.PublicKey) string {
	type equaler interface{ Equal(crypto.PublicKey) bool }
	if pub, err := did.ParseKey(sub); err == nil {
		if k, ok := pub.(equaler); ok && k.Equal(key) {
			return sub
		}
	}
	if id, err := did.NewKey(key); err == nil {
		return id
	}
	return ""
}
