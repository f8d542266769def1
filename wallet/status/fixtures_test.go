package status

import (
	"context"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"

	"github.com/satchel-wallet/satchel/internal/fixture"
	"github.com/satchel-wallet/satchel/wallet/credential"
	"github.com/satchel-wallet/satchel/wallet/jsonld"
	"github.com/satchel-wallet/satchel/wallet/ldp"
)

const (
	dccDir = "vectors/ob3/dcc-vc-test-fixtures/"
	// dccStatusKey signs every status list of the Digital Credentials
	// Consortium's fixtures, whichever key signed the credentials.
	dccStatusKey = "did:key:z6MknNQD1WHLGGraFi6zcbGevuAgkVfdyCdtZnQTGWVVvR5Q"
	edtechList   = "https://raw.githubusercontent.com/1EdTech/digital-credentials-public-validator/refs/heads/main/inspector-vc/src/test/resources/ob30/bit-string-list/testlist"
)

// fixtureFetcher serves the fixtures' status lists at the addresses the
// fixture credentials name.
func fixtureFetcher(t testing.TB) StaticFetcher {
	t.Helper()
	f := StaticFetcher{}
	for _, name := range []string{"e5WK8CbZ1GjycuPombrj", "expired", "missingBitStringType", "notYetValid", "tampered"} {
		f["https://digitalcredentials.github.io/vc-test-fixtures/statusLists/didkey-ed25519Signature2020/"+name] = fixture.Read(t, dccDir+"statusLists/didkey-ed25519Signature2020/"+name)
	}
	// The newer DCC credentials point at the copy of the same list in
	// digitalcredentials/verifier-core (src/test-fixtures/status/), which
	// the fixtures do not hold; that file is byte for byte the one above
	// (same id, encodedList and proofValue).
	f["https://raw.githubusercontent.com/digitalcredentials/verifier-core/refs/heads/main/src/test-fixtures/status/e5WK8CbZ1GjycuPombrj"] = f["https://digitalcredentials.github.io/vc-test-fixtures/statusLists/didkey-ed25519Signature2020/e5WK8CbZ1GjycuPombrj"]
	f[edtechList] = fixture.Read(t, "vectors/ob3/1edtech-validator/ob30/bit-string-list/testlist")
	return f
}

// dccExpectation is what one DCC credential's status check gives, without
// and with the DCC status key accepted as a list issuer.
type dccExpectation struct {
	code, says         string
	acceptedStatus     credential.Status
	acceptedCode       string
	problemContains    string
	acceptedNotChanged bool
}

// expectDCC derives the expected outcome from the fixture's file name,
// which says what the DCC meant each credential to test.
func expectDCC(name string) dccExpectation {
	switch {
	case strings.Contains(name, "legacy-expiredStatus"), strings.Contains(name, "legacy-notYetValidStatus"):
		return dccExpectation{code: "status.error", problemContains: "outside its validity period", acceptedNotChanged: true}
	case strings.Contains(name, "legacy-missingTypeStatus"):
		return dccExpectation{code: "status.error", problemContains: "is damaged", acceptedNotChanged: true}
	case strings.Contains(name, "legacy-tamperedStatus"):
		return dccExpectation{code: "status.unverified", problemContains: "signature does not match", acceptedNotChanged: true}
	case strings.Contains(name, "revoked"):
		return dccExpectation{code: "status.unverified", says: "revoked", problemContains: "not by the credential's issuer", acceptedStatus: credential.Failed, acceptedCode: "status.revoked"}
	case strings.Contains(name, "validStatus"):
		return dccExpectation{code: "status.unverified", says: "valid", problemContains: "not by the credential's issuer", acceptedStatus: credential.OK, acceptedCode: "status.ok"}
	}
	return dccExpectation{code: "status.none"}
}

