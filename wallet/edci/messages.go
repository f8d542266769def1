package edci

import "github.com/satchel-wallet/satchel/wallet/credential"

// messages are the English sentences of the check codes this package adds
// to those of package credential (format.ok, proof.none, proof.failed,
// accreditation.ok, accreditation.none, accreditation.mismatch).
var messages = map[string]string{
	"format.edci-presentation":   "This is a Europass presentation holding {{.Count}} credential(s); Satchel imports each of them on its own.",
	"proof.edci-sealed":          "The seal is intact: sealed by {{.Signer}} on {{.Date}}, with a certificate that was valid then.",
	"proof.edci-sealed-undated":  "The seal is intact: sealed by {{.Signer}}, with a certificate that is valid now (the seal does not say when it was made).",
	"proof.edci-invalid":         "The seal cannot be accepted: {{.Problem}}.",
	"proof.edci-skipped":         "Satchel cannot check this seal: {{.Problem}}.",
	"proof.edci-embedded":        "The credentials in this presentation ({{.Count}}) have no seal of their own: only the presentation's seal covers them. Imported on their own they show as unsealed, so keep the presentation file as their proof.",
	"accreditation.edci-missing": "The credential refers to an accreditation ({{.Ref}}) that it does not include, so Satchel cannot show or check it.",
}

func init() { credential.RegisterMessages(messages) }
