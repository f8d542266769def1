package ob2

import (
	"context"
	"encoding/json"
	"strings"
	"time"

	"github.com/satchel-wallet/satchel/wallet/credential"
)

// futureLeeway is how far in the future an issue date may lie before it
// is reported: issuers' clocks and time zones differ by hours, not days.
const futureLeeway = 24 * time.Hour

// reading builds the reading of an assertion: the normalised credential
// and the format, proof, holder and accreditation checks. sig is the JWS
// it came in, if signed; kind the image it was baked in, if any.
func reading(ctx context.Context, a *assertion, sig *signed, kind string, opts Options) *credential.Reading {
	c := normalise(a)
	c.Profile = "Open Badges " + a.version + " assertion"
	switch {
	case sig != nil:
		c.Profile += " (signed)"
		c.MediaType = "application/jose"
	default:
		c.Profile += " (hosted)"
		c.MediaType = "application/json"
	}
	if kind != "" {
		c.Profile += ", baked in a " + kind + " image"
	}
	r := &credential.Reading{}
	identity, idType, hash, salt := recipient(a.m)
	if identity != "" {
		c.Learner.ID = identity
		r.Subjects = []string{identity}
	}
	r.Checks = formatChecks(a, c, opts.now())
	r.Checks = append(r.Checks, proofCheck(ctx, a, sig, r, opts))
	if hash != "" {
		if idType == "" {
			idType = "identity"
		}
		r.Checks = append(r.Checks, credential.NewCheck(credential.CheckHolder, credential.Warning, "holder.ob2-hashed",
			map[string]string{"Type": idType, "Hash": hash, "Salt": salt},
			"recipient identity "+hash+" with salt "+salt+"; see ob2.RecipientMatches"))
	}
	r.Checks = append(r.Checks, credential.NewCheck(credential.CheckAccreditation, credential.Skipped, "accreditation.n/a", nil, ""))
	r.Credential = c
	r.Identity = identityOf(a, sig)
	return r
}

// formatChecks reports what the assertion itself shows: its profile, an
// unknown context, what is only referenced by URL, and impossible dates.
func formatChecks(a *assertion, c credential.Credential, now time.Time) []credential.Check {
	checks := []credential.Check{credential.NewCheck(credential.CheckFormat, credential.OK, "format.ok", map[string]string{"Profile": c.Profile}, "")}
	add := func(status credential.Status, code string, args map[string]string, detail string) {
		checks = append(checks, credential.NewCheck(credential.CheckFormat, status, code, args, detail))
	}
	if a.context != "" {
		add(credential.Failed, "format.unknown-context", map[string]string{"URL": a.context}, "")
	}
	if c.Issued.IsZero() {
		add(credential.Failed, "format.malformed", map[string]string{"Profile": c.Profile, "Problem": "it has no readable date of issue (issuedOn)"}, "")
	}
	if a.m["recipient"] == nil {
		add(credential.Failed, "format.malformed", map[string]string{"Profile": c.Profile, "Problem": "it does not say whom it was issued to (recipient)"}, "")
	}
	switch {
	case a.badgeURL != "":
		add(credential.Warning, "format.ob2-badge-remote", map[string]string{"URL": a.badgeURL}, "badge referenced by URL, not embedded")
	case a.issuerURL != "":
		add(credential.Warning, "format.ob2-issuer-remote", map[string]string{"URL": a.issuerURL}, "issuer referenced by URL, not embedded")
	}
	if !c.Issued.IsZero() && !c.ValidUntil.IsZero() && c.ValidUntil.Before(c.Issued) {
		add(credential.Failed, "format.ob2-dates", map[string]string{"Until": day(c.ValidUntil), "Issued": day(c.Issued)}, "")
	}
	if c.Issued.After(now.Add(futureLeeway)) {
		add(credential.Failed, "format.ob2-future", map[string]string{"Date": day(c.Issued)}, "")
	}
	return checks
}

// proofCheck checks the signature of a signed badge (sig) or says why a
// hosted one cannot be checked offline. It records the signer in r.
func proofCheck(ctx context.Context, a *assertion, sig *signed, r *credential.Reading, opts Options) credential.Check {
	proof := func(status credential.Status, code string, args map[string]string, detail string) credential.Check {
		return credential.NewCheck(credential.CheckProof, status, code, args, detail)
	}
	if sig == nil {
		if a.verifyType == "signed" {
			return proof(credential.Failed, "proof.ob2-signature-missing", nil, "verification.type is signed, but the input is the bare JSON")
		}
		return proof(credential.Skipped, "proof.hosted-offline", nil, "hosted at "+str(a.m, "id"))
	}
	if sig.alg == "none" || strings.HasPrefix(sig.alg, "HS") {
		return proof(credential.Failed, "proof.ob2-invalid", map[string]string{"Problem": "it uses " + sig.alg + ", which does not show who signed it"}, "alg "+sig.alg)
	}
	if a.creator == "" {
		return proof(credential.Skipped, "proof.ob2-no-creator", nil, "no verification.creator")
	}
	res := sig.verify(ctx, a.creator, opts.Keys)
	key := map[string]string{"Key": a.creator}
	switch res.status {
	case proofNoNetwork:
		return proof(credential.Skipped, "proof.needs-network", key, res.detail)
	case proofNoKey:
		return proof(credential.Skipped, "proof.key-not-found", key, res.detail)
	case proofInvalid:
		return proof(credential.Failed, "proof.ob2-invalid", map[string]string{"Problem": res.problem}, res.detail)
	case proofChanged:
		return proof(credential.Failed, "proof.failed", nil, res.detail)
	}
	r.Signer = a.creator
	if res.owner != "" {
		r.Signer = res.owner
	}
	r.SignerNames = []string{r.Signer}
	if r.Signer != a.creator {
		r.SignerNames = append(r.SignerNames, a.creator)
	}
	return proof(credential.OK, "proof.ok", map[string]string{"Signer": r.Signer}, res.detail)
}

// identityOf is what makes the badge this badge: its signature when
// signed, else the assertion in a canonical form (members sorted, no
// insignificant space), so that reformatted copies are one badge.
func identityOf(a *assertion, sig *signed) []byte {
	if sig != nil && len(sig.signature) > 0 {
		return sig.signature
	}
	b, err := json.Marshal(a.m) // encoding/json sorts map keys
	if err != nil {
		return nil
	}
	return b
}

func day(t time.Time) string { return t.UTC().Format("2 January 2006") }
