package europass

import (
	"fmt"
	"strings"
	"time"

	"github.com/satchel-wallet/satchel/wallet/credential"
)

// The words the exports put around a credential's own values, in English:
// verdicts, dates, the conversion statement. The values themselves are
// shown in the learner's language where the credential has it.

// longDate writes a date as a reader would: "8 January 2024".
func longDate(t time.Time) string { return t.UTC().Format("2 January 2006") }

// awardingName names who awarded the credential: the awarding body, else
// the issuer, by name, else by identifier.
func awardingName(c *credential.Credential, lang string) string {
	p := c.Issuer
	if c.AwardingBody != nil && !c.AwardingBody.IsZero() {
		p = *c.AwardingBody
	}
	return partyName(p, lang)
}

func partyName(p credential.Party, lang string) string {
	if n := p.Name.In(lang); n != "" {
		return n
	}
	return p.ID
}

// formatWords names a credential's original format for people.
func formatWords(c *credential.Credential) string {
	if c.Profile != "" {
		return c.Profile
	}
	switch c.Format {
	case credential.FormatVCLDP:
		return "W3C Verifiable Credential"
	case credential.FormatVCJWT:
		return "Verifiable Credential as a JWT"
	case credential.FormatSDJWT:
		return "SD-JWT Verifiable Credential"
	case credential.FormatEDC:
		return "European Digital Credential"
	case credential.FormatEDCIXML:
		return "Europass credential (XML)"
	case credential.FormatOB2:
		return "Open Badges 2.0 badge"
	}
	return string(c.Format)
}

// verdictWords is the verdict as a heading: "Verified", "Not verified",
// "Rejected", or "Not checked" for a credential never verified.
func verdictWords(v credential.Verification) string {
	switch v.Verdict {
	case credential.Verified:
		return "Verified"
	case credential.NotVerified:
		return "Not verified"
	case credential.Rejected:
		return "Rejected"
	}
	return "Not checked"
}

// verificationWords says in sentences what the verification found: the
// verdict with the date it was reached, what the proof check established,
// and every check that failed or warned. Checks that passed other than
// the proof say nothing a reader of an export needs; the holder check's
// sentences speak to the learner ("issued to you") and are left out.
func verificationWords(c *credential.Credential) []string {
	v := c.Verification
	head := verdictWords(v)
	if !v.CheckedAt.IsZero() {
		head += " by Satchel on " + longDate(v.CheckedAt)
	}
	return append([]string{head + signedBy(c) + "."}, checkSentences(v)...)
}

// verificationDetail is verificationWords without the verdict, for a
// layout that shows the verdict on its own.
func verificationDetail(c *credential.Credential) []string {
	v := c.Verification
	var out []string
	if !v.CheckedAt.IsZero() {
		out = append(out, "Checked by Satchel on "+longDate(v.CheckedAt)+signedBy(c)+".")
	}
	return append(out, checkSentences(v)...)
}

// signedBy names who signed a verified credential, as a clause: by name
// and identifier when the signer is the issuer and the issuer has a name.
func signedBy(c *credential.Credential) string {
	v := c.Verification
	if v.Verdict != credential.Verified || v.Signer == "" {
		return ""
	}
	signer := v.Signer
	if name := c.Issuer.Name.In(defaultLang); signer == c.Issuer.ID && name != "" {
		signer = name + " (" + signer + ")"
	}
	return ": the signature of " + signer + " is intact"
}

// checkSentences are the messages of the checks a reader should know of.
func checkSentences(v credential.Verification) []string {
	var out []string
	for _, ch := range v.Checks {
		if ch.Check == credential.CheckHolder {
			continue
		}
		switch {
		case ch.Check == credential.CheckProof && ch.Status == credential.OK && v.Signer == "":
			out = append(out, ch.Message)
		case ch.Status == credential.Failed, ch.Status == credential.Warning && ch.Check != credential.CheckIssuer:
			out = append(out, ch.Message)
		case ch.Check == credential.CheckProof && ch.Status == credential.Skipped:
			out = append(out, ch.Message)
		}
	}
	return out
}

// conversionStatement is the statement a converted credential carries:
// who converted it, when, from what, what the original's verification
// found, and that the copy is not sealed.
func conversionStatement(c *credential.Credential, wallet, version string, now time.Time) string {
	var sb strings.Builder
	fmt.Fprintf(&sb, "Converted on %s by %s %s, the learner's own wallet, from %s", now.UTC().Format(time.RFC3339), wallet, version, article(formatWords(c)))
	if c.SourceID != "" {
		fmt.Fprintf(&sb, " with the identifier %s", c.SourceID)
	}
	if name := partyName(c.Issuer, defaultLang); name != "" {
		fmt.Fprintf(&sb, ", issued by %s", name)
		if c.Issuer.ID != "" && c.Issuer.ID != name {
			fmt.Fprintf(&sb, " (%s)", c.Issuer.ID)
		}
	}
	sb.WriteString(". ")
	sb.WriteString(strings.Join(verificationWords(c), " "))
	sb.WriteString(" This converted copy carries no seal or signature of its issuer: it is not the original and cannot prove on its own that the issuer said this. To rely on it, verify the original credential.")
	return sb.String()
}

// article puts "a" or "an" before a noun phrase.
func article(s string) string {
	if s == "" {
		return "a credential"
	}
	lower := strings.ToLower(s)
	switch {
	case strings.HasPrefix(lower, "eu"), strings.HasPrefix(lower, "uni"):
		return "a " + s
	case strings.HasPrefix(lower, "sd-"), strings.ContainsRune("aeiou", rune(lower[0])):
		return "an " + s
	}
	return "a " + s
}
