package wallet_test

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/satchel-wallet/satchel/internal/fixture"
	"github.com/satchel-wallet/satchel/wallet"
	"github.com/satchel-wallet/satchel/wallet/credential"
	"github.com/satchel-wallet/satchel/wallet/did"
	"github.com/satchel-wallet/satchel/wallet/trust"
)

// fixtureWeb serves, in place of the network, the documents the fixtures'
// issuers publish: the DCC's did:web documents, and for the 1EdTech
// issuers, whose keys are at https addresses, a key document holding the
// key that the address's fragment names (the documents themselves are not
// in the fixtures; the earlier harness took the key from the fragment).
type fixtureWeb map[string][]byte

func (f fixtureWeb) Fetch(_ context.Context, url string) ([]byte, error) {
	if b, ok := f[url]; ok {
		return b, nil
	}
	return nil, did.ErrFetch
}

func newFixtureWeb(t *testing.T) fixtureWeb {
	t.Helper()
	web := fixtureWeb{}
	for _, name := range []string{"legacy", "oidf"} {
		id := "did:web:digitalcredentials.github.io:vc-test-fixtures:dids:" + name
		url, err := did.WebURL(id)
		if err != nil {
			t.Fatal(err)
		}
		web[url] = fixture.Read(t, "vectors/ob3/dcc-vc-test-fixtures/dids/"+name+"/did.json")
	}
	return web
}

// publish adds a key document for an https verification method whose
// fragment is a multibase key.
func (f fixtureWeb) publish(vm string) {
	base, frag, ok := strings.Cut(vm, "#")
	if !ok || !strings.HasPrefix(frag, "z") {
		return
	}
	doc, _ := json.Marshal(map[string]any{
		"@context":           []string{"https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"},
		"id":                 base,
		"verificationMethod": []any{map[string]any{"id": vm, "type": "Multikey", "controller": base, "publicKeyMultibase": frag}},
		"assertionMethod":    []string{vm},
	})
	f[base] = doc
}

// httpsMethods lists the https verification methods of a credential's
// proofs.
func httpsMethods(data []byte) []string {
	var doc map[string]any
	if json.Unmarshal(data, &doc) != nil {
		return nil
	}
	var out []string
	for _, vm := range proofMethods(doc) {
		if strings.HasPrefix(vm, "https://") {
			out = append(out, vm)
		}
	}
	return out
}

type tsvRow struct{ file, result string }

