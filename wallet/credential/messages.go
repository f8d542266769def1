package credential

// messages are the English sentences of the checks that package wallet and
// the common formats make. Format packages register their own codes.
var messages = map[string]string{
	// format
	"format.ok":              "Recognised as: {{.Profile}}.",
	"format.too-large":       "The file is {{.Size}}, larger than the {{.Limit}} Satchel accepts. It was not imported.",
	"format.too-deep":        "The file nests data more than {{.Limit}} levels deep, which no credential does. It was not imported.",
	"format.not-utf8":        "The file is not text Satchel can read (not UTF-8).",
	"format.unknown":         "Satchel does not recognise this file as a credential.",
	"format.malformed":       "The file is damaged or incomplete ({{.Profile}}): {{.Problem}}.",
	"format.unknown-context": "The credential uses a vocabulary Satchel does not have ({{.URL}}). Satchel works offline and does not fetch vocabularies, so it cannot check what the credential means.",
	"format.remote":          "The badge only points to its record on the web ({{.URL}}); reading it needs the network, which you have not allowed.",
	"format.missing":         "The credential lacks its {{.Member}}, which every credential must state.",
	"format.unsafe":          "Part of the credential is not defined by its vocabulary ({{.Problem}}), so a signature over it would not cover what it says.",
	// proof
	"proof.ok":                "The issuer's signature is intact: signed by {{.Signer}}.",
	"proof.ok-at":             "The issuer's signature is intact: signed by {{.Signer}} on {{.Date}}.",
	"proof.none":              "The credential carries no signature or seal, so nothing shows that it comes from its issuer or was not changed.",
	"proof.failed":            "The signature does not match the credential: it was changed after signing, or signed by someone else.",
	"proof.key-not-found":     "Satchel could not find the issuer's key ({{.Key}}) to check the signature.",
	"proof.needs-network":     "The issuer's key is published on the web ({{.Key}}); checking it needs the network, which you have not allowed.",
	"proof.unsupported":       "The credential is signed with a method Satchel cannot check ({{.Method}}).",
	"proof.embedded-key":      "The signature is intact, but it was checked with a key the credential carries itself, so it proves only that the content was not changed, not who issued it.",
	"proof.issuer-mismatch":   "The credential is signed by {{.Signer}}, not by the issuer it names ({{.Issuer}}).",
	"proof.disclosure-failed": "A disclosed part of the credential does not match what the issuer signed: {{.Problem}}.",
	"proof.disclosures-ok":    "The issuer's signature is intact and all {{.Count}} disclosed claims match what was signed: signed by {{.Signer}}.",
	"proof.not-checked":       "The signature was not checked: {{.Reason}}.",
	"proof.hosted-offline":    "This is a hosted badge: checking it means asking the issuer's web site, which needs the network.",
	// holder
	"holder.ok":         "The credential was issued to you ({{.Holder}}).",
	"holder.ok-key":     "The credential is bound to your key ({{.Holder}}).",
	"holder.other":      "The credential was issued to someone else ({{.Subject}}), not to any of your profiles.",
	"holder.name-match": "The credential names you ({{.Name}}) but not by one of your identifiers; only the name matches.",
	"holder.name-other": "The credential is issued to {{.Name}}, which does not match your profiles.",
	"holder.unknown":    "The credential does not say who it was issued to in a way Satchel can compare with your profiles.",
	"holder.no-profile": "The wallet has no holder profile to compare with.",
	// validity
	"validity.ok":       "The credential is valid now.",
	"validity.ok-until": "The credential is valid until {{.Until}}.",
	"validity.expired":  "The credential expired on {{.Until}}.",
	"validity.not-yet":  "The credential is not valid before {{.From}}.",
	"validity.no-dates": "The credential states no validity period.",
	// status
	"status.offline":     "The issuer publishes a revocation list ({{.URL}}); checking it needs the network, which you have not allowed.",
	"status.none":        "The issuer does not publish a revocation status for this credential.",
	"status.ok":          "The issuer has not revoked or suspended this credential (checked {{.Date}}).",
	"status.revoked":     "The issuer has revoked this credential.",
	"status.suspended":   "The issuer has suspended this credential.",
	"status.error":       "Satchel could not check the revocation status: {{.Problem}}.",
	"status.unsupported": "The issuer publishes its status in a way Satchel cannot check ({{.Type}}).",
	// issuer
	"issuer.trusted": "{{.Name}} is on your trust list (source: {{.Source}}).",
	"issuer.unknown": "{{.Issuer}} is not on your trust list. That does not mean the credential is false, only that Satchel cannot vouch for who the issuer is.",
	// accreditation
	"accreditation.ok":       "The credential names its accreditation: {{.Names}}.",
	"accreditation.none":     "The credential states no accreditation.",
	"accreditation.mismatch": "The accreditation it names does not cover its awarding body: {{.Problem}}.",
	"accreditation.n/a":      "Accreditation applies to European Digital Credentials only.",
}
