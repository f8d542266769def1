// Package share makes what a learner hands to someone else, and checks
// what others hand over: presentations signed with the holder's key, QR
// codes that carry them (package share/qr) and Europass exports. It
// builds on package wallet and is used by the ui and the command line.
//
// # Presentations
//
// [Present] signs a presentation of credentials from the wallet with a
// holder profile's key ([wallet.Signer]) and returns its bytes and a
// [Record] for the presentation log: which credentials, in what format,
// which claims were revealed, to whom, when, until when — never the
// shared values themselves. [PresentStored] does the same from credential
// ids. Every credential goes in as its original, byte for byte (JSON
// compacted), so that its issuer's signature still verifies.
//
// The formats ([Format]) and which credentials go in which:
//
//	credential \ format      vp-jwt   vp-jwt-v2   ldp                          sd-jwt
//	VC 1.1 JSON-LD (signed)  object   -           VC 1.1 VP, Ed25519Sig2020    -
//	VC 2.0 JSON-LD (signed)  -        object      VC 2.0 VP, eddsa-rdfc-2022   -
//	VC-JWT, VC 1.1 claims    string   -           -                            -
//	VC-JWT, VC 2.0 JOSE      -        enveloped   -                            -
//	SD-JWT VC                -        -           -                            one, with KB-JWT
//	EDC, Europass XML, OB2   -        -           -                            -
//
// In detail:
//
//   - vp-jwt ([FormatVPJWT]) is the VC 1.1 JWT encoding did-jwt-vc verifies
//     (iss, aud = domain, nonce = challenge, jti, nbf, iat, exp, and vp).
//     Those verifiers require the VC 1.1 context in every credential, so
//     VC 2.0 credentials go in vp-jwt-v2 or ldp instead.
//   - vp-jwt-v2 ([FormatVPJWTV2]) is VC-JOSE-COSE (typ vp+jwt): VC 2.0
//     credentials, tokens as EnvelopedVerifiableCredential data: URLs.
//   - ldp ([FormatLDP]) is a JSON-LD presentation whose Data Integrity
//     proof (purpose authentication) carries the challenge, domain and an
//     expires. One presentation holds one VC version. An Ed25519 holder
//     signs VC 2.0 with eddsa-rdfc-2022 and VC 1.1 with Ed25519Signature2020
//     (what VC 1.1 verifiers know); a P-256 holder signs VC 2.0 with
//     ecdsa-rdfc-2019 and cannot sign VC 1.1 ([ErrHolderKey]).
//   - sd-jwt ([FormatSDJWT]) is one SD-JWT VC with only the disclosures in
//     [Options.Disclose] (and those they sit in) and a Key Binding JWT
//     (typ kb+jwt; iat, aud, nonce, exp, sd_hash) signed by the holder key,
//     which must be the credential's cnf key. Challenge and domain are
//     required.
//   - A European Digital Credential is sealed with JAdES, a Europass XML
//     credential is XML and an Open Badges 2.0 assertion is no Verifiable
//     Credential: none goes in a W3C presentation; they are shared as their
//     original files. An unsigned JSON-LD credential is refused too.
//
// A credential that does not fit is refused with an [*IncompatibleError]
// before anything is signed; [Compatible] asks in advance.
//
// Presentations expire [DefaultExpiry] after signing unless
// [Options.Expires] says otherwise. A stack's [Summary] (name, total ECTS
// and hours, member count) goes in as "stackSummary" where the format
// allows it without breaking third-party verifiers: a JWT claim in
// vp-jwt, a member of a VC 2.0 presentation (vp-jwt-v2 and VC 2.0 ldp,
// its terms defined by an inline @context in the W3C's undefined-term
// namespace, since the final VC 2.0 context has no @vocab). It is left
// out of VC 1.1 ldp and sd-jwt presentations.
//
// # Verification
//
// [VerifyPresentation] verifies a VP-JWT (VC 1.1 or VC 2.0 JOSE), a
// JSON-LD presentation or an SD-JWT with key binding, offline unless
// asked. Its [Result] has the holder, a verdict, the presentation's own
// checks — format, proof (the holder's signature, made by the holder the
// presentation names, or the key binding by the credential's cnf key),
// challenge, domain, validity, credentials — each a credential.Check with
// a status, a sentence (codes "vp.*", registered with
// credential.RegisterMessages) and a technical detail, and for each
// credential inside its normalised view with the checks of import
// ([wallet.Checker]). There the holder check compares the credential's
// subject with the presenting holder: a credential issued to another DID
// fails it, one that names its learner only by name is a warning.
//
// A challenge or domain the verifier does not give is a warning, not a
// pass. Where the third-party verifiers are laxer, Satchel is stricter:
// it binds a JSON-LD proof's signer to the presentation's holder, rejects
// an SD-JWT holding a disclosure its issuer did not sign, and checks a
// Data Integrity proof's expires and a KB-JWT's exp, which
// @digitalbazaar/vc and @sd-jwt 0.19 ignore.
package share
