package wallet

import (
	"context"
	"errors"

	"github.com/satchel-wallet/satchel/wallet/credential"
	"github.com/satchel-wallet/satchel/wallet/edci"
	"github.com/satchel-wallet/satchel/wallet/ob2"
)

// readXML reads an XML document: a Europass EDCI credential (ELM 2) or a
// baked Open Badges SVG.
func (c *Checker) readXML(ctx context.Context, data []byte) (*credential.Reading, error) {
	if !edci.Detect(data) {
		return c.readOB2(ctx, data)
	}
	r, err := edci.Read(ctx, data, edci.Options{Now: c.now(), MaxBytes: c.maxBytes()})
	switch {
	case err == nil:
		return r, nil
	case errors.Is(err, edci.ErrTooLarge):
		return nil, reject("format.too-large", map[string]string{"Size": sizeWords(len(data)), "Limit": sizeWords(c.maxBytes())}, err.Error())
	case errors.Is(err, edci.ErrNotEDCI):
		return nil, reject("format.unknown", nil, err.Error())
	}
	return nil, reject("format.malformed", map[string]string{"Profile": "Europass credential (XML)", "Problem": shortErr(err)}, err.Error())
}

// readOB2 reads an Open Badges 2.0 assertion: a baked PNG or SVG, a signed
// JWS, or JSON. A baked image may carry an Open Badges 3.0 credential
// instead; it comes back embedded, to be read in its own right.
func (c *Checker) readOB2(ctx context.Context, data []byte) (*credential.Reading, error) {
	opts := ob2.Options{Now: c.now(), MaxBytes: c.maxBytes()}
	if c.Online && c.Fetcher != nil {
		opts.Keys = keyFetcher{c.Fetcher}
	}
	r, err := ob2.Read(ctx, data, opts)
	var remote *ob2.RemoteError
	switch {
	case err == nil:
		return r, nil
	case errors.As(err, &remote) && c.Online && c.Fetcher != nil:
		hosted, ferr := c.Fetcher.Fetch(ctx, remote.URL)
		if ferr != nil {
			return nil, reject("format.remote", map[string]string{"URL": remote.URL}, ferr.Error())
		}
		return ob2.Read(ctx, hosted, opts)
	case errors.As(err, &remote):
		return nil, reject("format.remote", map[string]string{"URL": remote.URL}, err.Error())
	case errors.Is(err, ob2.ErrTooLarge):
		return nil, reject("format.too-large", map[string]string{"Size": sizeWords(len(data)), "Limit": sizeWords(c.maxBytes())}, err.Error())
	case errors.Is(err, ob2.ErrNotBaked), errors.Is(err, ob2.ErrNotOB2), errors.Is(err, ob2.ErrNotAssertion):
		return nil, reject("format.unknown", nil, err.Error())
	}
	return nil, reject("format.malformed", map[string]string{"Profile": "Open Badge", "Problem": shortErr(err)}, err.Error())
}

// keyFetcher lets package ob2 fetch the keys of signed badges.
type keyFetcher struct{ f Fetcher }

func (k keyFetcher) FetchKey(ctx context.Context, url string) ([]byte, error) {
	return k.f.Fetch(ctx, url)
}
