package share

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/satchel-wallet/satchel/wallet/credential"
)

// timeChecks are the checks of what the verifier asked for: the
// challenge, the domain, and the validity period at now.
func timeChecks(rd *reading, opts VerifyOptions, now time.Time) []credential.Check {
	if rd.unchecked != "" {
		why := map[string]string{"Reason": rd.unchecked}
		return []credential.Check{
			credential.NewCheck(CheckChallenge, credential.Skipped, "vp.unchecked", why, ""),
			credential.NewCheck(CheckDomain, credential.Skipped, "vp.unchecked", why, ""),
			credential.NewCheck(credential.CheckValidity, credential.Skipped, "vp.unchecked", why, ""),
		}
	}
	return []credential.Check{
		challengeCheck(opts.Challenge, rd.challenge),
		domainCheck(opts.Domain, rd.audience),
		validityCheck(rd.from, rd.till, now, opts.MaxAge),
	}
}

func challengeCheck(want, have string) credential.Check {
	switch {
	case want == "":
		return credential.NewCheck(CheckChallenge, credential.Warning, "vp.challenge-unasked", nil, "presentation challenge "+strconv.Quote(short(have)))
	case have == "":
		return credential.NewCheck(CheckChallenge, credential.Failed, "vp.challenge-missing", nil, "want "+strconv.Quote(short(want)))
	case have != want:
		return credential.NewCheck(CheckChallenge, credential.Failed, "vp.challenge-wrong", nil, "challenge "+strconv.Quote(short(have))+", want "+strconv.Quote(short(want)))
	}
	return credential.NewCheck(CheckChallenge, credential.OK, "vp.challenge-ok", nil, "")
}

func domainCheck(want string, got []string) credential.Check {
	have := strings.Join(got, ", ")
	switch {
	case want == "":
		if have == "" {
			have = "nobody in particular"
		}
		return credential.NewCheck(CheckDomain, credential.Warning, "vp.domain-unasked", map[string]string{"Got": short(have)}, "")
	case len(got) == 0:
		return credential.NewCheck(CheckDomain, credential.Failed, "vp.domain-missing", nil, "want "+strconv.Quote(short(want)))
	case !slices.Contains(got, want):
		return credential.NewCheck(CheckDomain, credential.Failed, "vp.domain-wrong", map[string]string{"Got": short(have), "Domain": short(want)}, "")
	}
	return credential.NewCheck(CheckDomain, credential.OK, "vp.domain-ok", map[string]string{"Domain": short(want)}, "")
}

func validityCheck(from, till, now time.Time, maxAge time.Duration) credential.Check {
	detail := "checked at " + now.UTC().Format(time.RFC3339)
	switch {
	case !till.IsZero() && now.After(till.Add(clockSkew)):
		return credential.NewCheck(credential.CheckValidity, credential.Failed, "vp.expired", map[string]string{"Until": when(till)}, "expires "+till.UTC().Format(time.RFC3339)+"; "+detail)
	case !from.IsZero() && now.Before(from.Add(-clockSkew)):
		return credential.NewCheck(credential.CheckValidity, credential.Failed, "vp.not-yet", map[string]string{"From": when(from)}, "valid from "+from.UTC().Format(time.RFC3339)+"; "+detail)
	case maxAge > 0 && !from.IsZero() && now.After(from.Add(maxAge+clockSkew)):
		return credential.NewCheck(credential.CheckValidity, credential.Failed, "vp.too-old", map[string]string{"Created": when(from), "MaxAge": maxAge.String()}, detail)
	case till.IsZero():
		return credential.NewCheck(credential.CheckValidity, credential.Warning, "vp.no-expiry", nil, detail)
	}
	return credential.NewCheck(credential.CheckValidity, credential.OK, "vp.valid-until", map[string]string{"Until": when(till)}, "expires "+till.UTC().Format(time.RFC3339))
}

// credentialsCheck sums up the credentials' verdicts.
func credentialsCheck(creds []CredentialResult) credential.Check {
	n := strconv.Itoa(len(creds))
	if len(creds) == 0 {
		return credential.NewCheck(CheckCredentials, credential.Warning, "vp.credentials-none", nil, "")
	}
	failed := 0
	var detail []string
	for i, c := range creds {
		if v := c.Credential.Verification.Verdict; v != credential.Verified {
			failed++
			detail = append(detail, "#"+strconv.Itoa(i+1)+" "+string(v))
		}
	}
	if failed > 0 {
		return credential.NewCheck(CheckCredentials, credential.Failed, "vp.credentials-failed", map[string]string{"Failed": strconv.Itoa(failed), "Count": n}, strings.Join(detail, "; "))
	}
	return credential.NewCheck(CheckCredentials, credential.OK, "vp.credentials-ok", map[string]string{"Count": n}, "")
}

// subjectCheck turns the wallet's holder check, made with the presenting
// holder as the one profile, into the check a verifier needs: whether the
// credential was issued to whoever presented it. Unlike at import, a
// credential issued to someone else fails: presenting it proves nothing
// about the presenter. A credential that names its learner only by name
// is a warning, for the verifier to compare with the person.
func subjectCheck(c credential.Check, holder string) credential.Check {
	detail := c.Detail
	switch c.Code {
	case "holder.ok":
		return credential.NewCheck(credential.CheckHolder, credential.OK, "vp.subject-ok", nil, "subject "+holder)
	case "holder.ok-key":
		return credential.NewCheck(credential.CheckHolder, credential.OK, "vp.subject-key", nil, "bound to the key of "+holder)
	case "holder.other":
		return credential.NewCheck(credential.CheckHolder, credential.Failed, "vp.subject-other", map[string]string{"Subject": c.Args["Subject"], "Holder": holder}, detail)
	case "holder.name-match", "holder.name-other":
		return credential.NewCheck(credential.CheckHolder, credential.Warning, "vp.subject-name", map[string]string{"Name": c.Args["Name"]}, detail)
	case "holder.no-profile":
		return credential.NewCheck(credential.CheckHolder, credential.Skipped, "vp.subject-unchecked", nil, detail)
	}
	return credential.NewCheck(credential.CheckHolder, credential.Warning, "vp.subject-unknown", nil, detail)
}

// when writes a time the way a person reads it, to the minute: a
// presentation's period is hours, not days.
func when(t time.Time) string { return t.UTC().Format("2 January 2006, 15:04 UTC") }

// short cuts a value from the input to a length fit for a message.
func short(s string) string {
	const limit = 80
	if len(s) <= limit {
		return s
	}
	return strings.ToValidUTF8(s[:limit], "") + "…"
}
