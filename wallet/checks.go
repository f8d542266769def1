package wallet

import (
	"context"
	"crypto"
	"strings"
	"time"

	"github.com/satchel-wallet/satchel/wallet/credential"
	"github.com/satchel-wallet/satchel/wallet/status"
	"github.com/satchel-wallet/satchel/wallet/trust"
)

// walletChecks are the checks the wallet adds to every credential, whatever
// its format: holder, validity, status and issuer.
func (c *Checker) walletChecks(ctx context.Context, r *credential.Reading) []credential.Check {
	list := c.Trust
	if list == nil {
		list = trust.New()
	}
	return []credential.Check{
		c.holderCheck(r),
		c.validityCheck(&r.Credential),
		c.statusCheck(ctx, r),
		trust.Check(list, r.Credential.Issuer.ID, issuerWords(&r.Credential), r.Signer, r.SignerNames),
	}
}

func issuerWords(c *credential.Credential) string {
	if n := c.Issuer.Name.In("en"); n != "" {
		return n
	}
	if c.Issuer.ID != "" {
		return c.Issuer.ID
	}
	return "The issuer"
}

// holderCheck compares whom the credential was issued to with the wallet's
// profiles: a subject DID, or the key a credential is bound to. A mismatch
// is a warning, never a failure: credentials issued before the learner had
// this wallet name them otherwise.
func (c *Checker) holderCheck(r *credential.Reading) credential.Check {
	if len(c.Holders) == 0 {
		return credential.NewCheck(credential.CheckHolder, credential.Skipped, "holder.no-profile", nil, "")
	}
	for _, s := range r.Subjects {
		base, _, _ := strings.Cut(s, "#")
		for _, h := range c.Holders {
			if base == h.DID {
				return credential.NewCheck(credential.CheckHolder, credential.OK, "holder.ok", map[string]string{"Holder": h.Name}, h.DID)
			}
		}
	}
	if r.HolderKey != nil {
		for didStr, pub := range c.holderKeys {
			if eq, ok := pub.(interface{ Equal(crypto.PublicKey) bool }); ok && eq.Equal(r.HolderKey) {
				return credential.NewCheck(credential.CheckHolder, credential.OK, "holder.ok-key", map[string]string{"Holder": c.holderName(didStr)}, didStr)
			}
		}
	}
	name := r.Credential.Learner.Name.In("en")
	for _, h := range c.Holders {
		if name != "" && h.FullName != "" && sameName(name, h.FullName) {
			return credential.NewCheck(credential.CheckHolder, credential.Warning, "holder.name-match", map[string]string{"Name": name}, "subject "+strings.Join(r.Subjects, ", "))
		}
	}
	switch {
	case len(r.Subjects) > 0:
		return credential.NewCheck(credential.CheckHolder, credential.Warning, "holder.other", map[string]string{"Subject": r.Subjects[0]}, "")
	case name != "":
		return credential.NewCheck(credential.CheckHolder, credential.Warning, "holder.name-other", map[string]string{"Name": name}, "")
	}
	return credential.NewCheck(credential.CheckHolder, credential.Warning, "holder.unknown", nil, "")
}

func (c *Checker) holderName(didStr string) string {
	for _, h := range c.Holders {
		if h.DID == didStr {
			return h.Name
		}
	}
	return didStr
}

// sameName compares names ignoring case, accents of the same letter are not
// folded: "Marković" and "Markovic" differ, as they do on an ID card.
func sameName(a, b string) bool {
	return strings.EqualFold(strings.Join(strings.Fields(a), " "), strings.Join(strings.Fields(b), " "))
}

// validityCheck judges the validity period at the checker's time.
func (c *Checker) validityCheck(cred *credential.Credential) credential.Check {
	now := c.now()
	switch {
	case !cred.ValidUntil.IsZero() && now.After(cred.ValidUntil):
		return credential.NewCheck(credential.CheckValidity, credential.Failed, "validity.expired", map[string]string{"Until": day(cred.ValidUntil)}, "valid until "+cred.ValidUntil.Format(time.RFC3339))
	case !cred.ValidFrom.IsZero() && now.Before(cred.ValidFrom):
		return credential.NewCheck(credential.CheckValidity, credential.Failed, "validity.not-yet", map[string]string{"From": day(cred.ValidFrom)}, "valid from "+cred.ValidFrom.Format(time.RFC3339))
	case !cred.ValidUntil.IsZero():
		return credential.NewCheck(credential.CheckValidity, credential.OK, "validity.ok-until", map[string]string{"Until": day(cred.ValidUntil)}, "")
	case !cred.ValidFrom.IsZero() || !cred.Issued.IsZero():
		return credential.NewCheck(credential.CheckValidity, credential.OK, "validity.ok", nil, "no expiry")
	}
	return credential.NewCheck(credential.CheckValidity, credential.OK, "validity.no-dates", nil, "")
}

// statusCheck asks the issuer's status lists, if the credential points at
// any; only with network checks allowed is anything fetched. A list issued
// by someone else counts when the learner's trust list knows its issuer.
func (c *Checker) statusCheck(ctx context.Context, r *credential.Reading) credential.Check {
	opts := status.Options{
		Verifier: c.ldp,
		Now:      c.now(),
		TokenKey: func(ctx context.Context, issuer, kid string) (crypto.PublicKey, error) {
			id := kid
			if !strings.HasPrefix(id, "did:") {
				id = issuer + kid
			}
			pub, _, err := c.didResolver().ResolveKey(ctx, id)
			return pub, err
		},
		AcceptListIssuer: func(listIssuer, _ string) bool {
			if c.Trust == nil {
				return false
			}
			_, ok := c.Trust.Match(listIssuer, nil)
			return ok
		},
	}
	if c.Online && c.Fetcher != nil {
		opts.Fetcher = c.Fetcher
	}
	return status.Check(ctx, r.Status, r.Credential.Issuer.ID, opts)
}

// day writes a date the way a learner reads it.
func day(t time.Time) string { return t.UTC().Format("2 January 2006") }
