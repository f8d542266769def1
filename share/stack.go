package share

import (
	"fmt"

	"github.com/satchel-wallet/satchel/wallet"
)

// StackMembers returns the ids of the credentials of the stack ref and the
// Summary a presentation of the whole stack carries: its name and the
// totals over its members.
func StackMembers(w *wallet.Wallet, ref string) ([]string, *Summary, error) {
	p, err := w.StackProgress(ref)
	if err != nil {
		return nil, nil, err
	}
	if len(p.Members) == 0 {
		return nil, nil, fmt.Errorf("stack %q has no credentials to present: %w", p.Stack.Name, ErrNoCredentials)
	}
	ids := make([]string, len(p.Members))
	for i, m := range p.Members {
		ids[i] = m.ID
	}
	return ids, &Summary{Name: p.Stack.Name, ECTS: p.ECTS, Hours: p.Hours, Credentials: len(p.Members)}, nil
}

// LogEntry turns the Record of a presentation into the wallet's log entry,
// saying how it left the wallet (via: "file", "qr", "clipboard").
func LogEntry(r Record, via string) wallet.Shared {
	s := wallet.Shared{
		At: r.Created, Expires: r.Expires, Holder: r.Holder, Credentials: r.Credentials,
		Format: string(r.Format), Disclosed: r.Disclosed, Audience: r.Audience, Nonce: r.Challenge, Via: via,
	}
	if r.Summary != nil {
		s.Stack = r.Summary.Name
	}
	return s
}

// ChooseFormat returns the first presentation format, in the order vp-jwt,
// vp-jwt-v2, ldp, sd-jwt, that every item fits: what to make when the
// learner does not say. When none fits all, the error says why the first
// candidate does not.
func ChooseFormat(items []Item) (Format, error) {
	if len(items) == 0 {
		return "", ErrNoCredentials
	}
	var first error
	for _, f := range Formats() {
		var err error
		for _, it := range items {
			if err = Compatible(it, f); err != nil {
				break
			}
		}
		if err == nil {
			return f, nil
		}
		if first == nil {
			first = err
		}
	}
	return "", fmt.Errorf("no one presentation can carry all of these credentials (VC 1.1 and VC 2.0 credentials, and SD-JWT VCs, go in separate presentations): %w", first)
}
