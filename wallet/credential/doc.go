// Package credential is Satchel's model of a credential: the normalised view
// with the EU standard elements of a micro-credential (Council
// Recommendation 2022/C 243/02, Annex I) that every format is mapped onto,
// multilingual values, and the verification result as a list of checks.
//
// Format packages (vc, elm, edci, ob2) fill a [Credential] and report the
// checks they can make (format, proof, accreditation); package wallet adds
// the checks that need the wallet (holder, validity, status, issuer),
// decides the [Verdict] and stores the result. Nothing here does I/O.
package credential
