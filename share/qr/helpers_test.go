package qr

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/satchel-wallet/satchel/internal/fixture"
	"github.com/satchel-wallet/satchel/internal/interop"
)

// sample is one real input: a credential of the harness corpus, a fixture,
// or a presentation the harness signed.
type sample struct {
	name, kind string
	data       []byte
}

// corpusFiles returns the valid credentials of the harness corpus by kind
// (jsonld-vc2, jsonld-vc1, jwt, sdjwt).
func corpusFiles(t testing.TB) map[string][]sample {
	t.Helper()
	dir := interop.Corpus(t, 200)
	names, err := filepath.Glob(filepath.Join(dir, "cred-*"))
	if err != nil || len(names) == 0 {
		t.Fatalf("corpus in %s: %v", dir, err)
	}
	sort.Strings(names)
	out := map[string][]sample{}
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		base := filepath.Base(n)
		kind := "sdjwt"
		switch {
		case strings.Contains(base, "vc2-ldp"):
			kind = "jsonld-vc2"
		case strings.Contains(base, "vc1-ldp"):
			kind = "jsonld-vc1"
		case strings.HasSuffix(base, ".jwt"):
			kind = "jwt"
		}
		out[kind] = append(out[kind], sample{name: base, kind: kind, data: b})
	}
	return out
}

var (
	vpOnce sync.Once
	vpDir  string
)

// presentations returns 1-credential presentations signed by the harness
// (holder key of keys.json): a VP-JWT around a VC-JWT, JSON-LD VPs around a
// VC 2.0 and a VC 1.1 credential, an SD-JWT with a KB-JWT; and a VP-JWT of
// three credentials. They are made once into build/interop/qr-vps.
func presentations(t testing.TB) []sample {
	t.Helper()
	corpus := interop.Corpus(t, 200)
	specs := []struct{ name, format, cred string }{
		{"vp-jwt-1.jwt", "vp-jwt", "cred-0006-vc1-jwt-eddsa.jwt"},
		{"vp-ldp-vc2.json", "ldp", "cred-0000-vc2-ldp-eddsa-rdfc-2022.jsonld"},
		{"vp-ldp-vc1.json", "ldp", "cred-0004-vc1-ldp-ed25519-2020.jsonld"},
		{"vp-sdjwt.sdjwt", "sd-jwt", "cred-0008-sd-jwt-vc.sdjwt"},
		{"vp-jwt-3.jwt", "vp-jwt", "cred-0006-vc1-jwt-eddsa.jwt,cred-0007-vc1-jwt-es256.jwt,cred-0004-vc1-ldp-ed25519-2020.jsonld"},
	}
	vpOnce.Do(func() {
		vpDir = filepath.Join(interop.Dir(t), "qr-vps")
		if err := os.MkdirAll(vpDir, 0o755); err != nil {
			t.Fatal(err)
		}
	})
	var out []sample
	for _, s := range specs {
		path := filepath.Join(vpDir, s.name)
		if _, err := os.Stat(path); err != nil {
			args := []string{"--format", s.format, "--challenge", "nonce-4711", "--domain", "https://verifier.example", "--out", path}
			if s.format == "sd-jwt" {
				args = append(args, "--disclose", "all")
			}
			for _, c := range strings.Split(s.cred, ",") {
				args = append(args, filepath.Join(corpus, c))
			}
			interop.Node(t, "make-vp.mjs", args...)
		}
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, sample{name: s.name, kind: "vp", data: b})
	}
	return out
}

// ob3Fixtures returns the Open Badges 3.0 and CLR 2.0 examples of the
// shared fixtures.
func ob3Fixtures(t testing.TB) []sample {
	t.Helper()
	root := fixture.Path(t, "vectors/ob3")
	var out []sample
	for _, rel := range []string{
		"1edtech-validator/ob30/complete.json",
		"1edtech-validator/ob30/simple-eddsa-2022.json",
		"1edtech-validator/clr20/simple.json",
		"1edtech-validator/clr20/simple.jwt",
		"spec-ldp-testvector/signed.json",
	} {
		b, err := os.ReadFile(filepath.Join(root, rel))
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, sample{name: rel, kind: "ob3-fixture", data: b})
	}
	return out
}

// typicalVP is the benchmark's input: a JSON-LD VP of one VC 2.0 credential.
func typicalVP(t testing.TB) []byte {
	for _, s := range presentations(t) {
		if s.name == "vp-ldp-vc2.json" {
			return s.data
		}
	}
	t.Fatal("no vp-ldp-vc2.json")
	return nil
}
