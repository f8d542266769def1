package share

import "github.com/satchel-wallet/satchel/wallet/credential"

// The checks of a presentation that credentials do not have. The others
// are credential.CheckFormat, CheckProof (the holder's signature, or an
// SD-JWT's key binding) and CheckValidity (the presentation's own
// period).
const (
	// CheckChallenge: the presentation answers the verifier's challenge.
	CheckChallenge credential.CheckName = "challenge"
	// CheckDomain: the presentation is addressed to the verifier.
	CheckDomain credential.CheckName = "domain"
	// CheckCredentials: every credential inside verifies.
	CheckCredentials credential.CheckName = "credentials"
)

// messages are the English sentences of the presentation checks. They
// speak to the verifier ("you"), who checks what a holder presented; a
// credential's own checks keep their sentences, except the holder check,
// which here compares the credential's subject with the presenting holder.
var messages = map[string]string{
	"vp.not-presentation": "This is not a presentation: {{.Problem}}. A single credential is checked by importing it.",
	"vp.too-large":        "The presentation is {{.Size}} bytes, more than the {{.Limit}} Satchel reads. It was not checked.",
	"vp.too-many":         "The presentation carries {{.Count}} credentials, more than the {{.Limit}} Satchel checks in one presentation. It was not checked.",
	// proof
	"vp.proof-ok":            "The holder's signature is intact: signed by {{.Holder}}.",
	"vp.proof-failed":        "The holder's signature does not match the presentation: it was changed after signing, or signed by someone else.",
	"vp.proof-not-holder":    "The presentation is signed by {{.Signer}}, not by the holder it names ({{.Holder}}).",
	"vp.proof-key-not-found": "Satchel could not find the holder's key ({{.Key}}) to check the signature.",
	"vp.proof-needs-network": "The holder's key is published on the web ({{.Key}}); checking it needs the network, which you have not allowed.",
	"vp.proof-unsupported":   "The presentation is signed with a method Satchel cannot check ({{.Method}}).",
	"vp.proof-none":          "The presentation carries no signature by its holder, so nothing shows who presented it.",
	"vp.kb-ok":               "The holder proved that they hold the key the credential is bound to.",
	"vp.kb-missing":          "The credential comes without a key binding, so nothing shows that the person presenting it is the one it was issued to.",
	"vp.kb-no-key":           "The credential is bound to no key, so nobody can prove that they are its holder.",
	"vp.kb-failed":           "The key binding does not verify: it was changed, or signed by a key other than the one the credential is bound to.",
	"vp.kb-unchecked":        "The key binding was not checked, because the credential does not read correctly: {{.Problem}}.",
	"vp.unchecked":           "Not checked: {{.Reason}}.",
	// challenge
	"vp.challenge-ok":      "The presentation answers your challenge, so it was made for this request.",
	"vp.challenge-wrong":   "The presentation answers another challenge than yours: it was made for another request, or it is a replayed copy.",
	"vp.challenge-missing": "The presentation carries no challenge, so it may be a copy replayed from an earlier request.",
	"vp.challenge-unasked": "You gave no challenge, so whether the presentation was made for this request was not checked.",
	// domain
	"vp.domain-ok":      "The presentation is addressed to you ({{.Domain}}).",
	"vp.domain-wrong":   "The presentation is addressed to {{.Got}}, not to you ({{.Domain}}).",
	"vp.domain-missing": "The presentation names no audience, so it could have been made for anyone.",
	"vp.domain-unasked": "You gave no domain, so whom the presentation is addressed to ({{.Got}}) was not checked.",
	// validity
	"vp.valid-until": "The presentation is valid until {{.Until}}.",
	"vp.expired":     "The presentation expired on {{.Until}}; ask the holder for a new one.",
	"vp.too-old":     "The presentation was made on {{.Created}}, longer ago than you accept ({{.MaxAge}}); ask the holder for a new one.",
	"vp.not-yet":     "The presentation is not valid before {{.From}}; check the clocks of both computers.",
	"vp.no-expiry":   "The presentation states no expiry; only its challenge shows that it is recent.",
	// credentials
	"vp.credentials-ok":     "Every credential in the presentation verifies ({{.Count}}).",
	"vp.credentials-failed": "{{.Failed}} of the {{.Count}} credentials in the presentation do not verify; see each below.",
	"vp.credentials-none":   "The presentation carries no credential.",
	// each credential's subject
	"vp.subject-ok":        "The credential was issued to the holder who presented it.",
	"vp.subject-key":       "The credential is bound to the key of the holder who presented it.",
	"vp.subject-other":     "The credential was issued to {{.Subject}}, not to the holder who presented it ({{.Holder}}).",
	"vp.subject-name":      "The credential names its learner ({{.Name}}) but not by an identifier; compare the name with the person presenting it.",
	"vp.subject-unknown":   "The credential does not say whom it was issued to in a way Satchel can compare with the holder.",
	"vp.subject-unchecked": "Whom the credential was issued to was not compared: the presentation names no holder.",
}

func init() { credential.RegisterMessages(messages) }
