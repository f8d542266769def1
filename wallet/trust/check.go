package trust

import (
	"strings"

	"github.com/satchel-wallet/satchel/wallet/credential"
)

// Check decides the issuer check of a credential with the trust list l
// (nil is an empty list): issuer.trusted (ok) naming the entry and its
// source when the signer or one of its names is on the list (see
// [List.Match]), issuer.unknown (a warning, never a failure) otherwise.
// issuerID and issuerName are what the credential claims; they name the
// issuer in the message but are never matched, because only the signer
// was established by the proof. An unsigned credential (empty signer and
// names) is therefore always unknown.
func Check(l *List, issuerID, issuerName, signer string, signerNames []string) credential.Check {
	return l.Check(issuerID, issuerName, signer, signerNames)
}

// Check is the function [Check] as a method, so that a *List can serve
// where the wallet expects its trust list.
func (l *List) Check(issuerID, issuerName, signer string, signerNames []string) credential.Check {
	if m := l.match(signer, signerNames); m.rank != noMatch {
		detail := "matched by " + m.why
		if signer != "" {
			detail += "; signer " + signer
		}
		return credential.NewCheck(credential.CheckIssuer, credential.OK, "issuer.trusted",
			map[string]string{"Name": m.entry.Name, "Source": m.entry.Source}, detail)
	}
	who := firstNonEmpty(issuerName, issuerID, signer, "The issuer")
	var detail string
	switch {
	case signer == "" && len(signerNames) == 0:
		detail = "the credential's signer is not established, so the trust list was not consulted"
	case l == nil || l.Len() == 0:
		detail = "the trust list is empty"
	default:
		detail = "no entry matches the signer " + signer
		if len(signerNames) > 0 {
			detail += " (" + strings.Join(signerNames, ", ") + ")"
		}
	}
	return credential.NewCheck(credential.CheckIssuer, credential.Warning, "issuer.unknown", map[string]string{"Issuer": who}, detail)
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if strings.TrimSpace(v) != "" {
			return v
		}
	}
	return ""
}
