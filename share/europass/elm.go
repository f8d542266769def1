package europass

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"time"

	"github.com/satchel-wallet/satchel/wallet/credential"
)

// ELMOptions tune ELM.
type ELMOptions struct {
	// Now is the time of the conversion; zero means time.Now().
	Now time.Time
	// Holder is the learner's holder DID. It becomes the credential
	// subject's identifier, so the Europass wallet of that DID can take
	// the credential; the original subject identifier, when it is another,
	// is kept as an identifier of the subject. Empty keeps the original's.
	Holder string
	// Wallet and WalletVersion name the software that converts, for the
	// conversion statement; empty means "Satchel" and "dev".
	Wallet, WalletVersion string
	// Lang is the language (ISO 639-1) of the display page and of values
	// the credential gives without a language; empty means English.
	Lang string
	// Original is the credential's original bytes. An SD-JWT VC needs it
	// (see Disclose); for any other format it adds the original's SHA-256
	// to the conversion record.
	Original []byte
	// Disclose names the claims of an SD-JWT VC to carry, as claim names
	// ("grade") or JSON Pointers ("/grade"). Only the issuer-signed claims
	// and these are exported; with none, only the issuer-signed claims.
	Disclose []string
}

func (o *ELMOptions) now() time.Time {
	if o.Now.IsZero() {
		return time.Now()
	}
	return o.Now
}

func (o *ELMOptions) wallet() string {
	if o.Wallet == "" {
		return defaultWalletName
	}
	return o.Wallet
}

func (o *ELMOptions) version() string {
	if o.WalletVersion == "" {
		return defaultWalletVersion
	}
	return o.WalletVersion
}

// ELM converts a credential of any format to an unsealed ELM 3.2
// EuropeanDigitalCredential (JSON-LD on the VC 2.0 data model) that
// carries every EU standard element of the normalised view, in every
// language it has them in, and states that it was converted, by whom,
// when and from what (see the package documentation). It has no proof:
// it is the learner's copy, not the issuer's credential.
func ELM(c *credential.Credential, opts ELMOptions) ([]byte, error) {
	if c == nil {
		return nil, fmt.Errorf("europass: ELM export of nothing: %w", ErrNoCredentials)
	}
	if c.Verification.Verdict == credential.Rejected {
		return nil, fmt.Errorf("europass: ELM export: %w", ErrRejected)
	}
	src := c
	var disclosed []string
	if c.Format == credential.FormatSDJWT {
		var err error
		if src, disclosed, err = disclosedOnly(c, opts.Original, opts.Disclose); err != nil {
			return nil, err
		}
	}
	b := newBuilder(opts.Lang)
	doc, err := b.document(src, &opts, disclosed)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return nil, fmt.Errorf("europass: encode ELM: %w", err)
	}
	return buf.Bytes(), nil
}

