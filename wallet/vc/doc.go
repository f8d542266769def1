// Package vc maps W3C Verifiable Credentials onto Satchel's credential
// model: Open Badges 3.0 and CLR 2.0 credentials, any other VC 1.1 or 2.0
// credential as JSON (whether it arrived as JSON-LD, inside a VC-JWT, or as
// the processed claims of an SD-JWT VC).
//
// Where the data model has no field for an EU standard element, the
// conventions real issuers use are read:
//
//   - ECTS credits: credentialSubject.creditsEarned, else
//     achievement.creditsAvailable;
//   - EQF level: an achievement alignment whose targetUrl is
//     http://data.europa.eu/snb/eqf/N, or whose targetType is ext:EQFLevel
//     or whose framework is the European Qualifications Framework, with
//     targetCode N;
//   - learning outcomes: alignments with targetType ceasn:Competency (or
//     another competency type), with ESCO skill links where the target URL
//     is an ESCO URI;
//   - assessment type, participation form, quality assurance, prerequisites,
//     supervision and identity verification, integration and stackability,
//     further information: extension terms the credential defines in its
//     own @context. They are found by the IRI the context gives them (its
//     local name, e.g. ...#assessmentType), so an issuer may spell the term
//     as it likes; the plain English term names are accepted too;
//   - grade: credentialSubject.result[].value, named by the achievement's
//     resultDescription;
//   - field of study: achievement.fieldOfStudy ("0421 Law" gives ISCED-F
//     code 0421); language: achievement.inLanguage.
//
// SD-JWT VCs carry flat claims; [FromSDJWTClaims] reads the claim names of
// the EU micro-credential SD-JWT VC type (learner_name, ects_credits,
// eqf_level, learning_outcomes, ...).
//
// Values may be plain strings or VC 2.0 language-tagged values
// ({"@value": ..., "@language": ...}, or arrays of them); both become
// credential.Text.
package vc
