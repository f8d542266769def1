package status

import (
	"context"
	"fmt"
)

// Fetcher fetches a status list from its address. fetch.HTTP fetches over
// the network; tests and caches serve lists from memory. A Fetcher is the
// only way package status goes online, and [Check] uses one only when the
// caller gives it: the learner asked for the status to be checked.
type Fetcher interface {
	// Fetch returns the document at url, or an error.
	Fetch(ctx context.Context, url string) ([]byte, error)
}

// StaticFetcher serves lists held in memory, keyed by address: tests,
// and lists the learner saved.
type StaticFetcher map[string][]byte

var _ Fetcher = StaticFetcher(nil)

// Fetch returns the list stored for url, or an error wrapping [ErrFetch].
func (s StaticFetcher) Fetch(_ context.Context, url string) ([]byte, error) {
	if b, ok := s[url]; ok {
		return b, nil
	}
	return nil, fmt.Errorf("fetch %s: no stored list: %w", url, ErrFetch)
}