func readTSV(t *testing.T) []tsvRow {
	t.Helper()
	f, err := os.Open(fixture.Path(t, "vectors/ob3/VERIFY_RESULTS.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var rows []tsvRow
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		file, result, ok := strings.Cut(sc.Text(), "\t")
		if ok {
			rows = append(rows, tsvRow{strings.TrimPrefix(file, "ob3/"), result})
		}
	}
	return rows
}

// expectation says how Satchel must judge a row's proof, offline and with
// the network, from what the earlier harness observed.
type expectation struct {
	offline, online credential.Status // OK, Failed (or another not-OK status), Skipped
	rejected        bool
}

// expect derives the expectation from the table and from the credential's
// own keys. Where the earlier harness found a signature intact, Satchel
// also requires the key to be the issuer's, and finds it as the issuer
// publishes it; so it is stricter in two ways, each asserted here:
//   - a key that the credential's issuer does not control (a did:key while
//     the issuer is a urn:uuid) is a failed proof, not a verified one;
//   - a key the earlier harness read out of an address's fragment (a test
//     shortcut) is looked up where the issuer publishes it: for an https
//     address that needs the network, and another kind of address cannot
//     be looked up at all.
func expect(result string, data []byte) expectation {
	if strings.HasPrefix(result, "INVALID JSON") {
		return expectation{rejected: true}
	}
	never := expectation{credential.Failed, credential.Failed, false}
	if !strings.Contains(result, ": true [") || strings.Contains(result, ": false") {
		// false, no proof, unresolvable keys, unknown contexts,
		// unsupported suites: never verified.
		return never
	}
	var doc map[string]any
	if json.Unmarshal(data, &doc) != nil {
		return never
	}
	issuer, _ := doc["issuer"].(string)
	if m, ok := doc["issuer"].(map[string]any); ok {
		issuer, _ = m["id"].(string)
	}
	want := expectation{credential.OK, credential.OK, false}
	for _, vm := range proofMethods(doc) {
		base, _, _ := strings.Cut(vm, "#")
		switch {
		case base != issuer:
			return never
		case strings.HasPrefix(base, "did:key:"):
		case strings.HasPrefix(base, "did:web:"), strings.HasPrefix(base, "https://"):
			want.offline = credential.Skipped
		default:
			return never
		}
	}
	return want
}

// proofMethods lists the verification methods of a credential's proofs
// that Satchel supports (a proof of an unknown type is reported, not
// counted).
func proofMethods(doc map[string]any) []string {
	proofs, _ := doc["proof"].([]any)
	if p, ok := doc["proof"].(map[string]any); ok {
		proofs = []any{p}
	}
	var out []string
	for _, p := range proofs {
		if m, ok := p.(map[string]any); ok {
			if vm, _ := m["verificationMethod"].(string); vm != "" {
				out = append(out, vm)
			}
		}
	}
	return out
}

// TestVerifyResultsTSV runs every credential of VERIFY_RESULTS.tsv through
// the whole pipeline, offline and with the network, and checks the proof
// against what the table (and fixtures/README.md) says.
func TestVerifyResultsTSV(t *testing.T) {
	rows := readTSV(t)
	if len(rows) < 100 {
		t.Fatalf("only %d rows", len(rows))
	}
	offline, err := wallet.NewChecker(nil)
	if err != nil {
		t.Fatal(err)
	}
	web := newFixtureWeb(t)
	online, err := wallet.NewChecker(nil)
	if err != nil {
		t.Fatal(err)
	}
	online.Online, online.Fetcher = true, web
	proofOK := func(v *wallet.Verified) credential.Status {
		c, _ := v.Credential.Verification.Find(credential.CheckProof)
		if c.Status == credential.Warning {
			return credential.OK
		}
		if c.Status == "" {
			return credential.Failed
		}
		return c.Status
	}
	for _, r := range rows {
		t.Run(r.file, func(t *testing.T) {
			data, err := os.ReadFile(fixture.Path(t, filepath.Join("vectors/ob3", r.file)))
			if err != nil {
				t.Fatal(err)
			}
			for _, vm := range httpsMethods(data) {
				web.publish(vm)
			}
			want := expect(r.result, data)
			ctx := context.Background()
			off, on := offline.Verify(ctx, data), online.Verify(ctx, data)
			if want.rejected {
				if off.Credential.Verification.Verdict != credential.Rejected {
					t.Fatalf("want rejected, got %s", off.Credential.Verification.Verdict)
				}
				return
			}
			got := map[string]credential.Status{"offline": proofOK(off), "online": proofOK(on)}
			exp := map[string]credential.Status{"offline": want.offline, "online": want.online}
			for mode, w := range exp {
				g := got[mode]
				switch {
				case w == credential.OK && g != credential.OK, w == credential.Skipped && g != credential.Skipped, w == credential.Failed && g == credential.OK:
					v := off
					if mode == "online" {
						v = on
					}
					t.Errorf("%s: proof %s, want %s (the table says %q); %s", mode, g, w, r.result, summary(v.Credential.Verification))
				}
			}
		})
	}
}

// TestDCCCredentials runs every credential of the DCC test fixtures through
// the pipeline with the network simulated (their DID documents and status
// lists served) and the status lists' signer on the trust list, and checks
// the verdict their names promise: [registry]-[status]-[expiry].json.
func TestDCCCredentials(t *testing.T) {
	const dcc = "vectors/ob3/dcc-vc-test-fixtures/"
	web := newFixtureWeb(t)
	lists := "https://digitalcredentials.github.io/vc-test-fixtures/statusLists/didkey-ed25519Signature2020/"
	for _, name := range []string{"e5WK8CbZ1GjycuPombrj", "expired", "notYetValid", "tampered", "missingBitStringType"} {
		web[lists+name] = fixture.Read(t, dcc+"statusLists/didkey-ed25519Signature2020/"+name)
	}
	// Newer credentials point at the same list in another repository.
	web["https://raw.githubusercontent.com/digitalcredentials/verifier-core/refs/heads/main/src/test-fixtures/status/e5WK8CbZ1GjycuPombrj"] = web[lists+"e5WK8CbZ1GjycuPombrj"]
	var list struct{ Issuer any }
	json.Unmarshal(web[lists+"e5WK8CbZ1GjycuPombrj"], &list)
	listIssuer, _ := list.Issuer.(string)
	if m, ok := list.Issuer.(map[string]any); ok {
		listIssuer, _ = m["id"].(string)
	}
	tl := trust.New()
	if err := tl.Add(trust.Entry{Name: "DCC status lists", Source: "the DCC test fixtures", DIDs: []string{listIssuer}, Added: "2026-11-22"}); err != nil {
		t.Fatal(err)
	}
	ch, err := wallet.NewChecker(nil)
	if err != nil {
		t.Fatal(err)
	}
	ch.Online, ch.Fetcher, ch.Trust = true, web, tl

	files, _ := filepath.Glob(fixture.Path(t, dcc+"verifiableCredentials") + "/*/*/*/*.json")
	counts := map[credential.Verdict]int{}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".json")
		t.Run(strings.TrimPrefix(f, fixture.Root(t)), func(t *testing.T) {
			data, _ := os.ReadFile(f)
			v := ch.Verify(context.Background(), data)
			got := v.Credential.Verification.Verdict
			counts[got]++
			want := credential.Verified
			switch {
			case len(data) == 0:
				want = credential.Rejected // the one empty file of the fixtures
			case strings.Contains(name, "tamperedStatus"):
				// The status list was tampered with, not the credential: the
				// list's own proof fails, so revocation cannot be known;
				// that is a warning on the status check.
				if c, _ := v.Credential.Verification.Find(credential.CheckStatus); c.Status != credential.Warning {
					t.Fatalf("tampered status list: status check %s %s", c.Status, c.Code)
				}
			case strings.Contains(name, "tampered"), strings.Contains(name, "revoked"),
				strings.HasSuffix(name, "-expired"), strings.HasSuffix(name, "-notYetValid"), strings.Contains(name, "badDidWeb"),
				strings.Contains(name, "oldDCCExample"): // its context (w3id.org/dcc/v1) is not bundled
				want = credential.NotVerified
			}
			if got != want {
				t.Fatalf("%s, want %s: %s", got, want, summary(v.Credential.Verification))
			}
			if strings.Contains(name, "revoked") {
				if c, _ := v.Credential.Verification.Find(credential.CheckStatus); c.Status != credential.Failed || c.Code != "status.revoked" {
					t.Fatalf("revoked: status check %s %s", c.Status, c.Code)
				}
			}
		})
	}
	t.Logf("%d DCC credentials: %v", len(files), counts)
	if len(files) < 80 {
		t.Fatalf("only %d files", len(files))
	}
}
