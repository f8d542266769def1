package europass_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/satchel-wallet/satchel/share/europass"
	"github.com/satchel-wallet/satchel/wallet"
	"github.com/satchel-wallet/satchel/wallet/credential"
)

// elmOptions are the options of the ELM exports under test. For an
// SD-JWT VC every disclosable claim is disclosed, so that the round trip
// can be compared with the wallet's full view (TestELMSDJWTDisclosedOnly
// checks a partial disclosure).
func elmOptions(t testing.TB, v *wallet.Verified) europass.ELMOptions {
	opts := europass.ELMOptions{Now: exportTime, Holder: holderDID(t), WalletVersion: "test", Original: v.Original}
	for _, d := range v.Credential.Disclosures {
		// The top-level claim: Select takes what is below it too.
		top, _, _ := strings.Cut(strings.TrimPrefix(d.Path, "/"), "/")
		if !slices.Contains(opts.Disclose, "/"+top) {
			opts.Disclose = append(opts.Disclose, "/"+top)
		}
	}
	return opts
}

// exportAndCheck exports v to ELM, validates the export against the ELM
// 3.2 schema, imports it back and compares the content with what the
// round trip should give (expectAfterELM).
func exportAndCheck(t *testing.T, v *wallet.Verified) []byte {
	t.Helper()
	opts := elmOptions(t, v)
	data, err := europass.ELM(&v.Credential, opts)
	if err != nil {
		t.Fatalf("ELM: %v", err)
	}
	if err := validateELM(t, data); err != nil {
		t.Fatalf("the export does not validate against the ELM 3.2 schema: %v", err)
	}
	back := checker(t).Verify(context.Background(), data)
	got := back.Credential
	if got.Verification.Verdict == credential.Rejected || got.Format != credential.FormatEDC {
		t.Fatalf("the export reads back as %s %s: %v", got.Format, got.Verification.Verdict, got.Verification.Checks)
	}
	if p, _ := got.Verification.Find(credential.CheckProof); p.Status != credential.Failed || p.Code != "proof.none" {
		t.Fatalf("the export must read as unsealed, its proof check is %s %s", p.Status, p.Code)
	}
	want := expectAfterELM(&v.Credential, "en", opts.Holder, exportTime, europass.CountryAlpha3, europass.LanguageCode3)
	if d := want.diff(contentOf(&got)); d != "" {
		t.Fatalf("the round trip changed the content:\n%s", d)
	}
	return data
}

// TestELMCorpus converts every credential of the third-party corpus that
// the wallet accepts (OB3 as JSON-LD and VC-JWT, SD-JWT VCs), validates
// each against the ELM 3.2 schema and imports it back.
func TestELMCorpus(t *testing.T) {
	creds := corpusCredentials(t)
	if len(creds) < 200 {
		t.Fatalf("only %d corpus credentials imported", len(creds))
	}
	formats := map[credential.Format]int{}
	for _, v := range creds {
		t.Run(v.Credential.ID[:12], func(t *testing.T) {
			exportAndCheck(t, v)
			formats[v.Credential.Format]++
		})
	}
	t.Logf("corpus: %d credentials validated and read back: %v", len(creds), formats)
}

// TestELMFixtures does the same for the shared fixtures of every format:
// Open Badges 3.0 and CLR vectors, the DCC fixtures, Open Badges 2.0,
// SD-JWT examples and European Digital Credentials (ELM 3 JSON-LD and
// ELM 2 XML), presentations by their credentials.
func TestELMFixtures(t *testing.T) {
	creds := fixtureCredentials(t)
	names := make([]string, 0, len(creds))
	for n := range creds {
		names = append(names, n)
	}
	sort.Strings(names)
	formats := map[credential.Format]int{}
	for _, n := range names {
		v := creds[n]
		t.Run(n, func(t *testing.T) {
			exportAndCheck(t, v)
			formats[v.Credential.Format]++
		})
	}
	t.Logf("fixtures: %d credentials validated and read back: %v", len(names), formats)
	for _, f := range []credential.Format{credential.FormatVCLDP, credential.FormatVCJWT, credential.FormatSDJWT, credential.FormatOB2, credential.FormatEDC, credential.FormatEDCIXML} {
		if formats[f] == 0 {
			t.Errorf("no fixture of format %s was converted", f)
		}
	}
}

