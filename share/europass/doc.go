// Package europass exports a learner's credentials for Europass, the EU's
// learner platform, and on paper:
//
//   - [Original]: an imported European Digital Credential exactly as it
//     arrived, so that its JAdES seal stays valid (Europass's wallet takes
//     it as it took it from the issuer);
//   - [ELM]: any credential (Open Badges 3.0, VC-JWT, SD-JWT VC with only
//     the claims the learner discloses, Open Badges 2.0, EDCI XML, EDC)
//     converted to an unsealed ELM 3.2 EuropeanDigitalCredential, valid
//     against the ELM 3.2 JSON Schema of the EBSI Trusted Schemas Registry;
//   - [CV] and [CVLegacy]: a Europass CV with the credentials as education
//     and training and as certifications, in the current format (a
//     Candidate document, HR-Open based) and in the legacy Europass XML
//     v3.4, valid against its public schema;
//   - [PDF]: a printable record of the credentials with their EU standard
//     elements, their verification in words and the QR code of a
//     presentation the learner signed, so that paper can be verified.
//
// The exports read the normalised view of package wallet/credential; they
// never sign anything. The QR code of the PDF comes from the caller, who
// signs the presentation (package share) and draws it (package share/qr).
//
// # Converting to ELM honestly
//
// A converted credential must never pass for a sealed original. The ELM
// export has no proof and no seal, a new identifier of its own
// (urn:uuid, derived from the credential and the time of conversion), and
// names the EDC "converted" application profile among its credential
// schemas. Its evidence states in words who converted it (the learner's
// wallet, by name and version), when, from which original (format,
// identifier, issuer) and what the original's verification found, and
// embeds the same as a JSON record (with the original's SHA-256 when the
// original is given). The original's identifier is kept as an identifier
// of the credential, and its display page (the picture ELM requires, which
// Europass shows) is drawn by Satchel with a band across the top that says
// "Converted copy – not sealed by the issuer".
//
// # What the ELM export maps
//
// The learner is the credential subject (a Person: full name, date of
// birth; the holder DID as identifier, the original's subject identifier
// beside it); the main claim is a LearningAchievement awarded by the
// awarding body (else the issuer) on the date of issuing, specified by a
// Qualification when the credential has an EQF or NQF level or a
// partial-qualification flag, else a LearningAchievementSpecification:
//
//	title, description          claim and specification title, description
//	learning outcomes           specification learningOutcome, with
//	                            relatedESCOSkill / relatedSkill
//	ECTS credits                specification creditPoint (ECTS framework)
//	workload in hours           specification volumeOfLearning (PTnHnM)
//	EQF, NQF level              qualification eqfLevel, nqfLevel
//	form of participation       specification mode
//	prerequisites               specification entryRequirement
//	field of study              specification thematicArea (ISCED-F)
//	other alignments            specification educationSubject
//	languages                   specification language (EU language table)
//	part of                     specification isPartOf
//	further information         specification additionalNote
//	type of assessment, grade,  claim provenBy: a LearningAssessment with
//	supervision                 title, grade, idVerification
//	issuer, awarding body       Organisation (legal name, country, home
//	                            page), or Agent when name or country is
//	                            unknown
//	issued, valid from/until    issued, validFrom, validUntil, awardingDate
//
// Every text goes in every language it has, as an ELM 3.2 language map.
//
// # What cannot come back the same
//
// Importing the export into Satchel gives the same normalised fields
// except where ELM or its schema cannot say the same thing; the tests
// (expectAfterELM in roundtrip_test.go) spell out each case:
//
//   - language tags: the schema allows ISO 639-1 codes only, so text
//     without a language takes the export's language, and "de-AT" becomes
//     "de"; a full name holds one language;
//   - quality assurance and free-text stackability: ELM states quality
//     assurance as an Accreditation, which requires the accrediting agent
//     and a type from the EU vocabulary, and stackability only as the
//     isPartialQualification flag; a converted credential knows neither,
//     so both are notes on the specification, read back as further
//     information (accreditations of an EDC likewise);
//   - a learning outcome's description (ELM's LearningOutcome has none:
//     it is kept as a note), concept codes and framework names outside
//     the EU vocabularies that imply them, alignments (read back only
//     when they are ISCED-F fields), a part-of programme's awarding body;
//   - an issuer or awarding body without a country: ELM's Organisation
//     requires a location, so it is an Agent, which has no home page;
//     country codes come back as the EU table's three letters (EE as EST);
//   - values ELM requires: a credential without a start of validity gets
//     its date of issue, without a title "Credential"; an assessment with
//     a grade but no type (or a type but no grade) gets an empty text for
//     the other, never words Satchel made up;
//   - identifiers that are not URIs become document-local ones
//     (urn:epass:...), a date of birth without a time midnight UTC;
//   - the images: the display page is Satchel's drawing; images given by
//     URL are not carried, as ELM's MediaObject holds content.
//
// What describes the encoding changes by design: the format, media type,
// profile, types, the credential's own identifier and its verification
// (the export is unsealed, so it reads as not verified).
//
// An SD-JWT VC is exported as a verifier would see it with the claims the
// learner chose ([ELMOptions].Disclose) and nothing else: the export starts
// from the original SD-JWT with only those disclosures, never from the
// wallet's view, which holds them all.
//
// # Libraries
//
// The PDF is written with github.com/go-pdf/fpdf (pure Go, embeds TrueType
// subsets with a Unicode map, so the text can be searched and copied) in
// the Go fonts of golang.org/x/image, which cover Latin with its
// diacritics, Greek and Cyrillic; the display page is drawn with the same
// fonts. XML is written with encoding/xml. The tests validate the ELM
// export with github.com/santhosh-tekuri/jsonschema/v6, offline.
package europass
