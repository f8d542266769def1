package cborld

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/satchel-wallet/satchel/internal/interop"
	"github.com/satchel-wallet/satchel/wallet"
	"github.com/satchel-wallet/satchel/wallet/jsonld"
)

// TestVPQRPayloads decodes the payloads vpqr writes (vpqr-roundtrip.mjs,
// fresh): each must give back the presentation it was made from (the same
// JSON, so the same RDF), whose proofs must verify as the original's do;
// encoding that presentation must give vpqr's bytes exactly.
func TestVPQRPayloads(t *testing.T) {
	harness(t)
	dir := t.TempDir()
	interop.Node(t, "vpqr-roundtrip.mjs", "--out", dir)
	fresh := readFixtures(t, dir)
	if len(fresh) != 4 {
		t.Fatalf("vpqr-roundtrip.mjs wrote %d payloads, want 4", len(fresh))
	}
	kept := map[string]fixture{}
	for _, f := range testdataFixtures(t) {
		kept[f.name] = f
	}
	for _, f := range fresh {
		t.Run(f.name, func(t *testing.T) {
			if kept[f.name].text != f.text {
				t.Errorf("testdata/vpqr/%s.txt is not what the harness writes now; regenerate it (testdata/README.md)", f.name)
			}
			want := parse(t, f.vp)
			got := decodeMap(t, f.data)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("decoded presentation differs from the original")
			}
			if nquads(t, got) != nquads(t, want) {
				t.Fatal("decoded presentation has other RDF than the original")
			}
			sameVerdicts(t, f.vp, got)
			enc, err := Encode(want)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(enc, f.data) {
				t.Fatalf("Encode gives %d bytes, vpqr %d, not the same", len(enc), len(f.data))
			}
			t.Logf("VP %d bytes JSON, %d bytes CBOR-LD: decoded equal, same RDF, same verdicts; encoded identical", len(f.vp), len(f.data))
		})
	}
}

// TestReferenceCorpus runs the harness's credential corpus, and
// presentations of several credentials, through cborld 4.3.4 and this
// package both ways: what cborld encodes decodes here to the original, and
// encodes here to the same bytes; what this package encodes, cborld
// decodes to the original.
func TestReferenceCorpus(t *testing.T) {
	harness(t)
	corpus := interop.Corpus(t, 200)
	files, err := filepath.Glob(filepath.Join(corpus, "*.jsonld"))
	if err != nil {
		t.Fatal(err)
	}
	var docs []string
	for _, f := range files {
		// 5 MiB of credential, far beyond the decoder's 64 KiB; the limit
		// has its own test.
		if !strings.Contains(f, "neg-large-5mb") {
			docs = append(docs, f)
		}
	}
	vps := multiPresentations(t, corpus)
	docs = append(docs, vps...)

	ref := reference(t, "encode", docs...)
	tmp := t.TempDir()
	var ours []string
	originals := map[string]map[string]any{}
	refused := 0
	for i, f := range docs {
		r := ref[f]
		raw, _ := os.ReadFile(f)
		want, perr := jsonld.ParseObject(raw, 0)
		if r.Error != "" {
			if _, err := Encode(want); perr == nil && err == nil {
				t.Errorf("%s: cborld refuses it (%s), Encode does not", filepath.Base(f), r.Error)
			}
			refused++
			continue
		}
		data := hexBytes(t, r.Hex)
		if got := decodeMap(t, data); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: decoded document differs from the original", filepath.Base(f))
		}
		enc, err := Encode(want)
		if err != nil {
			t.Errorf("%s: Encode: %v", filepath.Base(f), err)
			continue
		}
		if !bytes.Equal(enc, data) {
			t.Errorf("%s: Encode gives other bytes than cborld (%d, %d)", filepath.Base(f), len(enc), len(data))
		}
		out := filepath.Join(tmp, fmt.Sprintf("%03d.cborld", i))
		if err := os.WriteFile(out, enc, 0o644); err != nil {
			t.Fatal(err)
		}
		ours = append(ours, out)
		originals[out] = want
	}
	back := reference(t, "decode", ours...)
	for _, f := range ours {
		r := back[f]
		if r.Error != "" {
			t.Errorf("cborld cannot decode what Encode wrote: %s", r.Error)
			continue
		}
		if got := parse(t, r.Doc); !reflect.DeepEqual(got, originals[f]) {
			t.Errorf("%s: cborld decodes what Encode wrote to another document", f)
		}
	}
	for _, vp := range vps {
		raw, _ := os.ReadFile(vp)
		r := ref[vp]
		got := decodeMap(t, hexBytes(t, r.Hex))
		if nquads(t, got) != nquads(t, parse(t, raw)) {
			t.Errorf("%s: other RDF after the trip", filepath.Base(vp))
		}
		sameVerdicts(t, raw, got)
	}
	t.Logf("%d documents: %d decoded and re-encoded identically, %d read back by cborld, %d refused by both", len(docs), len(ours), len(back), refused)
}

