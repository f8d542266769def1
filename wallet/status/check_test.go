package status

import (
	"context"
	"maps"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/satchel-wallet/satchel/wallet/fetch"

	"github.com/satchel-wallet/satchel/wallet/credential"
)

// countingFetcher counts fetches per address.
type countingFetcher struct {
	StaticFetcher
	n atomic.Int32
}

func (c *countingFetcher) Fetch(ctx context.Context, url string) ([]byte, error) {
	c.n.Add(1)
	return c.StaticFetcher.Fetch(ctx, url)
}

// TestCheckOutcomes covers every outcome of Check with lists issued and
// signed here: the right code and status for valid, revoked and suspended
// entries, and a warning, never a verdict, for lists that are damaged,
// unverified, of another issuer, expired or out of reach.
func TestCheckOutcomes(t *testing.T) {
	issuerA, issuerB := newIssuer(t, 1), newIssuer(t, 2)
	const (
		rev  = "https://a.example/status/revocation"
		sus  = "https://a.example/status/suspension"
		list = "https://a.example/status/other"
	)
	bits := "u" + gzipB64(t, bitstring(16384, 5, 9))
	revList := listCredential(t, issuerA, rev, bits, "revocation", nil, nil)
	lists := StaticFetcher{
		rev: revList,
		sus: listCredential(t, issuerA, sus, bits, "suspension", nil, nil),
	}
	entry := func(url, purpose string, index int) credential.StatusEntry {
		return credential.StatusEntry{Type: TypeBitstring, Purpose: purpose, ListURL: url, Index: index}
	}
	with := func(body []byte) StaticFetcher {
		f := maps.Clone(lists)
		f[list] = body
		return f
	}
	cases := []struct {
		name    string
		entries []credential.StatusEntry
		fetch   Fetcher // nil: offline
		opts    func(*Options)
		status  credential.Status
		code    string
		args    map[string]string
	}{
		{"no entries", nil, lists, nil, credential.Skipped, "status.none", nil},
		{"offline", []credential.StatusEntry{entry(rev, "revocation", 5)}, nil, nil, credential.Skipped, "status.offline", map[string]string{"URL": rev}},
		{"valid", []credential.StatusEntry{entry(rev, "revocation", 4)}, lists, nil, credential.OK, "status.ok", map[string]string{"Date": "1 March 2026"}},
		{"revoked", []credential.StatusEntry{entry(rev, "revocation", 5)}, lists, nil, credential.Failed, "status.revoked", nil},
		{"suspended", []credential.StatusEntry{entry(sus, "suspension", 9)}, lists, nil, credential.Failed, "status.suspended", nil},
		{"revocation is reported before suspension", []credential.StatusEntry{entry(sus, "suspension", 9), entry(rev, "revocation", 5)}, lists, nil, credential.Failed, "status.revoked", nil},
		{"revoked and an unreachable list", []credential.StatusEntry{entry(list, "suspension", 1), entry(rev, "revocation", 5)}, lists, nil, credential.Failed, "status.revoked", nil},
		{"valid and suspended", []credential.StatusEntry{entry(rev, "revocation", 8), entry(sus, "suspension", 9)}, lists, nil, credential.Failed, "status.suspended", nil},
		{"last entry of the list", []credential.StatusEntry{entry(rev, "revocation", 16384*8-1)}, lists, nil, credential.OK, "status.ok", nil},
		{"index past the end", []credential.StatusEntry{entry(rev, "revocation", 16384*8)}, lists, nil, credential.Warning, "status.error", map[string]string{"Problem": "the credential's position is not in the list at " + rev}},
		{"no index", []credential.StatusEntry{entry(rev, "revocation", -1)}, lists, nil, credential.Warning, "status.error", map[string]string{"Problem": "the credential's status entry is incomplete or damaged"}},
		{
			"list of another issuer",
			[]credential.StatusEntry{entry(list, "revocation", 5)},
			with(listCredential(t, issuerB, list, bits, "revocation", nil, nil)), nil,
			credential.Warning, "status.unverified",
			map[string]string{"URL": list, "Says": "revoked", "Problem": "it is issued by " + issuerB.did + ", not by the credential's issuer"},
		},
		{
			"list of another issuer, accepted",
			[]credential.StatusEntry{entry(list, "revocation", 5)},
			with(listCredential(t, issuerB, list, bits, "revocation", nil, nil)),
			func(o *Options) {
				o.AcceptListIssuer = func(l, c string) bool { return l == issuerB.did && c == issuerA.did }
			},
			credential.Failed, "status.revoked", nil,
		},
		{
			"list that names issuer A but is signed by B",
			[]credential.StatusEntry{entry(list, "revocation", 4)},
			with(listCredential(t, issuerB, list, bits, "revocation", map[string]any{"issuer": issuerA.did}, nil)), nil,
			credential.Warning, "status.unverified",
			map[string]string{"Says": "valid", "Problem": "it is signed by someone other than its issuer"},
		},
		{
			"list whose issuer was changed after signing",
			[]credential.StatusEntry{entry(list, "revocation", 4)},
			with(listCredential(t, issuerB, list, bits, "revocation", nil, func(d map[string]any) { d["issuer"] = issuerA.did })), nil,
			credential.Warning, "status.unverified",
			map[string]string{"Says": "valid", "Problem": "its signature does not match its content"},
		},
		{
			"list changed after signing",
			[]credential.StatusEntry{entry(list, "revocation", 5)},
			with(listCredential(t, issuerA, list, bits, "revocation", nil, func(d map[string]any) {
				d["credentialSubject"].(map[string]any)["encodedList"] = "u" + gzipB64(t, bitstring(16384))
			})), nil,
			credential.Warning, "status.unverified",
			map[string]string{"Says": "valid", "Problem": "its signature does not match its content"},
		},
		{
			"unsigned list",
			[]credential.StatusEntry{entry(list, "revocation", 5)},
			with(listCredential(t, issuerA, list, bits, "revocation", nil, func(d map[string]any) { delete(d, "proof") })), nil,
			credential.Warning, "status.unverified",
			map[string]string{"Says": "revoked", "Problem": "it is not signed"},
		},
		{
			"list of another issuer, index past the end",
			[]credential.StatusEntry{entry(list, "revocation", 16384*8)},
			with(listCredential(t, issuerB, list, bits, "revocation", nil, nil)), nil,
			credential.Warning, "status.unverified",
			map[string]string{"Says": ""},
		},
		{"list for another purpose", []credential.StatusEntry{entry(rev, "suspension", 5)}, lists, nil, credential.Warning, "status.error", map[string]string{"Problem": "the list at " + rev + " is damaged"}},
		{
			"truncated list",
			[]credential.StatusEntry{entry(list, "revocation", 5)},
			with(listCredential(t, issuerA, list, bits[:len(bits)-10], "revocation", nil, nil)), nil,
			credential.Warning, "status.error",
			map[string]string{"Problem": "the list at " + list + " is damaged"},
		},
		{
			"signed gzip bomb",
			[]credential.StatusEntry{entry(list, "revocation", 5)},
			with(listCredential(t, issuerA, list, "u"+gzipB64(t, make([]byte, MaxListSize+1)), "revocation", nil, nil)), nil,
			credential.Warning, "status.error",
			map[string]string{"Problem": "the list at " + list + " is larger than Satchel accepts"},
		},
		{
			"expired list",
			[]credential.StatusEntry{entry(list, "revocation", 4)},
			with(listCredential(t, issuerA, list, bits, "revocation", map[string]any{"validUntil": "2026-01-01T00:00:00Z"}, nil)), nil,
			credential.Warning, "status.error",
			map[string]string{"Problem": "the list at " + list + " is outside its validity period"},
		},
		{
			"list not yet valid",
			[]credential.StatusEntry{entry(list, "revocation", 4)},
			with(listCredential(t, issuerA, list, bits, "revocation", map[string]any{"validFrom": "2027-01-01T00:00:00Z"}, nil)), nil,
			credential.Warning, "status.error",
			map[string]string{"Problem": "the list at " + list + " is outside its validity period"},
		},
		{
			"list not fetched",
			[]credential.StatusEntry{entry(list, "revocation", 4)},
			lists, nil,
			credential.Warning, "status.error",
			map[string]string{"Problem": "the list at " + list + " could not be fetched"},
		},
		{
			"list too large",
			[]credential.StatusEntry{entry(list, "revocation", 4)},
			with(make([]byte, MaxDocumentSize+1)), nil,
			credential.Warning, "status.error",
			map[string]string{"Problem": "the list at " + list + " is larger than Satchel accepts"},
		},
		{
			"list not JSON",
			[]credential.StatusEntry{entry(list, "revocation", 4)},
			with([]byte("<html>")), nil,
			credential.Warning, "status.error",
			map[string]string{"Problem": "the list at " + list + " is damaged"},
		},
		{
			"list as a JWT",
			[]credential.StatusEntry{entry(list, "revocation", 4)},
			with([]byte("eyJhbGciOiJFZERTQSJ9.e30.AA")), nil,
			credential.Warning, "status.unsupported",
			map[string]string{"Type": "BitstringStatusListEntry whose list is a JWT"},
		},
		{
			"unknown mechanism",
			[]credential.StatusEntry{{Type: "RevocationList2020Status", ListURL: list, Index: 3}},
			lists, nil,
			credential.Warning, "status.unsupported",
			map[string]string{"Type": "RevocationList2020Status"},
		},
		{
			"unknown mechanism, offline",
			[]credential.StatusEntry{{Type: "1EdTechRevocationList", ListURL: list, Index: -1}},
			nil, nil,
			credential.Warning, "status.unsupported",
			map[string]string{"Type": "1EdTechRevocationList"},
		},
		{
			"offline names the list it could check",
			[]credential.StatusEntry{{Type: "1EdTechRevocationList", ListURL: list, Index: -1}, entry(rev, "revocation", 1)},
			nil, nil,
			credential.Skipped, "status.offline",
			map[string]string{"URL": rev},
		},
		{
			"no statusPurpose",
			[]credential.StatusEntry{entry(rev, "", 1)},
			lists, nil,
			credential.Warning, "status.error",
			map[string]string{"Problem": "the credential's status entry is incomplete or damaged"},
		},
		{
			"message purpose only",
			[]credential.StatusEntry{entry(list, "message", 3)},
			lists, nil,
			credential.Warning, "status.unsupported",
			map[string]string{"Type": `BitstringStatusListEntry with statusPurpose "message"`},
		},
		{
			"message beside revocation is not fetched",
			[]credential.StatusEntry{entry(list, "message", 3), entry(rev, "revocation", 4)},
			lists, nil,
			credential.OK, "status.ok", nil,
		},
		{
			"not a web address",
			[]credential.StatusEntry{{Type: TypeBitstring, Purpose: "revocation", ListURL: "file:///etc/passwd", Index: 1}},
			lists, nil,
			credential.Warning, "status.error",
			map[string]string{"Problem": "the credential's status entry is incomplete or damaged"},
		},
		{"too many entries", func() []credential.StatusEntry {
			var es []credential.StatusEntry
			for i := range MaxEntries + 1 {
				es = append(es, entry(rev, "revocation", i))
			}
			return es
		}(), lists, nil, credential.Warning, "status.error", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			opts := Options{Fetcher: c.fetch, Now: now}
			if c.opts != nil {
				c.opts(&opts)
			}
			got := Check(context.Background(), c.entries, issuerA.did, opts)
			if got.Check != credential.CheckStatus || got.Status != c.status || got.Code != c.code {
				t.Fatalf("got %s %s %v\n  detail: %s\nwant %s %s", got.Status, got.Code, got.Args, got.Detail, c.status, c.code)
			}
			for k, v := range c.args {
				if got.Args[k] != v {
					t.Errorf("arg %s = %q, want %q", k, got.Args[k], v)
				}
			}
			if got.Message == got.Code || strings.Contains(got.Message, "<no value>") {
				t.Errorf("message %q", got.Message)
			}
		})
	}
}

