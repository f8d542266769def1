package elm

import "github.com/satchel-wallet/satchel/wallet/credential"

// messages are the English sentences of the check codes this package adds.
// It also uses codes that package credential registers: format.ok,
// format.malformed, proof.none, proof.failed, proof.unsupported,
// proof.key-not-found, accreditation.ok, accreditation.none and
// accreditation.mismatch. The codes here carry "elm" in their name so that
// they cannot clash with another format's (Europass XML seals have their
// own).
var messages = map[string]string{
	// proof
	"proof.elm-sealed": "The {{if .Presentation}}presentation{{else}}credential{{end}}'s electronic seal is intact: " +
		"sealed by {{.Signer}}{{if .OrgID}} ({{.OrgID}}){{end}}{{if .Date}} on {{.Date}}{{end}}. " +
		`{{if eq .Level "qualified"}}Its certificate states that it is a qualified certificate for electronic seals, with the key on a qualified seal creation device.` +
		`{{else if eq .Level "qualified-cert"}}Its certificate states that it is a qualified certificate for electronic seals; it does not state that the key is on a qualified seal creation device.` +
		`{{else if eq .Level "qualified-esig"}}Its certificate is a qualified certificate for electronic signatures, not for seals.` +
		`{{else}}Its certificate is not a qualified certificate.{{end}} ` +
		"{{if .Date}}The certificate was valid on the day of sealing{{if .ExpiredOn}}; it expired on {{.ExpiredOn}}, which does not affect a seal made while it was valid{{end}}." +
		"{{else}}The seal does not say when it was made; its certificate is valid today.{{end}}" +
		"{{if .IssuerID}} The credential gives its issuer another identifier ({{.IssuerID}}) than the seal's certificate does.{{end}}",
	"proof.elm-cert-time": "The seal matches the {{if .Presentation}}presentation{{else}}credential{{end}}, but its certificate was not valid " +
		"{{if .Date}}on the day of sealing ({{.Date}}){{else}}today (the seal does not say when it was made){{end}}: it is valid from {{.From}} to {{.Until}}.",
	"proof.elm-cert-use": "The seal matches, but its certificate is not one that may make seals: {{.Problem}}.",
	"proof.elm-chain":    "The seal matches, but the certificates it carries do not form a chain: {{.Problem}}.",
	"proof.elm-header":   "The seal breaks the rules of its format (JAdES), so Satchel cannot tell what it covers: {{.Problem}}.",
	// issuer
	"issuer.elm-trusted-lists": "The seal's certificate chain was not checked against the EU trusted lists: that needs the EU trusted list data, which Satchel does not bundle." +
		"{{if .CA}} Within the file, the certificate was issued by {{.CA}}.{{end}}",
	// accreditation
	"accreditation.elm-expired": "The accreditation it names ({{.Name}}) expired on {{.Expired}}, before the credential was issued on {{.Issued}}.",
	"accreditation.elm-scope":   "The accreditation it names ({{.Name}}) does not cover this credential: {{.Problem}}.",
}

func init() { credential.RegisterMessages(messages) }
