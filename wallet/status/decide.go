package status

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/satchel-wallet/satchel/wallet/credential"
	"github.com/satchel-wallet/satchel/wallet/jose"
	"github.com/satchel-wallet/satchel/wallet/ldp"
)

// init registers the sentences of the two codes this package adds to the
// status.* codes of package credential. status.unverified takes URL and
// Problem (and Says, which the sentence leaves out: the detail has it).
func init() {
	credential.RegisterMessages(map[string]string{
		"status.unverified":    "Satchel could not confirm that the status list at {{.URL}} comes from the issuer ({{.Problem}}), so it does not rely on what the list says.",
		"status.unknown-value": "The issuer's status list gives this credential a status Satchel does not know (value {{.Value}}).",
	})
}

// describe is one result in a check's detail.
func describe(r Result) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s", r.Entry.Type)
	if r.Entry.Purpose != "" {
		b.WriteString(" " + r.Entry.Purpose)
	}
	fmt.Fprintf(&b, " #%d at %s: ", r.Entry.Index, r.Entry.ListURL)
	switch {
	case r.Verified:
		fmt.Fprintf(&b, "%s (list by %s, verified)", r.State, r.ListIssuer)
	case r.State != Unknown:
		fmt.Fprintf(&b, "the unverified list says %s (value %d); %v", r.State, r.Value, r.Err)
	default:
		fmt.Fprintf(&b, "%v", r.Err)
	}
	return b.String()
}

// decide combines the entries' results into the status check.
func (c *checker) decide(results []Result) credential.Check {
	details := make([]string, len(results))
	for i, r := range results {
		details[i] = describe(r)
	}
	detail := strings.Join(details, "; ")
	mk := func(st credential.Status, code string, args map[string]string) credential.Check {
		return credential.NewCheck(credential.CheckStatus, st, code, args, detail)
	}
	for _, want := range []State{Revoked, Suspended} {
		for _, r := range results {
			if r.Verified && r.State == want {
				return mk(credential.Failed, "status."+want.String(), nil)
			}
		}
	}
	for _, r := range results {
		if errors.Is(r.Err, ErrUnverified) {
			args := map[string]string{"URL": r.Entry.ListURL, "Problem": problem(r)}
			if r.State != Unknown {
				args["Says"] = r.State.String()
			}
			return mk(credential.Warning, "status.unverified", args)
		}
	}
	for _, r := range results {
		switch {
		case errors.Is(r.Err, ErrUnsupported):
			return mk(credential.Warning, "status.unsupported", map[string]string{"Type": unsupportedType(r)})
		case r.Err != nil:
			return mk(credential.Warning, "status.error", map[string]string{"Problem": problem(r)})
		case r.State == Other:
			return mk(credential.Warning, "status.unknown-value", map[string]string{"Value": fmt.Sprintf("0x%02X", r.Value)})
		}
	}
	return mk(credential.OK, "status.ok", map[string]string{"Date": day(c.now())})
}

// unsupportedType names an unsupported mechanism for a learner.
func unsupportedType(r Result) string {
	switch {
	case isW3C(r.Entry.Type) && r.Entry.Purpose != PurposeRevocation && r.Entry.Purpose != PurposeSuspension:
		return r.Entry.Type + " with statusPurpose " + strconv.Quote(r.Entry.Purpose)
	case isW3C(r.Entry.Type):
		return r.Entry.Type + " whose list is a JWT"
	}
	return r.Entry.Type
}

// problem is the clause a message shows for a result's error; the full
// error goes into the detail.
func problem(r Result) string {
	url := short(r.Entry.ListURL)
	err := r.Err
	switch {
	case errors.Is(err, errBadEntry):
		return "the credential's status entry is incomplete or damaged"
	case errors.Is(err, errIssuerMismatch):
		return "it is issued by " + short(r.ListIssuer) + ", not by the credential's issuer"
	case errors.Is(err, errOtherList):
		return "it is the list of another address"
	case errors.Is(err, errNoTokenKey):
		return "Satchel has no key to check its signature with"
	case errors.Is(err, errSignerMismatch):
		return "it is signed by someone other than its issuer"
	case errors.Is(err, ldp.ErrNoProof):
		return "it is not signed"
	case errors.Is(err, ldp.ErrKeyNotResolved), errors.Is(err, errTokenKey):
		return "the key that signed it could not be found"
	case errors.Is(err, ldp.ErrUnsupportedSuite), errors.Is(err, jose.ErrAlgorithm), errors.Is(err, jose.ErrWeakKey):
		return "it is signed in a way Satchel cannot check"
	case errors.Is(err, ErrUnverified):
		return "its signature does not match its content"
	case errors.Is(err, ErrFetch):
		return "the list at " + url + " could not be fetched"
	case errors.Is(err, ErrTooLarge):
		return "the list at " + url + " is larger than Satchel accepts"
	case errors.Is(err, ErrListValidity):
		return "the list at " + url + " is outside its validity period"
	case errors.Is(err, ErrIndex):
		return "the credential's position is not in the list at " + url
	}
	return "the list at " + url + " is damaged"
}
