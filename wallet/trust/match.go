package trust

import (
	"net/url"
	"strings"
)

// How an entry matched, from the strongest identifier to the weakest.
const (
	byDID = iota
	byOrgID
	byDomain
	byOrg
	noMatch
)

// match is the best entry found so far.
type match struct {
	entry Entry
	rank  int    // byDID ... noMatch
	depth int    // for byDomain: labels of the domain, longer is more specific
	why   string // what matched, for the check's detail
}

// Match returns the entry that vouches for signer (a DID or https
// identifier whose key made the proof, possibly a DID URL) or for one of
// names (the signer's certificate organisation name and
// organizationIdentifier, or a domain): an exact DID first, then an
// organisation identifier, then the longest matching domain, then an
// organisation name (see the package documentation for each rule).
func (l *List) Match(signer string, names []string) (Entry, bool) {
	m := l.match(signer, names)
	return m.entry, m.rank != noMatch
}

func (l *List) match(signer string, names []string) match {
	best := match{rank: noMatch}
	if l == nil {
		return best
	}
	did, _, _ := strings.Cut(signer, "#")
	did, _, _ = strings.Cut(did, "?")
	var hosts []string
	if h := hostOf(signer); h != "" {
		hosts = append(hosts, h)
	}
	var orgIDs, orgs []string
	for _, n := range names {
		n = strings.TrimSpace(n)
		if n == "" {
			continue
		}
		orgIDs = append(orgIDs, strings.ToUpper(n))
		orgs = append(orgs, foldText(n))
		if h := strings.TrimSuffix(strings.ToLower(n), "."); isDomain(h) {
			hosts = append(hosts, h)
		}
	}
	l.mu.RLock()
	defer l.mu.RUnlock()
	consider := func(e Entry, rank, depth int, why string) {
		if rank < best.rank || rank == best.rank && depth > best.depth {
			best = match{entry: e.clone(), rank: rank, depth: depth, why: why}
		}
	}
	for _, e := range l.entries {
		for _, d := range e.DIDs {
			if did != "" && d == did {
				consider(e, byDID, 0, "did "+d)
			}
		}
		for _, id := range e.OrganizationIdentifiers {
			for _, n := range orgIDs {
				if n == id {
					consider(e, byOrgID, 0, "organizationIdentifier "+id)
				}
			}
		}
		for _, d := range e.Domains {
			for _, h := range hosts {
				if h == d || strings.HasSuffix(h, "."+d) {
					consider(e, byDomain, strings.Count(d, ".")+1, "domain "+d+" ("+h+")")
				}
			}
		}
		for _, o := range e.Organizations {
			for _, n := range orgs {
				if n == foldText(o) {
					consider(e, byOrg, 0, "organization "+o)
				}
			}
		}
	}
	return best
}

// hostOf returns the host a signer identifier is published on: the
// domain of a did:web (without port or path), or the host of an https
// URL; "" for anything else. The host is lower-case, without a trailing
// dot.
func hostOf(signer string) string {
	var host string
	switch {
	case strings.HasPrefix(signer, "did:web:"):
		id := strings.TrimPrefix(signer, "did:web:")
		if i := strings.IndexAny(id, ":#?/"); i >= 0 {
			id = id[:i]
		}
		if i := strings.Index(strings.ToLower(id), "%3a"); i >= 0 {
			id = id[:i] // the port
		}
		host = id
	case strings.HasPrefix(strings.ToLower(signer), "https://"):
		u, err := url.Parse(signer)
		if err != nil || u.Scheme != "https" || u.User != nil {
			return ""
		}
		host = u.Hostname()
	default:
		return ""
	}
	host = strings.TrimSuffix(strings.ToLower(host), ".")
	if !isDomain(host) {
		return ""
	}
	return host
}
