package trust

import (
	"fmt"
	"net"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// canonical checks an entry and returns it in canonical form: values
// trimmed, domains lower-cased, organisation identifiers upper-cased. The
// error wraps ErrInvalidEntry or ErrTooLarge.
func canonical(e Entry) (Entry, error) {
	var err error
	if e.Name, err = text("name", e.Name, maxText, true); err != nil {
		return e, err
	}
	if e.Source, err = text("source", e.Source, maxText, true); err != nil {
		return e, err
	}
	if e.Note, err = text("note", e.Note, maxNote, false); err != nil {
		return e, err
	}
	e.Added = strings.TrimSpace(e.Added)
	if _, perr := time.Parse(time.DateOnly, e.Added); perr != nil {
		return e, fmt.Errorf("added %q is not a date (write YYYY-MM-DD): %w", short(e.Added), ErrInvalidEntry)
	}
	if len(e.DIDs)+len(e.Domains)+len(e.Organizations)+len(e.OrganizationIdentifiers) == 0 {
		return e, fmt.Errorf("no identifier: give at least one of dids, domains, organizations, organizationIdentifiers: %w", ErrInvalidEntry)
	}
	for _, f := range []struct {
		member string
		values []string
		check  func(string) (string, error)
	}{
		{"dids", e.DIDs, checkDID},
		{"domains", e.Domains, checkDomain},
		{"organizations", e.Organizations, func(s string) (string, error) { return text("organization", s, maxText, true) }},
		{"organizationIdentifiers", e.OrganizationIdentifiers, checkOrgID},
	} {
		if len(f.values) > maxIdentifiers {
			return e, fmt.Errorf("%d %s (limit %d): %w", len(f.values), f.member, maxIdentifiers, ErrTooLarge)
		}
		for i, v := range f.values {
			if f.values[i], err = f.check(v); err != nil {
				return e, err
			}
		}
	}
	// An empty list is written as no list, so read it as none: the
	// canonical form must survive Marshal and Parse.
	for _, p := range []*[]string{&e.DIDs, &e.Domains, &e.Organizations, &e.OrganizationIdentifiers} {
		if len(*p) == 0 {
			*p = nil
		}
	}
	return e, nil
}

// text trims s and checks it: not empty when required, at most max bytes,
// no control characters.
func text(member, s string, max int, required bool) (string, error) {
	s = strings.TrimSpace(s)
	switch {
	case s == "" && required:
		return s, fmt.Errorf("no %s: %w", member, ErrInvalidEntry)
	case len(s) > max:
		return s, fmt.Errorf("%s of %d bytes (limit %d): %w", member, len(s), max, ErrTooLarge)
	case strings.IndexFunc(s, func(r rune) bool { return unicode.IsControl(r) && r != '\n' }) >= 0:
		return s, fmt.Errorf("%s %q holds a control character: %w", member, short(s), ErrInvalidEntry)
	}
	return s, nil
}

// checkDID accepts a DID: "did:", a method of lower-case letters and
// digits, ":" and an identifier, with no white space and no path, query or
// fragment (the list names the DID, not one of its keys).
func checkDID(s string) (string, error) {
	s = strings.TrimSpace(s)
	bad := func(why string) (string, error) {
		return s, fmt.Errorf("did %q %s: %w", short(s), why, ErrInvalidEntry)
	}
	if len(s) > maxDIDLength {
		return s, fmt.Errorf("did of %d characters (limit %d): %w", len(s), maxDIDLength, ErrTooLarge)
	}
	method, id, ok := strings.Cut(strings.TrimPrefix(s, "did:"), ":")
	switch {
	case !strings.HasPrefix(s, "did:") || !ok || method == "" || id == "":
		return bad("is not a DID (did:method:identifier)")
	case strings.IndexFunc(method, func(r rune) bool { return !('a' <= r && r <= 'z' || '0' <= r && r <= '9') }) >= 0:
		return bad("has a method that is not lower-case letters and digits")
	case strings.ContainsAny(id, "/?#") || strings.IndexFunc(id, unicode.IsSpace) >= 0:
		return bad("is a DID URL or holds white space; give the DID alone")
	}
	return s, nil
}

// checkDomain accepts a DNS name and returns it lower-cased without a
// trailing dot: ASCII labels of letters, digits and inner hyphens, at
// least two of them, no IP address, scheme, port or path.
func checkDomain(s string) (string, error) {
	d := strings.TrimSuffix(strings.ToLower(strings.TrimSpace(s)), ".")
	bad := func(why string) (string, error) {
		return d, fmt.Errorf("domain %q %s: %w", short(s), why, ErrInvalidEntry)
	}
	switch {
	case strings.Contains(d, "://") || strings.ContainsAny(d, "/:@?#"):
		return bad("is not a bare domain name; write it as uni.example, without https://, port or path")
	case !utf8.ValidString(d) || strings.IndexFunc(d, func(r rune) bool { return r > unicode.MaxASCII }) >= 0:
		return bad("is not ASCII; write an internationalised name in its xn-- form")
	case net.ParseIP(d) != nil:
		return bad("is an IP address")
	case len(d) > 253:
		return bad("is longer than a DNS name can be")
	}
	labels := strings.Split(d, ".")
	if len(labels) < 2 {
		return bad("has one label; a trust list names an organisation's domain, not a top-level domain")
	}
	for _, l := range labels {
		if len(l) == 0 || len(l) > 63 || l[0] == '-' || l[len(l)-1] == '-' ||
			strings.IndexFunc(l, func(r rune) bool { return !('a' <= r && r <= 'z' || '0' <= r && r <= '9' || r == '-') }) >= 0 {
			return bad("is not a valid DNS name")
		}
	}
	return d, nil
}

// isDomain reports whether s (already lower-case) is a DNS name that
// checkDomain accepts.
func isDomain(s string) bool {
	d, err := checkDomain(s)
	return err == nil && d == s
}

// checkOrgID accepts an organizationIdentifier as ETSI EN 319 412-1
// writes it, and returns it upper-cased: three letters of type (VAT, NTR,
// PSD, LEI, ...), a two-letter country code, "-" and the identifier; or a
// two-letter country code, ":" and a national scheme's identifier.
func checkOrgID(s string) (string, error) {
	id := strings.ToUpper(strings.TrimSpace(s))
	ok := len(id) <= maxText && strings.IndexFunc(id, unicode.IsSpace) < 0 &&
		(len(id) > 6 && letters(id[:5]) && id[5] == '-' ||
			len(id) > 3 && letters(id[:2]) && id[2] == ':')
	if !ok {
		return id, fmt.Errorf("organizationIdentifier %q is not of the form VATBE-0123456789: %w", short(s), ErrInvalidEntry)
	}
	return id, nil
}

func letters(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// idKey is one name or identifier of an entry: key is unique across a
// list, what describes it for messages.
type idKey struct{ key, what string }

// keys returns the name and identifiers of a canonical entry.
func keys(e Entry) []idKey {
	ks := []idKey{{"name " + foldText(e.Name), fmt.Sprintf("the name %q", short(e.Name))}}
	for _, d := range e.DIDs {
		ks = append(ks, idKey{"did " + d, "did " + short(d)})
	}
	for _, d := range e.Domains {
		ks = append(ks, idKey{"domain " + d, "domain " + d})
	}
	for _, o := range e.Organizations {
		ks = append(ks, idKey{"org " + foldText(o), fmt.Sprintf("organization %q", short(o))})
	}
	for _, o := range e.OrganizationIdentifiers {
		ks = append(ks, idKey{"orgid " + o, "organizationIdentifier " + o})
	}
	return ks
}

// foldText is the form in which names are compared: white space runs
// collapsed to one space, trimmed, case folded.
func foldText(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// short trims a value for a message, at a character boundary.
func short(s string) string {
	if len(s) <= 80 {
		return s
	}
	i := 77
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return s[:i] + "..."
}
