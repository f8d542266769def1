// Package edci reads Europass EDCI credentials in XML: the European
// Learning Model v2 documents (<europassCredential
// xmlns="http://data.europa.eu/snb">) that the Europass Digital
// Credentials Infrastructure issued before ELM v3, and the presentations
// (<vp:verifiablePresentation>) that carry them. [Read] turns one into a
// [credential.Reading]: the normalised credential, the format, proof
// (seal) and accreditation checks, and for a presentation its credentials
// in Reading.Embedded.
//
// # The seal
//
// EDCI credentials are sealed with an enveloped XAdES signature (XML-DSig
// with a SignedProperties reference) in their proof element. Satchel
// verifies it itself, with encoding/xml and a canonicaliser of its own
// (c14n.go), and says ok only when all of this holds:
//
//   - the SignedInfo is canonicalised with the method it declares
//     (Exclusive XML Canonicalization 1.0, or Canonical XML 1.0; with or
//     without comments; an InclusiveNamespaces PrefixList is honoured);
//   - the signature value (RSA PKCS#1 v1.5, RSA-PSS or ECDSA, with SHA-256,
//     SHA-384 or SHA-512; RSA keys of 2048 bits or more) verifies over it
//     with the key of the certificate in KeyInfo/X509Data;
//   - that certificate is the one the XAdES SigningCertificate(V2) names
//     by digest;
//   - every Reference digest matches: the document with the seal left out
//     (by the enveloped-signature transform, or the XPath 1.0 filter
//     not(ancestor-or-self::ds:Signature), or the XPath Filter 2.0
//     subtract /descendant::ds:Signature that EDCI software writes) and the
//     SignedProperties element found by its Id, which must be unique in
//     the file and inside this signature;
//   - a reference covers the whole document and, when the seal has signed
//     properties, one covers them;
//   - the certificate was valid at the SigningTime of the signed
//     properties (the sample certificates have long expired; the seal was
//     made while they were valid) and is meant for signatures.
//
// The check names the sealing organisation (the certificate subject's
// organisation) and the signing time. It does not check the certificate
// chain against the EU trust lists, revocation, or the RFC 3161
// time-stamps; the check's detail says so, and whether the sealer is
// trusted is the issuer check's business (Reading.Signer holds the
// certificate subject, Reading.SignerNames its organisation name and
// legal identifier). Seal algorithms or transforms outside the list above
// give a skipped check that says why (proof.edci-skipped); SHA-1 is
// refused for digests and signatures.
//
// The three sealed XML files among the EDC software's test resources
// were re-indented after sealing (with the indentation taken out of their
// SignedInfo, their signatures verify; see reformatted_test.go); they are
// reported as changed (proof.failed), which is what they are.
//
// # Presentations
//
// A presentation's seal covers the presentation. Its credentials are
// returned in Reading.Embedded, each as an XML document of its own: the
// credential's bytes unchanged, under a root start tag that adds the
// namespace declarations it inherited (and renames a
// vp:presentedCredential to europassCredential). The presentation's seal
// does not carry over to them, and unless they carry a seal of their own
// the presentation's reading says so in a warning (proof.edci-embedded).
//
// # Mapping
//
// ELM v2 onto [credential.Credential] ("spec" is the learning
// specification or qualification that a top-level achievement, a
// learningAchievement or qualificationAward under
// credentialSubject/achievements, is specifiedBy; idrefs are followed to
// the *References sections):
//
//	SourceID            @cred:id (or @id, or the first identifier)
//	Types, Profile      type/@uri; type/targetName in the profile
//	Title, Description  title, description (else the first achievement's)
//	Issuer              cred:issuer -> organization: prefLabel, registration
//	                    (else identifier, vatIdentifier, @id), the country of
//	                    hasLocation/hasAddress, homepage
//	AwardingBody        achievement wasAwardedBy -> awardingProcess/awardingBody,
//	                    when it is not the issuer
//	Issued              cred:issued (else the awarding process date)
//	ValidFrom/Until     cred:validFrom, cred:validUntil
//	Learner             credentialSubject: fullName (else givenNames +
//	                    familyName), dateOfBirth; its id the first of
//	                    mailBox, nationalId, identifier, @id
//	Subjects            all of those (urn:epass: ids name the subject only
//	                    inside the file and are left out)
//	LearningOutcomes    learningOutcome of every spec of the achievement and
//	                    its parts, then any other in learningOutcomeReferences;
//	                    skills from relatedEscoSkill and relatedSkill
//	ECTS                spec hasECTSCreditPoints (summed over top-level achievements)
//	Hours               spec volumeOfLearning, when given in hours (PT105H)
//	EQF, NQF            spec eqfLevel (vocabulary URI or notation), nqfLevel
//	Assessment          assessment (wasDerivedFrom) -> specifiedBy/type, of the
//	                    achievement or else of its parts
//	Grade               assessment grade (parts' grades labelled by part title)
//	Supervision         assessment idVerificationMethod
//	Participation       spec mode
//	Prerequisites       spec entryRequirementsNote
//	QualityAssurance    the types of the accreditations named
//	Accreditation       hasAccreditation (of the issuer, awarding body, spec)
//	FieldOfStudy        spec hasISCED-FCode, hasEducationSubject
//	Alignments          spec qualificationCode, hasEducationLevel
//	Languages           spec language (EU language authority codes: ENG, FRA)
//	FurtherInformation  additionalNote of the achievement and spec, headed by
//	                    its subject; notes whose subject names stackability,
//	                    quality assurance, prerequisites, supervision or
//	                    participation go to those elements instead
//	Images              displayParameters/background, the issuer's logo
//
// Not mapped, because the credential model has no place for them:
// activities (learning activities with their workload and dates),
// entitlements, the learning setting type, credit points in other systems
// than ECTS, display templates, and the verificationChecks a presentation
// carries (Satchel makes its own).
//
// # Untrusted input
//
// Go's encoding/xml expands no external entities and fetches nothing.
// Satchel bounds the work anyway: the input size ([Options].MaxBytes,
// 4 MiB by default), element depth (100), tokens (100,000) and
// attributes per element (64), and refuses any document type declaration
// ([ErrDTD]), so that no entity can be declared at all. Only UTF-8 is
// read. Seal checking is bounded by the number of references (8), of
// transforms per reference (4) and of certificates (8), each costing at
// most one canonicalisation of the document. Errors wrap [ErrNotEDCI],
// [ErrMalformed], [ErrTooLarge] and [ErrDTD]; the caller rejects such
// input rather than reporting a failed verification.
package edci