// TestFetchOnce checks that a list two entries point at is fetched once,
// and that nothing is fetched for entries that decide nothing.
func TestFetchOnce(t *testing.T) {
	iss := newIssuer(t, 1)
	const url = "https://a.example/status/both"
	f := &countingFetcher{StaticFetcher: StaticFetcher{url: listCredential(t, iss, url, "u"+gzipB64(t, bitstring(16)), "revocation", nil, nil)}}
	es := []credential.StatusEntry{
		{Type: TypeBitstring, Purpose: "revocation", ListURL: url, Index: 1},
		{Type: TypeBitstring, Purpose: "revocation", ListURL: url, Index: 2},
		{Type: TypeBitstring, Purpose: "message", ListURL: "https://a.example/status/message", Index: 2},
	}
	if got := Check(context.Background(), es, iss.did, Options{Fetcher: f, Now: now}); got.Code != "status.ok" {
		t.Fatalf("%s: %s", got.Code, got.Detail)
	}
	if n := f.n.Load(); n != 1 {
		t.Fatalf("%d fetches, want 1", n)
	}
}

// TestStatusList2021 checks a StatusList2021 list in a VC 1.1 credential.
func TestStatusList2021(t *testing.T) {
	iss := newIssuer(t, 3)
	const url = "https://a.example/status/2021"
	doc := map[string]any{
		"@context":     []any{"https://www.w3.org/2018/credentials/v1", "https://w3id.org/vc/status-list/2021/v1", "https://w3id.org/security/data-integrity/v2"},
		"id":           url,
		"type":         []any{"VerifiableCredential", "StatusList2021Credential"},
		"issuer":       iss.did,
		"issuanceDate": "2025-01-01T00:00:00Z",
		"credentialSubject": map[string]any{
			"id": url + "#list", "type": "StatusList2021", "statusPurpose": "revocation",
			"encodedList": gzipB64(t, bitstring(16384, 94567)),
		},
	}
	body := signedJSON(t, iss, doc)
	for _, c := range []struct {
		index int
		code  string
	}{{94567, "status.revoked"}, {94566, "status.ok"}} {
		es := []credential.StatusEntry{{Type: TypeStatusList2021, Purpose: "revocation", ListURL: url, Index: c.index}}
		if got := Check(context.Background(), es, iss.did, Options{Fetcher: StaticFetcher{url: body}, Now: now}); got.Code != c.code {
			t.Errorf("index %d: %s (%s), want %s", c.index, got.Code, got.Detail, c.code)
		}
	}
}

