package status

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/satchel-wallet/satchel/wallet/credential"
	"github.com/satchel-wallet/satchel/wallet/ldp"
)

// Check decides the status check of a credential from its status entries
// (see [Entries]) and its issuer's identifier:
//
//   - no entries: skipped, status.none (there is nothing to check, which
//     says nothing either way, so it is neither ok nor a warning);
//   - only mechanisms Satchel does not check: warning, status.unsupported,
//     online or not;
//   - no Fetcher in opts: skipped, status.offline, naming the first list
//     Satchel could check; nothing is fetched;
//   - more than [MaxEntries] entries: warning, status.error;
//   - a verified list says revoked: failed, status.revoked; suspended:
//     failed, status.suspended (revocation is reported first);
//   - otherwise, a list that could not be confirmed as the issuer's:
//     warning, status.unverified, with what the list says in the args
//     ("Says") and detail; a list that could not be fetched or read, or
//     has expired: warning, status.error; a mechanism Satchel does not
//     check: warning, status.unsupported; a Token Status List value with
//     no known meaning: warning, status.unknown-value;
//   - every list verified and clear: ok, status.ok.
//
// Entries whose purpose is neither revocation nor suspension (message,
// refresh) are not fetched when the credential has a revocation or
// suspension entry beside them; they decide nothing. Each list is fetched
// once however many entries point at it.
func Check(ctx context.Context, entries []credential.StatusEntry, issuer string, opts Options) credential.Check {
	supported := slices.IndexFunc(entries, func(e credential.StatusEntry) bool { return isW3C(e.Type) || e.Type == TypeTokenStatusList })
	switch {
	case len(entries) == 0:
		return credential.NewCheck(credential.CheckStatus, credential.Skipped, "status.none", nil, "the credential has no status entry")
	case supported < 0:
		// Nothing to fetch even online: say so rather than ask for the
		// network.
		return credential.NewCheck(credential.CheckStatus, credential.Warning, "status.unsupported", map[string]string{"Type": entries[0].Type}, listURLs(entries))
	case opts.Fetcher == nil:
		return credential.NewCheck(credential.CheckStatus, credential.Skipped, "status.offline", map[string]string{"URL": entries[supported].ListURL}, "not fetched: "+listURLs(entries))
	case len(entries) > MaxEntries:
		problem := fmt.Sprintf("the credential points at %d status lists, more than the %d Satchel follows", len(entries), MaxEntries)
		return credential.NewCheck(credential.CheckStatus, credential.Warning, "status.error", map[string]string{"Problem": problem}, listURLs(entries))
	}
	c := newChecker(opts)
	entries = decisive(entries)
	results := make([]Result, len(entries))
	for i, e := range entries {
		results[i] = c.entry(ctx, e, issuer)
	}
	return c.decide(results)
}

// CheckEntry checks one status entry, for callers that show each list's
// answer; [Check] combines these results. opts.Fetcher must not be nil.
func CheckEntry(ctx context.Context, e credential.StatusEntry, issuer string, opts Options) Result {
	if opts.Fetcher == nil {
		return Result{Entry: e, Err: fmt.Errorf("status: %s needs the network: %w", e.ListURL, ErrFetch)}
	}
	return newChecker(opts).entry(ctx, e, issuer)
}

// checker holds one Check's options and the lists it has fetched.
type checker struct {
	opts    Options
	fetched map[string]fetched
}

type fetched struct {
	body []byte
	err  error
}

func newChecker(opts Options) *checker {
	return &checker{opts: opts, fetched: map[string]fetched{}}
}

func (c *checker) now() time.Time {
	if c.opts.Now.IsZero() {
		return time.Now()
	}
	return c.opts.Now
}

func (c *checker) verifier() *ldp.Verifier {
	if c.opts.Verifier != nil {
		return c.opts.Verifier
	}
	return &ldp.Verifier{}
}

// entry checks one entry of any type.
func (c *checker) entry(ctx context.Context, e credential.StatusEntry, issuer string) Result {
	switch {
	case e.Type != TypeBitstring && e.Type != TypeStatusList2021 && e.Type != TypeTokenStatusList:
		return Result{Entry: e, Err: fmt.Errorf("status: entry type %q: %w", e.Type, ErrUnsupported)}
	case !strings.HasPrefix(e.ListURL, "https://") && !strings.HasPrefix(e.ListURL, "http://"):
		return Result{Entry: e, Err: fmt.Errorf("status: list address %q is not a web address: %w: %w", short(e.ListURL), ErrMalformed, errBadEntry)}
	case e.Index < 0:
		return Result{Entry: e, Err: fmt.Errorf("status: the entry has no valid index: %w: %w", ErrIndex, errBadEntry)}
	case e.Type == TypeTokenStatusList:
		return c.checkToken(ctx, e, issuer)
	}
	return c.checkVC(ctx, e, issuer)
}

// fetch gets a list once per Check and bounds its size, whatever the
// Fetcher does.
func (c *checker) fetch(ctx context.Context, url string) ([]byte, error) {
	if f, ok := c.fetched[url]; ok {
		return f.body, f.err
	}
	body, err := c.opts.Fetcher.Fetch(ctx, url)
	switch {
	case err != nil && !errors.Is(err, ErrFetch) && !errors.Is(err, ErrTooLarge):
		err = fmt.Errorf("status: fetch %s: %w: %w", url, ErrFetch, err)
	case err == nil && len(body) > MaxDocumentSize:
		body, err = nil, fmt.Errorf("status: list at %s of %d bytes (limit %d): %w", url, len(body), MaxDocumentSize, ErrTooLarge)
	}
	c.fetched[url] = fetched{body, err}
	return body, err
}

// decisive drops entries whose purpose decides nothing (message, refresh)
// when a revocation or suspension entry is present; otherwise it keeps all,
// so that Check reports them as unsupported rather than as "none".
func decisive(entries []credential.StatusEntry) []credential.StatusEntry {
	var out []credential.StatusEntry
	for _, e := range entries {
		if e.Type == TypeTokenStatusList || e.Purpose == PurposeRevocation || e.Purpose == PurposeSuspension || !isW3C(e.Type) {
			out = append(out, e)
		}
	}
	if len(out) == 0 {
		return entries
	}
	return out
}

func isW3C(t string) bool { return t == TypeBitstring || t == TypeStatusList2021 }

func listURLs(entries []credential.StatusEntry) string {
	urls := make([]string, 0, len(entries))
	for _, e := range entries {
		urls = append(urls, e.ListURL)
	}
	return strings.Join(urls, ", ")
}

// short trims an untrusted string for a message, at a character
// boundary.
func short(s string) string {
	if len(s) <= 96 {
		return s
	}
	i := 93
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return s[:i] + "..."
}

// day writes a date the way a learner reads it.
func day(t time.Time) string { return t.UTC().Format("2 January 2006") }
