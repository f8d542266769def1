package credential

import (
	"strings"
	"time"
)

// Format names how a credential was encoded and secured.
type Format string

// The formats Satchel reads.
const (
	// FormatVCLDP is a W3C Verifiable Credential (1.1 or 2.0) in JSON-LD,
	// with a Data Integrity proof or none: Open Badges 3.0, CLR 2.0, any VC.
	FormatVCLDP Format = "vc-ldp"
	// FormatVCJWT is a VC secured as a compact JWS: VC 1.1 JWT claims or
	// VC 2.0 JOSE.
	FormatVCJWT Format = "vc-jwt"
	// FormatSDJWT is an SD-JWT VC with its disclosures.
	FormatSDJWT Format = "sd-jwt-vc"
	// FormatEDC is a European Digital Credential (ELM v3 JSON-LD), sealed
	// with JAdES or unsealed.
	FormatEDC Format = "edc"
	// FormatEDCIXML is a Europass EDCI credential in XML (ELM v2).
	FormatEDCIXML Format = "edci-xml"
	// FormatOB2 is an Open Badges 2.0 assertion: baked PNG or SVG, signed
	// JWS, or hosted JSON.
	FormatOB2 Format = "ob2"
)

// Formats lists every format, in a fixed order.
func Formats() []Format {
	return []Format{FormatVCLDP, FormatVCJWT, FormatSDJWT, FormatEDC, FormatEDCIXML, FormatOB2}
}

// Concept is a coded value: a term of a controlled vocabulary (an ESCO
// skill, an ISCED-F field, an EQF level) or a reference to something with an
// identifier (a programme a credential is part of).
type Concept struct {
	// ID is the concept's URI, e.g. http://data.europa.eu/esco/skill/...
	ID string `json:"id,omitempty"`
	// Label is its name, in the languages given.
	Label Text `json:"label,omitempty"`
	// Code is a short notation, e.g. "0421" for an ISCED-F field.
	Code string `json:"code,omitempty"`
	// Framework names the vocabulary or framework, if the credential says.
	Framework Text `json:"framework,omitempty"`
}

// Party is an organisation (issuer, awarding body) or, rarely, a person.
type Party struct {
	// ID is its identifier: a DID, a URL, a URN.
	ID string `json:"id,omitempty"`
	// Name is its (legal) name.
	Name Text `json:"name,omitempty"`
	// Country is the country of its address, as named in the credential.
	Country Text `json:"country,omitempty"`
	// CountryCode is the ISO 3166 code the credential gives (two or three
	// letters, as it gives it).
	CountryCode string `json:"countryCode,omitempty"`
	// URL is its web address.
	URL string `json:"url,omitempty"`
}

// IsZero reports whether p names nothing.
func (p *Party) IsZero() bool {
	return p == nil || (p.ID == "" && p.Name.IsZero() && p.URL == "")
}

// Learner is the person the credential was issued to.
type Learner struct {
	// Name is the learner's name as the credential states it.
	Name Text `json:"name,omitempty"`
	// ID is the subject identifier (a DID, a URN, an email address).
	ID string `json:"id,omitempty"`
	// BirthDate is the date of birth if stated (ELM credentials do).
	BirthDate string `json:"birthDate,omitempty"`
}

// Outcome is a learning outcome with the skills it is linked to.
type Outcome struct {
	ID          string    `json:"id,omitempty"`
	Title       Text      `json:"title"`
	Description Text      `json:"description,omitempty"`
	Skills      []Concept `json:"skills,omitempty"`
}

// Image is a picture the credential carries (a badge image, a logo).
type Image struct {
	// URL is where the image is, or a data: URI holding it.
	URL string `json:"url"`
	// Caption describes it.
	Caption Text `json:"caption,omitempty"`
}

// Disclosure is one selectively disclosable claim of an SD-JWT VC. The
// wallet keeps them all so the learner can choose later what to reveal.
type Disclosure struct {
	// Path locates the claim in the credential, e.g. "learning_outcomes[1]".
	Path string `json:"path"`
	// Name is the claim name; empty for an array element.
	Name string `json:"name,omitempty"`
	// Value is the claim's value as JSON.
	Value string `json:"value"`
}

