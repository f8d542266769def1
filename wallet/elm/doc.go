// Package elm reads European Digital Credentials for Learning (EDC): the
// European Commission's credentials in the European Learning Model (ELM
// v3), JSON-LD documents of type EuropeanDigitalCredential, sealed by their
// issuer with a JAdES electronic seal or unsealed. [Read] verifies the seal
// and maps every EU standard element the credential carries onto Satchel's
// credential model; [Detect] tells an EDC from other input.
//
// # The format
//
// An EDC is a W3C Verifiable Credential: ELM 3.0 uses the VC 1.1 context,
// ELM 3.2 (the EBSI profile) VC 2.0's; both add the EDC context
// (http://data.europa.eu/snb/model/context/edc-ap). The learner is the
// credentialSubject, a Person; what was achieved is its claim (hasClaim):
// usually a LearningAchievement, for a certificate of participation a
// LearningActivity. The claim's specification (specifiedBy: a
// Qualification or LearningAchievementSpecification) holds most EU
// standard elements of a micro-credential: learning outcomes with ESCO
// skills, credit points, volume of learning, EQF and NQF levels, mode and
// learning setting, entry requirements, ISCED-F fields, languages,
// accreditation. The assessment that proves the claim (provenBy) holds the
// grade and the supervision and identity verification. Multilingual values
// are language maps ({"en": "...", "es": "..."}; ELM 3.2 puts each value in
// an array); codes are concept URIs from EU vocabularies.
//
// A sealed EDC is a JAdES signature (ETSI TS 119 182-1) in the JWS JSON
// serialization: the credential's JSON is the "payload" string itself
// (b64:false, RFC 7797), and each signature has a protected header with
// the algorithm (RS256 from the EDC software), the seal certificate (x5c),
// the claimed signing time (sigT) and a crit list, and an unprotected
// header whose etsiU components carry time-stamps and validation data for
// long-term verification. The EDC software also seals presentations this
// way: a VerifiablePresentation whose verifiableCredential member holds
// the credentials.
//
// # What Read checks
//
//   - format: the document is an EDC with a subject and an issuer;
//   - proof: the seal's header follows JWS and JAdES (see parseHeader:
//     unknown critical extensions, an unprotected b64 or crit, an
//     unbound certificate are refused), its algorithm is RS256, PS256 or
//     ES256 with a key of adequate size, the signature verifies over
//     ASCII(protected) || "." || payload exactly as stored, the
//     certificate was valid at the signing time sigT (the samples'
//     certificates have expired since; a seal made while the certificate
//     was valid stays valid, and the check says so), its key usage allows
//     signing, and the certificates in x5c form a chain. The check names
//     the sealing organisation (the certificate's O and
//     organizationIdentifier, e.g. VATES-A00000000), the signing time, the
//     algorithm, and whether the certificate states that it is an EU
//     qualified certificate for electronic seals (qcStatements and
//     certificate policies, EN 319 412-5 and EN 319 411-2), with its key on
//     a qualified device or not. An unsealed EDC fails the proof check
//     (proof.none): nothing shows it comes from its issuer;
//   - issuer: a warning that the seal's certificate chain was not checked
//     against the EU trusted lists, which are not bundled. The detail says
//     how far the chain goes inside the file, using the seal's own
//     validation data (etsiU xVals) when x5c holds only the seal
//     certificate. The wallet adds its own issuer check against the
//     learner's trust list, from Reading.Signer and SignerNames;
//   - accreditation: see accreditationCheck; no accreditation is reported
//     as skipped.
//
// What is not checked, and why: the certificates against the EU trusted
// lists (so "qualified" is what the certificate states, not what a
// supervisory body confirmed); revocation of the certificate (OCSP and CRL
// need the network; the seal's own rVals are not evaluated); the JAdES
// time-stamp tokens (sigTst, adoTst, arcTst), so the signing time is the
// one the sealer claims; signature policies and commitment types, which
// change nothing in what the seal covers; detached seals (sigD), whose
// documents are not in the file. The credential's own status (revocation
// lists) is reported in Reading.Status for the wallet to check.
//
// # Normalising
//
// The main claim is the subject's first LearningAchievement (else its
// first claim). Title: the claim's title, else its specification's, else
// the display title. Issuer: the credential's issuer, with the country of
// its first address; the awarding body is set only when it is not the
// issuer (the EDC software makes the sealing organisation the issuer, so
// sealed EDCs usually name both). Issued: issued, else issuanceDate, else
// the awarding date. ECTS: the first credit point whose framework is ECTS.
// Hours: the specification's volumeOfLearning, else the claim's workload,
// only when given in hours, minutes or seconds (see durationHours: "P60M"
// is sixty months). Assessment: the assessment type, with its mode in
// brackets; form of participation: the mode, with the learning setting in
// brackets. Quality assurance: the types of the accreditations.
// Stackability: whether the qualification is partial (a sentence in
// English; ELM gives a flag). Languages: BCP 47 tags for the EU language
// table's codes (ENG gives "en"), other codes in lower case. Images: the
// display's pages and the issuer's logo, as data: URIs when small, else as
// a reference to the image in the original (see mediaImage). The date of
// birth is kept as given.
//
// # Limits
//
// Input over Options.MaxBytes (4 MiB by default) is refused with
// [ErrTooLarge], JSON nested deeper than 100 levels (wallet/jsonld's
// parser, used for every JSON value read here) with [ErrMalformed]; more
// than four signatures, more than eight certificates in x5c, a certificate
// over 16 KiB or a presentation of more than a hundred credentials with
// [ErrLimit]. Unsigned validation data is read within limits too (see
// limits.go), and never makes Read fail.
package elm