// TestDCCFixtures checks every credential of the Digital Credentials
// Consortium's fixtures against the fixture status lists. Their lists are
// signed by one status key while the credentials are signed by others, so
// by default each list is reported as unverified, with what it says; with
// that key accepted as a list issuer, revoked credentials come out revoked
// and the others ok. The lists meant to be broken (expired, not yet valid,
// missing type, tampered) give a warning either way.
func TestDCCFixtures(t *testing.T) {
	root := fixture.Path(t, dccDir+"verifiableCredentials")
	fetch := fixtureFetcher(t)
	accept := func(list, _ string) bool { return list == dccStatusKey }
	var seen, withStatus int
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".json") {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		doc, perr := jsonld.ParseObject(fixture.Read(t, dccDir+"verifiableCredentials/"+filepath.ToSlash(rel)), MaxDocumentSize)
		if perr != nil {
			// v1/ed25519/didKey/legacy-noStatus-noExpiry.json is empty in
			// the fixtures; it names no status either way.
			t.Logf("%s: not JSON (%v)", rel, perr)
			return nil
		}
		seen++
		t.Run(rel, func(t *testing.T) {
			want := expectDCC(rel)
			entries := Entries(doc)
			issuer := idOf(doc["issuer"])
			if want.code != "status.none" {
				withStatus++
			}
			got := Check(context.Background(), entries, issuer, Options{Fetcher: fetch, Now: now})
			if got.Code != want.code || got.Args["Says"] != want.says || !strings.Contains(got.Args["Problem"], want.problemContains) {
				t.Fatalf("got %s %s %v (%s), want %s says %q problem ~%q", got.Status, got.Code, got.Args, got.Detail, want.code, want.says, want.problemContains)
			}
			if want.code == "status.none" {
				if got.Status != credential.Skipped || len(entries) != 0 {
					t.Fatalf("no status: %+v", got)
				}
				return
			}
			if got.Status != credential.Warning {
				t.Fatalf("status %s, want warning", got.Status)
			}
			acc := Check(context.Background(), entries, issuer, Options{Fetcher: fetch, Now: now, AcceptListIssuer: accept})
			if want.acceptedNotChanged {
				if acc.Code != got.Code {
					t.Fatalf("accepting the status key changed %s to %s", got.Code, acc.Code)
				}
				return
			}
			if acc.Status != want.acceptedStatus || acc.Code != want.acceptedCode {
				t.Fatalf("accepted: got %s %s (%s), want %s %s", acc.Status, acc.Code, acc.Detail, want.acceptedStatus, want.acceptedCode)
			}
			t.Logf("%s %s; with the status key accepted: %s %s", got.Code, got.Args["Says"], acc.Status, acc.Code)
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if seen != 90 || withStatus != 39 {
		t.Fatalf("checked %d credentials, %d with a status; the fixtures hold 90 readable ones, 39 with a status", seen, withStatus)
	}
}

// edtechVerifier resolves the key of 1EdTech's test issuer. Its
// verification method is https://1edtech.edu/issuers/565049#z6Mk...,
// whose fragment is the Multikey itself (the validator's test shortcut),
// so the controller document is written here rather than fetched.
func edtechVerifier(t testing.TB) *ldp.Verifier {
	t.Helper()
	const id = "https://1edtech.edu/issuers/565049"
	const mk = "z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi"
	r, err := ldp.NewDocumentResolver(map[string]any{
		"id":                 id,
		"verificationMethod": []any{map[string]any{"id": id + "#" + mk, "type": "Multikey", "controller": id, "publicKeyMultibase": mk}},
		"assertionMethod":    []any{id + "#" + mk},
	})
	if err != nil {
		t.Fatal(err)
	}
	return &ldp.Verifier{Resolver: r}
}

// TestEdTechFixtures checks the 1EdTech validator's revoked credentials:
// the two in bit-string-list/ point at testlist (index 23, set) and come
// out revoked once the issuer's key is known; without it the list is
// unverified. The others use 1EdTechRevocationList, which is unsupported.
func TestEdTechFixtures(t *testing.T) {
	const dir = "vectors/ob3/1edtech-validator/ob30/"
	cases := []struct {
		file     string
		verifier *ldp.Verifier
		status   credential.Status
		code     string
		arg      string
	}{
		{"bit-string-list/credential-status-revoked.json", edtechVerifier(t), credential.Failed, "status.revoked", ""},
		{"bit-string-list/credential-status-revoked-blank-nodes.json", edtechVerifier(t), credential.Failed, "status.revoked", ""},
		{"bit-string-list/credential-status-revoked.json", nil, credential.Warning, "status.unverified", "the key that signed it could not be found"},
		{"credential-status-revoked.json", nil, credential.Warning, "status.unsupported", "1EdTechRevocationList"},
		{"complete.json", nil, credential.Warning, "status.unsupported", "1EdTechRevocationList"},
		{"endorsement-err-schema-status-refresh.json", nil, credential.Warning, "status.unsupported", "1EdTechRevocationList"},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			doc := readJSON(t, dir+c.file)
			got := Check(context.Background(), Entries(doc), idOf(doc["issuer"]), Options{Fetcher: fixtureFetcher(t), Verifier: c.verifier, Now: now})
			if got.Status != c.status || got.Code != c.code {
				t.Fatalf("got %s %s (%s), want %s %s", got.Status, got.Code, got.Detail, c.status, c.code)
			}
			if c.arg != "" && got.Args["Problem"] != c.arg && got.Args["Type"] != c.arg {
				t.Fatalf("args %v, want %q", got.Args, c.arg)
			}
		})
	}
}