// multiPresentations makes presentations of several credentials with the
// harness (make-vp.mjs): objects in an array then carry their own
// contexts, which cborld's context stack lets leak from one to the next.
func multiPresentations(t *testing.T, corpus string) []string {
	t.Helper()
	dir := t.TempDir()
	var out []string
	for name, creds := range map[string][]string{
		"vp-3-vc2.json": {"cred-0000-vc2-ldp-eddsa-rdfc-2022.jsonld", "cred-0001-vc2-ldp-eddsa-rdfc-2022.jsonld", "cred-0002-vc2-ldp-eddsa-rdfc-2022.jsonld"},
		"vp-2-vc1.json": {"cred-0004-vc1-ldp-ed25519-2020.jsonld", "cred-0005-vc1-ldp-ed25519-2020.jsonld"},
	} {
		args := []string{"--format", "ldp", "--challenge", "c-1", "--domain", "verifier.example", "--now", "2025-06-01T12:00:00Z", "--out", filepath.Join(dir, name)}
		for _, c := range creds {
			args = append(args, filepath.Join(corpus, c))
		}
		interop.Node(t, "make-vp.mjs", args...)
		out = append(out, filepath.Join(dir, name))
	}
	return out
}

// decodeMap decodes CBOR-LD that must hold one document.
func decodeMap(t testing.TB, data []byte) map[string]any {
	t.Helper()
	doc, err := Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	m, ok := doc.(map[string]any)
	if !ok {
		t.Fatalf("decoded a %T", doc)
	}
	return m
}

// sameVerdicts verifies the original presentation and the decoded one
// with the wallet (the presentation's proof, then each credential's) and
// wants the same outcome of every check, with every proof verified.
func sameVerdicts(t *testing.T, original []byte, decoded map[string]any) {
	t.Helper()
	holder, _ := decoded["holder"].(string)
	c, err := wallet.NewChecker([]wallet.Holder{{ID: "h", DID: holder}})
	if err != nil {
		t.Fatal(err)
	}
	c.Now = time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC)
	dec, err := json.Marshal(decoded)
	if err != nil {
		t.Fatal(err)
	}
	want, got := verdicts(c.Verify(context.Background(), original)), verdicts(c.Verify(context.Background(), dec))
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("verdicts differ:\n got %v\nwant %v", got, want)
	}
	for _, v := range want {
		if !strings.Contains(v, "proof=ok") {
			t.Fatalf("a proof does not verify, even in the original: %v", want)
		}
	}
}

// verdicts summarises a verification: the presentation's, then each
// credential's verdict and checks.
func verdicts(v *wallet.Verified) []string {
	one := func(v *wallet.Verified) string {
		var b strings.Builder
		b.WriteString(string(v.Credential.Verification.Verdict))
		for _, c := range v.Credential.Verification.Checks {
			fmt.Fprintf(&b, " %s=%s", c.Check, c.Status)
		}
		return b.String()
	}
	out := []string{one(v)}
	for _, e := range v.Embedded {
		out = append(out, one(e))
	}
	return out
}