// TestCheckEntry checks the per-entry result: what the list says, whether
// it was verified, and who issued it.
func TestCheckEntry(t *testing.T) {
	a, b := newIssuer(t, 1), newIssuer(t, 2)
	const url = "https://a.example/status/1"
	f := StaticFetcher{url: listCredential(t, b, url, "u"+gzipB64(t, bitstring(16, 3)), "revocation", nil, nil)}
	e := credential.StatusEntry{Type: TypeBitstring, Purpose: "revocation", ListURL: url, Index: 3}
	r := CheckEntry(context.Background(), e, a.did, Options{Fetcher: f, Now: now})
	if r.State != Revoked || r.Verified || r.ListIssuer != b.did || r.Value != 1 {
		t.Fatalf("%+v", r)
	}
	r = CheckEntry(context.Background(), e, b.did, Options{Fetcher: f, Now: now})
	if r.State != Revoked || !r.Verified || r.Err != nil {
		t.Fatalf("%+v", r)
	}
	if r := CheckEntry(context.Background(), e, b.did, Options{Now: now}); r.State != Unknown || r.Err == nil {
		t.Fatalf("offline: %+v", r)
	}
}

// TestCheckCancelled checks that a cancelled context stops the check
// with a warning rather than a verdict.
func TestCheckCancelled(t *testing.T) {
	iss := newIssuer(t, 1)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	f := &fetch.HTTP{Timeout: time.Second}
	es := []credential.StatusEntry{{Type: TypeBitstring, Purpose: "revocation", ListURL: "https://status.invalid/1", Index: 1}}
	if got := Check(ctx, es, iss.did, Options{Fetcher: f, Now: now}); got.Status != credential.Warning || got.Code != "status.error" {
		t.Fatalf("%s %s", got.Status, got.Code)
	}
}
