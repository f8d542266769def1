package cborld

import (
	"bufio"
	"bytes"
	"context"
	"encoding/base32"
	"encoding/hex"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mr-tron/base58"

	"github.com/satchel-wallet/satchel/internal/interop"
	"github.com/satchel-wallet/satchel/wallet/jsonld"
	"github.com/satchel-wallet/satchel/wallet/rdfc"
)

// b32 is the Base32 of vpqr: RFC 4648, upper case, no padding.
var b32 = base32.StdEncoding.WithPadding(base32.NoPadding)

// harness returns the interop harness folder. Without node the test is
// skipped, or fails when SATCHEL_REQUIRE_TOOLS=1 (make test sets it: CI
// must not skip silently).
func harness(t testing.TB) string {
	t.Helper()
	if _, err := exec.LookPath("node"); err != nil {
		if os.Getenv("SATCHEL_REQUIRE_TOOLS") == "1" {
			t.Fatalf("node is missing and SATCHEL_REQUIRE_TOOLS=1: %v", err)
		}
		t.Skipf("node is missing (Node.js 20 or newer runs the interop harness): %v", err)
	}
	return interop.Dir(t)
}

// fixture is a VP1 payload and the presentation it was made from.
type fixture struct {
	name string
	text string // "VP1-B..."
	data []byte // its CBOR-LD
	vp   []byte // the presentation's JSON
}

// readFixtures reads the payloads of dir: NAME.txt (vpqr's text) and
// NAME.vp.json, as vpqr-roundtrip.mjs --out writes them.
func readFixtures(t testing.TB, dir string) []fixture {
	t.Helper()
	texts, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(texts) == 0 {
		t.Fatalf("no payloads in %s: %v", dir, err)
	}
	var out []fixture
	for _, f := range texts {
		text, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		vp, err := os.ReadFile(strings.TrimSuffix(f, ".txt") + ".vp.json")
		if err != nil {
			t.Fatal(err)
		}
		s := strings.TrimSpace(string(text))
		out = append(out, fixture{
			name: strings.TrimSuffix(filepath.Base(f), ".txt"),
			text: s, data: payloadData(t, s), vp: vp,
		})
	}
	return out
}

// testdataFixtures are the four payloads kept in testdata/vpqr (see
// testdata/README.md).
func testdataFixtures(t testing.TB) []fixture {
	return readFixtures(t, filepath.Join("testdata", "vpqr"))
}

// payloadData returns the CBOR-LD of a VP1 text.
func payloadData(t testing.TB, text string) []byte {
	t.Helper()
	rest, ok := strings.CutPrefix(text, "VP1-B")
	if !ok {
		t.Fatalf("not a VP1-B payload: %.20q", text)
	}
	b, err := b32.DecodeString(rest)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// parse reads JSON as the wallet does.
func parse(t testing.TB, b []byte) map[string]any {
	t.Helper()
	m, err := jsonld.ParseObject(b, 0)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// nquads returns the canonical N-Quads of a JSON-LD document.
func nquads(t testing.TB, doc map[string]any) string {
	t.Helper()
	p, err := jsonld.Default()
	if err != nil {
		t.Fatal(err)
	}
	r, err := p.Canonicalize(context.Background(), doc, rdfc.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return string(r.NQuads)
}

// refScript runs cborld 4.3.4 itself, from the harness's packages and with
// its offline document loader: "encode FILE..." prints the CBOR-LD of each
// JSON file in hex, "decode FILE..." the JSON-LD of each CBOR-LD file. One
// JSON line per file, with "error" when the library fails.
const refScript = `import fs from 'node:fs';
const [dir, op, ...files] = process.argv.slice(2);
const {encode, decode} = await import(dir + '/node_modules/@digitalcredentials/cborld/dist/esm/index.js');
const {documentLoader} = await import(dir + '/lib/loader.mjs');
for (const file of files) {
  try {
    if (op === 'encode') {
      const bytes = await encode({jsonldDocument: JSON.parse(fs.readFileSync(file, 'utf8')), documentLoader});
      console.log(JSON.stringify({file, hex: Buffer.from(bytes).toString('hex')}));
    } else {
      const doc = await decode({cborldBytes: new Uint8Array(fs.readFileSync(file)), documentLoader});
      console.log(JSON.stringify({file, doc}));
    }
  } catch (e) {
    console.log(JSON.stringify({file, error: String(e && e.message || e)}));
  }
}
`

// refResult is one line of refScript's output.
type refResult struct {
	File  string          `json:"file"`
	Hex   string          `json:"hex"`
	Doc   json.RawMessage `json:"doc"`
	Error string          `json:"error"`
}

// reference runs refScript over files (absolute paths), in one node
// process, and returns its results by file.
func reference(t testing.TB, op string, files ...string) map[string]refResult {
	t.Helper()
	dir := harness(t)
	script := filepath.Join(t.TempDir(), "cborld-ref.mjs")
	if err := os.WriteFile(script, []byte(refScript), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("node", append([]string{script, dir, op}, files...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node cborld-ref.mjs %s: %v\n%s", op, err, stderr.String())
	}
	res := map[string]refResult{}
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(nil, 64<<20)
	for sc.Scan() {
		var r refResult
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("cborld-ref.mjs: %v: %.200s", err, sc.Text())
		}
		res[r.File] = r
	}
	if len(res) != len(files) {
		t.Fatalf("cborld-ref.mjs answered for %d of %d files", len(res), len(files))
	}
	return res
}

// hexBytes decodes a refResult's hex.
func hexBytes(t testing.TB, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func mustBase58(t testing.TB, s string) []byte {
	t.Helper()
	b, err := base58.Decode(s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// jsonMarshal writes JSON as the wallet reads it back.
func jsonMarshal(v any) ([]byte, error) { return json.Marshal(v) }

// parseJSON reads untrusted JSON as the wallet does, within its limits.
func parseJSON(b []byte) (any, error) { return jsonld.Parse(b, 1<<20) }