// document builds the EuropeanDigitalCredential.
func (b *builder) document(c *credential.Credential, o *ELMOptions, disclosed []string) (obj, error) {
	now := o.now()
	issuer := b.party(c.Issuer)
	subject := obj{"type": "Person"}
	subjectID := o.Holder
	if subjectID == "" {
		subjectID = c.Learner.ID
	}
	if !isURI(subjectID) {
		subjectID = b.localID("person")
	}
	subject["id"] = subjectID
	if c.Learner.ID != "" && c.Learner.ID != subjectID {
		subject["identifier"] = []any{obj{
			"id":         b.localID("identifier"),
			"type":       "Identifier",
			"notation":   c.Learner.ID,
			"schemeName": "Subject identifier in the original credential",
		}}
	}
	set(subject, "fullName", b.langString(c.Learner.Name))
	set(subject, "dateOfBirth", birthDate(c.Learner.BirthDate))
	subject["hasClaim"] = []any{b.claim(c, issuer)}

	docID := uuidURN(c.ID, now)
	validFrom := c.ValidFrom
	if validFrom.IsZero() {
		validFrom = c.Issued
	}
	if validFrom.IsZero() {
		validFrom = now
	}
	issued := c.Issued
	if issued.IsZero() {
		issued = validFrom
	}
	display, err := b.display(c, o, now)
	if err != nil {
		return nil, err
	}
	ev, err := b.evidence(c, o, disclosed, uuidURN(c.ID+"#conversion", now))
	if err != nil {
		return nil, err
	}
	doc := obj{
		"@context": []any{contextVC2, contextEDC},
		"id":       docID,
		"type":     []any{"VerifiableCredential", "VerifiableAttestation", "EuropeanDigitalCredential"},
		"credentialSchema": []any{
			obj{"id": shaclGeneric, "type": "ShaclValidator2017"},
			obj{"id": shaclConverted, "type": "ShaclValidator2017"},
			obj{"id": jsonSchemaID, "type": "JsonSchema"},
		},
		"credentialProfiles": []any{b.concept(profileGeneric, english("Generic"), "", profileScheme)},
		"displayParameter":   display,
		"issuer":             issuer,
		"credentialSubject":  subject,
		"issued":             dateTime(issued),
		"validFrom":          dateTime(validFrom),
		"evidence":           []any{ev},
	}
	set(doc, "validUntil", dateTime(c.ValidUntil))
	if c.SourceID != "" {
		doc["identifier"] = []any{obj{
			"id":         b.localID("identifier"),
			"type":       "Identifier",
			"notation":   c.SourceID,
			"schemeName": "Identifier of the original credential (" + formatWords(c) + ")",
		}}
	}
	return doc, nil
}

// display writes the display parameters: the title and the display page
// (see displayPage) in the builder's language.
func (b *builder) display(c *credential.Credential, o *ELMOptions, now time.Time) (obj, error) {
	footer := fmt.Sprintf("Converted by %s %s, the learner's wallet, on %s from %s. Verification of the original: %s. This copy is not sealed by its issuer; to rely on it, verify the original.",
		o.wallet(), o.version(), longDate(now), article(formatWords(c)), verdictWords(c.Verification))
	page, err := displayPage(c, b.lang, footer)
	if err != nil {
		return nil, fmt.Errorf("europass: display page: %w", err)
	}
	title := c.Title
	if title.IsZero() {
		title = english("Credential")
	}
	lang := b.language(b.lang)
	image := obj{
		"id":              b.localID("mediaObject"),
		"type":            "MediaObject",
		"contentType":     b.concept(fileTypePrefix+"PNG", english("PNG"), "file-type", fileTypeScheme),
		"contentEncoding": b.concept(encodingBase64, english("base64"), "", encodingScheme),
		"content":         base64.StdEncoding.EncodeToString(page),
	}
	return obj{
		"id":              b.localID("displayParameter"),
		"type":            "DisplayParameter",
		"title":           b.langMap(title),
		"language":        []any{lang},
		"primaryLanguage": lang,
		"individualDisplay": []any{obj{
			"id":       b.localID("individualDisplay"),
			"type":     "IndividualDisplay",
			"language": lang,
			"displayDetail": []any{obj{
				"id":    b.localID("displayDetail"),
				"type":  "DisplayDetail",
				"page":  1,
				"image": image,
			}},
		}},
	}, nil
}

// uuidURN derives a urn:uuid (version 8, RFC 9562) from a credential id
// and the time of conversion: each conversion is a document of its own,
// and the same conversion gives the same id.
func uuidURN(seed string, t time.Time) string {
	h := sha256.Sum256([]byte(seed + "\x00" + t.UTC().Format(time.RFC3339Nano)))
	h[6] = h[6]&0x0f | 0x80
	h[8] = h[8]&0x3f | 0x80
	return fmt.Sprintf("urn:uuid:%x-%x-%x-%x-%x", h[0:4], h[4:6], h[6:8], h[8:10], h[10:16])
}
