package did_test

import (
	"context"
	"crypto/ed25519"
	"errors"
	"testing"

	"github.com/satchel-wallet/satchel/internal/fixture"
	"github.com/satchel-wallet/satchel/wallet/did"
)

// dccFetcher serves the DCC fixtures' DID documents as if from
// digitalcredentials.github.io: a resolver for tests that does not go
// online.
func dccFetcher(t testing.TB) did.StaticFetcher {
	t.Helper()
	f := did.StaticFetcher{}
	for _, d := range dccDIDs {
		if err := f.Add(d.did, fixture.Read(t, "vectors/ob3/dcc-vc-test-fixtures/dids/"+d.file)); err != nil {
			t.Fatal(err)
		}
	}
	return f
}

func TestResolverDCCDocuments(t *testing.T) {
	r := did.NewResolver(dccFetcher(t))
	want, _ := did.ParseMultibase(dccMultibase)
	ctx := context.Background()
	for _, d := range dccDIDs {
		for _, id := range []string{d.vm, d.did} {
			t.Run(id, func(t *testing.T) {
				pub, controller, err := r.ResolveKey(ctx, id)
				if err != nil {
					t.Fatal(err)
				}
				if controller != d.did || !pub.(ed25519.PublicKey).Equal(want) {
					t.Fatalf("resolved %v controlled by %s", pub, controller)
				}
				if _, err := r.ResolveMethod(ctx, id, did.PurposeAssertion); err != nil {
					t.Fatalf("assertionMethod: %v", err)
				}
				// The documents list the key for assertions only.
				if _, err := r.ResolveMethod(ctx, id, did.PurposeAuthentication); !errors.Is(err, did.ErrKeyNotFound) {
					t.Fatalf("authentication: want ErrKeyNotFound, got %v", err)
				}
			})
		}
	}
	if _, _, err := r.ResolveKey(ctx, dccDIDs[0].did+"#other"); !errors.Is(err, did.ErrKeyNotFound) {
		t.Fatalf("unknown fragment: %v", err)
	}
	// The DID the DCC fixtures use for a resolution failure.
	if _, _, err := r.ResolveKey(ctx, "did:web:digitalcredentials.github.io:vc-test-fixtures:dids:bad"); !errors.Is(err, did.ErrFetch) {
		t.Fatalf("unknown document: %v", err)
	}
}

func TestResolverOffline(t *testing.T) {
	var r did.Resolver // the zero value: offline
	ctx := context.Background()
	const key = "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp"
	ok := []struct{ id, controller string }{
		{key, key},
		{did.KeyID(key), key},
		{specP256DID, specP256DID},
		{specP256DID + "#0", specP256DID},
	}
	for _, c := range ok {
		t.Run("ok/"+c.id[:24], func(t *testing.T) {
			pub, controller, err := r.ResolveKey(ctx, c.id)
			if err != nil || pub == nil || controller != c.controller {
				t.Fatalf("ResolveKey = %v, %s, %v", pub, controller, err)
			}
		})
	}
	bad := []struct {
		id   string
		want error
	}{
		{key + "#z6MkOther", did.ErrKeyNotFound},
		{specP256DID + "#1", did.ErrKeyNotFound},
		{dccDIDs[0].vm, did.ErrNeedsNetwork},
		{"did:web:192.168.0.1", did.ErrMalformed},
		{"did:example:ebfeb1f712ebc6f1c276e12ec21", did.ErrUnsupportedMethod},
		{"did:velocity:v2:0x4ade3a40a6092366765fa42a8247d07a6c3bdddd#key-1", did.ErrUnsupportedMethod},
		{"https://example.edu/issuers/565049", did.ErrMalformed},
	}
	for _, c := range bad {
		t.Run("bad/"+c.id, func(t *testing.T) {
			if _, _, err := r.ResolveKey(ctx, c.id); !errors.Is(err, c.want) {
				t.Fatalf("want %v, got %v", c.want, err)
			}
		})
	}
}
