package europass

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"time"

	"github.com/satchel-wallet/satchel/wallet/credential"
)

// conversionRecord is what a converted credential embeds about its
// origin, as JSON, for software: the human statement says the same in
// words. It follows the EDC "converted" application profile, whose
// evidence must embed what the conversion was made from; the original
// itself is not embedded, because a learner who discloses part of an
// SD-JWT VC must not hand over the rest, and a baked badge image can be
// larger than the whole export. Its SHA-256 lets anyone who has the
// original match it.
type conversionRecord struct {
	ConvertedBy struct {
		Software string `json:"software"`
		Version  string `json:"version"`
		Role     string `json:"role"`
	} `json:"convertedBy"`
	ConvertedAt time.Time      `json:"convertedAt"`
	Sealed      bool           `json:"sealed"`
	Original    originalRecord `json:"original"`
	// Disclosed lists, for an SD-JWT VC, the claims the learner disclosed
	// (JSON Pointers); nothing else of it is in the export.
	Disclosed    []string           `json:"disclosed,omitempty"`
	Verification verificationRecord `json:"verificationOfOriginal"`
}

type originalRecord struct {
	ID        string `json:"id,omitempty"`
	Format    string `json:"format"`
	Profile   string `json:"profile,omitempty"`
	MediaType string `json:"mediaType,omitempty"`
	Issuer    struct {
		ID   string `json:"id,omitempty"`
		Name string `json:"name,omitempty"`
	} `json:"issuer"`
	// WalletID is the id Satchel gives the original (see
	// credential.Fingerprint).
	WalletID string `json:"walletId,omitempty"`
	// SHA256 is the hex SHA-256 of the original's bytes, when given.
	SHA256 string `json:"sha256,omitempty"`
}

type verificationRecord struct {
	Verdict   string             `json:"verdict"`
	CheckedAt time.Time          `json:"checkedAt,omitzero"`
	Signer    string             `json:"signer,omitempty"`
	Checks    []credential.Check `json:"checks,omitempty"`
}

// evidence writes the conversion as ELM Evidence: the statement, and the
// record as an embedded JSON media object.
func (b *builder) evidence(c *credential.Credential, o *ELMOptions, disclosed []string, id string) (obj, error) {
	var rec conversionRecord
	rec.ConvertedBy.Software, rec.ConvertedBy.Version = o.wallet(), o.version()
	rec.ConvertedBy.Role = "the learner's own wallet"
	rec.ConvertedAt = o.now().UTC()
	rec.Original = originalRecord{ID: c.SourceID, Format: string(c.Format), Profile: c.Profile, MediaType: c.MediaType, WalletID: c.ID}
	rec.Original.Issuer.ID, rec.Original.Issuer.Name = c.Issuer.ID, c.Issuer.Name.In(defaultLang)
	if len(o.Original) > 0 {
		rec.Original.SHA256 = fmt.Sprintf("%x", sha256.Sum256(o.Original))
	}
	rec.Disclosed = disclosed
	v := c.Verification
	rec.Verification = verificationRecord{Verdict: verdictWords(v), CheckedAt: v.CheckedAt, Signer: v.Signer, Checks: v.Checks}
	raw, err := json.Marshal(rec)
	if err != nil {
		return nil, fmt.Errorf("europass: conversion record: %w", err)
	}
	media := obj{
		"id":              b.localID("mediaObject"),
		"type":            "MediaObject",
		"title":           b.langMap(english("Conversion record (JSON)")),
		"contentType":     b.concept(fileTypePrefix+"JSON", english("JSON"), "file-type", fileTypeScheme),
		"contentEncoding": b.concept(encodingBase64, english("base64"), "", encodingScheme),
		"content":         base64.StdEncoding.EncodeToString(raw),
	}
	return obj{
		"id":                id,
		"type":              "Evidence",
		"dcType":            b.concept("", english("Conversion by the learner's wallet"), "", ""),
		"evidenceStatement": conversionStatement(c, o.wallet(), o.version(), o.now()),
		"embeddedEvidence":  []any{media},
	}, nil
}
