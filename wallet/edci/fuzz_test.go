package edci

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/satchel-wallet/satchel/internal/fixture"
)

// maxFuzzInput bounds the inputs fuzzed: the engine minimises every new
// interesting input byte by byte, which for the 100 KB fixtures stalls it
// for its full minimisation time again and again; small seeds (a
// credential, synthetic seals, presentations) reach the same branches.
const maxFuzzInput = 16 << 10

// FuzzEDCIXML: no input makes Read panic or hang; every error is a
// documented one; a reading has its checks and identity; the credentials
// a presentation yields read again; and the canonical form of anything
// parsed is stable (canonicalising it again changes nothing).
func FuzzEDCIXML(f *testing.F) {
	for _, pattern := range []string{"edc/elm-v2-xml/*.xml", "edc/edc-software-v2.0.6/xml/*.xml"} {
		files, _ := filepath.Glob(filepath.Join(fixture.Root(f), pattern))
		for _, p := range files {
			if b, err := os.ReadFile(p); err == nil && len(b) <= maxFuzzInput {
				f.Add(b)
			}
		}
	}
	f.Add([]byte(`<europassCredential xmlns="http://data.europa.eu/snb" xmlns:cred="http://data.europa.eu/europass/model/credentials/w3c#"><cred:issuer idref="o"/><agentReferences><organization id="o"><prefLabel><text lang="en">O</text></prefLabel></organization></agentReferences><proof/></europassCredential>`))
	wile := fixture.Read(f, "edc/elm-v2-xml/EDC_WileECoyote_Simple.xml")
	inner := bytes.TrimPrefix(wile, []byte(`<?xml version="1.0" encoding="UTF-8"?>`))
	f.Add([]byte(`<vp:verifiablePresentation xmlns:vp="http://data.europa.eu/snb/vp" xmlns="http://data.europa.eu/snb">` + string(inner) + `<vp:proof/></vp:verifiablePresentation>`))
	f.Add([]byte(`<vp:verifiablePresentation xmlns:vp="http://data.europa.eu/snb/vp" xmlns:x="http://data.europa.eu/snb"><vp:presentedCredential a="1"><x:title/></vp:presentedCredential></vp:verifiablePresentation>`))
	ec, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	until := time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, filter := range []string{"enveloped", "xpath", "filter2"} {
		f.Add(makeSeal(f, sealSpec{ec, "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256", algExcC14N, filter, "2024-05-01T10:00:00Z", until, x509.KeyUsageDigitalSignature, false, false}))
	}
	ctx := context.Background()
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > maxFuzzInput {
			return
		}
		r, err := Read(ctx, data, Options{})
		if err != nil {
			if !errors.Is(err, ErrNotEDCI) && !errors.Is(err, ErrMalformed) && !errors.Is(err, ErrTooLarge) && !errors.Is(err, ErrDTD) {
				t.Fatalf("undocumented error: %v", err)
			}
		} else {
			if len(r.Checks) < 2 || len(r.Identity) == 0 {
				t.Fatalf("reading without checks or identity: %+v", r.Checks)
			}
			for _, e := range r.Embedded {
				if _, err := Read(ctx, e, Options{}); err != nil {
					t.Fatalf("an embedded credential does not read: %v\n%s", err, e)
				}
			}
		}
		doc, err := parseXML(bytes.TrimPrefix(data, bom))
		if err != nil {
			return
		}
		for _, m := range []c14nMethod{{}, {exclusive: true}} {
			once := canonicalise(nodeSet{apex: doc.top}, m)
			again, err := parseXML(once)
			if err != nil {
				t.Fatalf("canonical form does not parse: %v\n%s", err, once)
			}
			if twice := canonicalise(nodeSet{apex: again.top}, m); !bytes.Equal(once, twice) {
				t.Fatalf("canonical form not stable:\n%s\n%s", once, twice)
			}
		}
	})
}
