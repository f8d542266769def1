package ob2

import "github.com/satchel-wallet/satchel/wallet/credential"

// messages are the English sentences of the check codes this package adds
// to those of package credential (format.ok, format.malformed,
// format.unknown-context, proof.ok, proof.failed, proof.hosted-offline,
// proof.needs-network, proof.key-not-found, accreditation.n/a).
var messages = map[string]string{
	"format.ob2-badge-remote":     "The badge's description (its name, criteria and issuer) is published on the web at {{.URL}}. Satchel works offline and shows only what the badge file itself holds.",
	"format.ob2-issuer-remote":    "The issuer's profile is published on the web at {{.URL}}. Satchel works offline and shows only its address.",
	"format.ob2-dates":            "The badge says it expires on {{.Until}}, before it was issued on {{.Issued}}.",
	"format.ob2-future":           "The badge says it was issued on {{.Date}}, which is in the future.",
	"format.ob2-baked-ob3":        "This image carries an Open Badges 3.0 credential, which Satchel reads on its own.",
	"proof.ob2-container":         "The image itself carries no signature: the credential baked into it is checked on its own.",
	"proof.ob2-signature-missing": "The badge says it is signed, but this file holds the assertion without its signature, so nothing shows that it comes from its issuer.",
	"proof.ob2-no-creator":        "The badge is signed but does not say where its key is published, so Satchel cannot check the signature.",
	"proof.ob2-invalid":           "The badge's signature cannot be accepted: {{.Problem}}.",
	"holder.ob2-hashed":           "The badge names its recipient only by a salted hash of their {{.Type}}, so Satchel cannot tell whose it is without being told that {{.Type}}.",
}

func init() { credential.RegisterMessages(messages) }