// TestELMHonest checks what the export says about itself: no proof, the
// converted profile, a new identifier, the original's identifier, and a
// conversion statement and record naming the wallet, the original's
// format, issuer and verification verdict.
func TestELMHonest(t *testing.T) {
	v := corpusCredentials(t)[0]
	data, err := europass.ELM(&v.Credential, elmOptions(t, v))
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		ID               string           `json:"id"`
		Proof            any              `json:"proof"`
		CredentialSchema []map[string]any `json:"credentialSchema"`
		Identifier       []struct {
			Notation string `json:"notation"`
		} `json:"identifier"`
		Evidence []struct {
			Statement string `json:"evidenceStatement"`
			Embedded  []struct {
				Content string `json:"content"`
			} `json:"embeddedEvidence"`
		} `json:"evidence"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Proof != nil || bytes.Contains(data, []byte(`"proof"`)) {
		t.Error("the export carries a proof")
	}
	if doc.ID == v.Credential.SourceID || doc.ID == "" {
		t.Errorf("the export's id %q must be its own, not the original's", doc.ID)
	}
	if len(doc.Identifier) != 1 || doc.Identifier[0].Notation != v.Credential.SourceID {
		t.Errorf("the original's identifier is not kept: %+v", doc.Identifier)
	}
	converted := false
	for _, s := range doc.CredentialSchema {
		converted = converted || s["id"] == "http://data.europa.eu/snb/model/ap/edc-converted"
	}
	if !converted {
		t.Error("the export does not name the EDC converted profile")
	}
	if len(doc.Evidence) != 1 || len(doc.Evidence[0].Embedded) != 1 {
		t.Fatalf("want one evidence with one embedded record, got %+v", doc.Evidence)
	}
	st := doc.Evidence[0].Statement
	for _, want := range []string{"Converted on 2026-03-02T10:00:00Z by Satchel test, the learner's own wallet", "Open Badges 3.0", v.Credential.SourceID, "Tallinn Digital Skills Academy", "Verified by Satchel on 2 March 2026", "carries no seal or signature of its issuer"} {
		if !strings.Contains(st, want) {
			t.Errorf("the statement lacks %q:\n%s", want, st)
		}
	}
	raw, err := base64.StdEncoding.DecodeString(doc.Evidence[0].Embedded[0].Content)
	if err != nil {
		t.Fatal(err)
	}
	var rec struct {
		Sealed   bool `json:"sealed"`
		Original struct {
			ID, Format, SHA256, WalletID string
		} `json:"original"`
		Verification struct {
			Verdict string `json:"verdict"`
		} `json:"verificationOfOriginal"`
	}
	if err := json.Unmarshal(raw, &rec); err != nil {
		t.Fatal(err)
	}
	if rec.Sealed || rec.Original.ID != v.Credential.SourceID || rec.Original.Format != "vc-ldp" || len(rec.Original.SHA256) != 64 ||
		rec.Original.WalletID != v.Credential.ID || rec.Verification.Verdict != "Verified" {
		t.Errorf("conversion record: %s", raw)
	}
	back := verify(t, data)
	if back.Credential.Verification.Verdict == credential.Verified {
		t.Error("the converted copy verifies as if it were sealed")
	}
}

// TestELMSDJWTDisclosedOnly exports an SD-JWT VC disclosing one claim
// (the learner's name): the export carries it and the issuer-signed
// claims, and none of the values the learner kept back (the learning
// outcomes).
func TestELMSDJWTDisclosedOnly(t *testing.T) {
	var v *wallet.Verified
	for _, c := range corpusCredentials(t) {
		if c.Credential.Format == credential.FormatSDJWT && len(c.Credential.Disclosures) > 3 {
			v = c
			break
		}
	}
	if v == nil {
		t.Fatal("no SD-JWT VC with disclosures in the corpus")
	}
	opts := europass.ELMOptions{Now: exportTime, Holder: holderDID(t), Original: v.Original, Disclose: []string{"learner_name"}}
	data, err := europass.ELM(&v.Credential, opts)
	if err != nil {
		t.Fatal(err)
	}
	if err := validateELM(t, data); err != nil {
		t.Fatal(err)
	}
	back := verify(t, data).Credential
	if back.Learner.Name.IsZero() || back.Learner.Name.In("en") != v.Credential.Learner.Name.In("en") {
		t.Errorf("the disclosed name %q did not come through: %q", v.Credential.Learner.Name.In("en"), back.Learner.Name.In("en"))
	}
	if len(back.LearningOutcomes) != 0 || back.Title.IsZero() || back.ECTS == nil {
		t.Errorf("want the issuer-signed claims without the outcomes: %d outcomes, title %q", len(back.LearningOutcomes), back.Title.In("en"))
	}
	kept := 0
	for _, d := range v.Credential.Disclosures {
		if d.Name == "learner_name" {
			continue
		}
		var val any
		if err := json.Unmarshal([]byte(d.Value), &val); err != nil {
			continue
		}
		s, ok := val.(string)
		if ok && len(s) > 3 {
			kept++
			if bytes.Contains(data, []byte(s)) {
				t.Errorf("the undisclosed claim %s (%q) is in the export", d.Path, s)
			}
		}
	}
	if kept == 0 {
		t.Error("no undisclosed claim was looked for")
	}
	if _, err := europass.ELM(&v.Credential, europass.ELMOptions{Now: exportTime}); !errors.Is(err, europass.ErrNoOriginal) {
		t.Errorf("an SD-JWT export without the original: %v, want ErrNoOriginal", err)
	}
	opts.Disclose = []string{"no_such_claim"}
	if _, err := europass.ELM(&v.Credential, opts); !errors.Is(err, europass.ErrNotDisclosable) {
		t.Errorf("disclosing an unknown claim: %v, want ErrNotDisclosable", err)
	}
}