// Credential is the normalised view of an imported credential: the EU
// standard elements, each optional because real credentials omit many, and
// what Satchel needs to show, organise and share it.
type Credential struct {
	// ID is the wallet's id for the credential, derived from its content
	// (see Fingerprint), so the same credential imported twice is one.
	ID string `json:"id"`
	// Format and MediaType say how the original is encoded.
	Format    Format `json:"format"`
	MediaType string `json:"mediaType,omitempty"`
	// Profile names the standard it follows in words, e.g. "Open Badges 3.0
	// (VC 2.0)", "European Digital Credential (ELM 3)".
	Profile string `json:"profile,omitempty"`
	// SourceID is the credential's own identifier, if it has one.
	SourceID string `json:"sourceId,omitempty"`
	// Types are the credential's types as it declares them.
	Types []string `json:"types,omitempty"`
	// AchievementID identifies what was achieved, apart from this award of
	// it: the OB3 achievement, the ELM learning achievement specification,
	// the OB2 badge class. Two credentials with the same AchievementID from
	// the same awarding body are the same achievement.
	AchievementID string `json:"achievementId,omitempty"`

	Learner     Learner `json:"learner"`
	Title       Text    `json:"title,omitempty"`
	Description Text    `json:"description,omitempty"`
	// Issuer issued (and signed or sealed) the credential.
	Issuer Party `json:"issuer"`
	// AwardingBody awarded the achievement, when it is not the issuer.
	AwardingBody *Party `json:"awardingBody,omitempty"`
	// Issued is the date of issuing (or of awarding, when only that is given).
	Issued     time.Time `json:"issued,omitzero"`
	ValidFrom  time.Time `json:"validFrom,omitzero"`
	ValidUntil time.Time `json:"validUntil,omitzero"`

	LearningOutcomes []Outcome `json:"learningOutcomes,omitempty"`
	// ECTS is the workload in ECTS credits; Hours the workload in hours.
	// nil means the credential does not say.
	ECTS  *float64 `json:"ects,omitempty"`
	Hours *float64 `json:"hours,omitempty"`
	// EQF is the European Qualifications Framework level, 1 to 8; 0 when
	// not stated.
	EQF int `json:"eqfLevel,omitempty"`
	// NQF is the national qualifications framework level, if stated.
	NQF *Concept `json:"nqfLevel,omitempty"`
	// Assessment is the type of assessment.
	Assessment Text `json:"assessment,omitempty"`
	// Participation is the form of participation (online, on-site, blended).
	Participation Text `json:"participation,omitempty"`
	// QualityAssurance is the type of quality assurance.
	QualityAssurance Text `json:"qualityAssurance,omitempty"`
	// Prerequisites are the prerequisites needed to enrol.
	Prerequisites Text `json:"prerequisites,omitempty"`
	// Supervision is the supervision and identity verification during
	// assessment.
	Supervision Text `json:"supervision,omitempty"`
	// Grade is the grade achieved.
	Grade Text `json:"grade,omitempty"`
	// Stackability is the integration or stackability statement.
	Stackability Text `json:"stackability,omitempty"`
	// PartOf names the programmes or larger credentials this one is part
	// of or counts towards (ELM isPartOf, "integrated into ..." statements).
	PartOf []Concept `json:"partOf,omitempty"`
	// Alignments are the frameworks and competencies the achievement is
	// aligned to, other than the EQF level and the learning outcomes.
	Alignments []Concept `json:"alignments,omitempty"`
	// FurtherInformation is any further information.
	FurtherInformation Text `json:"furtherInformation,omitempty"`
	// FieldOfStudy is the field of study (ISCED-F where given).
	FieldOfStudy []Concept `json:"fieldOfStudy,omitempty"`
	// Languages are the languages of instruction or assessment, as codes.
	Languages []string `json:"language,omitempty"`
	// Accreditation is the accreditation evidence an EDC carries.
	Accreditation []Concept `json:"accreditation,omitempty"`
	// Images are the pictures the credential carries.
	Images []Image `json:"images,omitempty"`
	// Disclosures are the disclosable claims of an SD-JWT VC.
	Disclosures []Disclosure `json:"disclosures,omitempty"`

	// Added is when the credential was imported.
	Added time.Time `json:"added,omitzero"`
	// Tags are the learner's own free-text labels, in the order added.
	Tags []string `json:"tags,omitempty"`
	// Verification is the result of the last verification.
	Verification Verification `json:"verification"`
}

// Expired reports whether the credential's validity ended before now.
func (c *Credential) Expired(now time.Time) bool {
	return !c.ValidUntil.IsZero() && now.After(c.ValidUntil)
}

// LocalID reports whether id names something only inside its own document:
// the urn:epass: identifiers that European Digital Credentials number their
// parts with ("urn:epass:org:1" in every credential), and blank nodes. Such
// ids say nothing about identity across credentials.
func LocalID(id string) bool {
	return strings.HasPrefix(id, "urn:epass:") || strings.HasPrefix(id, "_:")
}
